"""``geventsapi`` as a user runs it: a real process against a real daemon."""

import io
import json
import sys

from twisted.internet import defer, reactor, utils
from twisted.trial import unittest

from geventsd import cli

from tests.helpers import env_without_geventsd, short_tmpdir
from tests.test_integration import REPO, RunningDaemon


def run_cli(*argv, env=None):
    """Run ``python -m geventsd.cli``; fires with (stdout, stderr, exit code)."""
    full_env = dict(env_without_geventsd(), PYTHONPATH=REPO)
    full_env.update(env or {})
    return utils.getProcessOutputAndValue(
        sys.executable, ["-m", "geventsd.cli"] + list(argv), env=full_env, path=REPO,
        reactor=reactor)


class CLIAgainstDaemonTests(unittest.TestCase):

    @defer.inlineCallbacks
    def setUp(self):
        self.dir = short_tmpdir(self)
        self.daemon = RunningDaemon(self, self.dir)
        yield self.daemon.start()
        # Found through runtime.json in the data dir, as a user's CLI would.
        self.env = {"GEVENTSD_DATA_DIR": self.dir}

    @defer.inlineCallbacks
    def test_emit_then_history(self):
        """emit sends a GlusterFS datagram; history shows it as a table and JSON."""
        out, err, code = yield run_cli("emit", "VOLUME_CREATE", "name=gv1", env=self.env)
        self.assertEqual((code, err), (0, b""))
        self.assertIn(b"sent to", out)
        self.assertIn(b" 2 name=gv1", out)
        yield self.daemon.wait_committed(2)
        out, err, code = yield run_cli("history", env=self.env)
        self.assertEqual(code, 0)
        text = out.decode()
        self.assertIn("| SEQ |", text)
        self.assertIn("VOLUME_CREATE", text)
        self.assertIn("name=gv1", text)
        out, err, code = yield run_cli("history", "--json", "--since", "1", env=self.env)
        doc = json.loads(out)
        self.assertEqual(doc["error"], "")
        self.assertEqual([e["event"] for e in doc["output"]["events"]], ["VOLUME_CREATE"])

    @defer.inlineCallbacks
    def test_emit_json_and_typed_values(self):
        """emit --json reports the datagram; typed values arrive typed."""
        out, err, code = yield run_cli("emit", "--json", "GEOREP_CREATE", "force=1",
                                       "push-pem=0", "ssh-port=22", "slave=h::v",
                                       env=self.env)
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["error"], "")
        yield self.daemon.wait_committed(2)
        events = yield self.daemon.events()
        self.assertEqual(events[-1]["message"],
                         {"force": True, "push-pem": False, "ssh-port": 22, "slave": "h::v"})

    @defer.inlineCallbacks
    def test_emit_bad_input(self):
        """Unknown types and malformed attributes are refused with exit 1."""
        out, err, code = yield run_cli("emit", "NOT_A_TYPE", env=self.env)
        self.assertEqual(code, 1)
        self.assertIn(b"unknown event type", err)
        out, err, code = yield run_cli("emit", "VOLUME_CREATE", "novalue", env=self.env)
        self.assertEqual(code, 1)
        self.assertIn(b"not k=v", err)
        out, err, code = yield run_cli("emit", "--json", "VOLUME_CREATE", "name=a;b",
                                       env=self.env)
        self.assertEqual(code, 1)
        self.assertIn("may not contain", json.loads(out)["error"])

    @defer.inlineCallbacks
    def test_status(self):
        """status prints the webhooks and the node table with the daemon UP."""
        out, err, code = yield run_cli("status", env=self.env)
        self.assertEqual(code, 0)
        self.assertIn("| localhost |          UP |              UP |", out.decode())
        out, err, code = yield run_cli("status", "--json", env=self.env)
        node = json.loads(out)["output"]["nodes"][0]
        self.assertEqual((node["geventsd_status"], node["node_id"]),
                         ("UP", self.daemon.service.node_id))

    @defer.inlineCallbacks
    def test_history_bad_filter(self):
        """A type pattern matching nothing is an error with exit 1."""
        out, err, code = yield run_cli("history", "--type", "NOPE_*", env=self.env)
        self.assertEqual(code, 1)
        self.assertIn(b"no event type matches", err)

    @defer.inlineCallbacks
    def test_url_from_env(self):
        """GEVENTSD_URL overrides what runtime.json says."""
        out, err, code = yield run_cli("history", env={"GEVENTSD_URL": self.daemon.url,
                                                       "GEVENTSD_DATA_DIR": "/nonexistent"})
        self.assertEqual(code, 0)


class CLIWithoutDaemonTests(unittest.TestCase):

    def main(self, *argv, env=None):
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(list(argv), env=env or {"GEVENTSD_URL": "http://127.0.0.1:9",
                                                "GEVENTSD_SOCKET": "/nonexistent/s"},
                        stdout=out, stderr=err)
        return out.getvalue(), err.getvalue(), code

    def test_status_down_exits_3(self):
        """With no daemon, status shows DOWN and exits 3 (not all nodes OK)."""
        out, err, code = self.main("status")
        self.assertEqual(code, 3)
        self.assertIn("DOWN", out)
        self.assertIn("cannot reach geventsd", err)

    def test_history_down_exits_1(self):
        """With no daemon, history explains and exits 1; --json uses the envelope."""
        out, err, code = self.main("history", "--json")
        self.assertEqual(code, 1)
        doc = json.loads(out)
        self.assertEqual(doc["output"], "")
        self.assertIn("cannot reach geventsd", doc["error"])

    def test_emit_without_daemon(self):
        """emit with no socket fails with a hint, exit 1."""
        out, err, code = self.main("emit", "VOLUME_CREATE", "name=x")
        self.assertEqual(code, 1)
        self.assertIn("is geventsd running", err)

    def test_events_table(self):
        """events lists the whole catalog as a table."""
        out, err, code = self.main("events")
        self.assertEqual(code, 0)
        self.assertIn("|  141 | DHT_INODES_USAGE", out)
        self.assertIn("EVENTS_DROPPED", out)

    def test_events_filtered_json(self):
        """events --filter/--category --json gives the catalog records."""
        out, err, code = self.main("events", "--json", "--filter", "QUORUM_*")
        doc = json.loads(out)
        self.assertEqual([t["name"] for t in doc["output"]], ["QUORUM_LOST", "QUORUM_REGAINED"])
        out, err, code = self.main("events", "--json", "--category", "afr")
        self.assertEqual(len(json.loads(out)["output"]), 5)

    def test_format_message(self):
        """Messages render as k=v pairs, cut to the width."""
        self.assertEqual(cli.format_message({"name": "gv1", "force": True}), "name=gv1 force=true")
        self.assertEqual(len(cli.format_message({"k": "x" * 200}, width=20)), 20)

    def test_unknown_command_is_usage_error(self):
        """An unknown command is an argparse usage error (exit 2)."""
        with self.assertRaises(SystemExit) as ctx:
            self.main("frobnicate")
        self.assertEqual(ctx.exception.code, 2)

    def test_status_json_down_is_one_envelope(self):
        """status --json with the daemon down prints one envelope carrying the error."""
        out, err, code = self.main("status", "--json")
        self.assertEqual(code, 3)
        doc = json.loads(out)
        self.assertEqual(doc["output"]["nodes"][0]["geventsd_status"], "DOWN")
        self.assertIn("cannot reach geventsd", doc["error"])
