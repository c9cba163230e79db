"""``gf_event``: send one event to the local geventsd, GlusterFS style.

For Python emitters (gsyncd-like tools, scripts, tests)::

    from geventsd.emit import gf_event, EmitStatus
    status = gf_event("VOLUME_CREATE", name="gv1")
    gf_event("GEOREP_CREATE", **{"push-pem": True, "ssh-port": 22})

It never raises: like GlusterFS's ``gf_event`` it returns a status, and an
emitter must never fail because the events daemon is down.  The socket is
found as the daemon finds it (``GEVENTSD_SOCKET``, else the running
daemon's ``runtime.json``, else the default path).
"""

import enum
import os
import socket
import time

from geventsd import datadir, paths
from geventsd.catalog import default_catalog
from geventsd.wire import MAX_DATAGRAM


class EmitStatus(enum.IntEnum):
    """Outcome of :func:`gf_event`, numbered like GlusterFS's ``EVENT_*`` codes."""

    OK = 0
    INVALID_INPUTS = -1
    SOCKET = -2
    CONNECT = -3
    RESOLVE = -4
    MSG_FORMAT = -5
    SEND = -6


def find_socket(env=None):
    """The datagram socket path a client should send to."""
    env = os.environ if env is None else env
    if env.get("GEVENTSD_SOCKET"):
        return env["GEVENTSD_SOCKET"]
    data_dir = paths.client_data_dir(env)
    running = datadir.read_runtime(data_dir).get("socket")
    if isinstance(running, str) and running:
        return running
    return paths.default_socket(data_dir)


def _value_text(key, value):
    if isinstance(value, bool):
        return "1" if value else "0"
    if key == "options" and isinstance(value, (list, tuple)):
        flat = []
        for pair in value:
            if not isinstance(pair, (list, tuple)) or len(pair) != 2:
                raise ValueError("options must be (key, value) pairs")
            texts = [str(p) for p in pair]
            if any("," in t for t in texts):
                raise ValueError("option keys and values may not contain ','")
            flat.extend(texts)
        return ",".join(flat)
    return str(value)


def format_event(event_type, attrs, ts=None, catalog=None):
    """The GlusterFS wire datagram for an event, as bytes.

    :param event_type: a type name (``"VOLUME_CREATE"``, ``EVENT_`` prefix
        allowed) or its GlusterFS id.
    :raise ValueError: unknown type, or an attribute the format cannot carry.
    """
    catalog = catalog or default_catalog()
    if isinstance(event_type, int) and not isinstance(event_type, bool):
        etype = catalog.by_id.get(event_type)
    elif isinstance(event_type, str):
        etype = catalog.lookup(event_type.upper())
    else:
        etype = None
    if etype is None:
        raise ValueError("unknown event type %r" % (event_type,))
    if etype.operational:
        raise ValueError("%s is emitted by geventsd itself" % etype.name)
    parts = []
    for key, value in attrs.items():
        text = _value_text(key, value)
        if not key or any(c in key for c in "=; \n") or any(c in text for c in ";\n"):
            raise ValueError("attribute %r cannot be sent: keys may not contain '=', ';' "
                             "or spaces and values may not contain ';'" % key)
        parts.append("%s=%s" % (key, text))
    stamp = int(time.time() if ts is None else ts)
    data = ("%d %d %s" % (stamp, etype.id, ";".join(parts))).encode("utf-8")
    if len(data) > MAX_DATAGRAM:
        raise ValueError("event is %d bytes; the limit is %d" % (len(data), MAX_DATAGRAM))
    return data


def send_datagram(data, path, timeout=2.0):
    """Send one datagram; returns an :class:`EmitStatus`."""
    try:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    except OSError:
        return EmitStatus.SOCKET
    try:
        sock.settimeout(timeout)
        try:
            sock.connect(path)
        except OSError:
            return EmitStatus.CONNECT
        try:
            sock.send(data)
        except OSError:
            return EmitStatus.SEND
        return EmitStatus.OK
    finally:
        sock.close()


def gf_event(event_type, **attrs):
    """Send an event to the local geventsd; returns an :class:`EmitStatus`."""
    try:
        data = format_event(event_type, attrs)
    except (ValueError, TypeError):
        return EmitStatus.INVALID_INPUTS
    except Exception:
        return EmitStatus.MSG_FORMAT
    try:
        path = find_socket()
    except Exception:
        return EmitStatus.RESOLVE
    return send_datagram(data, path)
