"""Pure parsing of one datagram into a :class:`Parsed` or a :class:`Rejection`.

Two formats share the socket (SPEC 3):

* GlusterFS ``gf_event``: ``"<unix_ts> <type_id> <k1>=<v1>;<k2>=<v2>"``;
* JSON: ``{"event": "VOLUME_CREATE", "ts": 1468303352, "message": {...}}``.

Nothing here raises on bad input: every byte string becomes one or the
other, which the property tests in ``tests/test_wire.py`` check.
"""

import json
import math
import re

from geventsd.models import Parsed, Rejection

#: Largest datagram accepted, in bytes.
MAX_DATAGRAM = 65536

#: Timestamps must fit the event log's signed 64-bit INTEGER column.
MAX_TS = 2**63

#: Every reason a datagram can be dropped for; the keys of the drop counters.
REASONS = (
    "empty",          # zero bytes
    "oversized",      # more than MAX_DATAGRAM bytes
    "invalid_utf8",   # not UTF-8
    "invalid_json",   # starts with "{" but is not JSON
    "bad_json",       # JSON, but not an event object of the documented shape
    "bad_format",     # GlusterFS format without "<ts> <type_id>"
    "bad_timestamp",  # the timestamp is not a non-negative integer
    "bad_type_id",    # the type id is not an integer
    "unknown_type",   # no such type id or name (negative ids included)
    "reserved_type",  # a geventsd operational type, which only the daemon emits
    "bad_attribute",  # a detail part that is not k=v with a non-empty key
    "unstorable",     # accepted, but the log refused the row (counted by the ingest)
    "overload",       # ingest buffer full (counted by the ingest, not here)
    "disabled",       # the type is disabled by the operator (counted by the ingest)
)

# Attributes GlusterFS sends as 0/1 and that we publish as booleans.  The
# admin guide spells some with underscores, the wire with dashes: take both.
BOOLEAN_ATTRIBUTES = frozenset(("force", "push-pem", "push_pem", "no-verify", "no_verify"))
INTEGER_ATTRIBUTES = frozenset(("ssh-port", "ssh_port"))
TRUE_WORDS = frozenset(("1", "true", "yes", "on", "enabled"))

# Bound the digits we hand to int(): a longer string is not a timestamp or id
# (and Python refuses to convert over 4300 digits anyway).
_MAX_DIGITS = 20

_EMPTY = Rejection("empty", "empty datagram")


def parse(data, catalog):
    """Parse one datagram.

    :param bytes data: the datagram as received.
    :param catalog: a :class:`geventsd.catalog.Catalog`.
    :return: :class:`Parsed` or :class:`Rejection`.
    """
    size = len(data)
    if not size:
        return _EMPTY
    if size > MAX_DATAGRAM:
        return Rejection("oversized", "%d bytes (limit %d)" % (size, MAX_DATAGRAM))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return Rejection("invalid_utf8", "invalid UTF-8 at byte %d" % e.start)
    if text.lstrip()[:1] in ("{", "["):
        return parse_json(text, catalog)
    return parse_gluster(text, catalog)


def _is_number(text):
    return 0 < len(text) <= _MAX_DIGITS and text.isascii() and text.isdigit()


def parse_gluster(text, catalog):
    """Parse the GlusterFS ``"<ts> <type_id> <detail>"`` format."""
    if text.endswith("\n"):
        # Tolerate a trailing newline from shell tools (echo | socat).
        text = text[:-2] if text.endswith("\r\n") else text[:-1]
    parts = text.split(" ", 2)
    if len(parts) < 2:
        return Rejection("bad_format", "expected '<ts> <type_id> <k=v;...>'")
    ts_text, id_text = parts[0], parts[1]
    ts = int(ts_text) if _is_number(ts_text) else MAX_TS
    if ts >= MAX_TS:
        return Rejection("bad_timestamp", "timestamp %r is not a non-negative integer"
                         % ts_text[:24])
    if not _is_number(id_text):
        if id_text[:1] == "-" and _is_number(id_text[1:]):
            return Rejection("unknown_type", "negative type id %s" % id_text)
        return Rejection("bad_type_id", "type id %r is not an integer" % id_text[:24])
    event_type = catalog.by_id.get(int(id_text))
    if event_type is None:
        return Rejection("unknown_type", "unknown type id %s" % id_text)
    if event_type.operational:
        return Rejection("reserved_type", "%s is emitted by geventsd itself" % event_type.name)
    message = {}
    if len(parts) == 3 and parts[2]:
        for item in parts[2].split(";"):
            if not item:
                continue
            key, sep, value = item.partition("=")
            if not sep or not key:
                return Rejection("bad_attribute", "attribute %r is not k=v" % item[:40])
            message[key] = value
        if message:
            _convert(event_type.name, message)
    return Parsed(type=event_type, ts=ts, message=message)


