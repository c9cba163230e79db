"""The SQLite event log: schema, append, read, stats, restart and pruning."""

import os
import sqlite3

from twisted.internet import defer, reactor
from twisted.trial import unittest

from geventsd.store import SCHEMA_VERSION, EventLog, StoreError, open_log

from tests.helpers import make_event


class EventLogTests(unittest.TestCase):

    def setUp(self):
        os.makedirs(self.mktemp())
        self.path = os.path.join(self.mktemp(), "events.db")
        self.state = open_log(self.path)
        self.log = EventLog.open(self.path, reactor)
        self.addCleanup(self.log.close)

    def test_new_log_is_empty(self):
        """A new log starts before seq 1."""
        self.assertEqual(self.state.last_seq, 0)
        self.assertEqual(self.state.oldest_seq, 1)

    def test_wal_mode(self):
        """The log file is in WAL mode."""
        conn = sqlite3.connect(self.path)
        self.addCleanup(conn.close)
        self.assertEqual(conn.execute("PRAGMA journal_mode").fetchone()[0], "wal")

    @defer.inlineCallbacks
    def test_append_and_read_round_trip(self):
        """Appended events read back equal, in ascending seq order."""
        events = [make_event(seq=i, message={"name": "v%d" % i, "force": True,
                                              "options": [["a", "b"]]}) for i in range(1, 6)]
        yield self.log.append(events)
        got = yield self.log.read()
        self.assertEqual(got, events)

    @defer.inlineCallbacks
    def test_read_since_is_exclusive_and_limited(self):
        """read(since=N, limit=L) gives the L events after N."""
        yield self.log.append([make_event(seq=i) for i in range(1, 11)])
        got = yield self.log.read(since=3, limit=4)
        self.assertEqual([e.seq for e in got], [4, 5, 6, 7])

    @defer.inlineCallbacks
    def test_read_newest_is_ascending(self):
        """newest=True gives the newest events, still ascending."""
        yield self.log.append([make_event(seq=i) for i in range(1, 11)])
        got = yield self.log.read(limit=3, newest=True)
        self.assertEqual([e.seq for e in got], [8, 9, 10])

    @defer.inlineCallbacks
    def test_read_filters(self):
        """type_ids and severities restrict what is read."""
        yield self.log.append([make_event(seq=1, type="VOLUME_CREATE"),
                               make_event(seq=2, type="QUORUM_LOST", message={}),
                               make_event(seq=3, type="PEER_ATTACH", message={})])
        got = yield self.log.read(type_ids=(0, 2))
        self.assertEqual([e.seq for e in got], [1, 3])
        got = yield self.log.read(severities=("critical",))
        self.assertEqual([e.type for e in got], ["QUORUM_LOST"])

    @defer.inlineCallbacks
    def test_stats(self):
        """stats reports the seq range, the count and the file size."""
        yield self.log.append([make_event(seq=i) for i in range(1, 4)])
        stats = yield self.log.stats()
        self.assertEqual((stats["oldest_seq"], stats["newest_seq"], stats["events"]),
                         (1, 3, 3))
        self.assertGreater(stats["db_bytes"], 0)

    @defer.inlineCallbacks
    def test_reopen_continues_seq(self):
        """After a restart open_log reports the newest seq written."""
        yield self.log.append([make_event(seq=i) for i in range(1, 8)])
        self.assertEqual(open_log(self.path).last_seq, 7)

    @defer.inlineCallbacks
    def test_seq_never_reused_after_pruning_everything(self):
        """Pruning every row keeps the high-water seq, so seq is never reused."""
        yield self.log.append([make_event(seq=i, received_at=1.0) for i in range(1, 6)])
        deleted = yield self.log.prune(before_received_at=10.0, keep_events=100)
        self.assertEqual(deleted, 5)
        self.assertEqual(open_log(self.path).last_seq, 5)

    @defer.inlineCallbacks
    def test_prune_by_count(self):
        """Only the newest keep_events rows survive a count prune."""
        yield self.log.append([make_event(seq=i) for i in range(1, 21)])
        deleted = yield self.log.prune(before_received_at=0, keep_events=5)
        self.assertEqual(deleted, 15)
        got = yield self.log.read()
        self.assertEqual([e.seq for e in got], [16, 17, 18, 19, 20])

    @defer.inlineCallbacks
    def test_prune_by_age(self):
        """Rows received before the cut-off are deleted, newer ones kept."""
        yield self.log.append([make_event(seq=i, received_at=float(i)) for i in range(1, 11)])
        deleted = yield self.log.prune(before_received_at=4.5, keep_events=1000)
        self.assertEqual(deleted, 4)
        got = yield self.log.read(limit=1)
        self.assertEqual(got[0].seq, 5)

    @defer.inlineCallbacks
    def test_prune_is_chunked(self):
        """One prune call deletes at most `chunk` rows."""
        yield self.log.append([make_event(seq=i, received_at=1.0) for i in range(1, 31)])
        deleted = yield self.log.prune(before_received_at=10.0, keep_events=1000, chunk=10)
        self.assertEqual(deleted, 10)


