"""Tests for :mod:`geventsd.catalog`: the 142 GlusterFS types, geventsd's own
types, severities, documented attributes, lookups and the published document."""

import json
import os

import jsonschema
from twisted.trial.unittest import SynchronousTestCase

from geventsd import catalog, wire
from geventsd.catalog import (
    ATTRIBUTE_TYPES, CATALOG_VERSION, OPERATIONAL_BASE, SEVERITIES, Catalog, EventType,
    default_catalog)

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES_TSV = os.path.join(REPO_ROOT, "..", "shared", "gluster-event-types.tsv")


def read_types_tsv():
    """``{id: name}`` from the GlusterFS wire numbering file."""
    types = {}
    with open(TYPES_TSV, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            type_id, name = line.split("\t")[:2]
            types[int(type_id)] = name.strip()
    return types


class GlusterTypesTests(SynchronousTestCase):
    """The GlusterFS part of the catalog matches GlusterFS's numbering."""

    def setUp(self):
        self.catalog = default_catalog()
        self.gluster = [t for t in self.catalog.types if not t.operational]

    def test_matches_wire_numbering(self):
        """The catalog has exactly the ids and names of gluster-event-types.tsv."""
        if not os.path.exists(TYPES_TSV):
            self.skipTest("%s not found: the shared/ folder must sit beside the "
                          "repository" % os.path.normpath(TYPES_TSV))
        expected = read_types_tsv()
        self.assertEqual(len(expected), 142)
        self.assertEqual({t.id: t.name for t in self.gluster}, expected)

    def test_142_types(self):
        """There are 142 GlusterFS types numbered 0 to 141."""
        self.assertEqual(len(self.gluster), 142)
        self.assertEqual([t.id for t in self.gluster], list(range(142)))
        self.assertEqual(self.catalog.by_id[0].name, "PEER_ATTACH")
        self.assertEqual(self.catalog.by_id[141].name, "DHT_INODES_USAGE")

    def test_gluster_source(self):
        """Every GlusterFS type has source "glusterfs" and is not operational."""
        for t in self.gluster:
            self.assertEqual((t.source, t.operational), ("glusterfs", False), t.name)


class OperationalTypesTests(SynchronousTestCase):
    """geventsd's own types are numbered apart and flagged."""

    def test_numbered_from_base(self):
        """Operational types have ids of at least 1000, and only they do."""
        cat = default_catalog()
        operational = [t for t in cat.types if t.operational]
        self.assertEqual(OPERATIONAL_BASE, 1000)
        self.assertTrue(operational)
        for t in cat.types:
            self.assertEqual(t.operational, t.id >= OPERATIONAL_BASE, t.name)

    def test_known_operational_types(self):
        """EVENTS_DROPPED and the daemon/webhook reports are operational types."""
        cat = default_catalog()
        for name in ("EVENTS_DROPPED", "GEVENTSD_STARTED", "GEVENTSD_STOPPING",
                     "GEVENTSD_RELOADED", "WEBHOOK_FAILING", "WEBHOOK_DISABLED"):
            t = cat.lookup(name)
            self.assertTrue(t.operational, name)
            self.assertEqual(t.category, "geventsd")
            self.assertNotEqual(t.source, "glusterfs")
        self.assertEqual(cat.lookup("EVENTS_DROPPED").id, 1000)


class IntegrityTests(SynchronousTestCase):
    """Ids and names are unique and every field holds a known value."""

    def setUp(self):
        self.catalog = default_catalog()

    def test_unique(self):
        """Type ids and names are unique."""
        ids = [t.id for t in self.catalog.types]
        names = [t.name for t in self.catalog.types]
        self.assertEqual(len(set(ids)), len(ids))
        self.assertEqual(len(set(names)), len(names))

    def test_ordered_by_id(self):
        """Catalog.types is ordered by id, as its docstring promises."""
        ids = [t.id for t in self.catalog.types]
        self.assertEqual(ids, sorted(ids))

    def test_duplicates_refused(self):
        """A Catalog built with a duplicate id or name raises ValueError."""
        a = EventType(id=1, name="A", category="x", severity="info")
        self.assertRaises(ValueError, Catalog, types=(a, EventType(1, "B", "x", "info")))
        self.assertRaises(ValueError, Catalog, types=(a, EventType(2, "A", "x", "info")))

    def test_names(self):
        """Names are upper-case identifiers without the EVENT_ prefix."""
        for t in self.catalog.types:
            self.assertRegex(t.name, r"^[A-Z][A-Z0-9_]*$")
            self.assertFalse(t.name.startswith("EVENT_"), t.name)

    def test_severities(self):
        """Every severity is one of SEVERITIES, all four in order are used."""
        self.assertEqual(SEVERITIES, ("info", "warning", "error", "critical"))
        used = {t.severity for t in self.catalog.types}
        self.assertEqual(used, set(SEVERITIES))

    def test_failed_types_are_errors(self):
        """Every *_FAILED type has severity error."""
        failed = [t for t in self.catalog.types if t.name.endswith("_FAILED")]
        self.assertTrue(failed)
        for t in failed:
            self.assertEqual(t.severity, "error", t.name)

    def test_critical_types(self):
        """QUORUM_LOST, AFR_SPLIT_BRAIN and BITROT_BAD_FILE are critical."""
        for name in ("QUORUM_LOST", "AFR_SPLIT_BRAIN", "BITROT_BAD_FILE"):
            self.assertEqual(self.catalog.lookup(name).severity, "critical", name)

    def test_categories(self):
        """Categories are lower-case and include those SPEC 4 names."""
        cats = self.catalog.categories()
        self.assertEqual(cats, sorted(set(cats)))
        for c in cats:
            self.assertRegex(c, "^[a-z]+$")
        for c in ("volume", "peer", "brick", "georep", "bitrot", "quota", "snapshot", "svc",
                  "quorum", "rebalance", "tier", "client", "posix", "afr", "ec", "dht"):
            self.assertIn(c, cats)

    def test_category_of_known_types(self):
        """Types carry the category their name suggests."""
        for name, category in (("VOLUME_CREATE", "volume"), ("PEER_ATTACH", "peer"),
                               ("GEOREP_CREATE", "georep"), ("QUORUM_LOST", "quorum"),
                               ("BITROT_BAD_FILE", "bitrot"), ("AFR_SPLIT_BRAIN", "afr"),
                               ("DHT_DISK_USAGE", "dht"), ("EC_MIN_BRICKS_NOT_UP", "ec")):
            self.assertEqual(self.catalog.lookup(name).category, category, name)

    def test_attribute_types(self):
        """Every documented attribute has a known type, a description and a unique name."""
        for t in self.catalog.types:
            names = [a.name for a in t.attributes]
            self.assertEqual(len(set(names)), len(names), t.name)
            for a in t.attributes:
                self.assertIn(a.type, ATTRIBUTE_TYPES, (t.name, a.name))
                self.assertTrue(a.name and a.description, (t.name, a.name))


class DocumentedAttributesTests(SynchronousTestCase):
    """Attributes come from the admin guide's tables."""

    def attributes(self, name):
        return {a.name: a.type for a in default_catalog().lookup(name).attributes}

    def test_volume_set(self):
        """VOLUME_SET has name (string) and options (pairs)."""
        self.assertEqual(self.attributes("VOLUME_SET"), {"name": "string", "options": "pairs"})

    def test_georep_create(self):
        """GEOREP_CREATE documents its flags as booleans and ssh_port as an integer."""
        self.assertEqual(self.attributes("GEOREP_CREATE"), {
            "force": "boolean", "slave": "string", "no_verify": "boolean",
            "push_pem": "boolean", "ssh_port": "integer", "master": "string"})

    def test_simple_types(self):
        """Common types list their guide attributes."""
        self.assertEqual(self.attributes("PEER_ATTACH"), {"host": "string"})
        self.assertEqual(self.attributes("VOLUME_CREATE"), {"name": "string"})
        self.assertEqual(self.attributes("VOLUME_START"), {"force": "boolean", "name": "string"})
        self.assertEqual(self.attributes("QUORUM_LOST"), {"volume": "string"})
        self.assertEqual(self.attributes("AFR_SPLIT_BRAIN"), {"subvol": "string"})
        self.assertEqual(self.attributes("BITROT_BAD_FILE"),
                         {"gfid": "string", "path": "string", "brick": "string"})

    def test_events_dropped(self):
        """EVENTS_DROPPED reports reasons (object), total and interval (integers)."""
        self.assertEqual(self.attributes("EVENTS_DROPPED"),
                         {"reasons": "object", "total": "integer", "interval": "integer"})


class LookupTests(SynchronousTestCase):
    """Finding types by name and by pattern."""

    def setUp(self):
        self.catalog = default_catalog()

    def test_lookup(self):
        """lookup finds a type by name, with or without the EVENT_ prefix."""
        t = self.catalog.lookup("VOLUME_CREATE")
        self.assertEqual((t.id, t.name), (2, "VOLUME_CREATE"))
        self.assertIs(self.catalog.lookup("EVENT_VOLUME_CREATE"), t)
        self.assertIs(self.catalog.by_id[2], t)
        self.assertIs(self.catalog.by_name["VOLUME_CREATE"], t)

    def test_lookup_unknown(self):
        """lookup returns None for an unknown name or a bare prefix."""
        self.assertIsNone(self.catalog.lookup("NO_SUCH_EVENT"))
        self.assertIsNone(self.catalog.lookup("EVENT_"))
        self.assertIsNone(self.catalog.lookup(""))

    def names(self, patterns):
        return [t.name for t in self.catalog.match(patterns)]

    def test_match_pattern(self):
        """match returns the types whose names match a shell pattern, in id order."""
        self.assertEqual(self.names(["VOLUME_S*"]), ["VOLUME_START", "VOLUME_STOP",
                                                     "VOLUME_SET"])
        self.assertEqual(self.names(["PEER_ATTACH"]), ["PEER_ATTACH"])
        georep = self.names(["GEOREP_*"])
        self.assertIn("GEOREP_CREATE", georep)
        self.assertTrue(all(n.startswith("GEOREP_") for n in georep))

    def test_match_case_and_prefix(self):
        """match is case-insensitive, strips spaces and accepts the EVENT_ prefix."""
        self.assertEqual(self.names(["volume_s*"]), self.names(["VOLUME_S*"]))
        self.assertEqual(self.names([" event_peer_attach "]), ["PEER_ATTACH"])
        self.assertEqual(self.names(["EVENT_PEER_*"]), self.names(["PEER_*"]))

    def test_match_several(self):
        """Several patterns give the union, each type once."""
        self.assertEqual(self.names(["PEER_ATTACH", "PEER_*", "VOLUME_CREATE"]),
                         [t.name for t in self.catalog.types
                          if t.name.startswith("PEER_") or t.name == "VOLUME_CREATE"])

    def test_match_nothing(self):
        """No pattern, blank patterns or a pattern matching nothing give no types."""
        self.assertEqual(self.names([]), [])
        self.assertEqual(self.names(["", "  "]), [])
        self.assertEqual(self.names(["NOPE_*"]), [])

    def test_match_everything(self):
        """The pattern "*" matches every type."""
        self.assertEqual(len(self.catalog.match(["*"])), len(self.catalog.types))


class DocumentTests(SynchronousTestCase):
    """``to_dict``: the ``GET /v1/catalog`` document and its JSON Schemas."""

    def setUp(self):
        self.catalog = default_catalog()

    def test_catalog_shape(self):
        """The catalog document has version, severities, categories and types."""
        doc = self.catalog.to_dict()
        self.assertEqual(set(doc), {"version", "severities", "categories", "types"})
        self.assertEqual(doc["version"], CATALOG_VERSION)
        self.assertEqual(doc["severities"], list(SEVERITIES))
        self.assertEqual(doc["categories"], self.catalog.categories())
        self.assertEqual([t["id"] for t in doc["types"]], [t.id for t in self.catalog.types])
        self.assertEqual(json.loads(json.dumps(doc)), doc)

    def test_type_shape(self):
        """A type's document has exactly its fields, attributes and schema."""
        doc = self.catalog.lookup("VOLUME_CREATE").to_dict()
        self.assertEqual(doc, {
            "id": 2, "name": "VOLUME_CREATE", "category": "volume", "severity": "info",
            "operational": False, "source": "glusterfs",
            "attributes": [{"name": "name", "type": "string", "description": "Volume Name"}],
            "schema": {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "title": "VOLUME_CREATE",
                "type": "object",
                "properties": {"name": {"type": "string", "description": "Volume Name"}},
                "additionalProperties": True,
            },
        })

    def test_schema_types(self):
        """Attribute types map to JSON Schema types; integers also allow strings."""
        props = catalog.message_schema(self.catalog.lookup("GEOREP_CREATE"))["properties"]
        self.assertEqual(props["push_pem"]["type"], "boolean")
        self.assertEqual(props["ssh_port"]["type"], ["integer", "string"])
        options = catalog.message_schema(self.catalog.lookup("VOLUME_SET"))["properties"]
        self.assertEqual(options["options"]["type"], "array")
        self.assertEqual(catalog.message_schema(
            self.catalog.lookup("EVENTS_DROPPED"))["properties"]["reasons"]["type"], "object")

    def test_schemas_are_valid(self):
        """Every type's schema is a valid draft 2020-12 JSON Schema."""
        for t in self.catalog.types:
            jsonschema.Draft202012Validator.check_schema(t.to_dict()["schema"])

    def validator(self, name):
        return jsonschema.Draft202012Validator(self.catalog.lookup(name).to_dict()["schema"])

    def test_parsed_messages_validate(self):
        """Messages the wire parser makes from GlusterFS datagrams match their schemas."""
        for data in (b"1468303352 6 name=gv1;options=a,b,c,d",
                     b"1468303352 11 force=1;push_pem=1;no_verify=0;ssh_port=22;"
                     b"master=gv1;slave=h::gv2",
                     b"1468303352 11 master=gv1;ssh_port=not-a-port",
                     b"1468303352 3 force=0;name=gv1;extra=kept"):
            parsed = wire.parse(data, self.catalog)
            self.validator(parsed.type.name).validate(parsed.message)

    def test_operational_messages_validate(self):
        """The messages geventsd emits about itself match their own schemas."""
        samples = {
            "EVENTS_DROPPED": {"reasons": {"bad_format": 2, "empty": 1}, "total": 3,
                               "interval": 60},
            "GEVENTSD_STARTED": {"version": "0.1.0", "last_seq": 42},
            "GEVENTSD_STOPPING": {"version": "0.1.0"},
            "GEVENTSD_RELOADED": {"applied": ["log_level"], "restart_needed": ["port"],
                                  "problems": 0},
            "WEBHOOK_FAILING": {"url": "http://h:9000/listen", "error": "timeout",
                                "since": 1468303352},
            "WEBHOOK_DISABLED": {"url": "http://h:9000/listen", "reason": "410 Gone"},
        }
        for name, message in samples.items():
            if self.catalog.lookup(name) is None:
                continue
            errors = [e.message for e in self.validator(name).iter_errors(message)]
            self.assertEqual(errors, [], name)

    def test_schema_rejects_wrong_types(self):
        """A message with a mistyped documented attribute fails its schema."""
        self.assertFalse(self.validator("GEOREP_CREATE").is_valid({"push_pem": "yes"}))
        self.assertFalse(self.validator("VOLUME_SET").is_valid({"options": [["a"]]}))
        self.assertFalse(self.validator("VOLUME_SET").is_valid({"options": "a,b"}))
        self.assertFalse(self.validator("VOLUME_CREATE").is_valid({"name": 1}))
        self.assertFalse(self.validator("VOLUME_CREATE").is_valid([]))
