"""The ingest: turns datagrams into stamped events and commits them to the log.

Every accepted event gets its ``id``, ``seq``, ``node_id``, ``received_at``
and catalog metadata here, then waits in a bounded in-memory batch until the
log commits it; only committed events are published on the bus.  Batches are
group commits: one write is in flight at a time and everything that arrives
meanwhile goes into the next one, so latency stays low at low rates and the
batch grows with the rate.

Flow control: when the uncommitted backlog reaches ``high_water`` the
registered readers (the datagram ports) are paused, so senders on the
AF_UNIX socket wait in the kernel instead of being dropped; they resume at
``low_water``.  Anything that still arrives past ``hard_limit`` (HTTP ingest,
UDP) is dropped and counted as ``overload``.

Bad datagrams are counted by reason; the first one after a quiet period is
logged at once and the rest are summarised every ``report_interval`` seconds,
together with an ``EVENTS_DROPPED`` event in the stream.
"""

import random
import time

import attrs
from twisted.internet.defer import Deferred, succeed
from twisted.logger import Logger

from geventsd import wire
from geventsd.catalog import OPERATIONAL_BASE
from geventsd.models import Event, Parsed, Rejection


class IdFactory:
    """Random (version 4) UUID strings, cheaply: the per-event hot path.

    Seeded from ``os.urandom`` through ``random.Random``; ids only need to
    be unique, not secret.
    """

    def __init__(self, rng=None):
        self._bits = (rng or random.Random()).getrandbits

    def __call__(self):
        h = "%032x" % ((self._bits(128) & ~(0xF << 76) & ~(0x3 << 62))
                       | (0x4 << 76) | (0x2 << 62))
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


@attrs.define
class IngestCounters:
    """Counters shown by ``/v1/status`` and ``/metrics``."""

    received: int = 0
    accepted: int = 0
    internal: int = 0
    committed: int = 0
    dropped: dict = attrs.field(factory=lambda: {r: 0 for r in wire.REASONS})
    write_errors: int = 0

    def to_dict(self):
        return {"received": self.received, "accepted": self.accepted,
                "internal": self.internal, "committed": self.committed,
                "dropped": dict(self.dropped),
                "dropped_total": sum(self.dropped.values()),
                "write_errors": self.write_errors}