class OpenLogTests(unittest.TestCase):

    def test_wrong_schema_version_is_refused(self):
        """A log written by another schema version is refused with a clear error."""
        path = self.mktemp()
        open_log(path)
        conn = sqlite3.connect(path)
        conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
        conn.commit()
        conn.close()
        e = self.assertRaises(StoreError, open_log, path)
        self.assertIn("schema version 99", str(e))

    def test_not_a_database_is_refused(self):
        """A file that is not SQLite gives a StoreError, not a traceback."""
        path = self.mktemp()
        with open(path, "wb") as f:
            f.write(b"this is not a database" * 100)
        self.assertRaises(StoreError, open_log, path)


class UpgradeTests(unittest.SynchronousTestCase):

    def make_v1(self, path, rows=3):
        from geventsd.store import _schema_file
        conn = sqlite3.connect(path)
        conn.executescript(_schema_file("v1.sql"))
        for seq in range(1, rows + 1):
            conn.execute("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?)",
                         (seq, "id%d" % seq, "n", 1, 2, "VOLUME_CREATE", "volume", "info",
                          "{}", 1.0))
        conn.execute("UPDATE meta SET value=? WHERE key='last_seq'", (str(rows),))
        conn.commit()
        conn.close()

    def schema_version(self, path):
        conn = sqlite3.connect(path)
        try:
            return conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
        finally:
            conn.close()

    def test_new_log_has_current_version(self):
        """A new log is created at the current schema version."""
        path = self.mktemp()
        open_log(path)
        self.assertEqual(self.schema_version(path), str(SCHEMA_VERSION))

    def test_v1_log_is_upgraded_with_backup(self):
        """A version 1 log with events is backed up, upgraded, and keeps its events."""
        path = self.mktemp()
        self.make_v1(path)
        state = open_log(path)
        self.assertEqual(state.last_seq, 3)
        self.assertEqual(self.schema_version(path), str(SCHEMA_VERSION))
        self.assertEqual(self.schema_version(path + ".v1.bak"), "1")
        conn = sqlite3.connect(path)
        self.addCleanup(conn.close)
        self.assertEqual(conn.execute("SELECT count(*) FROM events").fetchone()[0], 3)
        self.assertEqual(conn.execute("SELECT count(*) FROM webhooks").fetchone()[0], 0)


class PoisonRowTests(unittest.TestCase):

    @defer.inlineCallbacks
    def test_unstorable_row_is_skipped_not_blocking(self):
        """A row SQLite cannot store is reported and the rest of the batch is kept."""
        path = os.path.join(self.mktemp() + "d", "events.db")
        open_log(path)
        log = EventLog.open(path, reactor)
        self.addCleanup(log.close)
        bad = make_event(seq=2, ts=2**64)
        skipped = yield log.append([make_event(seq=1), bad, make_event(seq=3)])
        self.assertEqual(skipped, [2])
        got = yield log.read()
        self.assertEqual([e.seq for e in got], [1, 3])
        self.assertEqual(open_log(path).last_seq, 3)


class CleanStopTests(unittest.TestCase):

    @defer.inlineCallbacks
    def test_clean_stop_marker(self):
        """A start without a recorded clean stop is reported as unclean."""
        path = os.path.join(self.mktemp() + "c", "events.db")
        self.assertTrue(open_log(path).clean_stop, "a new log counts as clean")
        self.assertFalse(open_log(path).clean_stop, "started, never stopped cleanly")
        log = EventLog.open(path, reactor)
        yield log.mark_clean_stop()
        log.close()
        self.assertTrue(open_log(path).clean_stop)
