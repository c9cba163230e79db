"""Settings: defaults, the config JSON, the command line, and default paths."""

import json
import os

from twisted.python import usage
from twisted.trial import unittest

from geventsd import config, paths
from geventsd.tap import Options

HOME = {"HOME": "/home/ann"}


class PathTests(unittest.SynchronousTestCase):

    def test_root_defaults(self):
        """As root: /var/lib/geventsd and /var/run/gluster/events.sock."""
        self.assertEqual(paths.default_data_dir(HOME, euid=0), "/var/lib/geventsd")
        self.assertEqual(paths.default_socket("/x", euid=0), "/var/run/gluster/events.sock")
        self.assertEqual(paths.default_config_path(HOME, euid=0), "/etc/geventsd/config.json")

    def test_user_defaults(self):
        """As a user: XDG state dir, socket inside it, XDG config file."""
        self.assertEqual(paths.default_data_dir(HOME, euid=1000),
                         "/home/ann/.local/state/geventsd")
        self.assertEqual(paths.default_data_dir(dict(HOME, XDG_STATE_HOME="/s"), euid=1000),
                         "/s/geventsd")
        self.assertEqual(paths.default_socket("/d", euid=1000), "/d/events.sock")
        self.assertEqual(paths.default_config_path(dict(HOME, XDG_CONFIG_HOME="/c"), euid=5),
                         "/c/geventsd/config.json")

    def test_client_data_dir_env(self):
        """Clients honour GEVENTSD_DATA_DIR."""
        self.assertEqual(paths.client_data_dir({"GEVENTSD_DATA_DIR": "/q"}, euid=0), "/q")


class ResolveTests(unittest.SynchronousTestCase):

    def write_config(self, doc):
        path = self.mktemp()
        with open(path, "w") as f:
            f.write(doc if isinstance(doc, str) else json.dumps(doc))
        return path

    def test_defaults(self):
        """With no file and no options every setting has its default."""
        c = config.resolve({"config": "/nonexistent.json"}, env=HOME, euid=1000)
        self.assertEqual((c["bind"], c["port"], c["udp"], c["udp-port"], c["socket-mode"]),
                         ("127.0.0.1", 24009, False, 24009, 0o660))
        self.assertEqual(c["socket"], "/home/ann/.local/state/geventsd/events.sock")
        self.assertEqual(c.http_url, "http://127.0.0.1:24009")
        self.assertTrue(c.loopback_only)
        self.assertEqual(c.problems, ())

    def test_precedence(self):
        """Command line beats the config file, which beats the defaults."""
        path = self.write_config({"port": 25000, "bind": "0.0.0.0", "udp": True,
                                  "socket-mode": "0600"})
        c = config.resolve({"config": path, "port": 26000}, env=HOME, euid=1000)
        self.assertEqual((c["port"], c["bind"], c["udp"], c["udp-port"], c["socket-mode"]),
                         (26000, "0.0.0.0", True, 26000, 0o600))
        self.assertEqual(c.sources["port"], "command line")
        self.assertEqual(c.sources["bind"], path)
        self.assertFalse(c.loopback_only)
        self.assertEqual(c.http_url, "http://127.0.0.1:26000")

    def test_bad_file_content_is_reported_not_fatal(self):
        """Unknown keys and bad values are skipped and reported; the rest applies."""
        path = self.write_config({"port": "high", "colour": "blue", "log-sync": "normal"})
        c = config.resolve({"config": path}, env=HOME, euid=1000)
        self.assertEqual(c["port"], 24009)
        self.assertEqual(c["log-sync"], "normal")
        self.assertEqual(len(c.problems), 2)
        self.assertIn("port", " ".join(c.problems))
        self.assertIn("colour", " ".join(c.problems))

    def test_corrupt_file_is_ignored(self):
        """A truncated config file is ignored with a problem, not a crash."""
        path = self.write_config('{"port": 2')
        c = config.resolve({"config": path}, env=HOME, euid=1000)
        self.assertEqual(c["port"], 24009)
        self.assertEqual(len(c.problems), 1)

    def test_bad_command_line_value(self):
        """A bad option value raises ConfigError naming the setting."""
        e = self.assertRaises(config.ConfigError, config.resolve,
                              {"config": "/none", "bind": "localhost"}, HOME, 1000)
        self.assertIn("bind", str(e))

    def test_check_rules(self):
        """Each checker accepts good values and refuses bad ones."""
        self.assertEqual(config.check("socket-mode", "0640"), 0o640)
        self.assertEqual(config.check("log-max-events", 5), 5)
        for name, value in [("port", 70000), ("port", True), ("udp", "yes"),
                            ("socket-mode", "999"), ("log-sync", "off"),
                            ("log-retention-days", 0), ("node-id", "a b"),
                            ("nonsense", 1)]:
            self.assertRaises(config.ConfigError, config.check, name, value)


