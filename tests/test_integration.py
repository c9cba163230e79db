"""The real daemon on real sockets: datagrams in over AF_UNIX and UDP, the
log on disk, the API over TCP, restarts, a second daemon, and kill -9."""

import os
import signal
import socket
import subprocess
import sys
import time

import attrs
import treq
from twisted.internet import defer, reactor, task
from twisted.trial import unittest

from geventsd import datadir, paths, tap
from geventsd.ingest import Ingest
from geventsd.store import open_log

from tests.helpers import send_datagrams, short_tmpdir

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@defer.inlineCallbacks
def get_json(url):
    response = yield treq.get(url, persistent=False)
    body = yield response.json()
    return response.code, body


@defer.inlineCallbacks
def wait_for(predicate, timeout=10.0, interval=0.02):
    """Poll an (async) predicate until it returns something true."""
    deadline = time.monotonic() + timeout
    while True:
        value = yield defer.maybeDeferred(predicate)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        yield task.deferLater(reactor, interval, lambda: None)


class RunningDaemon:
    """A daemon service tree started on the real reactor for one test."""

    def __init__(self, testcase, data_dir, *extra):
        self.data_dir = data_dir
        self.socket = os.path.join(data_dir, "ev.sock")
        config = os.path.join(data_dir, "config.json")
        if not os.path.exists(config):
            with open(config, "w") as f:
                f.write("{}")
        options = tap.Options()
        options.parseOptions(["--data-dir", data_dir, "--socket", self.socket,
                              "--port", "0", "--config", config] + list(extra))
        self.service = tap.makeService(options, reactor=reactor)
        self.running = False
        testcase.addCleanup(self.stop)

    @defer.inlineCallbacks
    def start(self):
        self.service.startService()
        self.running = True
        yield self.service._http.listening
        self.url = self.service.http_url

    def stop(self):
        if not self.running:
            return defer.succeed(None)
        self.running = False
        return self.service.stopService()

    def history(self, query="since=0&limit=10000"):
        return get_json(self.url + "/v1/history?" + query)

    @defer.inlineCallbacks
    def events(self):
        code, body = yield self.history()
        return body["events"]

    def wait_committed(self, seq):
        return wait_for(lambda: self.service.ingest.committed_seq >= seq)


