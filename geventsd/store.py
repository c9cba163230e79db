"""The durable event log: SQLite in WAL mode behind ``adbapi``.

Every accepted event is appended here, in batches, before any sink sees it;
sinks and API readers read it back by ``seq``.  Writes go through a pool of
one connection so batches commit in ``seq`` order; reads use a second pool
so a long history page never waits behind a write (WAL lets them run side
by side).

The schema lives in ``schema/v1.sql`` plus one ``schema/upgrade-<N>.sql``
per later version, shipped with the package; :func:`open_log` creates or
upgrades it synchronously at start-up, before the reactor runs, so the
first datagram already knows its ``seq``.
"""

import json
import os
import sqlite3
from importlib import resources

import attrs
from twisted.enterprise import adbapi

from geventsd.models import Event

SCHEMA_VERSION = 2

_COLUMNS = "seq, id, node_id, ts, type_id, type, category, severity, message, received_at"
_INSERT = "INSERT INTO events (%s) VALUES (?,?,?,?,?,?,?,?,?,?)" % _COLUMNS
_INSERT_OR_IGNORE = _INSERT.replace("INSERT", "INSERT OR IGNORE", 1)
# Errors that mean "this row cannot be stored", as opposed to the database
# being unavailable (sqlite3.OperationalError: disk full, I/O error...).
_ROW_ERRORS = (OverflowError, UnicodeEncodeError, ValueError, TypeError,
               sqlite3.InterfaceError)
SYNC_MODES = ("full", "normal")


class StoreError(Exception):
    """The log cannot be opened (wrong schema version, unreadable file...)."""


def _schema_file(name):
    return resources.files("geventsd.schema").joinpath(name).read_text()


def _upgrade(conn, path, version):
    """Bring a log from *version* to :data:`SCHEMA_VERSION`, one script a step.

    A log that holds data is first copied to ``<path>.v<version>.bak`` with
    SQLite's backup API, so a failed upgrade can be undone by hand.
    """
    if version > SCHEMA_VERSION:
        raise StoreError("event log %s has schema version %d; this geventsd "
                         "reads up to version %d" % (path, version, SCHEMA_VERSION))
    if version < SCHEMA_VERSION and conn.execute("SELECT count(*) FROM events").fetchone()[0]:
        backup = sqlite3.connect("%s.v%d.bak" % (path, version))
        try:
            conn.backup(backup)
        finally:
            backup.close()
    while version < SCHEMA_VERSION:
        version += 1
        conn.executescript("BEGIN;" + _schema_file("upgrade-%d.sql" % version) + "COMMIT;")


def _pragmas(conn, sync):
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=%s" % ("FULL" if sync == "full" else "NORMAL"))
    conn.execute("PRAGMA busy_timeout=5000")


@attrs.frozen
class LogState:
    """What the log holds at start-up."""

    last_seq: int
    oldest_seq: int
    #: False when the previous run did not stop cleanly (crash, kill -9).
    clean_stop: bool = True
    #: The schema version the log was upgraded from at this start, or None.
    upgraded_from: object = None