class OptionsTests(unittest.SynchronousTestCase):

    def parse(self, *argv):
        options = Options()
        options.parseOptions(list(argv))
        return options

    def test_options_map_to_settings(self):
        """Every twistd option lands in the resolved config."""
        o = self.parse("--data-dir", "/tmp/d", "--socket", "/tmp/s.sock", "--port", "1234",
                       "--bind", "::1", "--udp", "--udp-port", "55555", "--node-id", "n1")
        c = o.config
        self.assertEqual((c["data-dir"], c["socket"], c["port"], c["bind"], c["udp"],
                          c["udp-port"], c["node-id"]),
                         ("/tmp/d", "/tmp/s.sock", 1234, "::1", True, 55555, "n1"))
        self.assertEqual(c.http_url, "http://[::1]:1234")

    def test_bad_port_is_a_usage_error(self):
        """A non-numeric port is a UsageError with the option's name."""
        e = self.assertRaises(usage.UsageError, self.parse, "--port", "abc")
        self.assertIn("--port", str(e))

    def test_out_of_range_port_is_a_usage_error(self):
        """An out-of-range port is a UsageError."""
        self.assertRaises(usage.UsageError, self.parse, "--port", "99999")

    def test_missing_config_file_is_a_usage_error(self):
        """--config naming a missing file is refused."""
        e = self.assertRaises(usage.UsageError, self.parse, "--config", "/no/such.json")
        self.assertIn("/no/such.json", str(e))

    def test_config_file_used(self):
        """--config reads the given file."""
        path = self.mktemp()
        with open(path, "w") as f:
            json.dump({"port": 24444}, f)
        self.assertEqual(self.parse("--config", path).config["port"], 24444)
        self.assertEqual(self.parse("--config", path).config.config_path, os.path.abspath(path))

    def test_help_mentions_every_option(self):
        """str(Options()) documents each option."""
        text = str(Options())
        for name in ("--data-dir", "--socket", "--port", "--bind", "--udp", "--udp-port",
                     "--config", "--node-id"):
            self.assertIn(name, text)


class ReloadedTests(unittest.SynchronousTestCase):

    def resolve_file(self, doc):
        path = self.mktemp()
        with open(path, "w") as f:
            f.write(doc)
        return config.resolve({"config": path}, env=HOME, euid=1000)

    def test_live_applied_rest_reported(self):
        """Live settings are applied; others are listed as needing a restart."""
        current = self.resolve_file('{"log-max-events": 10}')
        fresh = self.resolve_file('{"log-max-events": 20, "port": 25000}')
        merged, applied, restart = config.reloaded(current, fresh)
        self.assertEqual((applied, restart), (["log-max-events"], ["port", "udp-port"]))
        self.assertEqual((merged["log-max-events"], merged["port"]), (20, 24009))

    def test_corrupt_file_changes_nothing(self):
        """An unreadable file on reload keeps every running value."""
        current = self.resolve_file('{"log-max-events": 10}')
        fresh = self.resolve_file('{"log-max-')
        merged, applied, restart = config.reloaded(current, fresh)
        self.assertEqual((merged["log-max-events"], applied, restart), (10, [], []))
        self.assertEqual(len(merged.problems), 1)

    def test_rejected_key_keeps_running_value(self):
        """A key with a bad value keeps its running value instead of the default."""
        current = self.resolve_file('{"log-max-events": 10, "log-retention-days": 3}')
        fresh = self.resolve_file('{"log-max-events": -1, "log-retention-days": 4}')
        merged, applied, restart = config.reloaded(current, fresh)
        self.assertEqual((merged["log-max-events"], merged["log-retention-days"]), (10, 4))
        self.assertEqual(applied, ["log-retention-days"])
