"""Where geventsd keeps its files, decided the same way by the daemon, the
CLI and the ``gf_event`` client (SPEC 2).

Pure functions of the environment and the effective uid, so they are tested
with plain dicts.
"""

import os

GLUSTERD_INFO = "/var/lib/glusterd/glusterd.info"
GLUSTER_EVENTS_DIR = "/var/lib/glusterd/events"
ROOT_SOCKET = "/var/run/gluster/events.sock"
DEFAULT_BIND = "127.0.0.1"
DEFAULT_PORT = 24009
# What GlusterFS processes send to over UDP since release 10 (24009 before).
GLUSTER_UDP_PORT = 55555


def _is_root(euid):
    return (os.geteuid() if euid is None else euid) == 0


def _home(env):
    return env.get("HOME") or os.path.expanduser("~")


def default_data_dir(env=None, euid=None):
    """``/var/lib/geventsd`` as root, else ``$XDG_STATE_HOME/geventsd``."""
    env = os.environ if env is None else env
    if _is_root(euid):
        return "/var/lib/geventsd"
    state = env.get("XDG_STATE_HOME") or os.path.join(_home(env), ".local", "state")
    return os.path.join(state, "geventsd")


def default_socket(data_dir, euid=None):
    """``/var/run/gluster/events.sock`` as root, else ``<data-dir>/events.sock``."""
    if _is_root(euid):
        return ROOT_SOCKET
    return os.path.join(data_dir, "events.sock")


def default_config_path(env=None, euid=None):
    """``/etc/geventsd/config.json`` as root, else under ``$XDG_CONFIG_HOME``."""
    env = os.environ if env is None else env
    if _is_root(euid):
        return "/etc/geventsd/config.json"
    config = env.get("XDG_CONFIG_HOME") or os.path.join(_home(env), ".config")
    return os.path.join(config, "geventsd", "config.json")


def client_data_dir(env=None, euid=None):
    """The data dir a client (CLI, ``gf_event``) looks in."""
    env = os.environ if env is None else env
    return env.get("GEVENTSD_DATA_DIR") or default_data_dir(env, euid)


# Files inside the data dir.
def log_path(data_dir):
    return os.path.join(data_dir, "events.db")


def lock_path(data_dir):
    return os.path.join(data_dir, "geventsd.lock")


def node_id_path(data_dir):
    return os.path.join(data_dir, "node-id")


def token_path(data_dir):
    return os.path.join(data_dir, "admin-token")


def runtime_path(data_dir):
    """Written by a running daemon: its pid, API URL and socket, for clients."""
    return os.path.join(data_dir, "runtime.json")