def open_log(path, sync="full"):
    """Create or check the log at *path* and return its :class:`LogState`.

    Runs synchronously: it is called once from ``makeService``.
    """
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            _pragmas(conn, sync)
            exists = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
            if not exists:
                conn.executescript("BEGIN;" + _schema_file("v1.sql") + "COMMIT;")
            version = int(conn.execute(
                "SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])
            _upgrade(conn, path, version)
            clean = conn.execute("SELECT value FROM meta WHERE key='clean_stop'").fetchone()
            # Until this run stops cleanly, a restart must assume a crash.
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('clean_stop', '0')")
            meta_seq = int(conn.execute(
                "SELECT value FROM meta WHERE key='last_seq'").fetchone()[0])
            max_seq, min_seq = conn.execute("SELECT max(seq), min(seq) FROM events").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as e:
        raise StoreError("cannot open event log %s: %s" % (path, e))
    last = max(meta_seq, max_seq or 0)
    return LogState(last_seq=last, oldest_seq=min_seq or last + 1,
                    clean_stop=clean is None or clean[0] == "1",
                    upgraded_from=version if version < SCHEMA_VERSION else None)


def row_to_event(row):
    seq, id_, node_id, ts, type_id, type_, category, severity, message, received_at = row
    return Event(id=id_, seq=seq, node_id=node_id, ts=ts, type=type_, type_id=type_id,
                 category=category, severity=severity, message=json.loads(message),
                 received_at=received_at)


def _row(e, dumps):
    return (e.seq, e.id, e.node_id, e.ts, e.type_id, e.type, e.category, e.severity,
            dumps(e.message), e.received_at)


def _append(txn, events, dumps):
    """Insert a batch; returns the seqs of rows that could not be stored.

    A row SQLite cannot take must not block the ones after it forever, so
    on a row error the batch is redone row by row (``OR IGNORE`` skips the
    rows already in) and the bad ones are left out and reported.
    """
    skipped = []
    try:
        txn.executemany(_INSERT, [_row(e, dumps) for e in events])
    except _ROW_ERRORS:
        for e in events:
            try:
                txn.execute(_INSERT_OR_IGNORE, _row(e, dumps))
            except _ROW_ERRORS:
                skipped.append(e.seq)
    txn.execute("UPDATE meta SET value=? WHERE key='last_seq'", (str(events[-1].seq),))
    return skipped


def _in_clause(column, values):
    return "%s IN (%s)" % (column, ",".join("?" * len(values))), list(values)


def _where(since, type_ids, severities):
    clauses, args = [], []
    if since is not None:
        clauses.append("seq > ?")
        args.append(since)
    if type_ids is not None:
        clause, more = _in_clause("type_id", type_ids)
        clauses.append(clause)
        args.extend(more)
    if severities is not None:
        clause, more = _in_clause("severity", severities)
        clauses.append(clause)
        args.extend(more)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def _read(txn, since, limit, type_ids, severities, newest):
    where, args = _where(since, type_ids, severities)
    order = "DESC" if newest else "ASC"
    txn.execute("SELECT %s FROM events%s ORDER BY seq %s LIMIT ?" % (_COLUMNS, where, order),
                args + [limit])
    rows = txn.fetchall()
    if newest:
        rows.reverse()
    return [row_to_event(r) for r in rows]


def _stats(txn):
    txn.execute("SELECT min(seq), max(seq), count(*) FROM events")
    low, high, count = txn.fetchone()
    txn.execute("PRAGMA page_count")
    pages = txn.fetchone()[0]
    txn.execute("PRAGMA page_size")
    size = txn.fetchone()[0]
    return {"oldest_seq": low, "newest_seq": high,
            "events": count,
            "db_bytes": pages * size}


def _prune(txn, before_received_at, keep_events, chunk):
    """Delete at most *chunk* of the oldest rows past retention.

    A row is past retention when more than *keep_events* newer rows exist or
    it was received before *before_received_at*.  Rows are contiguous in
    ``seq``, so both limits are a ``seq`` bound.
    """
    txn.execute("SELECT min(seq), max(seq) FROM events")
    low, high = txn.fetchone()
    if high is None:
        return 0
    upto = high - keep_events
    txn.execute("SELECT max(seq) FROM events WHERE seq < ? AND received_at < ?",
                (low + chunk, before_received_at))
    by_age = txn.fetchone()[0]
    if by_age is not None:
        upto = max(upto, by_age)
    upto = min(upto, low + chunk - 1)
    if upto < low:
        return 0
    txn.execute("DELETE FROM events WHERE seq <= ?", (upto,))
    return txn.rowcount


def _connection_pool(path, sync, reactor):
    def openfun(conn):
        _pragmas(conn, sync)
    return adbapi.ConnectionPool(
        "sqlite3", path, check_same_thread=False, cp_min=1, cp_max=1,
        cp_openfun=openfun, cp_reactor=reactor, cp_noisy=False)


@attrs.define
class EventLog:
    """Asynchronous access to the event log.

    :ivar path: the SQLite file.
    """

    path: str
    _writer: adbapi.ConnectionPool
    _reader: adbapi.ConnectionPool
    _dumps: object = attrs.field(
        factory=lambda: json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode)

    @classmethod
    def open(cls, path, reactor, sync="full"):
        """Pools over an already-checked log (see :func:`open_log`)."""
        return cls(path=path, writer=_connection_pool(path, sync, reactor),
                   reader=_connection_pool(path, sync, reactor))

    def append(self, events):
        """Write *events* (ascending ``seq``) in one transaction.

        :return: Deferred that fires, when the transaction has committed,
            with the list of seqs that could not be stored (usually empty).
        """
        return self._writer.runInteraction(_append, events, self._dumps)

    def read(self, since=None, limit=100, type_ids=None, severities=None, newest=False):
        """Events with ``seq > since`` in ascending order, at most *limit*.

        With ``newest=True`` the newest *limit* matching events (still
        returned in ascending order).  *type_ids* and *severities*, when
        given, are the allowed values.
        """
        return self._reader.runInteraction(_read, since, limit, type_ids, severities, newest)

    def stats(self):
        return self._reader.runInteraction(_stats)

    def mark_clean_stop(self):
        """Record that everything was committed and the daemon stopped cleanly."""
        return self._writer.runOperation(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('clean_stop', '1')")

    def prune(self, before_received_at, keep_events, chunk=10000):
        """Delete up to *chunk* rows past retention; fires with the count."""
        return self._writer.runInteraction(_prune, before_received_at, keep_events, chunk)

    def close(self):
        self._writer.close()
        self._reader.close()
