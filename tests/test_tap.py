"""The twistd plugin and the service tree, on an in-memory reactor."""

import os

from twisted.application.service import IServiceCollection, IServiceMaker
from twisted.plugin import getPlugins
from twisted.trial import unittest

from geventsd import tap
from geventsd.protocols.datagram import READ_SIZE, EventDatagramProtocol

from tests.helpers import DatagramMemoryReactor, short_tmpdir


class PluginTests(unittest.SynchronousTestCase):

    def test_plugin_is_registered(self):
        """twistd finds a service maker called geventsd pointing at geventsd.tap."""
        makers = {m.tapname: m for m in getPlugins(IServiceMaker)}
        self.assertIn("geventsd", makers)
        self.assertIsInstance(makers["geventsd"].options(), tap.Options)


class ServiceTreeTests(unittest.TestCase):

    def build(self, *extra):
        self.dir = short_tmpdir(self)
        self.config = os.path.join(self.dir, "config.json")
        with open(self.config, "w") as f:
            f.write("{}")
        options = tap.Options()
        options.parseOptions(["--data-dir", self.dir, "--socket",
                              os.path.join(self.dir, "ev.sock"), "--port", "24999",
                              "--config", self.config] + list(extra))
        self.reactor = DatagramMemoryReactor()
        top = tap.makeService(options, reactor=self.reactor)
        self.addCleanup(top._lock.release)
        self.addCleanup(top.event_log.close)
        return top

    def test_tree_shape(self):
        """The tree holds the log, socket, http and retention services in order."""
        top = self.build()
        self.assertTrue(IServiceCollection.providedBy(top))
        self.assertEqual([s.name for s in top], ["log", "socket", "http", "retention"])

    def test_listeners(self):
        """Starting the tree listens on the socket (mode 0660, 64 KiB+1 reads) and TCP."""
        top = self.build()
        top.startService()
        (path, proto, size, mode), = self.reactor.unixDatagramServers
        self.assertEqual(path, os.path.join(self.dir, "ev.sock"))
        self.assertIsInstance(proto, EventDatagramProtocol)
        self.assertEqual((size, mode), (READ_SIZE, 0o660))
        (port, factory, backlog, interface), = self.reactor.tcpServers
        self.assertEqual((port, interface), (24999, "127.0.0.1"))
        self.assertEqual(self.reactor.udpServers, [])

    def test_udp_listener(self):
        """--udp adds a UDP listener on bind:udp-port."""
        top = self.build("--udp", "--udp-port", "55555")
        self.assertIn("udp", [s.name for s in top])
        top.startService()
        (port, proto, interface, size), = self.reactor.udpServers
        self.assertEqual((port, interface, size), (55555, "127.0.0.1", READ_SIZE))

    def test_started_event_queued(self):
        """Start-up queues GEVENTSD_STARTED into the log before any datagram."""
        top = self.build()
        top.startService()
        self.assertEqual(top.ingest.last_seq, 1)
        self.assertEqual(top.ingest.counters.internal, 1)

    def test_second_daemon_on_same_data_dir_refused(self):
        """makeService refuses a data dir another daemon holds, with a clear message."""
        self.build()
        options = tap.Options()
        options.parseOptions(["--data-dir", self.dir, "--port", "0", "--config", self.config])
        e = self.assertRaises(SystemExit, tap.makeService, options, DatagramMemoryReactor())
        self.assertIn("already running on data dir", str(e))
