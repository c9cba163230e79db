"""The read-only management API over StubTreq (a real Site, no sockets)."""

import json

from treq.testing import StubTreq
from twisted.internet.task import Clock
from twisted.trial import unittest

from geventsd import __version__
from geventsd.api import ApiError, ManagementAPI, parse_history_query
from geventsd.bus import EventBus
from geventsd.config import resolve
from geventsd.ingest import Ingest

from tests.helpers import CATALOG, MemoryEventLog

TOKEN = "s3cret-token"


class APITestCase(unittest.TestCase):
    bind = "127.0.0.1"

    def setUp(self):
        self.clock = Clock()
        self.log = MemoryEventLog()
        self.ingest = Ingest(CATALOG, self.log, EventBus(self.clock), "node-a", self.clock)
        config = resolve({"config": "/nonexistent", "bind": self.bind,
                          "data-dir": "/tmp/unused", "socket": "/tmp/unused.sock"})
        self.api = ManagementAPI(self.ingest, self.log, CATALOG, config, TOKEN,
                                 started_at=100.0, now=lambda: 112.5)
        self.treq = StubTreq(self.api.resource())

    def get(self, path, headers=None):
        response = self.successResultOf(self.treq.get("http://127.0.0.1" + path,
                                                      headers=headers))
        body = self.successResultOf(response.content())
        self.assertEqual(response.headers.getRawHeaders(b"content-type"),
                         [b"application/json"])
        return response.code, json.loads(body)

    def feed(self, datagrams):
        for data in datagrams:
            self.ingest.datagram(data)
        self.clock.advance(0)


class StatusTests(APITestCase):

    def test_status(self):
        """Status shows node, version, uptime, counters and log stats."""
        self.feed([b"1 2 name=a", b"1 2 name=b", b"bad"])
        code, body = self.get("/v1/status")
        self.assertEqual(code, 200)
        self.assertEqual((body["node_id"], body["version"], body["uptime"]),
                         ("node-a", __version__, 12.5))
        events = body["events"]
        self.assertEqual((events["received"], events["accepted"], events["dropped_total"],
                          events["committed_seq"]), (3, 2, 1, 2))
        self.assertEqual(events["dropped"]["bad_format"], 1)
        self.assertEqual(body["log"]["events"], 2)
        self.assertEqual(body["listen"]["udp"], None)


class HistoryTests(APITestCase):

    def setUp(self):
        super().setUp()
        self.feed([b"1 2 name=v%d" % i for i in range(1, 8)]
                  + [b"5 80 volume=v1", b"6 0 host=h"])

    def test_default_is_newest_ascending(self):
        """Without since: the newest `limit` events in ascending order."""
        code, body = self.get("/v1/history?limit=3")
        self.assertEqual(code, 200)
        self.assertEqual([e["seq"] for e in body["events"]], [7, 8, 9])
        self.assertEqual((body["next_since"], body["head"]), (9, 9))

    def test_since_pages_forward(self):
        """since is exclusive and next_since continues the walk."""
        code, body = self.get("/v1/history?since=2&limit=3")
        self.assertEqual([e["seq"] for e in body["events"]], [3, 4, 5])
        code, body = self.get("/v1/history?since=%d&limit=100" % body["next_since"])
        self.assertEqual([e["seq"] for e in body["events"]], [6, 7, 8, 9])
        code, body = self.get("/v1/history?since=9")
        self.assertEqual((body["events"], body["next_since"]), ([], 9))

    def test_event_record(self):
        """Each event carries the documented fields."""
        code, body = self.get("/v1/history?since=7&limit=1")
        (event,) = body["events"]
        self.assertEqual(set(event), {"id", "seq", "node_id", "ts", "event", "type_id",
                                      "category", "severity", "message", "received_at"})
        self.assertEqual((event["event"], event["severity"], event["message"]),
                         ("QUORUM_LOST", "critical", {"volume": "v1"}))

    def test_filters(self):
        """type patterns and minimum severity filter the page."""
        code, body = self.get("/v1/history?since=0&type=PEER_*,quorum_lost")
        self.assertEqual([e["event"] for e in body["events"]], ["QUORUM_LOST", "PEER_ATTACH"])
        code, body = self.get("/v1/history?since=0&severity=error")
        self.assertEqual([e["event"] for e in body["events"]], ["QUORUM_LOST"])

    def test_bad_parameters_are_400(self):
        """Bad or unknown parameters are 400 with a JSON error, never 500."""
        for query, code_name in [("limit=0", "bad_parameter"), ("limit=10001", "bad_parameter"),
                                 ("limit=x", "bad_parameter"), ("since=-1", "bad_parameter"),
                                 ("since=99999999999999999999999", "bad_parameter"),
                                 ("severity=loud", "bad_parameter"),
                                 ("type=NOPE_*", "unknown_type"),
                                 ("colour=red", "unknown_parameter"),
                                 ("limit=1&limit=2", "bad_query"),
                                 ("limit=%FF", "bad_query")]:
            code, body = self.get("/v1/history?" + query)
            self.assertEqual(code, 400, query)
            self.assertEqual(body["error"]["code"], code_name, query)
            self.assertTrue(body["error"]["message"])


