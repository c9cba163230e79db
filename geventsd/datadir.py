"""Start-up housekeeping of the data dir: the lock, node id, admin token,
runtime file and the socket file.

These run once, synchronously, from ``makeService`` (before the reactor
runs) or from a service's start/stop; none is on the event path.
"""

import errno
import fcntl
import json
import os
import re
import secrets
import socket
import stat
import uuid

from geventsd import paths


class StartupError(Exception):
    """The daemon must not start; the message says why and what to do."""


def ensure_dir(path, mode=0o700):
    os.makedirs(path, mode=mode, exist_ok=True)


class DataDirLock:
    """An exclusive ``flock`` on ``<data-dir>/geventsd.lock``.

    The kernel drops it when the process dies, so a ``kill -9`` never leaves
    a stale lock behind; the file holds the owner's pid for the message.
    """

    def __init__(self, data_dir):
        self.path = paths.lock_path(data_dir)
        self._fd = None

    def acquire(self):
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.EACCES):
                os.close(fd)
                raise
            owner = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise StartupError(
                "another geventsd (pid %s) is already running on data dir %s; "
                "stop it first or give this one its own --data-dir"
                % (owner, os.path.dirname(self.path)))
        os.ftruncate(fd, 0)
        os.pwrite(fd, b"%d\n" % os.getpid(), 0)
        self._fd = fd

    def update_pid(self):
        """Rewrite the pid (twistd may fork after ``makeService``)."""
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.pwrite(self._fd, b"%d\n" % os.getpid(), 0)

    def release(self):
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def write_atomically(path, data, mode=0o644):
    """Write *data* to *path* through a temporary file and a rename."""
    tmp = "%s.tmp.%d" % (path, os.getpid())
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, mode)
    os.replace(tmp, path)


_UUID_LINE = re.compile(r"^UUID=(\S+)\s*$", re.M)


def glusterd_uuid(info_path=paths.GLUSTERD_INFO):
    """The ``UUID=`` of glusterd.info, or None when unreadable."""
    try:
        with open(info_path, encoding="utf-8", errors="replace") as f:
            match = _UUID_LINE.search(f.read(65536))
    except OSError:
        return None
    return match.group(1) if match else None


def resolve_node_id(data_dir, configured=None, info_path=paths.GLUSTERD_INFO):
    """``(node_id, source)``: configured, else glusterd's, else kept in the data dir."""
    if configured:
        return configured, "configured"
    found = glusterd_uuid(info_path)
    if found:
        return found, info_path
    path = paths.node_id_path(data_dir)
    try:
        with open(path, encoding="utf-8") as f:
            kept = f.read().strip()
        if kept:
            return kept, path
    except FileNotFoundError:
        pass
    generated = str(uuid.uuid4())
    write_atomically(path, (generated + "\n").encode("ascii"))
    return generated, path


def admin_token(data_dir):
    """The admin token, created (mode 0600) on first start."""
    path = paths.token_path(data_dir)
    try:
        with open(path, encoding="ascii") as f:
            token = f.read().strip()
        if token:
            return token
    except FileNotFoundError:
        pass
    token = secrets.token_urlsafe(32)
    write_atomically(path, (token + "\n").encode("ascii"), mode=0o600)
    return token


def read_runtime(data_dir):
    """What a running daemon wrote about itself, or {}."""
    try:
        with open(paths.runtime_path(data_dir), encoding="utf-8") as f:
            doc = json.load(f)
        return doc if isinstance(doc, dict) else {}
    except (OSError, ValueError):
        return {}


def clear_stale_socket(path):
    """Remove *path* if it is a socket nobody listens on.

    :raise StartupError: a daemon is listening there, or it is not a socket.
    """
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return False
    if not stat.S_ISSOCK(st.st_mode):
        raise StartupError("%s exists and is not a socket; refusing to replace it" % path)
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        probe.connect(path)
    except OSError as e:
        if e.errno != errno.ECONNREFUSED:
            raise StartupError("cannot check socket %s: %s" % (path, e))
    else:
        raise StartupError("another process is listening on %s; stop it or use --socket"
                           % path)
    finally:
        probe.close()
    os.unlink(path)
    return True