class DaemonTests(unittest.TestCase):

    def setUp(self):
        self.dir = short_tmpdir(self)

    @defer.inlineCallbacks
    def test_datagrams_reach_the_log_and_api(self):
        """Datagrams in both formats are logged and served, bad ones counted."""
        d = RunningDaemon(self, self.dir)
        yield d.start()
        send_datagrams(d.socket, [
            b"1468303352 2 name=gv1",
            b"1468303353 6 name=gv1;options=performance.cache-size,256MB,nfs.disable,on",
            b'{"event": "PEER_ATTACH", "ts": 1468303354, "message": {"host": "node2"}}',
            b"no-spaces", b"\xff\xfe", b"1 999 a=b", b"x" * 70000,
        ])
        yield d.wait_committed(4)
        yield wait_for(lambda: d.service.ingest.counters.received >= 7)
        events = yield d.events()
        self.assertEqual([e["event"] for e in events],
                         ["GEVENTSD_STARTED", "VOLUME_CREATE", "VOLUME_SET", "PEER_ATTACH"])
        self.assertEqual([e["seq"] for e in events], [1, 2, 3, 4])
        self.assertEqual(events[2]["message"]["options"],
                         [["performance.cache-size", "256MB"], ["nfs.disable", "on"]])
        code, status = yield get_json(d.url + "/v1/status")
        dropped = status["events"]["dropped"]
        self.assertEqual((dropped["bad_format"], dropped["invalid_utf8"],
                          dropped["unknown_type"], dropped["oversized"]), (1, 1, 1, 1))
        runtime = datadir.read_runtime(self.dir)
        self.assertEqual((runtime["url"], runtime["socket"]), (d.url, d.socket))

    @defer.inlineCallbacks
    def test_socket_mode_and_cleanup(self):
        """The socket gets mode 0660 and is removed, with runtime.json, on stop."""
        d = RunningDaemon(self, self.dir)
        yield d.start()
        self.assertEqual(os.stat(d.socket).st_mode & 0o777, 0o660)
        yield d.stop()
        self.assertFalse(os.path.exists(d.socket))
        self.assertFalse(os.path.exists(paths.runtime_path(self.dir)))

    @defer.inlineCallbacks
    def test_restart_continues_seq_and_keeps_events(self):
        """After a clean restart the old events are there and seq continues."""
        d = RunningDaemon(self, self.dir)
        yield d.start()
        send_datagrams(d.socket, [b"1 2 name=a", b"1 2 name=b"])
        yield d.wait_committed(3)
        yield d.stop()
        d2 = RunningDaemon(self, self.dir)
        yield d2.start()
        send_datagrams(d2.socket, [b"1 3 name=a"])
        yield d2.wait_committed(6)
        events = yield d2.events()
        self.assertEqual([(e["seq"], e["event"]) for e in events],
                         [(1, "GEVENTSD_STARTED"), (2, "VOLUME_CREATE"), (3, "VOLUME_CREATE"),
                          (4, "GEVENTSD_STOPPING"), (5, "GEVENTSD_STARTED"),
                          (6, "VOLUME_START")])

    @defer.inlineCallbacks
    def test_burst_is_logged_completely(self):
        """A burst of 20,000 datagrams is committed with nothing dropped."""
        d = RunningDaemon(self, self.dir)
        yield d.start()
        sender = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.addCleanup(sender.close)
        sender.setblocking(False)
        pending = [b"1 2 name=v%d" % i for i in range(20000)]

        def pump():
            # Send what the socket takes now; the rest on the next turn, as a
            # blocking sender would wait (the reactor must keep running).
            while pending:
                try:
                    sender.sendto(pending[0], d.socket)
                except BlockingIOError:
                    return False
                pending.pop(0)
            return True
        yield wait_for(pump, timeout=60, interval=0.001)
        yield d.wait_committed(20001)
        self.assertEqual(d.service.ingest.counters.to_dict()["dropped_total"], 0)
        code, body = yield d.history("limit=1")
        self.assertEqual(body["events"][0]["message"], {"name": "v19999"})
        yield d.stop()
        self.assertEqual(open_log(os.path.join(self.dir, "events.db")).last_seq, 20002)

    @defer.inlineCallbacks
    def test_udp(self):
        """With --udp, datagrams over UDP are accepted too."""
        d = RunningDaemon(self, self.dir, "--udp", "--udp-port", "0")
        yield d.start()
        port = d.service.getServiceNamed("udp")._port.getHost().port
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.sendto(b"1468303352 80 volume=gv1", ("127.0.0.1", port))
        s.close()
        yield d.wait_committed(2)
        events = yield d.events()
        self.assertEqual(events[-1]["event"], "QUORUM_LOST")

    @defer.inlineCallbacks
    def test_second_daemon_refused(self):
        """A second daemon on the same data dir refuses to start."""
        d = RunningDaemon(self, self.dir)
        yield d.start()
        e = self.assertRaises(SystemExit, RunningDaemon, self, self.dir)
        self.assertIn("already running", str(e))

    @defer.inlineCallbacks
    def test_live_socket_of_another_daemon_refused(self):
        """A socket path another daemon listens on is not stolen."""
        d = RunningDaemon(self, self.dir)
        yield d.start()
        other = short_tmpdir(self)
        options = tap.Options()
        options.parseOptions(["--data-dir", other, "--socket", d.socket, "--port", "0"])
        e = self.assertRaises(SystemExit, tap.makeService, options, reactor)
        self.assertIn("listening on", str(e))

    @defer.inlineCallbacks
    def test_stale_socket_replaced(self):
        """A stale socket file left by a dead daemon is replaced."""
        path = os.path.join(self.dir, "ev.sock")
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        s.bind(path)
        s.close()
        d = RunningDaemon(self, self.dir)
        yield d.start()
        send_datagrams(d.socket, [b"1 2 name=a"])
        yield d.wait_committed(2)


