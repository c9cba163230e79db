"""The ingest: stamping, group commit, publish-after-commit, flow control,
write retries and rate-limited drop reports."""

import uuid

from twisted.internet.task import Clock
from twisted.logger import LogLevel, capturedLogs
from twisted.trial import unittest

from geventsd.bus import EventBus
from geventsd.ingest import IdFactory, Ingest

from tests.helpers import CATALOG, MemoryEventLog


class FakeReader:
    def __init__(self):
        self.paused = False
        self.calls = []

    def pauseReading(self):
        self.paused = True
        self.calls.append("pause")

    def resumeReading(self):
        self.paused = False
        self.calls.append("resume")


class IngestTests(unittest.TestCase):

    def setUp(self):
        self.clock = Clock()
        self.log = MemoryEventLog(hold=True)
        self.bus = EventBus(self.clock)
        self.published = []
        self.bus.subscribe(None, self.published.append)
        self.ingest = Ingest(CATALOG, self.log, self.bus, "node-a", self.clock,
                             last_seq=41, now=lambda: 1000.25)

    def test_stamps_events(self):
        """An accepted datagram gets id, the next seq, node id, catalog metadata."""
        self.ingest.datagram(b"1468303352 80 volume=gv1")
        self.clock.advance(0)
        (event,) = self.log.appends[0]
        self.assertEqual(event.seq, 42)
        self.assertEqual(uuid.UUID(event.id).version, 4)
        self.assertEqual((event.node_id, event.ts, event.type, event.type_id),
                         ("node-a", 1468303352, "QUORUM_LOST", 80))
        self.assertEqual((event.category, event.severity), ("quorum", "critical"))
        self.assertEqual(event.received_at, 1000.25)
        self.assertEqual(event.message, {"volume": "gv1"})

    def test_json_without_ts_uses_receive_time(self):
        """A JSON event without ts gets the receive time as ts."""
        self.ingest.datagram(b'{"event": "VOLUME_CREATE", "message": {"name": "x"}}')
        self.clock.advance(0)
        self.assertEqual(self.log.appends[0][0].ts, 1000)

    def test_group_commit(self):
        """Events of one reactor turn share a batch; the next waits for the commit."""
        for i in range(3):
            self.ingest.datagram(b"1 2 name=a%d" % i)
        self.clock.advance(0)
        self.assertEqual([len(b) for b in self.log.appends], [3])
        for i in range(2):
            self.ingest.datagram(b"1 2 name=b%d" % i)
        self.clock.advance(0)
        self.assertEqual(len(self.log.appends), 1, "no second write while one is in flight")
        self.log.commit_next()
        self.assertEqual([len(b) for b in self.log.appends], [3, 2])
        self.assertEqual([e.seq for e in self.log.appends[1]], [45, 46])

    def test_publish_only_after_commit(self):
        """The bus sees an event only once the log has committed it."""
        self.ingest.datagram(b"1 2 name=a")
        self.clock.advance(0)
        self.assertEqual(self.published, [])
        self.log.commit_next()
        self.clock.advance(0)
        self.assertEqual([e.seq for e in self.published], [42])
        self.assertEqual(self.ingest.committed_seq, 42)
        self.assertEqual(self.ingest.counters.committed, 1)

    def test_failed_write_is_retried_with_same_seqs(self):
        """A failed write keeps its events and seqs and is retried later."""
        self.ingest.datagram(b"1 2 name=a")
        self.clock.advance(0)
        self.log.fail_next()
        self.assertEqual(len(self.flushLoggedErrors(IOError)), 1)
        self.ingest.datagram(b"1 2 name=b")
        self.clock.advance(0)
        self.assertEqual(len(self.log.appends), 1, "waits for the retry delay")
        self.clock.advance(self.ingest.retry_delay)
        self.assertEqual([e.seq for e in self.log.appends[1]], [42, 43])
        self.log.commit_next()
        self.assertEqual(self.ingest.counters.write_errors, 1)
        self.assertEqual([e.seq for e in self.log.events], [42, 43])

    def test_batches_are_bounded(self):
        """A backlog is written in batches of at most max_batch events."""
        self.ingest.max_batch = 4
        for i in range(10):
            self.ingest.datagram(b"1 2 name=%d" % i)
        self.clock.advance(0)
        while self.log.waiting:
            self.log.commit_next()
        self.assertEqual([len(b) for b in self.log.appends], [4, 4, 2])

    def test_flow_control_pauses_and_resumes_readers(self):
        """Readers pause at high water and resume at low water."""
        self.ingest.high_water, self.ingest.low_water, self.ingest.max_batch = 5, 2, 2
        reader = FakeReader()
        self.ingest.add_reader(reader)
        for i in range(5):
            self.ingest.datagram(b"1 2 name=%d" % i)
        self.assertTrue(reader.paused)
        self.clock.advance(0)
        self.log.commit_next()       # 3 left pending, next batch of 2 in flight
        self.assertTrue(reader.paused)
        self.log.commit_next()       # 1 left pending <= low water
        self.assertFalse(reader.paused)
        self.assertEqual(reader.calls, ["pause", "resume"])

    def test_reader_added_while_paused_is_paused(self):
        """A reader registered during a pause starts paused."""
        self.ingest.high_water = 1
        self.ingest.datagram(b"1 2 name=a")
        reader = FakeReader()
        self.ingest.add_reader(reader)
        self.assertTrue(reader.paused)

    def test_hard_limit_drops_as_overload(self):
        """Past hard_limit further events are dropped and counted as overload."""
        self.ingest.hard_limit = 2
        for i in range(3):
            self.ingest.datagram(b"1 2 name=%d" % i)
        self.assertEqual(self.ingest.counters.accepted, 2)
        self.assertEqual(self.ingest.counters.dropped["overload"], 1)
        self.assertEqual(self.ingest.last_seq, 43, "no seq is spent on a dropped event")

    def test_counters_add_up(self):
        """received = accepted + dropped; internal events are counted apart."""
        for data in (b"1 2 name=a", b"junk", b"", b"1 2 name=b"):
            self.ingest.datagram(data)
        self.ingest.emit_internal("GEVENTSD_STARTED", {"version": "x", "last_seq": 0})
        c = self.ingest.counters.to_dict()
        self.assertEqual((c["received"], c["accepted"], c["dropped_total"], c["internal"]),
                         (4, 2, 2, 1))
        self.assertEqual(c["dropped"]["bad_format"], 1)
        self.assertEqual(c["dropped"]["empty"], 1)

    def test_drops_are_logged_rate_limited_and_reported(self):
        """The first drop is logged at once, the rest summarised with EVENTS_DROPPED."""
        self.log.hold = False
        with capturedLogs() as events:
            for _ in range(50):
                self.ingest.datagram(b"\xff\xfe")
            self.ingest.datagram(b"1 9999 a=b")
        warnings = [e for e in events if e["log_level"] == LogLevel.warn]
        self.assertEqual(len(warnings), 1)
        self.assertEqual(warnings[0]["reason"], "invalid_utf8")
        with capturedLogs() as events:
            self.clock.advance(self.ingest.report_interval)
        self.assertEqual(len(events), 1)
        self.assertEqual(events[0]["total"], 51)
        self.clock.advance(0)
        (report,) = [e for e in self.log.events if e.type == "EVENTS_DROPPED"]
        self.assertEqual(report.message["reasons"], {"invalid_utf8": 50, "unknown_type": 1})
        self.assertEqual(report.message["total"], 51)

    def test_single_drop_is_not_logged_twice(self):
        """A lone drop is logged once; the report only adds the stream event."""
        self.log.hold = False
        with capturedLogs() as events:
            self.ingest.datagram(b"nope")
            self.clock.advance(self.ingest.report_interval)
            self.clock.advance(self.ingest.report_interval)
        self.assertEqual(len(events), 1)
        self.clock.advance(0)
        self.assertEqual([e.type for e in self.log.events], ["EVENTS_DROPPED"])
        # After a quiet interval the next drop is logged immediately again.
        with capturedLogs() as events:
            self.ingest.datagram(b"nope again")
        self.assertEqual(len(events), 1)

    def test_flushed_waits_for_pending(self):
        """flushed() fires once everything accepted is committed."""
        self.ingest.datagram(b"1 2 name=a")
        d = self.ingest.flushed()
        self.assertNoResult(d)
        self.clock.advance(0)
        self.log.commit_next()
        self.assertEqual(self.successResultOf(d), 42)

    def test_flushed_when_idle(self):
        """flushed() fires at once when nothing is pending."""
        self.assertEqual(self.successResultOf(self.ingest.flushed()), 41)


