"""How fast does geventsd take events in, and what does it cost?

Why: the GlusterFS events daemon reads about 2,300 datagrams/s and drops
half of a 5,000/s flood.  geventsd promises every datagram it reads is in
the durable log before anyone sees it, and that AF_UNIX senders wait rather
than lose events when it falls behind.  This script checks the promise and
puts a number on it, next to what bare Twisted can read on the same machine
in the same run.

How: three phases, each flooded by a sender in *another process* that uses
a blocking AF_UNIX SOCK_DGRAM socket (so a full receive queue makes it wait,
never drop) and sends GlusterFS-format datagrams
(``b"<ts> 2 name=gv1;seq=<n>"``, type 2 = VOLUME_CREATE):

1. baseline: a bare ``reactor.listenUNIXDatagram`` that only counts, run in
   a child process, once with Twisted's default 8 KiB reads and once with
   the 64 KiB reads geventsd needs; datagrams/s from first to last receipt.
2. throughput: the real service tree (``geventsd.tap.makeService`` with a
   temporary data dir and socket, HTTP on port 0) under the real reactor in
   this process; N events as fast as the sender can; accepted events/s
   from the first receipt (the event's ``received_at``) to the moment the
   ingest has committed the last one, peak RSS of this process, and a check
   that nothing was lost: sent == accepted == committed == rows in the log,
   one row per sent ``seq``, every drop counter zero.
3. latency: a paced sender (default 1,000 events/s for 10 s) puts its
   ``time.time()`` in each event; a bus subscriber (the bus only delivers
   committed events) records ``now - sent``: p50/p99/max commit latency.

It prints a table and, last, one JSON line.  Targets (from the issue):
>= 50,000 events/s into the log with nothing dropped, and p99 commit
latency under 10 ms at 1,000 events/s.  ``--check`` exits 1 when one is
missed; ``--quick`` is a small smoke run.

Run: ``tox -e bench`` or ``PYTHONPATH=. python3 benchmarks/ingest.py``.
The same file is the sender and the baseline listener (``--role``), so it
needs no other helper.  This process runs no threads of its own (the
adbapi pool of the daemon is the only one).
"""

import argparse
import json
import os
import platform
import resource
import shutil
import socket
import sqlite3
import sys
import tempfile
import time

BENCH_TYPE_ID = 2  # VOLUME_CREATE
TARGET_EVENTS_PER_S = 50000
TARGET_P99_MS = 10.0


# -- sender (child process) --------------------------------------------------

def run_sender(path, count, first_seq, rate):
    """Send *count* datagrams to *path*; pace at *rate*/s unless it is 0.

    Prints one JSON line: how many were sent and how long it took.
    """
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.connect(path)  # blocking: a full receive queue makes send() wait
    send = sock.send
    ts = int(time.time())
    cpu0 = time.process_time()
    start = time.perf_counter()
    sent = 0
    try:
        if rate:
            interval = 1.0 / rate
            clock, now = time.perf_counter, time.time
            for n in range(first_seq, first_seq + count):
                delay = start + sent * interval - clock()
                if delay > 0:
                    time.sleep(delay)
                send(b"%d 2 name=gv1;seq=%d;sent=%.6f" % (ts, n, now()))
                sent += 1
        else:
            for n in range(first_seq, first_seq + count):
                send(b"%d 2 name=gv1;seq=%d" % (ts, n))
            sent = count
    except OSError as e:
        print(json.dumps({"sent": sent, "error": str(e)}), flush=True)
        return 1
    finally:
        sock.close()
    print(json.dumps({"sent": sent, "seconds": time.perf_counter() - start,
                      "cpu_seconds": time.process_time() - cpu0}), flush=True)
    return 0


# -- baseline listener (child process) ----------------------------------------

