"""Shared test helpers: event factories, an in-memory event log, a reactor
that records AF_UNIX datagram listeners, and a running-daemon fixture."""

import json
import os
import socket

import attrs
from twisted.internet import defer
from twisted.internet.testing import MemoryReactorClock

from geventsd.catalog import SEVERITY_RANK, default_catalog
from geventsd.models import Event

CATALOG = default_catalog()


def make_event(seq=1, type="VOLUME_CREATE", message=None, node_id="node-1", ts=1468303352,
               received_at=1468303352.5):
    etype = CATALOG.by_name[type]
    return Event(id="00000000-0000-4000-8000-%012d" % seq, seq=seq, node_id=node_id, ts=ts,
                 type=etype.name, type_id=etype.id, category=etype.category,
                 severity=etype.severity,
                 message={"name": "gv%d" % seq} if message is None else message,
                 received_at=received_at)


@attrs.define
class MemoryEventLog:
    """The :class:`geventsd.store.EventLog` interface over a list.

    With ``hold=True`` each append returns an unfired Deferred kept in
    ``waiting`` so a test decides when (and whether) the write commits.
    """

    path: str = ":memory:"
    events: list = attrs.field(factory=list)
    hold: bool = False
    waiting: list = attrs.field(factory=list)
    appends: list = attrs.field(factory=list)
    closed: bool = False

    def append(self, events):
        batch = list(events)
        self.appends.append(batch)
        if not self.hold:
            self.events.extend(batch)
            return defer.succeed(None)
        d = defer.Deferred()
        self.waiting.append((d, batch))
        return d

    def commit_next(self, skipped=()):
        """Commit the oldest waiting batch, leaving out the *skipped* seqs."""
        d, batch = self.waiting.pop(0)
        self.events.extend(e for e in batch if e.seq not in skipped)
        d.callback(list(skipped))

    def fail_next(self, exc=None):
        d, batch = self.waiting.pop(0)
        d.errback(exc or IOError("disk full"))

    def read(self, since=None, limit=100, type_ids=None, severities=None, newest=False):
        found = [e for e in self.events
                 if (since is None or e.seq > since)
                 and (type_ids is None or e.type_id in type_ids)
                 and (severities is None or e.severity in severities)]
        found = found[-limit:] if newest else found[:limit]
        return defer.succeed(found)

    def stats(self):
        seqs = [e.seq for e in self.events]
        return defer.succeed({"oldest_seq": min(seqs) if seqs else None,
                              "newest_seq": max(seqs) if seqs else None,
                              "events": len(seqs), "db_bytes": 0})

    def close(self):
        self.closed = True


class FakeDatagramPort:
    def __init__(self, address, protocol):
        self.address = address
        self.protocol = protocol
        self.listening = True

    def stopListening(self):
        self.listening = False
        return defer.succeed(None)


class DatagramMemoryReactor(MemoryReactorClock):
    """``MemoryReactorClock`` that also records datagram listeners."""

    def __init__(self):
        super().__init__()
        self.unixDatagramServers = []
        self.udpServers = []

    def listenUDP(self, port, protocol, interface="", maxPacketSize=8192):
        self.udpServers.append((port, protocol, interface, maxPacketSize))
        return FakeDatagramPort((interface, port), protocol)

    def listenUNIXDatagram(self, address, protocol, maxPacketSize=8192, mode=0o666):
        self.unixDatagramServers.append((address, protocol, maxPacketSize, mode))
        return FakeDatagramPort(address, protocol)


def send_datagrams(path, datagrams):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        for data in datagrams:
            sock.sendto(data, path)
    finally:
        sock.close()


def short_tmpdir(testcase):
    """A short temp dir: AF_UNIX paths are limited to 107 bytes."""
    import tempfile
    import shutil
    path = tempfile.mkdtemp(prefix="gev")
    testcase.addCleanup(shutil.rmtree, path, True)
    return path


def read_json(path):
    with open(path) as f:
        return json.load(f)


def severity_at_least(event, floor):
    return SEVERITY_RANK[event.severity] >= SEVERITY_RANK[floor]


def env_without_geventsd():
    return {k: v for k, v in os.environ.items() if not k.startswith("GEVENTSD_")}