def _convert(type_name, message):
    """Give the few typed GlusterFS attributes their JSON types, in place."""
    for key in BOOLEAN_ATTRIBUTES.intersection(message):
        message[key] = message[key].strip().lower() in TRUE_WORDS
    for key in INTEGER_ATTRIBUTES.intersection(message):
        value = message[key].strip()
        if _is_number(value):
            message[key] = int(value)
        # else: left as sent, so no information is lost.
    if type_name == "VOLUME_SET" and "options" in message:
        message["options"] = option_pairs(message["options"])


def option_pairs(text):
    """``"k1,v1,k2,v2"`` -> ``[["k1", "v1"], ["k2", "v2"]]``.

    An odd trailing key gets an empty value rather than being lost.
    """
    if not text:
        return []
    items = text.split(",")
    if len(items) % 2:
        items.append("")
    return [[items[i], items[i + 1]] for i in range(0, len(items), 2)]


def _finite_float(text):
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("number out of range")
    return value


def _no_constants(name):
    raise ValueError("%s is not valid JSON" % name)


_JSON_KEYS = frozenset(("event", "ts", "message"))
_encode_check = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _check_encodable(message):
    _encode_check(message).encode("utf-8")


def parse_json(text, catalog):
    """Parse the JSON format; also used by ``POST /v1/emit``."""
    try:
        doc = json.loads(text, parse_float=_finite_float, parse_constant=_no_constants)
    except (ValueError, RecursionError) as e:
        return Rejection("invalid_json", "invalid JSON: %s" % str(e)[:80])
    # Only a \uD800-\uDFFF escape can put a lone surrogate into the message.
    return event_from_json(doc, catalog, check_surrogates=_SURROGATE_ESCAPE.search(text))


def event_from_json(doc, catalog, check_surrogates=True):
    """Check a decoded JSON event document; see :func:`parse_json`.

    :param check_surrogates: False when the caller knows the document
        cannot hold an unpaired surrogate (it saw no escape for one).
    """
    if not isinstance(doc, dict):
        return Rejection("bad_json", "a JSON event must be an object")
    unknown = set(doc) - _JSON_KEYS
    if unknown:
        return Rejection("bad_json", "unknown field(s): %s" % ", ".join(sorted(unknown))[:80])
    name = doc.get("event")
    if not isinstance(name, str) or not name:
        return Rejection("bad_json", '"event" must be a type name such as "VOLUME_CREATE"')
    event_type = catalog.lookup(name.upper())
    if event_type is None:
        return Rejection("unknown_type", "unknown event type %r" % name[:60])
    if event_type.operational:
        return Rejection("reserved_type", "%s is emitted by geventsd itself" % event_type.name)
    ts = doc.get("ts")
    if ts is not None:
        if isinstance(ts, bool) or not isinstance(ts, (int, float)) or ts < 0 or ts >= MAX_TS:
            return Rejection("bad_timestamp", '"ts" must be a non-negative Unix time')
        ts = int(ts)
    message = doc.get("message", {})
    if not isinstance(message, dict):
        return Rejection("bad_json", '"message" must be an object')
    if check_surrogates:
        try:
            # JSON may escape a lone UTF-16 surrogate, which no UTF-8 sink can carry.
            _check_encodable(message)
        except UnicodeEncodeError:
            return Rejection("bad_json", "the message contains an unpaired UTF-16 surrogate")
    return Parsed(type=event_type, ts=ts, message=message)