def run_baseline(path, count, packet_size, idle_timeout):
    """A bare Twisted AF_UNIX datagram port that counts *count* datagrams.

    Prints ``READY`` once listening, then one JSON line with the count and
    the seconds from the first to the last datagram.
    """
    from twisted.internet import reactor, task
    from twisted.internet.protocol import DatagramProtocol

    class Counter(DatagramProtocol):
        noisy = False
        received = 0
        first = last = None

        def datagramReceived(self, data, addr):
            self.received += 1
            if self.received == 1:
                self.first = time.perf_counter()
            if self.received >= count:
                self.last = time.perf_counter()
                reactor.stop()

    counter = Counter()
    reactor.listenUNIXDatagram(path, counter, maxPacketSize=packet_size)
    seen = [0, time.monotonic()]

    def watchdog():
        # A lost datagram would make us wait forever: give up when idle.
        if counter.received != seen[0]:
            seen[:] = [counter.received, time.monotonic()]
        elif time.monotonic() - seen[1] > idle_timeout:
            reactor.stop()
    task.LoopingCall(watchdog).start(0.5, now=False)
    reactor.callWhenRunning(lambda: print("READY", flush=True))
    reactor.run()
    last = counter.last or time.perf_counter()
    seconds = (last - counter.first) if counter.first is not None else 0.0
    print(json.dumps({"received": counter.received, "seconds": seconds}), flush=True)
    return 0 if counter.received >= count else 1


# -- helpers for the orchestrating process ------------------------------------

def proc_status_kib(field):
    """A ``VmRSS``/``VmHWM``-style field of /proc/self/status, in KiB."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    if field == "VmHWM":
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return None


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def percentile(sorted_values, p):
    """Nearest-rank percentile of an ascending list (``p`` in 0..100)."""
    if not sorted_values:
        return None
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


def filesystem_of(path):
    """``(fstype, mount point)`` holding *path*, from /proc/mounts."""
    path = os.path.realpath(path)
    best = ("unknown", "")
    try:
        with open("/proc/mounts") as f:
            for line in f:
                parts = line.split()
                mount, fstype = parts[1], parts[2]
                inside = path == mount or path.startswith(mount.rstrip("/") + "/")
                if inside and len(mount) >= len(best[1]):
                    best = (fstype, mount)
    except OSError:
        pass
    return best


class BenchmarkError(Exception):
    """A phase could not complete (timeout, child failure)."""


def child_process_class():
    from twisted.internet.defer import Deferred
    from twisted.internet.protocol import ProcessProtocol

    class ChildProcess(ProcessProtocol):
        """Collects a child's output; ``ready`` fires on its ``READY`` line."""

        def __init__(self, announces):
            self.out = b""
            self.err = b""
            self.ready = Deferred() if announces else None
            self.done = Deferred()
            self.exit_code = None

        def outReceived(self, data):
            self.out += data
            if self.ready and not self.ready.called and self.out.startswith(b"READY\n"):
                self.ready.callback(None)

        def errReceived(self, data):
            self.err += data

        def processEnded(self, reason):
            self.exit_code = reason.value.exitCode
            if self.ready and not self.ready.called:
                self.ready.errback(BenchmarkError(self.describe("exited before READY")))
            self.done.callback(self)

        def result(self):
            """The JSON document of the child's last output line."""
            lines = self.out.decode("utf-8", "replace").strip().splitlines()
            try:
                return json.loads(lines[-1])
            except (IndexError, ValueError):
                raise BenchmarkError(self.describe("printed no result"))

        def describe(self, what):
            return "child %s (exit %s): %s" % (
                what, self.exit_code, self.err.decode("utf-8", "replace")[-2000:])

        def kill(self):
            if self.exit_code is None and self.transport is not None:
                try:
                    self.transport.signalProcess("KILL")
                except Exception:
                    pass

    return ChildProcess


def spawn_role(reactor, role, *args):
    """Run this file as a child in *role*; return its ``ChildProcess``.

    A baseline listener says ``READY`` when it listens: its ``ready`` fires.
    """
    child = child_process_class()(announces=(role == "baseline"))
    argv = [sys.executable, os.path.abspath(__file__), "--role", role] + [str(a) for a in args]
    reactor.spawnProcess(child, sys.executable, argv, env=os.environ.copy())
    return child