@attrs.define
class Ingest:
    """Stamp, batch and commit events; see the module docstring.

    :ivar _log: a :class:`geventsd.store.EventLog`.
    :ivar _bus: a :class:`geventsd.bus.EventBus`, told of committed events.
    :ivar _clock: ``IReactorTime``; ``_now`` the wall clock (``time.time``).
    :ivar last_seq: the newest ``seq`` handed out.
    :ivar committed_seq: the newest ``seq`` known to be in the log.
    """

    _catalog: object
    _log: object
    _bus: object
    node_id: str
    _clock: object
    last_seq: int = 0
    committed_seq: int = 0
    _now: object = time.time
    high_water: int = 20000
    low_water: int = 5000
    hard_limit: int = 100000
    max_batch: int = 5000
    retry_delay: float = 1.0
    report_interval: float = 10.0
    counters: IngestCounters = attrs.field(factory=IngestCounters)
    _new_id: object = attrs.field(factory=IdFactory)
    _pending: list = attrs.field(factory=list)
    _writing: bool = False
    _flush_call: object = None
    _readers: list = attrs.field(factory=list)
    _paused: bool = False
    _report_call: object = None
    _since_report: dict = attrs.field(factory=dict)
    _first_logged: bool = False
    _idle_waiters: list = attrs.field(factory=list)

    log = Logger()

    def __attrs_post_init__(self):
        self.committed_seq = self.last_seq

    # -- in ---------------------------------------------------------------

    def datagram(self, data):
        """Take one datagram from a protocol; never raises."""
        self.counters.received += 1
        result = wire.parse(data, self._catalog)
        if result.__class__ is Parsed:
            self.accept(result)
        else:
            self.reject(result)

    def accept(self, parsed, internal=False):
        """Stamp a :class:`Parsed` and queue it for the log.

        *internal* events (the daemon's own) are counted apart from
        ``accepted``, which with ``dropped`` adds up to ``received``.

        :return: the :class:`Event`, or a :class:`Rejection` when overloaded.
        """
        if len(self._pending) >= self.hard_limit:
            rejection = Rejection("overload", "ingest backlog full (%d events)"
                                  % len(self._pending))
            self.reject(rejection)
            return rejection
        now = self._now()
        etype = parsed.type
        self.last_seq += 1
        event = Event(
            id=self._new_id(), seq=self.last_seq, node_id=self.node_id,
            ts=int(now) if parsed.ts is None else parsed.ts,
            type=etype.name, type_id=etype.id, category=etype.category,
            severity=etype.severity, message=parsed.message, received_at=now)
        if internal:
            self.counters.internal += 1
        else:
            self.counters.accepted += 1
        self._pending.append(event)
        if not self._writing and self._flush_call is None:
            self._flush_call = self._clock.callLater(0, self._flush)
        if len(self._pending) >= self.high_water and not self._paused:
            self._pause()
        return event

    def skip_seqs(self, count):
        """Never hand out the next *count* seqs (see ``makeService``)."""
        self.last_seq += count
        self.committed_seq = self.last_seq

    def emit_internal(self, name, message):
        """Accept one of geventsd's own operational events."""
        return self.accept(Parsed(type=self._catalog.by_name[name], ts=None,
                                  message=message), internal=True)

    def reject(self, rejection):
        """Count a dropped datagram; logging and reporting are rate-limited."""
        reason = rejection.reason
        self.counters.dropped[reason] += 1
        self._since_report[reason] = self._since_report.get(reason, 0) + 1
        if self._report_call is None:
            # First drop after a quiet period: say it now, summarise later.
            self.log.warn("dropped a datagram ({reason}): {detail}",
                          reason=reason, detail=rejection.detail)
            self._first_logged = True
            self._report_call = self._clock.callLater(self.report_interval, self._report)

    def _report(self):
        """Summarise the last interval's drops in the log and the stream."""
        counts, self._since_report = self._since_report, {}
        total = sum(counts.values())
        if not total:
            self._report_call = None
            return
        if not (self._first_logged and total == 1):
            self.log.warn("dropped {total} datagrams in the last {interval:.0f}s: {counts}",
                          total=total, interval=self.report_interval,
                          counts=", ".join("%s=%d" % kv for kv in sorted(counts.items())))
        self._first_logged = False
        self.emit_internal("EVENTS_DROPPED", {"reasons": counts, "total": total,
                                              "interval": int(self.report_interval)})
        self._report_call = self._clock.callLater(self.report_interval, self._report)

    # -- flow control -----------------------------------------------------

    def add_reader(self, reader):
        """Register something with ``pauseReading``/``resumeReading``."""
        self._readers.append(reader)
        if self._paused:
            reader.pauseReading()

    def remove_reader(self, reader):
        if reader in self._readers:
            self._readers.remove(reader)

    def _pause(self):
        self._paused = True
        for reader in self._readers:
            reader.pauseReading()

    def _maybe_resume(self):
        if self._paused and len(self._pending) <= self.low_water:
            self._paused = False
            for reader in self._readers:
                reader.resumeReading()

    # -- out to the log ---------------------------------------------------

    @property
    def pending(self):
        return len(self._pending)

    def _flush(self):
        self._flush_call = None
        if self._writing or not self._pending:
            return
        batch = self._pending[:self.max_batch]
        del self._pending[:self.max_batch]
        self._writing = True
        d = self._log.append(batch)
        d.addCallbacks(self._committed, self._write_failed,
                       callbackArgs=(batch,), errbackArgs=(batch,))

    def _committed(self, skipped, batch):
        self._writing = False
        self.committed_seq = batch[-1].seq
        if skipped:
            lost = set(skipped)
            external = sum(1 for e in batch if e.seq in lost and e.type_id < OPERATIONAL_BASE)
            batch = [e for e in batch if e.seq not in lost]
            self.counters.accepted -= external
            self.counters.internal -= len(lost) - external
            self.counters.dropped["unstorable"] += len(lost)
            self.log.error("the event log refused {n} event(s) (seqs {seqs}); dropped",
                           n=len(lost), seqs=", ".join(map(str, sorted(lost)[:10])))
        self.counters.committed += len(batch)
        self._bus.publish_many(batch)
        self._maybe_resume()
        if self._pending:
            self._flush()
        else:
            self._notify_idle()

    def _write_failed(self, failure, batch):
        # Keep the batch (same seqs) at the front and try again: an event
        # that was accepted is never given up while the process lives.
        self._writing = False
        self.counters.write_errors += 1
        self.log.failure("event log write of {n} events failed; retrying in {delay}s",
                         failure, n=len(batch), delay=self.retry_delay)
        self._pending[:0] = batch
        self._flush_call = self._clock.callLater(self.retry_delay, self._flush)

    def _notify_idle(self):
        waiters, self._idle_waiters = self._idle_waiters, []
        for d in waiters:
            d.callback(self.committed_seq)

    def flushed(self):
        """Deferred that fires (with ``committed_seq``) when nothing is pending."""
        if not self._pending and not self._writing:
            return succeed(self.committed_seq)
        d = Deferred()
        self._idle_waiters.append(d)
        return d

    def stop(self):
        """Cancel timers; the caller waits on :meth:`flushed` first."""
        if self._report_call is not None and self._report_call.active():
            self._report_call.cancel()
        self._report_call = None
