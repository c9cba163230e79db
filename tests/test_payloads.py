"""Tests for :mod:`geventsd.sinks.payloads`: the ``gluster`` and
``cloudevents`` webhook bodies (SPEC 5)."""

import calendar
import json
import re
import time
from urllib.parse import urlsplit

from twisted.trial.unittest import SynchronousTestCase

from geventsd.catalog import default_catalog
from geventsd.sinks import payloads
from tests.helpers import make_event

try:  # cloudevents >= 2 (Python >= 3.10): the core API
    from cloudevents.core.bindings.http import HTTPMessage, from_http_event

    def sdk_parse(body, ctype):
        """Parse a structured-mode request with the CloudEvents SDK."""
        event = from_http_event(HTTPMessage(headers={"content-type": ctype}, body=body))
        attributes = dict(event.get_attributes())
        attributes["time"] = attributes["time"].strftime("%Y-%m-%dT%H:%M:%SZ")
        return attributes, event.get_data()
except ImportError:  # cloudevents 1.x (the newest release for Python 3.9)
    from cloudevents.http import from_http

    def sdk_parse(body, ctype):
        """Parse a structured-mode request with the CloudEvents SDK."""
        event = from_http({"content-type": ctype}, body)
        attributes = dict(event.get_attributes())
        return attributes, event.get_data()

CATALOG = default_catalog()

# 2016-07-12T05:49:12Z
TS = 1468302552

UNICODE = "ĝlüster ✓ 卷 \U0001f4be \"quoted\" back\\slash\nnewline"

#: CloudEvents 1.0 context attribute names and the extensions geventsd adds.
CE_CORE = {"specversion", "id", "source", "type", "time", "datacontenttype", "data"}
CE_EXTENSIONS = {"severity", "sequence"}


def ce(event):
    """The decoded ``cloudevents`` body of *event*."""
    return json.loads(payloads.cloudevents_body(event))


class GlusterBodyTests(SynchronousTestCase):
    """The ``gluster`` body is exactly the GlusterFS admin guide's."""

    def test_exact_bytes(self):
        """A VOLUME_CREATE event gives exactly the documented compact JSON."""
        event = make_event(seq=1, ts=TS, message={"name": "gv1"})
        self.assertEqual(
            payloads.gluster_body(event),
            b'{"nodeid":"node-1","ts":1468302552,"event":"VOLUME_CREATE",'
            b'"message":{"name":"gv1"}}')

    def test_keys_and_types(self):
        """Exactly nodeid, ts (an int), event (no EVENT_ prefix) and message."""
        doc = json.loads(payloads.gluster_body(make_event(ts=TS)))
        self.assertEqual(set(doc), {"nodeid", "ts", "event", "message"})
        self.assertIs(type(doc["ts"]), int)
        self.assertFalse(doc["event"].startswith("EVENT_"))

    def test_matches_to_gluster(self):
        """The body is the JSON of ``Event.to_gluster()``."""
        event = make_event(type="PEER_ATTACH", message={"host": "10.0.0.2"})
        self.assertEqual(json.loads(payloads.gluster_body(event)), event.to_gluster())

    def test_unicode_is_raw_utf8(self):
        """Non-ASCII text is sent as UTF-8, not escaped, and decodes back identically."""
        event = make_event(message={"name": UNICODE, "list": [UNICODE]})
        body = payloads.gluster_body(event)
        self.assertIn(json.dumps(UNICODE, ensure_ascii=False).encode("utf-8"), body)
        self.assertNotIn(b"\\u", body)
        self.assertEqual(json.loads(body.decode("utf-8"))["message"], event.message)

    def test_lone_surrogate(self):
        """A lone surrogate (accepted by the wire from a JSON escape) still gives valid JSON."""
        event = make_event(message={"name": "gv\ud800x", "other": "é"})
        body = payloads.gluster_body(event)
        body.decode("ascii")
        self.assertEqual(json.loads(body)["message"], event.message)