async def wait_until(reactor, predicate, timeout, what, interval=0.002):
    """Poll *predicate* every *interval* s; :class:`BenchmarkError` on timeout."""
    from twisted.internet.task import deferLater
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise BenchmarkError("timed out after %gs waiting for %s" % (timeout, what))
        await deferLater(reactor, interval, lambda: None)


# -- phase 1: baseline ---------------------------------------------------------

async def baseline(reactor, tmp, count, packet_size, timeout):
    path = os.path.join(tmp, "baseline-%d.sock" % packet_size)
    listener = spawn_role(reactor, "baseline", path, count, packet_size, 5)
    sender = None
    try:
        await listener.ready
        sender = spawn_role(reactor, "sender", path, count, 1, 0)
        await wait_until(reactor, lambda: listener.exit_code is not None, timeout,
                         "the baseline listener")
        await sender.done
    finally:
        listener.kill()
        if sender is not None:
            sender.kill()
    got = listener.result()
    if got["received"] < count:
        raise BenchmarkError("baseline lost datagrams: %d of %d" % (got["received"], count))
    return {"read_size": packet_size, "datagrams": got["received"],
            "seconds": got["seconds"], "per_s": got["received"] / got["seconds"]}


# -- the daemon ---------------------------------------------------------------

def start_daemon(reactor, tmp, sync):
    """Build and start the real service tree on a fresh data dir."""
    from geventsd.tap import Options, makeService

    data_dir = os.path.join(tmp, "data")
    config_path = os.path.join(tmp, "config.json")
    with open(config_path, "w") as f:
        json.dump({"log-sync": sync}, f)
    options = Options()
    options.parseOptions(["--data-dir", data_dir, "--socket", os.path.join(tmp, "events.sock"),
                          "--port", "0", "--node-id", "bench-node", "--config", config_path])
    top = makeService(options, reactor)
    top.startService()
    return top


def counters_snapshot(ingest):
    c = ingest.counters
    return {"received": c.received, "accepted": c.accepted, "internal": c.internal,
            "committed": c.committed, "dropped": sum(c.dropped.values()),
            "write_errors": c.write_errors}


def counters_delta(before, after):
    return {k: after[k] - before[k] for k in before}


async def flood(reactor, top, count, first_seq, timeout):
    """Phase 2: *count* events as fast as one sender can; see the docstring."""
    ingest, event_log = top.ingest, top.event_log
    await ingest.flushed()  # the daemon's own start-up event is not ours
    before = counters_snapshot(ingest)
    since = ingest.last_seq
    rss_before = proc_status_kib("VmRSS")
    cpu_before = cpu_seconds()
    sender = spawn_role(reactor, "sender", top.config["socket"], count, first_seq, 0)
    try:
        target = before["received"] + count
        backlog = [0]

        def all_received():
            # Sampled every poll: how far the log fell behind the socket.
            backlog[0] = max(backlog[0], ingest.pending)
            return ingest.counters.received >= target or sender.exit_code not in (None, 0)
        await wait_until(reactor, all_received, timeout, "%d datagrams" % count)
        await ingest.flushed()
        end = time.time()
        await sender.done
    finally:
        sender.kill()
    cpu = cpu_seconds() - cpu_before
    sent = sender.result()
    if "error" in sent:
        raise BenchmarkError("sender failed after %d: %s" % (sent["sent"], sent["error"]))
    delta = counters_delta(before, counters_snapshot(ingest))
    first = await event_log.read(since=since, limit=1, type_ids=[BENCH_TYPE_ID])
    last = await event_log.read(since=since, limit=1, type_ids=[BENCH_TYPE_ID], newest=True)
    seconds = end - first[0].received_at
    return {
        "sent": sent["sent"], "sender_seconds": sent["seconds"],
        "sender_cpu_seconds": sent["cpu_seconds"],
        "accepted": delta["accepted"], "committed": delta["committed"] - delta["internal"],
        "dropped": delta["dropped"], "write_errors": delta["write_errors"],
        "seconds": seconds, "per_s": delta["accepted"] / seconds,
        "drain_ms": (end - last[0].received_at) * 1000.0,
        "max_backlog": backlog[0], "high_water": ingest.high_water,
        "daemon_cpu_seconds": cpu,
        "rss_before_kib": rss_before, "rss_after_kib": proc_status_kib("VmRSS"),
        "peak_rss_kib": proc_status_kib("VmHWM"),
    }