class KillTests(unittest.TestCase):
    """The real ``twistd geventsd`` process, killed with SIGKILL."""

    timeout = 120

    def start_daemon(self, data_dir, port):
        env = dict(os.environ, PYTHONPATH=REPO)
        log = open(os.path.join(data_dir, "twistd.log"), "ab")
        self.addCleanup(log.close)
        proc = subprocess.Popen(
            [sys.executable, "-c", "from twisted.scripts.twistd import run; run()",
             "-n", "--pidfile=", "geventsd",
             "--data-dir", data_dir, "--socket", os.path.join(data_dir, "ev.sock"),
             "--port", str(port), "--config", os.path.join(data_dir, "none.json")],
            cwd=data_dir, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.addCleanup(lambda: proc.poll() is None and proc.kill())
        return proc

    def free_port(self):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        return port

    @defer.inlineCallbacks
    def test_kill_9_loses_nothing_committed(self):
        """Events committed before a kill -9 are all there after restart; seq continues."""
        data_dir = short_tmpdir(self)
        with open(os.path.join(data_dir, "none.json"), "w") as f:
            f.write("{}")
        port = self.free_port()
        url = "http://127.0.0.1:%d" % port
        proc = self.start_daemon(data_dir, port)
        sock = os.path.join(data_dir, "ev.sock")
        yield wait_for(lambda: os.path.exists(paths.runtime_path(data_dir)), timeout=30)
        send_datagrams(sock, [b"1 2 name=v%d" % i for i in range(5000)])

        @defer.inlineCallbacks
        def committed():
            code, status = yield get_json(url + "/v1/status")
            return status["events"]["committed_seq"] >= 5001
        yield wait_for(committed, timeout=30)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        # The lock died with the process; the stale socket is replaced.
        proc = self.start_daemon(data_dir, port)
        yield wait_for(lambda: datadir.read_runtime(data_dir).get("pid") == proc.pid,
                       timeout=30)
        send_datagrams(sock, [b"2 3 name=after"])

        @defer.inlineCallbacks
        def after():
            code, body = yield get_json(url + "/v1/history?since=5001")
            return body["events"] if len(body["events"]) >= 2 else None
        events = yield wait_for(after, timeout=30)
        # After a crash seq skips every number that might have been handed
        # out uncommitted, so no seq is ever reused.
        fields = attrs.fields(Ingest)
        gap = fields.hard_limit.default + fields.max_batch.default
        self.assertEqual([(e["seq"], e["event"]) for e in events],
                         [(5002 + gap, "GEVENTSD_STARTED"), (5003 + gap, "VOLUME_START")])
        code, body = yield get_json(url + "/v1/history?since=1&limit=5000")
        self.assertEqual([e["message"]["name"] for e in body["events"]],
                         ["v%d" % i for i in range(5000)])
        proc.send_signal(signal.SIGTERM)
        # twistd shuts down cleanly, then re-raises the signal for its exit status.
        self.assertIn(proc.wait(timeout=30), (0, -signal.SIGTERM))
        with open(os.path.join(data_dir, "twistd.log"), "rb") as f:
            self.assertIn(b"Server Shut Down", f.read())


class ReloadTests(unittest.TestCase):

    def setUp(self):
        self.dir = short_tmpdir(self)
        self.config = os.path.join(self.dir, "config.json")
        with open(self.config, "w") as f:
            f.write('{"log-max-events": 500}')

    def rewrite(self, doc):
        with open(self.config, "w") as f:
            f.write(doc)

    @defer.inlineCallbacks
    def test_sigusr2_reloads_without_losing_events(self):
        """SIGUSR2 re-reads the config, applies live settings, and events keep flowing."""
        d = RunningDaemon(self, self.dir)
        yield d.start()
        send_datagrams(d.socket, [b"1 2 name=before"])
        self.rewrite('{"log-max-events": 900, "udp": true}')
        os.kill(os.getpid(), signal.SIGUSR2)
        send_datagrams(d.socket, [b"1 2 name=during"])
        yield wait_for(lambda: d.service.reloads == 1)
        self.assertEqual(d.service.config["log-max-events"], 900)
        self.assertEqual(d.service.getServiceNamed("log")._config["log-max-events"], 900)
        self.assertFalse(d.service.config["udp"], "udp needs a restart")
        send_datagrams(d.socket, [b"1 2 name=after"])
        yield wait_for(lambda: d.service.ingest.counters.committed >= 5)
        events = yield d.events()
        names = [e["message"].get("name") for e in events if e["event"] == "VOLUME_CREATE"]
        self.assertEqual(names, ["before", "during", "after"])
        (reloaded,) = [e for e in events if e["event"] == "GEVENTSD_RELOADED"]
        self.assertEqual(reloaded["message"],
                         {"applied": ["log-max-events"], "restart_needed": ["udp"],
                          "problems": 0})

    @defer.inlineCallbacks
    def test_sighup_with_broken_file_keeps_running_config(self):
        """SIGHUP with a corrupt config file keeps the running settings."""
        d = RunningDaemon(self, self.dir)
        yield d.start()
        self.rewrite('{"log-max-events": ')
        os.kill(os.getpid(), signal.SIGHUP)
        yield wait_for(lambda: d.service.reloads == 1)
        self.assertEqual(d.service.config["log-max-events"], 500)
        yield d.wait_committed(2)
        events = yield d.events()
        self.assertEqual(events[-1]["message"],
                         {"applied": [], "restart_needed": [], "problems": 1})
        self.flushLoggedErrors()
