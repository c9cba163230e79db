"""``geventsapi``: the command line, command for command like ``gluster-eventsapi``.

Every command prints a table (or plain text) by default and, with
``--json``, the GlusterFS envelope ``{"output": ..., "error": ""}``.  Exit
codes follow ``gluster-eventsapi`` (see :class:`Exit`).  ``main`` takes its
argv, environment and streams as arguments so tests call it directly.
"""

import argparse
import datetime
import enum
import json
import os
import sys

from geventsd import emit as emitmod
from geventsd.catalog import SEVERITIES, default_catalog
from geventsd.client import Client, ClientError
from geventsd.table import render


class Exit(enum.IntEnum):
    """Exit codes, numbered as ``gluster-eventsapi``'s."""

    OK = 0
    ERROR = 1
    SAME_CONFIG = 2
    ALL_NODES_NOT_OK = 3
    PARTIAL_SUCCESS = 4
    WEBHOOK_EXISTS = 5
    WEBHOOK_NOT_FOUND = 6
    INVALID_CONFIG = 7
    WEBHOOK_SYNC_FAILED = 8
    CONFIG_SYNC_FAILED = 9


class CommandError(Exception):
    """A command failed; *reported* when its output already said so."""

    def __init__(self, message, code=Exit.ERROR, reported=False):
        super().__init__(message)
        self.code = code
        self.reported = reported


class Output:
    """Where a command's result goes: text or the ``--json`` envelope."""

    def __init__(self, as_json, stdout, stderr):
        self.as_json = as_json
        self.stdout = stdout
        self.stderr = stderr

    def result(self, text, data, error=""):
        if self.as_json:
            self.stdout.write(json.dumps({"output": data, "error": error}) + "\n")
        else:
            self.stdout.write(text + "\n")

    def error(self, message):
        if self.as_json:
            self.stdout.write(json.dumps({"output": "", "error": message}) + "\n")
        else:
            self.stderr.write("geventsapi: %s\n" % message)


def _short_time(ts):
    try:
        return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).strftime(
            "%Y-%m-%d %H:%M:%S")
    except (OverflowError, OSError, ValueError, TypeError):
        return str(ts)


def format_message(message, width=80):
    """``k=v`` pairs on one line, cut to *width* characters."""
    parts = []
    for key, value in message.items():
        text = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
        parts.append("%s=%s" % (key, text))
    line = " ".join(parts)
    return line if len(line) <= width else line[:width - 3] + "..."


# -- commands ---------------------------------------------------------------

def cmd_status(args, client, out):
    """Webhooks, then one row per node with the daemon's state."""
    try:
        status = client.get("/v1/status")
        up, node_up = "UP", True
    except ClientError as e:
        status, up, node_up = None, "DOWN", False
        reason = str(e)
    table = render(["NODE", "NODE STATUS", "GEVENTSD STATUS"],
                   [["localhost", "UP", up]], align="lrr")
    text = "Webhooks: \nNone\n\n" + table
    data = {"webhooks": [], "nodes": [{"node": "localhost", "node_status": "UP",
                                       "geventsd_status": up,
                                       "node_id": status["node_id"] if status else None}]}
    if not node_up:
        out.result(text, data, error=reason)
        raise CommandError(reason, Exit.ALL_NODES_NOT_OK, reported=out.as_json)
    out.result(text, data)


def cmd_emit(args, client, out):
    attrs = {}
    for item in args.attributes:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise CommandError("attribute %r is not k=v" % item)
        attrs[key] = value
    event_type = int(args.type) if args.type.isdigit() else args.type
    try:
        data = emitmod.format_event(event_type, attrs)
    except ValueError as e:
        raise CommandError(str(e))
    path = emitmod.find_socket(args.env)
    status = emitmod.send_datagram(data, path)
    if status != emitmod.EmitStatus.OK:
        raise CommandError("could not send to %s (%s): is geventsd running?"
                           % (path, status.name.lower()))
    out.result("sent to %s: %s" % (path, data.decode("utf-8")),
               {"socket": path, "datagram": data.decode("utf-8")})


def cmd_events(args, client, out):
    catalog = default_catalog()
    types = catalog.types
    if args.filter:
        types = catalog.match(args.filter.split(","))
    if args.category:
        wanted = {c.strip().lower() for c in args.category.split(",")}
        types = [t for t in types if t.category in wanted]
    rows = [[t.id, t.name, t.category, t.severity,
             ", ".join(a.name for a in t.attributes)] for t in types]
    out.result(render(["ID", "EVENT", "CATEGORY", "SEVERITY", "ATTRIBUTES"], rows,
                      align="rllll"),
               [t.to_dict() for t in types])


def cmd_history(args, client, out):
    try:
        page = client.get("/v1/history", since=args.since, limit=args.limit,
                          type=args.type, severity=args.severity)
    except ClientError as e:
        raise CommandError(str(e))
    rows = [[e["seq"], _short_time(e["ts"]), e["event"], e["severity"],
             format_message(e["message"])] for e in page["events"]]
    out.result(render(["SEQ", "TIME (UTC)", "EVENT", "SEVERITY", "MESSAGE"], rows,
                      align="rllll"),
               page)


# -- parser -------------------------------------------------------------------

def build_parser():
    parser = argparse.ArgumentParser(
        prog="geventsapi",
        description="Manage and watch geventsd, the events daemon (gluster-eventsapi style).")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def command(name, func, help_text):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--json", action="store_true", help="JSON output")
        p.set_defaults(func=func)
        return p

    command("status", cmd_status, "Show the daemon's status on every node.")
    p = command("emit", cmd_emit, "Send one event to the local daemon's socket.")
    p.add_argument("type", metavar="TYPE", help="Event type name (VOLUME_CREATE) or id")
    p.add_argument("attributes", metavar="K=V", nargs="*", help="Message attributes")
    p = command("events", cmd_events, "List the event catalog.")
    p.add_argument("--filter", help="Type patterns, comma-separated (VOLUME_*)")
    p.add_argument("--category", help="Categories, comma-separated")
    p = command("history", cmd_history, "Show events from the log.")
    p.add_argument("--since", type=int, help="Events after this seq (default: the newest)")
    p.add_argument("--limit", type=int, default=20, help="At most this many (default 20)")
    p.add_argument("--type", help="Type patterns, comma-separated")
    p.add_argument("--severity", choices=SEVERITIES, help="Minimum severity")
    return parser


def main(argv=None, env=None, stdout=None, stderr=None):
    """Run one command; returns the exit code."""
    env = os.environ if env is None else env
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args = build_parser().parse_args(argv)
    out = Output(args.json, stdout, stderr)
    args.env = env
    try:
        args.func(args, Client.from_env(env), out)
    except CommandError as e:
        if not e.reported:
            out.error(str(e))
        return int(e.code)
    return Exit.OK


def run():
    sys.exit(main())


if __name__ == "__main__":
    run()