async def paced(reactor, top, rate, duration, first_seq, timeout):
    """Phase 3: commit latency seen by a bus subscriber at *rate* events/s."""
    ingest, bus = top.ingest, top.bus
    count = max(1, int(rate * duration))
    await ingest.flushed()
    before = counters_snapshot(ingest)
    latencies, in_daemon = [], []

    def on_event(event):
        sent = event.message.get("sent") if event.type_id == BENCH_TYPE_ID else None
        if sent is not None:
            now = time.time()
            latencies.append(now - float(sent))
            # The part spent after the ingest read it: batch, commit, publish.
            in_daemon.append(now - event.received_at)

    subscription = bus.subscribe(None, on_event)
    sender = spawn_role(reactor, "sender", top.config["socket"], count, first_seq, rate)
    try:
        await wait_until(reactor, lambda: (len(latencies) >= count
                                           or (sender.exit_code not in (None, 0))),
                         duration + timeout, "%d committed events" % count, interval=0.05)
        await sender.done
    finally:
        bus.unsubscribe(subscription)
        sender.kill()
    sent = sender.result()
    if "error" in sent:
        raise BenchmarkError("paced sender failed after %d: %s" % (sent["sent"], sent["error"]))
    delta = counters_delta(before, counters_snapshot(ingest))
    ms = sorted(x * 1000.0 for x in latencies)
    after_read = sorted(x * 1000.0 for x in in_daemon)
    return {"rate": rate, "sent": sent["sent"], "sender_seconds": sent["seconds"],
            "delivered": len(ms), "accepted": delta["accepted"], "dropped": delta["dropped"],
            "p50_ms": percentile(ms, 50), "p90_ms": percentile(ms, 90),
            "p99_ms": percentile(ms, 99), "max_ms": ms[-1],
            "after_read_p50_ms": percentile(after_read, 50),
            "after_read_p99_ms": percentile(after_read, 99)}


def audit_log(path, expected):
    """Count what the log on disk holds for the benchmark's events.

    Runs after the daemon has stopped: rows of the benchmark type, distinct
    sender ``seq`` values among them, and whether ``seq`` has no gap.
    """
    conn = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        rows, = conn.execute("SELECT count(*) FROM events WHERE type_id=?",
                             (BENCH_TYPE_ID,)).fetchone()
        distinct, = conn.execute(
            "SELECT count(DISTINCT json_extract(message, '$.seq')) FROM events "
            "WHERE type_id=?", (BENCH_TYPE_ID,)).fetchone()
        total, low, high = conn.execute(
            "SELECT count(*), min(seq), max(seq) FROM events").fetchone()
    finally:
        conn.close()
    return {"expected": expected, "rows": rows, "distinct_sender_seqs": distinct,
            "seq_contiguous": total == (high - low + 1) if total else True}


# -- report ---------------------------------------------------------------------

def verdicts(result):
    """``{target name: met?}`` for the issue's targets."""
    t, lat, audit = result["throughput"], result["latency"], result["log"]
    lossless = (t["sent"] == t["accepted"] == t["committed"] and t["dropped"] == 0
                and t["write_errors"] == 0 and lat["dropped"] == 0
                and lat["sent"] == lat["accepted"] == lat["delivered"]
                and audit["rows"] == audit["distinct_sender_seqs"] == audit["expected"]
                and audit["seq_contiguous"])
    return {"throughput": t["per_s"] >= TARGET_EVENTS_PER_S,
            "zero_loss": lossless,
            "p99_latency": lat["p99_ms"] < TARGET_P99_MS}


def _row(label, value, target="", verdict=None):
    mark = "" if verdict is None else ("ok" if verdict else "MISSED")
    return "  %-42s %30s  %-10s %s" % (label, value, target, mark)


