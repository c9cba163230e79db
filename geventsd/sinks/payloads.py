"""Webhook bodies: one event as the bytes of a request (SPEC 5).

Two payload formats, chosen per webhook:

``gluster`` (the default)
    Exactly the GlusterFS admin guide body, ``{"nodeid", "ts", "event",
    "message"}`` (``event`` without the ``EVENT_`` prefix, ``ts`` an
    integer), sent as ``application/json``.

``cloudevents``
    A CloudEvents 1.0 event in structured mode (``application/cloudevents+json``):
    ``specversion``, ``id`` (the event id), ``source`` (``geventsd://<node_id>``),
    ``type`` (``org.gluster.<category>.<name lowercased>``, for example
    ``org.gluster.volume.volume_create``; geventsd's own events have the
    category ``geventsd``), ``time`` (RFC 3339, UTC, from the event's ``ts``),
    ``datacontenttype`` (``application/json``), ``data`` (the message) and
    two extension attributes: ``severity`` (``info`` ... ``critical``) and
    ``sequence`` (the event's ``seq`` as a string, as the CloudEvents
    *sequence* extension defines it).

Bodies are compact JSON in UTF-8 (non-ASCII text is not escaped).  This runs
once per event per webhook, so it is kept lean: one pre-built encoder, no
objects built beyond the dict that is encoded.  Everything here is pure: no
I/O, no clock, no reactor.
"""

import functools
import json
import time
from urllib.parse import quote

#: The payload formats, the default first.
FORMATS = ("gluster", "cloudevents")

_CONTENT_TYPES = {
    "gluster": "application/json",
    "cloudevents": "application/cloudevents+json",
}

# Messages come from the wire parser (plain dicts, lists, strings, ints,
# finite floats): no cycles to check for, no NaN to allow.
_encode = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), check_circular=False,
    allow_nan=False).encode
# Only for a message holding a lone surrogate (a JSON "\ud800" escape is
# accepted by the wire parser), which UTF-8 cannot encode: escaped, the body
# is still valid JSON that decodes to the same text.
_encode_ascii = json.JSONEncoder(
    ensure_ascii=True, separators=(",", ":"), check_circular=False,
    allow_nan=False).encode

# RFC 3339 has four-digit years: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z.
# The wire accepts any non-negative ts below 2**63; CloudEvents' ``time`` is
# optional, so an event whose ts falls outside this range goes without one.
_MAX_RFC3339_TS = 253402300799


def _to_bytes(doc):
    text = _encode(doc)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _encode_ascii(doc).encode("ascii")


def gluster_body(event):
    """The ``gluster`` body of *event*: ``{"nodeid","ts","event","message"}``."""
    return _to_bytes({"nodeid": event.node_id, "ts": event.ts, "event": event.type,
                      "message": event.message})


@functools.lru_cache(maxsize=256)
def _source(node_id):
    # node_id is free text without spaces (config.py); percent-encode what
    # may not stand in a URI authority so that source stays a URI-reference.
    return "geventsd://" + quote(node_id, safe="-._~!$&'()*+,;=:@")


@functools.lru_cache(maxsize=1024)
def _ce_type(category, name):
    return "org.gluster.%s.%s" % (category, name.lower())


# Events come in bursts sharing a ts: remember the last one formatted.
# A tuple swap is atomic, so this is safe even off the reactor thread.
_last_time = (None, None)


def _rfc3339(ts):
    global _last_time
    last_ts, text = _last_time
    if ts == last_ts:
        return text
    text = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))
    _last_time = (ts, text)
    return text


def cloudevents_body(event):
    """The ``cloudevents`` body of *event*: a CloudEvents 1.0 structured event."""
    ts = event.ts
    if 0 <= ts <= _MAX_RFC3339_TS:
        doc = {
            "specversion": "1.0",
            "id": event.id,
            "source": _source(event.node_id),
            "type": _ce_type(event.category, event.type),
            "time": _rfc3339(ts),
            "datacontenttype": "application/json",
            "severity": event.severity,
            "sequence": str(event.seq),
            "data": event.message,
        }
    else:
        doc = {
            "specversion": "1.0",
            "id": event.id,
            "source": _source(event.node_id),
            "type": _ce_type(event.category, event.type),
            "datacontenttype": "application/json",
            "severity": event.severity,
            "sequence": str(event.seq),
            "data": event.message,
        }
    return _to_bytes(doc)


_BODIES = {"gluster": gluster_body, "cloudevents": cloudevents_body}


def _unknown(fmt):
    return ValueError("unknown payload format %r (one of: %s)" % (fmt, ", ".join(FORMATS)))


def body(event, fmt):
    """The body of *event* in payload format *fmt* (one of :data:`FORMATS`).

    :raises ValueError: for an unknown format.
    """
    try:
        make = _BODIES[fmt]
    except (KeyError, TypeError):
        raise _unknown(fmt) from None
    return make(event)


def content_type(fmt):
    """The ``Content-Type`` (a str) of payload format *fmt*.

    :raises ValueError: for an unknown format.
    """
    try:
        return _CONTENT_TYPES[fmt]
    except (KeyError, TypeError):
        raise _unknown(fmt) from None