class IdFactoryTests(unittest.SynchronousTestCase):

    def test_ids_are_uuid4_and_distinct(self):
        """Ids are RFC 4122 version 4 UUID strings and do not repeat."""
        new_id = IdFactory()
        ids = {new_id() for _ in range(10000)}
        self.assertEqual(len(ids), 10000)
        for value in list(ids)[:100]:
            parsed = uuid.UUID(value)
            self.assertEqual((parsed.version, parsed.variant), (4, uuid.RFC_4122))
            self.assertEqual(str(parsed), value)


class UnstorableTests(unittest.TestCase):

    def test_refused_rows_are_counted_and_not_published(self):
        """Rows the log refuses are counted as unstorable and never published."""
        clock = Clock()
        log = MemoryEventLog(hold=True)
        bus = EventBus(clock)
        published = []
        bus.subscribe(None, published.append)
        ingest = Ingest(CATALOG, log, bus, "n", clock)
        for i in range(3):
            ingest.datagram(b"1 2 name=%d" % i)
        clock.advance(0)
        log.commit_next(skipped=[2])
        clock.advance(0)
        self.flushLoggedErrors()
        self.assertEqual([e.seq for e in published], [1, 3])
        c = ingest.counters.to_dict()
        self.assertEqual((c["received"], c["accepted"], c["dropped"]["unstorable"],
                          c["committed"]), (3, 2, 1, 2))
        self.assertEqual(ingest.committed_seq, 3)