def render(result):
    env, ok = result["env"], result["targets_met"]
    t, lat, audit = result["throughput"], result["latency"], result["log"]
    lines = [
        "geventsd ingest benchmark: %d CPUs, Python %s, Twisted %s, SQLite %s"
        % (env["cpus"], env["python"], env["twisted"], env["sqlite"]),
        "  log on %s (%s), log-sync=%s, max_dgram_qlen=%s"
        % (env["fs"], env["fs_mount"], env["log_sync"], env["max_dgram_qlen"]),
        "",
        "  %-42s %30s  %-10s" % ("", "measured", "target"),
    ]
    for b in result["baseline"]:
        lines.append(_row("bare listenUNIXDatagram, %d-byte reads" % b["read_size"],
                          "{:,.0f} dgram/s".format(b["per_s"])))
    lines += [
        _row("geventsd: accepted into the durable log",
             "{:,.0f} ev/s".format(t["per_s"]), ">= {:,}".format(TARGET_EVENTS_PER_S),
             ok["throughput"]),
        _row("  sent / accepted / committed",
             "{:,} / {:,} / {:,}".format(t["sent"], t["accepted"], t["committed"])),
        _row("  rows in log / distinct seqs (both phases)",
             "{:,} / {:,}".format(audit["rows"], audit["distinct_sender_seqs"]),
             "{:,}".format(audit["expected"])),
        _row("  dropped / write errors", "%d / %d" % (t["dropped"] + lat["dropped"],
                                                      t["write_errors"]),
             "0", ok["zero_loss"]),
        _row("  first receipt -> last commit", "%.2f s" % t["seconds"]),
        _row("  last receipt -> last commit", "%.1f ms" % t["drain_ms"]),
        _row("  largest uncommitted backlog seen",
             "{:,} events".format(t["max_backlog"]),
             "pause at {:,}".format(t["high_water"])),
        _row("  daemon CPU (all threads) / sender wall",
             "%.2f s / %.2f s" % (t["daemon_cpu_seconds"], t["sender_seconds"])),
        _row("  RSS before -> peak (VmHWM) -> after",
             "%s -> %s -> %s" % (mib(t["rss_before_kib"]), mib(t["peak_rss_kib"]),
                                 mib(t["rss_after_kib"]))),
        _row("commit latency at %d ev/s: p50" % lat["rate"], "%.2f ms" % lat["p50_ms"]),
        _row("  p90", "%.2f ms" % lat["p90_ms"]),
        _row("  p99", "%.2f ms" % lat["p99_ms"], "< %g ms" % TARGET_P99_MS,
             ok["p99_latency"]),
        _row("  max", "%.2f ms" % lat["max_ms"]),
        _row("  of which after the read: p50 / p99",
             "%.2f / %.2f ms" % (lat["after_read_p50_ms"], lat["after_read_p99_ms"])),
        _row("  events delivered on the bus", "{:,}".format(lat["delivered"]),
             "{:,}".format(lat["sent"])),
        "",
        "targets %s" % ("met" if all(ok.values()) else "MISSED: " + ", ".join(
            k for k, v in ok.items() if not v)),
    ]
    return "\n".join(lines)


def mib(kib):
    return "%.1f MiB" % (kib / 1024.0)


def environment(tmp, sync):
    import twisted
    fs, mount = filesystem_of(tmp)
    try:
        with open("/proc/sys/net/unix/max_dgram_qlen") as f:
            qlen = int(f.read())
    except (OSError, ValueError):
        qlen = None
    return {"cpus": os.cpu_count(), "python": platform.python_version(),
            "twisted": twisted.__version__, "sqlite": sqlite3.sqlite_version,
            "fs": fs, "fs_mount": mount, "log_sync": sync, "max_dgram_qlen": qlen}


# -- orchestration ------------------------------------------------------------