class CatalogTests(APITestCase):

    def test_catalog(self):
        """The catalog lists every type with its metadata and schema."""
        code, body = self.get("/v1/catalog")
        self.assertEqual(code, 200)
        self.assertEqual(len(body["types"]), len(CATALOG.types))
        by_name = {t["name"]: t for t in body["types"]}
        self.assertEqual(by_name["VOLUME_CREATE"]["id"], 2)
        self.assertEqual(by_name["DHT_INODES_USAGE"]["id"], 141)
        self.assertEqual(by_name["EVENTS_DROPPED"]["category"], "geventsd")
        self.assertIn("volume", body["categories"])
        self.assertEqual(body["severities"], ["info", "warning", "error", "critical"])


class ErrorTests(APITestCase):

    def test_unknown_path_is_json_404(self):
        """An unknown path is a JSON 404."""
        code, body = self.get("/v1/nope")
        self.assertEqual((code, body["error"]["code"]), (404, "not_found"))

    def test_wrong_method_is_json_405(self):
        """A wrong method is a JSON 405."""
        response = self.successResultOf(self.treq.delete("http://127.0.0.1/v1/status"))
        self.assertEqual(response.code, 405)
        body = json.loads(self.successResultOf(response.content()))
        self.assertEqual(body["error"]["code"], "method_not_allowed")
        self.assertEqual(response.headers.getRawHeaders(b"allow"), [b"GET, HEAD"])


class RemoteBindTests(APITestCase):
    bind = "0.0.0.0"

    def test_token_required_beyond_loopback(self):
        """Bound beyond loopback, reads need the admin token."""
        code, body = self.get("/v1/status")
        self.assertEqual((code, body["error"]["code"]), (401, "unauthorized"))
        code, _ = self.get("/v1/status", headers={"Authorization": "Bearer wrong"})
        self.assertEqual(code, 401)
        code, _ = self.get("/v1/status", headers={"Authorization": "Bearer " + TOKEN})
        self.assertEqual(code, 200)


class ParseHistoryQueryTests(unittest.SynchronousTestCase):

    def test_defaults(self):
        """No parameters: newest mode, limit 100, no filters."""
        q = parse_history_query({}, CATALOG)
        self.assertEqual((q.since, q.limit, q.type_ids, q.severities), (None, 100, None, None))

    def test_severity_floor(self):
        """severity=warning allows warning, error and critical."""
        q = parse_history_query({"severity": "warning"}, CATALOG)
        self.assertEqual(q.severities, ("warning", "error", "critical"))

    def test_bad_limit(self):
        """A limit above the maximum is refused."""
        self.assertRaises(ApiError, parse_history_query, {"limit": "20000"}, CATALOG)
