"""The documentation keeps up with the code: the generated event reference
is current, and every setting, option, command and route is documented."""

import argparse
import contextlib
import importlib.util
import io
import os

from twisted.trial import unittest

from geventsd import config
from geventsd.api import ManagementAPI
from geventsd.catalog import default_catalog
from geventsd.cli import build_parser
from geventsd.tap import Options

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "docs")


def _load_generator():
    """Import ``tools/gen_event_docs.py`` by path: ``tools/`` is not a package."""
    path = os.path.join(ROOT, "tools", "gen_event_docs.py")
    spec = importlib.util.spec_from_file_location("gen_event_docs", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(name):
    with open(os.path.join(DOCS, name), encoding="utf-8", newline="") as f:
        return f.read()


class EventReferenceTests(unittest.TestCase):
    """``docs/events.md`` is generated from the catalog and current."""

    def setUp(self):
        self.generator = _load_generator()
        self.catalog = default_catalog()

    def test_events_md_is_current(self):
        """docs/events.md is exactly what tools/gen_event_docs.py renders now."""
        expected = self.generator.render_events_md(self.catalog)
        self.assertTrue(
            _read("events.md") == expected,
            "docs/events.md is stale: run `tox -e docs` (python tools/gen_event_docs.py)")

    def test_render_is_deterministic(self):
        """Rendering the same catalog twice gives the same text."""
        self.assertEqual(self.generator.render_events_md(self.catalog),
                         self.generator.render_events_md(default_catalog()))

    def test_every_type_is_listed(self):
        """Every catalog type name appears in docs/events.md."""
        text = _read("events.md")
        missing = [t.name for t in self.catalog.types if "`%s`" % t.name not in text]
        self.assertEqual(missing, [])

    def test_check_mode(self):
        """--check exits 1 on a stale file and 0 on a current one."""
        path = self.mktemp()
        with open(path, "w", encoding="utf-8") as f:
            f.write("# stale\n")
        with contextlib.redirect_stderr(io.StringIO()) as err:
            self.assertEqual(self.generator.main(["--check", "--output", path]), 1)
        self.assertIn("tox -e docs", err.getvalue())
        self.assertEqual(self.generator.main(["--output", path]), 0)
        self.assertEqual(self.generator.main(["--check", "--output", path]), 0)


class ReferenceCoverageTests(unittest.TestCase):
    """Each hand-written page names everything it is the reference for."""

    def test_settings_documented(self):
        """Every setting in geventsd.config.SETTINGS is named in docs/configuration.md."""
        text = _read("configuration.md")
        missing = [s.name for s in config.SETTINGS if "`%s`" % s.name not in text]
        self.assertEqual(missing, [])

    def test_twistd_options_documented(self):
        """Every option of `twistd geventsd` appears in docs/configuration.md."""
        text = _read("configuration.md")
        names = [o[0] for o in Options.optParameters] + [o[0] for o in Options.optFlags]
        missing = ["--" + n for n in names if "--" + n not in text]
        self.assertEqual(missing, [])

    def test_cli_commands_documented(self):
        """Every geventsapi subcommand appears in docs/cli.md."""
        text = _read("cli.md")
        commands = []
        for action in build_parser()._actions:
            if isinstance(action, argparse._SubParsersAction):
                commands.extend(action.choices)
        self.assertTrue(commands)
        missing = [c for c in commands if "geventsapi %s" % c not in text]
        self.assertEqual(missing, [])

    def test_api_routes_documented(self):
        """Every route of the klein app appears in docs/api.md with its methods."""
        text = _read("api.md")
        missing = []
        rules = list(ManagementAPI.app.url_map.iter_rules())
        self.assertTrue(rules)
        for rule in rules:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                if "%s %s" % (method, rule.rule) not in text:
                    missing.append("%s %s" % (method, rule.rule))
        self.assertEqual(missing, [])
