"""Tests for :mod:`geventsd.models`: the subscriber ``Filter`` and the event
records ``Event.to_dict`` / ``Event.to_gluster``."""

from twisted.trial.unittest import SynchronousTestCase

from geventsd.catalog import default_catalog
from geventsd.models import Event, Filter

CATALOG = default_catalog()


def event(type="VOLUME_CREATE", node_id="node-1", seq=1, message=None):
    etype = CATALOG.by_name[type]
    return Event(id="00000000-0000-4000-8000-%012d" % seq, seq=seq, node_id=node_id,
                 ts=1468303352, type=etype.name, type_id=etype.id, category=etype.category,
                 severity=etype.severity,
                 message={"name": "gv1"} if message is None else message,
                 received_at=1468303352.25)


# One event of each severity, from different categories.
INFO = event("VOLUME_CREATE")                  # volume, info
WARNING = event("PEER_DISCONNECT")             # peer, warning
ERROR = event("REBALANCE_START_FAILED")       # rebalance, error
CRITICAL = event("QUORUM_LOST")                # quorum, critical
ALL = (INFO, WARNING, ERROR, CRITICAL)


class FilterTests(SynchronousTestCase):
    """``Filter`` matches events on types, categories, severity and node."""

    def matching(self, flt, events=ALL):
        return [e.type for e in events if flt.matches(e)]

    def test_empty_matches_all(self):
        """An empty filter matches every event and says it is empty."""
        flt = Filter()
        self.assertTrue(flt.is_empty())
        self.assertEqual(self.matching(flt), [e.type for e in ALL])
        for t in CATALOG.types:
            self.assertTrue(flt.matches(event(t.name)))

    def test_severities_are_real(self):
        """The sample events cover the four severities in order."""
        self.assertEqual([e.severity for e in ALL], ["info", "warning", "error", "critical"])

    def test_exact_type(self):
        """A type name matches only that type."""
        self.assertEqual(self.matching(Filter(types="QUORUM_LOST")), ["QUORUM_LOST"])

    def test_type_pattern(self):
        """A shell pattern matches every type it covers."""
        flt = Filter(types="VOLUME_*")
        self.assertTrue(flt.matches(event("VOLUME_CREATE")))
        self.assertTrue(flt.matches(event("VOLUME_SET")))
        self.assertFalse(flt.matches(event("PEER_ATTACH")))
        self.assertTrue(Filter(types="*_FAILED").matches(ERROR))
        self.assertTrue(Filter(types="VOLUME_ST??").matches(event("VOLUME_STOP")))

    def test_types_case_insensitive(self):
        """Type patterns are upper-cased, so lower-case patterns work."""
        flt = Filter(types="volume_*")
        self.assertEqual(flt.types, ("VOLUME_*",))
        self.assertTrue(flt.matches(INFO))

    def test_comma_string_and_list(self):
        """Types may be a comma-separated string or a list, with spaces and blanks ignored."""
        from_string = Filter(types=" volume_create, peer_* ,,")
        from_list = Filter(types=["VOLUME_CREATE", " peer_*", "", "  "])
        self.assertEqual(from_string.types, ("VOLUME_CREATE", "PEER_*"))
        self.assertEqual(from_list, from_string)
        self.assertEqual(self.matching(from_string), ["VOLUME_CREATE", "PEER_DISCONNECT"])

    def test_none_parts(self):
        """None for a part means no constraint."""
        flt = Filter(types=None, categories=None, min_severity=None, nodes=None)
        self.assertEqual(flt, Filter())
        self.assertTrue(flt.is_empty())

    def test_categories(self):
        """Categories match the event's category, case-insensitively, any of several."""
        self.assertEqual(self.matching(Filter(categories="quorum")), ["QUORUM_LOST"])
        flt = Filter(categories=["Volume", "PEER"])
        self.assertEqual(flt.categories, ("volume", "peer"))
        self.assertEqual(self.matching(flt), ["VOLUME_CREATE", "PEER_DISCONNECT"])

    def test_min_severity_inclusive(self):
        """min_severity keeps events of that severity and above."""
        self.assertEqual(self.matching(Filter(min_severity="info")), [e.type for e in ALL])
        self.assertEqual(self.matching(Filter(min_severity="warning")),
                         [WARNING.type, ERROR.type, CRITICAL.type])
        self.assertEqual(self.matching(Filter(min_severity="error")),
                         [ERROR.type, CRITICAL.type])
        self.assertEqual(self.matching(Filter(min_severity="critical")), [CRITICAL.type])
        self.assertFalse(Filter(min_severity="info").is_empty())

    def test_bad_severity(self):
        """An unknown min_severity raises ValueError naming the valid ones."""
        e = self.assertRaises(ValueError, Filter, min_severity="fatal")
        self.assertIn("fatal", str(e))
        self.assertIn("critical", str(e))
        self.assertRaises(ValueError, Filter, min_severity="")

    def test_nodes(self):
        """Nodes match the event's node id exactly, any of several."""
        flt = Filter(nodes="node-1, node-2")
        self.assertEqual(flt.nodes, ("node-1", "node-2"))
        self.assertTrue(flt.matches(event(node_id="node-2")))
        self.assertFalse(flt.matches(event(node_id="node-3")))
        self.assertTrue(Filter(nodes=["node-3"]).matches(event(node_id="node-3")))

    def test_all_parts_must_match(self):
        """With several parts an event must satisfy all of them."""
        flt = Filter(types="*", categories="quorum,volume", min_severity="error",
                     nodes="node-1")
        self.assertEqual(self.matching(flt), ["QUORUM_LOST"])
        self.assertFalse(flt.matches(event("QUORUM_LOST", node_id="node-2")))
        self.assertFalse(Filter(types="VOLUME_*", categories="peer").matches(INFO))


class EventTests(SynchronousTestCase):
    """The event records every part after the ingest publishes."""

    def test_to_dict(self):
        """to_dict has exactly the documented keys and values."""
        e = event("VOLUME_SET", message={"name": "gv1", "options": [["a", "b"]]})
        self.assertEqual(e.to_dict(), {
            "id": "00000000-0000-4000-8000-000000000001",
            "seq": 1,
            "node_id": "node-1",
            "ts": 1468303352,
            "event": "VOLUME_SET",
            "type_id": 6,
            "category": "volume",
            "severity": "info",
            "message": {"name": "gv1", "options": [["a", "b"]]},
            "received_at": 1468303352.25,
        })

    def test_to_gluster(self):
        """to_gluster is exactly the GlusterFS webhook body: nodeid, ts, event, message."""
        self.assertEqual(INFO.to_gluster(), {"nodeid": "node-1", "ts": 1468303352,
                                             "event": "VOLUME_CREATE",
                                             "message": {"name": "gv1"}})


class FilterSpellingTests(SynchronousTestCase):

    def test_event_prefix_and_severity_case(self):
        """EVENT_-prefixed patterns and upper-case severities work like the plain ones."""
        flt = Filter(types="EVENT_PEER_*", min_severity="WARNING")
        self.assertEqual((flt.types, flt.min_severity), (("PEER_*",), "warning"))
        self.assertTrue(flt.matches(WARNING))
        self.assertFalse(flt.matches(INFO))
