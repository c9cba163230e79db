"""Value records that cross module boundaries.

:class:`Parsed` is what the wire parser makes of one datagram;
:class:`Event` is an accepted event as every part after ingest sees it;
:class:`Rejection` is a dropped datagram's reason; :class:`Filter` is the one
filter every subscriber takes (SPEC 9).
"""

import fnmatch

import attrs

from geventsd.catalog import SEVERITY_RANK

#: Version of the event record format (``Event.to_dict``).
EVENT_FORMAT_VERSION = 1


@attrs.frozen
class Parsed:
    """A datagram that parsed: which type, when, and the message.

    :ivar ts: the emitter's Unix timestamp, or None when it gave none (the
        ingest then uses the receive time).
    """

    type: object  # geventsd.catalog.EventType
    ts: object
    message: dict


@attrs.frozen
class Rejection:
    """Why a datagram was dropped.

    :ivar reason: a short machine-readable reason, one of
        :data:`geventsd.wire.REASONS`; it is the key of the drop counters.
    :ivar detail: one line for the log; never the whole payload.
    """

    reason: str
    detail: str = ""


@attrs.frozen
class Event:
    """An accepted event, stamped by the ingest before anything else sees it."""

    id: str
    seq: int
    node_id: str
    ts: int
    type: str
    type_id: int
    category: str
    severity: str
    message: dict
    received_at: float

    def to_dict(self):
        """The event record of the API, history and ``geventsapi --json``."""
        return {
            "id": self.id,
            "seq": self.seq,
            "node_id": self.node_id,
            "ts": self.ts,
            "event": self.type,
            "type_id": self.type_id,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "received_at": self.received_at,
        }

    def to_gluster(self):
        """The GlusterFS webhook body: exactly ``nodeid, ts, event, message``."""
        return {"nodeid": self.node_id, "ts": self.ts, "event": self.type,
                "message": self.message}


def _split(value):
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    return tuple(v.strip() for v in value if v and v.strip())


def _type_pattern(pattern):
    pattern = pattern.upper()
    return pattern[6:] if pattern.startswith("EVENT_") else pattern


@attrs.frozen
class Filter:
    """Which events a subscriber wants: all given parts must match.

    Empty parts match everything.  Type patterns are shell-style
    (``VOLUME_*``) and case-insensitive; ``min_severity`` is inclusive.
    """

    types: tuple = attrs.field(default=(), converter=lambda v: tuple(
        _type_pattern(p) for p in _split(v)))
    categories: tuple = attrs.field(default=(), converter=lambda v: tuple(
        c.lower() for c in _split(v)))
    min_severity: object = attrs.field(
        default=None, converter=lambda v: v.lower() if isinstance(v, str) else v)
    nodes: tuple = attrs.field(default=(), converter=_split)

    @min_severity.validator
    def _check_severity(self, attribute, value):
        if value is not None and value not in SEVERITY_RANK:
            raise ValueError(
                "unknown severity %r (one of: %s)" % (value, ", ".join(SEVERITY_RANK)))

    def matches(self, event):
        if self.types and not any(fnmatch.fnmatchcase(event.type, p) for p in self.types):
            return False
        if self.categories and event.category not in self.categories:
            return False
        if (self.min_severity is not None
                and SEVERITY_RANK[event.severity] < SEVERITY_RANK[self.min_severity]):
            return False
        if self.nodes and event.node_id not in self.nodes:
            return False
        return True

    def is_empty(self):
        return not (self.types or self.categories or self.min_severity or self.nodes)