class CloudEventsBodyTests(SynchronousTestCase):
    """The ``cloudevents`` body is a CloudEvents 1.0 structured-mode event."""

    def test_fields(self):
        """Every attribute has the value SPEC 5 gives it."""
        event = make_event(seq=42, ts=TS, message={"name": "gv1"})
        self.assertEqual(ce(event), {
            "specversion": "1.0",
            "id": event.id,
            "source": "geventsd://node-1",
            "type": "org.gluster.volume.volume_create",
            "time": "2016-07-12T05:49:12Z",
            "datacontenttype": "application/json",
            "severity": "info",
            "sequence": "42",
            "data": {"name": "gv1"},
        })

    def test_exact_bytes(self):
        """The body is compact JSON with the attributes in a fixed order."""
        event = make_event(seq=7, ts=TS, message={"name": "gv1"})
        self.assertEqual(
            payloads.cloudevents_body(event),
            b'{"specversion":"1.0","id":"00000000-0000-4000-8000-000000000007",'
            b'"source":"geventsd://node-1","type":"org.gluster.volume.volume_create",'
            b'"time":"2016-07-12T05:49:12Z","datacontenttype":"application/json",'
            b'"severity":"info","sequence":"7","data":{"name":"gv1"}}')

    def test_shape_by_hand(self):
        """For every catalogued type, the attributes obey the CloudEvents 1.0 rules."""
        name_re = re.compile(r"[a-z0-9]{1,20}")
        for etype in CATALOG.types:
            event = make_event(type=etype.name, message={"k": "v"}, ts=TS)
            doc = ce(event)
            self.assertEqual(set(doc), CE_CORE | CE_EXTENSIONS)
            for name in doc:
                self.assertIsNotNone(name_re.fullmatch(name), name)
            for name in CE_CORE - {"data"} | CE_EXTENSIONS:
                self.assertIsInstance(doc[name], str)
                self.assertTrue(doc[name], name)
            self.assertEqual(doc["specversion"], "1.0")
            self.assertEqual(urlsplit(doc["source"]).scheme, "geventsd")
            self.assertEqual(doc["type"], "org.gluster.%s.%s"
                             % (etype.category, etype.name.lower()))
            self.assertEqual(doc["severity"], etype.severity)
            self.assertEqual(
                calendar.timegm(time.strptime(doc["time"], "%Y-%m-%dT%H:%M:%SZ")), TS)

    def test_operational_type(self):
        """geventsd's own events have the category ``geventsd`` in their type."""
        doc = ce(make_event(type="WEBHOOK_FAILING", message={"url": "https://x"}))
        self.assertEqual(doc["type"], "org.gluster.geventsd.webhook_failing")
        self.assertEqual(doc["severity"], "warning")

    def test_sdk_parses_it(self):
        """The CloudEvents SDK parses the body back to the same attributes and data."""
        event = make_event(type="QUORUM_LOST", seq=9, ts=TS,
                           message={"volume": UNICODE, "count": 3})
        attributes, data = sdk_parse(payloads.cloudevents_body(event),
                                     payloads.content_type("cloudevents"))
        self.assertEqual(attributes, {
            "specversion": "1.0",
            "id": event.id,
            "source": "geventsd://node-1",
            "type": "org.gluster.quorum.quorum_lost",
            "time": "2016-07-12T05:49:12Z",
            "datacontenttype": "application/json",
            "severity": "critical",
            "sequence": "9",
        })
        self.assertEqual(data, event.message)

    def test_time_changes_with_ts(self):
        """Consecutive events with different ts each get their own time."""
        for ts, text in [(TS, "2016-07-12T05:49:12Z"), (TS, "2016-07-12T05:49:12Z"),
                         (0, "1970-01-01T00:00:00Z"), (TS + 1, "2016-07-12T05:49:13Z"),
                         (253402300799, "9999-12-31T23:59:59Z")]:
            self.assertEqual(ce(make_event(ts=ts))["time"], text)

    def test_time_out_of_range(self):
        """A ts past year 9999 (the wire allows up to 2**63) leaves time out, not failing."""
        for ts in (253402300800, 2**63 - 1):
            doc = ce(make_event(ts=ts))
            self.assertNotIn("time", doc)
            self.assertEqual(doc["data"], {"name": "gv1"})

    def test_source_is_uri(self):
        """An odd node id is percent-encoded so that source stays a URI-reference."""
        self.assertEqual(ce(make_event(node_id="3f1c0a5e-1b7e-4d0e-9f6a-2b1e6c8d9a10"))
                         ["source"], "geventsd://3f1c0a5e-1b7e-4d0e-9f6a-2b1e6c8d9a10")
        self.assertEqual(ce(make_event(node_id="nöde/1%#?"))["source"],
                         "geventsd://n%C3%B6de%2F1%25%23%3F")

    def test_unicode_is_raw_utf8(self):
        """Non-ASCII data is sent as UTF-8 and decodes back identically."""
        event = make_event(message={"name": UNICODE})
        body = payloads.cloudevents_body(event)
        self.assertIn(json.dumps(UNICODE, ensure_ascii=False).encode("utf-8"), body)
        self.assertEqual(json.loads(body.decode("utf-8"))["data"], event.message)


class DispatchTests(SynchronousTestCase):
    """``body`` and ``content_type`` pick the format by name."""

    def test_formats(self):
        """The formats are gluster (the default, first) and cloudevents."""
        self.assertEqual(payloads.FORMATS, ("gluster", "cloudevents"))

    def test_body(self):
        """``body`` gives each format's body."""
        event = make_event()
        self.assertEqual(payloads.body(event, "gluster"), payloads.gluster_body(event))
        self.assertEqual(payloads.body(event, "cloudevents"),
                         payloads.cloudevents_body(event))

    def test_content_type(self):
        """Each format has its media type."""
        self.assertEqual(payloads.content_type("gluster"), "application/json")
        self.assertEqual(payloads.content_type("cloudevents"),
                         "application/cloudevents+json")

    def test_unknown_format(self):
        """An unknown format is a ValueError naming the known ones."""
        for fmt in ("xml", "", None, ["gluster"]):
            for call in (lambda: payloads.body(make_event(), fmt),
                         lambda: payloads.content_type(fmt)):
                e = self.assertRaises(ValueError, call)
                self.assertIn("gluster, cloudevents", str(e))