async def run(reactor, args):
    from geventsd.paths import log_path
    from geventsd.protocols.datagram import READ_SIZE

    tmp = tempfile.mkdtemp(prefix="geventsd-bench-", dir=args.tmp_dir)
    top = None
    try:
        result = {"env": environment(tmp, args.sync), "baseline": []}
        for read_size in (8192, READ_SIZE):
            result["baseline"].append(await baseline(
                reactor, tmp, args.baseline_events or args.events, read_size, args.timeout))
        top = start_daemon(reactor, tmp, args.sync)
        profiler = start_profile(args.profile)
        result["throughput"] = await flood(reactor, top, args.events, 1, args.timeout)
        stop_profile(profiler, args.profile)
        result["latency"] = await paced(reactor, top, args.rate, args.duration,
                                        args.events + 1, args.timeout)
        expected = result["throughput"]["sent"] + result["latency"]["sent"]
        await top.stopService()
        top = None
        result["log"] = audit_log(log_path(os.path.join(tmp, "data")), expected)
    finally:
        if top is not None:
            await top.stopService()
        shutil.rmtree(tmp, ignore_errors=True)
    result["targets_met"] = verdicts(result)
    print(render(result))
    print(json.dumps(result, sort_keys=True))
    if args.check and not all(result["targets_met"].values()):
        raise SystemExit(1)


async def run_or_explain(reactor, args):
    """:func:`run`, turning a failed phase into a message and exit code 2."""
    try:
        await run(reactor, args)
    except BenchmarkError as e:
        print("benchmark failed: %s" % (e,), file=sys.stderr)
        raise SystemExit(2)


def start_profile(path):
    """cProfile of the reactor thread during the flood, with ``--profile``."""
    if not path:
        return None
    import cProfile
    profiler = cProfile.Profile()
    profiler.enable()
    return profiler


def stop_profile(profiler, path):
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(path)
        print("profile of the flood written to %s" % path, file=sys.stderr)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--events", type=int, default=None,
                   help="events in the throughput flood (default 500,000)")
    p.add_argument("--baseline-events", type=int, default=None,
                   help="datagrams per baseline run (default: --events)")
    p.add_argument("--rate", type=int, default=1000,
                   help="events/s of the latency run (default 1,000)")
    p.add_argument("--duration", type=float, default=None,
                   help="seconds of the latency run (default 10)")
    p.add_argument("--sync", choices=("full", "normal"), default="full",
                   help="the daemon's log-sync setting (default full, the daemon's default)")
    p.add_argument("--tmp-dir", default=None,
                   help="where the temporary data dir goes (default: $TMPDIR); "
                        "its filesystem decides what an fsync costs")
    p.add_argument("--timeout", type=float, default=120.0,
                   help="give up on a phase after this many seconds (default 120)")
    p.add_argument("--quick", action="store_true",
                   help="smoke run: 20,000 events, a 2 s latency run, "
                        "100,000-datagram baselines")
    p.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    p.add_argument("--profile", metavar="FILE", default=None,
                   help="write a cProfile of the flood (reactor thread) to FILE")
    p.add_argument("--role", choices=("sender", "baseline"), help=argparse.SUPPRESS)
    p.add_argument("role_args", nargs="*", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.role_args and not args.role:
        p.error("unexpected arguments: %s" % " ".join(args.role_args))
    if args.quick:
        # A baseline of 20,000 datagrams lasts 30 ms: too short to trust.
        defaults = {"events": 20000, "duration": 2.0, "baseline_events": 100000}
    else:
        defaults = {"events": 500000, "duration": 10.0, "baseline_events": None}
    for name, value in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.role == "sender":
        path, count, first_seq, rate = args.role_args
        return run_sender(path, int(count), int(first_seq), float(rate))
    if args.role == "baseline":
        path, count, packet_size, idle = args.role_args
        return run_baseline(path, int(count), int(packet_size), float(idle))

    from twisted.internet import task
    from twisted.internet.defer import ensureDeferred
    from twisted.logger import (FilteringLogObserver, LogLevel, LogLevelFilterPredicate,
                                globalLogBeginner, textFileLogObserver)

    # The daemon's warnings and errors go to stderr; its info lines would
    # only clutter the table.
    globalLogBeginner.beginLoggingTo(
        [FilteringLogObserver(textFileLogObserver(sys.stderr),
                              [LogLevelFilterPredicate(LogLevel.warn)])],
        redirectStandardIO=False)
    task.react(lambda reactor: ensureDeferred(run_or_explain(reactor, args)))


if __name__ == "__main__":
    sys.exit(main())
