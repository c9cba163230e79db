"""The daemon's settings: defaults, then the config JSON, then the command line.

Every setting is a key in the config JSON (GlusterFS style, dashes:
``data-dir``, ``port``...) and, for the ones in :data:`OPTION_KEYS`, a twistd
option.  :data:`SETTINGS` is the single table of names, types, defaults and
checks; ``docs/configuration.md`` documents it.
"""

import ipaddress
import json
import os

import attrs

from geventsd import paths
from geventsd.store import SYNC_MODES


class ConfigError(ValueError):
    """A setting has a value it cannot take; the message says what is allowed."""


def _port(value):
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 65535:
        raise ConfigError("must be a port number from 0 to 65535")
    return value


def _positive_int(value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError("must be a whole number of at least 1")
    return value


def _bool(value):
    if not isinstance(value, bool):
        raise ConfigError("must be true or false")
    return value


def _string(value):
    if not isinstance(value, str) or not value:
        raise ConfigError("must be a non-empty string")
    return value


def _path(value):
    return os.path.abspath(os.path.expanduser(_string(value)))


def _address(value):
    _string(value)
    try:
        ipaddress.ip_address(value)
    except ValueError:
        raise ConfigError("must be an IP address such as 127.0.0.1 or 0.0.0.0")
    return value


def _mode(value):
    if isinstance(value, str):
        try:
            value = int(value, 8)
        except ValueError:
            raise ConfigError("must be an octal file mode such as \"0660\"")
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 0o777:
        raise ConfigError("must be an octal file mode such as \"0660\"")
    return value


def _sync(value):
    if value not in SYNC_MODES:
        raise ConfigError("must be one of: %s" % ", ".join(SYNC_MODES))
    return value


def _node_id(value):
    value = _string(value)
    if any(c.isspace() for c in value) or len(value) > 128:
        raise ConfigError("must be at most 128 characters without spaces")
    return value


@attrs.frozen
class Setting:
    """One setting.  *live* settings take effect on reload; the others
    need a restart (listeners, paths and identity are fixed at start)."""

    name: str
    check: object
    default: object
    description: str
    live: bool = False


# default None: computed from other settings (see resolve()).
SETTINGS = (
    Setting("data-dir", _path, None,
            "Directory of the event log, node id, admin token and lock."),
    Setting("socket", _path, None, "Path of the AF_UNIX datagram socket events are sent to."),
    Setting("socket-mode", _mode, 0o660, "File mode of the socket (octal string)."),
    Setting("bind", _address, paths.DEFAULT_BIND, "Address of the HTTP API (and UDP)."),
    Setting("port", _port, paths.DEFAULT_PORT, "TCP port of the HTTP and WebSocket API."),
    Setting("udp", _bool, False, "Also accept datagrams over UDP on bind:udp-port."),
    Setting("udp-port", _port, None,
            "UDP port (default: the API port; GlusterFS >= 10 sends to 55555)."),
    Setting("node-id", _node_id, None,
            "This node's id (default: glusterd's UUID, else one generated once)."),
    Setting("log-sync", _sync, "full",
            "SQLite synchronous mode: full survives power loss, normal only crashes."),
    Setting("log-retention-days", _positive_int, 30,
            "Events older than this many days are pruned from the log.", live=True),
    Setting("log-max-events", _positive_int, 10000000,
            "At most this many events are kept in the log.", live=True),
)
SETTINGS_BY_NAME = {s.name: s for s in SETTINGS}

# Settings that are also twistd options, by option name.
OPTION_KEYS = ("data-dir", "socket", "port", "bind", "udp", "udp-port", "node-id")


@attrs.frozen
class Config:
    """Resolved settings; ``sources`` says where each came from."""

    values: dict
    sources: dict
    config_path: str
    problems: tuple = ()
    #: Keys of the file whose values were refused (kept at their old value on reload).
    rejected: tuple = ()
    #: The file exists but could not be read as a JSON object at all.
    file_error: bool = False

    def __getitem__(self, name):
        return self.values[name]

    @property
    def http_url(self):
        return http_url(self.values["bind"], self.values["port"])

    @property
    def loopback_only(self):
        return ipaddress.ip_address(self.values["bind"]).is_loopback


def http_url(bind, port):
    """The URL a local client uses to reach an API bound to *bind*:*port*."""
    host = "127.0.0.1" if bind in ("0.0.0.0", "::") else bind
    if ":" in host:
        host = "[%s]" % host
    return "http://%s:%d" % (host, port)


def check(name, value):
    """Validate one setting; :class:`ConfigError` names the key and the rule."""
    setting = SETTINGS_BY_NAME.get(name)
    if setting is None:
        raise ConfigError("unknown setting %r (known: %s)"
                          % (name, ", ".join(sorted(SETTINGS_BY_NAME))))
    try:
        return setting.check(value)
    except ConfigError as e:
        raise ConfigError("%s %s" % (name, e))


def read_config_file(path):
    """Settings from the config JSON at *path*.

    :return: ``(values, problems, rejected)``; *rejected* is None when the
        whole file is unusable, else the keys whose values were refused.  A
        missing file is no problem; a corrupt one, an unknown key or a bad
        value is reported in *problems* and skipped, so a hand-edited file
        never stops the daemon from starting.
    """
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except FileNotFoundError:
        return {}, (), ()
    except (OSError, ValueError) as e:
        return {}, ("ignoring config file %s: %s" % (path, e),), None
    if not isinstance(doc, dict):
        return {}, ("ignoring config file %s: not a JSON object" % path,), None
    values, problems, rejected = {}, [], []
    for name, value in doc.items():
        try:
            values[name] = check(name, value)
        except ConfigError as e:
            problems.append("ignoring %s in %s: %s" % (name, path, e))
            rejected.append(name)
    return values, tuple(problems), tuple(rejected)


def resolve(options, env=None, euid=None):
    """The :class:`Config` for *options* (setting name -> value or None).

    Precedence: command line, then config file, then defaults.
    """
    config_path = options.get("config") or paths.default_config_path(env, euid)
    file_values, problems, rejected = read_config_file(config_path)
    values, sources = {}, {}
    for setting in SETTINGS:
        if options.get(setting.name) is not None:
            values[setting.name] = check(setting.name, options[setting.name])
            sources[setting.name] = "command line"
        elif setting.name in file_values:
            values[setting.name] = file_values[setting.name]
            sources[setting.name] = config_path
        else:
            values[setting.name] = setting.default
            sources[setting.name] = "default"
    if values["data-dir"] is None:
        values["data-dir"] = paths.default_data_dir(env, euid)
    if values["socket"] is None:
        values["socket"] = paths.default_socket(values["data-dir"], euid)
    if values["udp-port"] is None:
        values["udp-port"] = values["port"]
    return Config(values=values, sources=sources, config_path=config_path,
                  problems=problems, rejected=rejected or (), file_error=rejected is None)


def reloaded(current, fresh):
    """Merge a freshly resolved config into the running one.

    :return: ``(config, applied, restart_needed)``: the config to run with
        (live settings from *fresh*, the rest kept from *current*) and the
        names of changed settings of each kind.
    """
    values = dict(current.values)
    sources = dict(current.sources)
    applied, restart_needed = [], []
    if fresh.file_error:
        # An unreadable file changes nothing: keep running as configured.
        return attrs.evolve(current, problems=fresh.problems), applied, restart_needed
    for setting in SETTINGS:
        name = setting.name
        if name in fresh.rejected or fresh.values[name] == current.values[name]:
            continue
        if setting.live:
            values[name] = fresh.values[name]
            sources[name] = fresh.sources[name]
            applied.append(name)
        else:
            restart_needed.append(name)
    config = Config(values=values, sources=sources, config_path=current.config_path,
                    problems=fresh.problems)
    return config, applied, restart_needed
