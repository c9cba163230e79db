"""The event catalog: every event type geventsd knows, as records.

The catalog is the single source for ``GET /v1/catalog``, ``geventsapi
events``, the generated event reference in ``docs/events.md`` and the
JSON Schema of each message.  GlusterFS types keep their wire numbering
(0-141); geventsd's own operational types are numbered from
:data:`OPERATIONAL_BASE` so they can never collide with a future GlusterFS id.
"""

import fnmatch

import attrs

from geventsd.catalog_gluster import GLUSTER_EVENT_TYPES

#: Schema version of the catalog document and of event records.
CATALOG_VERSION = 1

#: First id of geventsd's own event types.
OPERATIONAL_BASE = 1000

SEVERITIES = ("info", "warning", "error", "critical")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

ATTRIBUTE_TYPES = ("string", "boolean", "integer", "pairs", "object", "list")

# The daemon's reports on itself (SPEC 5).  ``source`` says which part emits it.
OPERATIONAL_EVENT_TYPES = (
    (1000, "EVENTS_DROPPED", "geventsd", "warning", "ingest", (
        ("reasons", "object", "Datagrams dropped since the last report, by reason"),
        ("total", "integer", "Sum of the counts in reasons"),
        ("interval", "integer", "Seconds covered by this report"),
    )),
    (1001, "GEVENTSD_STARTED", "geventsd", "info", "daemon", (
        ("version", "string", "geventsd version"),
        ("last_seq", "integer", "Sequence number of the newest event already in the log"),
    )),
    (1002, "GEVENTSD_STOPPING", "geventsd", "info", "daemon", (
        ("version", "string", "geventsd version"),
    )),
    (1003, "WEBHOOK_FAILING", "geventsd", "warning", "webhook delivery", (
        ("url", "string", "Webhook URL"),
        ("error", "string", "Last delivery error"),
        ("since", "integer", "Unix time of the first failure in this run"),
    )),
    (1004, "WEBHOOK_DISABLED", "geventsd", "error", "webhook delivery", (
        ("url", "string", "Webhook URL"),
        ("reason", "string", "Why the webhook was disabled"),
    )),
    (1005, "GEVENTSD_RELOADED", "geventsd", "info", "daemon", (
        ("applied", "list", "Settings changed and applied, as a list of names"),
        ("restart_needed", "list", "Settings changed that take effect after a restart"),
        ("problems", "integer", "Config file problems found (see the daemon log)"),
    )),
)


@attrs.frozen
class Attribute:
    """One documented attribute of an event's message."""

    name: str
    type: str
    description: str

    def to_dict(self):
        return {"name": self.name, "type": self.type, "description": self.description}


@attrs.frozen
class EventType:
    """One event type: wire id, name, category, severity and attributes.

    :ivar operational: True for geventsd's own types, which only the daemon
        may emit.
    """

    id: int
    name: str
    category: str
    severity: str
    attributes: tuple = ()
    operational: bool = False
    source: str = "glusterfs"

    def to_dict(self):
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "operational": self.operational,
            "source": self.source,
            "attributes": [a.to_dict() for a in self.attributes],
            "schema": message_schema(self),
        }


def message_schema(event_type):
    """The JSON Schema of an event type's ``message`` as it leaves geventsd.

    Documented attributes are typed; undocumented extra attributes are
    allowed because GlusterFS components add fields between releases.
    """
    json_types = {
        "string": {"type": "string"},
        "boolean": {"type": "boolean"},
        "integer": {"type": "integer"},
        "object": {"type": "object"},
        "list": {"type": "array", "items": {"type": "string"}},
        "pairs": {
            "type": "array",
            "items": {"type": "array", "items": {"type": "string"},
                      "minItems": 2, "maxItems": 2},
        },
    }
    props = {}
    for attribute in event_type.attributes:
        schema = dict(json_types[attribute.type])
        if attribute.type == "integer":
            # A value that is not a number is passed through as sent.
            schema = {"type": ["integer", "string"]}
        schema["description"] = attribute.description
        props[attribute.name] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": event_type.name,
        "type": "object",
        "properties": props,
        "additionalProperties": True,
    }


def _build(rows, operational):
    types = []
    for row in rows:
        if operational:
            type_id, name, category, severity, source, attributes = row
        else:
            type_id, name, category, severity, attributes = row
            source = "glusterfs"
        types.append(EventType(
            id=type_id, name=name, category=category, severity=severity,
            attributes=tuple(Attribute(*a) for a in attributes),
            operational=operational, source=source,
        ))
    return types


@attrs.frozen
class Catalog:
    """Lookup tables over a set of :class:`EventType`.

    :ivar types: every type, ordered by id.
    """

    types: tuple
    by_id: dict = attrs.field(init=False, eq=False, repr=False)
    by_name: dict = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self):
        object.__setattr__(self, "by_id", {t.id: t for t in self.types})
        object.__setattr__(self, "by_name", {t.name: t for t in self.types})
        if len(self.by_id) != len(self.types) or len(self.by_name) != len(self.types):
            raise ValueError("duplicate event type id or name in catalog")

    def lookup(self, name):
        """The type called *name* (an ``EVENT_`` prefix is allowed), or None."""
        if name.startswith("EVENT_"):
            name = name[6:]
        return self.by_name.get(name)

    def categories(self):
        return sorted({t.category for t in self.types})

    def match(self, patterns):
        """The types whose name matches any of the shell-style *patterns*.

        Matching is case-insensitive, so ``volume_*`` works like ``VOLUME_*``.
        """
        pats = [p.strip().upper() for p in patterns if p.strip()]
        pats = [p[6:] if p.startswith("EVENT_") else p for p in pats]
        return [t for t in self.types
                if any(fnmatch.fnmatchcase(t.name, p) for p in pats)]

    def to_dict(self):
        return {
            "version": CATALOG_VERSION,
            "severities": list(SEVERITIES),
            "categories": self.categories(),
            "types": [t.to_dict() for t in self.types],
        }


def default_catalog():
    """The catalog of all GlusterFS types plus geventsd's operational types."""
    return Catalog(types=tuple(
        _build(GLUSTER_EVENT_TYPES, False) + _build(OPERATIONAL_EVENT_TYPES, True)
    ))
