"""``twistd geventsd``: the options and the one place that wires objects together.

``makeService`` builds, in start order: the log-and-ingest service, the
datagram listeners (AF_UNIX, optional UDP), the HTTP API, the retention
timer; the top service writes ``runtime.json`` for clients once the HTTP
port is listening and removes it on stop.  Stop runs in reverse: listeners
close first, then the ingest commits what it holds, then the log closes.
"""

import ipaddress
import json
import os
import signal

from twisted.application import internet, service
from twisted.internet.defer import Deferred, inlineCallbacks, succeed
from twisted.internet.endpoints import TCP4ServerEndpoint, TCP6ServerEndpoint
from twisted.logger import Logger
from twisted.python import usage
from twisted.web.server import Site

from geventsd import __version__, config as configmod, datadir, paths
from geventsd.api import ManagementAPI
from geventsd.bus import EventBus
from geventsd.catalog import default_catalog
from geventsd.ingest import Ingest
from geventsd.protocols.datagram import READ_SIZE, EventDatagramProtocol
from geventsd.store import EventLog, StoreError, open_log

log = Logger(namespace="geventsd.tap")

PRUNE_INTERVAL = 60.0


class Options(usage.Options):
    synopsis = "[options]"
    longdesc = ("Run the geventsd events daemon: accept GlusterFS events on a datagram "
                "socket, keep them in a durable log and serve them over HTTP. "
                "Every option is also a key of the config JSON; see docs/configuration.md.")

    optParameters = [
        ["data-dir", None, None, "Directory for the event log and state "
         "(default: /var/lib/geventsd as root, else $XDG_STATE_HOME/geventsd)."],
        ["socket", None, None, "AF_UNIX datagram socket path "
         "(default: /var/run/gluster/events.sock as root, else <data-dir>/events.sock)."],
        ["port", None, None, "TCP port of the HTTP/WebSocket API (default: 24009)."],
        ["bind", None, None, "Address to listen on (default: 127.0.0.1)."],
        ["udp-port", None, None, "UDP port with --udp (default: the API port; "
         "GlusterFS >= 10 sends to 55555)."],
        ["config", None, None, "Config JSON (default: /etc/geventsd/config.json as root, "
         "else $XDG_CONFIG_HOME/geventsd/config.json)."],
        ["node-id", None, None, "Node id (default: glusterd's UUID, else generated once)."],
    ]
    optFlags = [
        ["udp", None, "Also accept datagrams over UDP on bind:udp-port."],
    ]

    def postOptions(self):
        given = {}
        for name in ("data-dir", "socket", "bind", "node-id"):
            given[name] = self[name]
        for name in ("port", "udp-port"):
            text = self[name]
            if text is not None:
                if not (text.isascii() and text.isdigit()):
                    raise usage.UsageError("--%s must be a port number, not %r" % (name, text))
                given[name] = int(text)
        given["udp"] = True if self["udp"] else None
        if self["config"] is not None:
            if not os.path.isfile(self["config"]):
                raise usage.UsageError("--config %s: no such file" % self["config"])
            given["config"] = os.path.abspath(self["config"])
        self.given = given
        try:
            self.config = configmod.resolve(given)
        except configmod.ConfigError as e:
            raise usage.UsageError(str(e))


class LogService(service.Service):
    """Owns the ingest and the log: drains on stop, prunes on a timer."""

    def __init__(self, ingest, event_log, config, clock):
        self.ingest = ingest
        self.event_log = event_log
        self._config = config
        self._clock = clock

    def set_config(self, config):
        self._config = config

    def startService(self):
        super().startService()
        self.ingest.emit_internal("GEVENTSD_STARTED", {
            "version": __version__, "last_seq": self.ingest.last_seq})

    @inlineCallbacks
    def stopService(self):
        super().stopService()
        self.ingest.emit_internal("GEVENTSD_STOPPING", {"version": __version__})
        try:
            yield self.ingest.flushed()
            yield self.event_log.mark_clean_stop()
        finally:
            self.ingest.stop()
            self.event_log.close()

    @inlineCallbacks
    def prune(self):
        """Delete events past ``log-retention-days`` / ``log-max-events``."""
        before = self._clock.seconds() - self._config["log-retention-days"] * 86400
        total = 0
        while True:
            deleted = yield self.event_log.prune(before, self._config["log-max-events"])
            total += deleted
            if deleted < 10000:
                break
        if total:
            log.info("pruned {n} events past retention", n=total)


class DatagramSocketService(internet.UNIXDatagramServer):
    """The AF_UNIX listener; removes its socket file when it stops."""

    def __init__(self, path, protocol, mode, reactor):
        super().__init__(path, protocol, maxPacketSize=READ_SIZE, mode=mode, reactor=reactor)
        self.path = path

    def stopService(self):
        d = super().stopService()

        def unlink(result):
            try:
                os.unlink(self.path)
            except OSError:
                pass
            return result
        return (d if d is not None else succeed(None)).addBoth(unlink)


class HTTPService(service.Service):
    """Listens with an endpoint and remembers the port (0 picks a free one)."""

    def __init__(self, endpoint, factory):
        self._endpoint = endpoint
        self._factory = factory
        self.port = None
        self.listening = Deferred()

    def startService(self):
        super().startService()
        d = self._endpoint.listen(self._factory)

        def listening(port):
            self.port = port
            self.listening.callback(port)
            return port
        d.addCallbacks(listening, self.listening.errback)

    def stopService(self):
        super().stopService()
        if self.port is not None:
            port, self.port = self.port, None
            return port.stopListening()


class GeventsdService(service.MultiService):
    """The whole daemon; writes ``runtime.json`` once the API listens and
    reloads its config on SIGUSR2 and SIGHUP."""

    RELOAD_SIGNALS = (signal.SIGUSR2, signal.SIGHUP)

    def __init__(self, config, given, node_id, lock, http, reactor):
        super().__init__()
        self.config = config
        self._given = given
        self.node_id = node_id
        self._lock = lock
        self._http = http
        self._reactor = reactor
        self._old_handlers = {}
        self.reloads = 0
        self.http_url = None

    def startService(self):
        self._lock.update_pid()
        super().startService()
        self._http.listening.addCallbacks(self._announce, self._listen_failed)
        for signum in self.RELOAD_SIGNALS:
            self._old_handlers[signum] = signal.signal(signum, self._on_signal)

    def _on_signal(self, signum, frame):
        # Only schedule: the reload itself runs on the reactor, in order.
        self._reactor.callFromThread(self.reload, signal.Signals(signum).name)

    def reload(self, why="request"):
        """Re-read the config file; apply live settings, report the rest.

        Nothing is stopped or restarted, so no event in flight is touched.
        """
        try:
            fresh = configmod.resolve(self._given)
        except configmod.ConfigError as e:
            log.error("reload ({why}) refused: {error}", why=why, error=str(e))
            return None
        for problem in fresh.problems:
            log.error("{problem}", problem=problem)
        self.config, applied, restart_needed = configmod.reloaded(self.config, fresh)
        self.getServiceNamed("log").set_config(self.config)
        self.reloads += 1
        log.info("config reloaded ({why}): applied {applied}; needs restart: {restart}",
                 why=why, applied=", ".join(applied) or "nothing",
                 restart=", ".join(restart_needed) or "nothing")
        self.ingest.emit_internal("GEVENTSD_RELOADED", {
            "applied": applied, "restart_needed": restart_needed,
            "problems": len(fresh.problems)})
        return applied, restart_needed

    def _listen_failed(self, failure):
        log.failure("cannot listen for HTTP on {bind}:{port}; stopping", failure,
                    bind=self.config["bind"], port=self.config["port"])
        # A daemon without its API would look alive and be unmanageable.
        self._reactor.callWhenRunning(self._reactor.stop)

    def _announce(self, port):
        self.http_url = configmod.http_url(self.config["bind"], port.getHost().port)
        c = self.config
        udp = "%s:%d" % (c["bind"], c["udp-port"]) if c["udp"] else "off"
        log.info("geventsd {version} node {node_id}: data dir {data_dir}, socket {socket}, "
                 "HTTP {url}, UDP {udp}, config file {config_path}",
                 version=__version__, node_id=self.node_id, data_dir=c["data-dir"],
                 socket=c["socket"], url=self.http_url, udp=udp, config_path=c.config_path)
        doc = {"pid": os.getpid(), "url": self.http_url, "socket": c["socket"],
               "node_id": self.node_id, "version": __version__}
        datadir.write_atomically(paths.runtime_path(c["data-dir"]),
                                 (json.dumps(doc) + "\n").encode("utf-8"))

    def stopService(self):
        for signum, handler in self._old_handlers.items():
            signal.signal(signum, handler)
        self._old_handlers = {}
        try:
            os.unlink(paths.runtime_path(self.config["data-dir"]))
        except OSError:
            pass
        d = super().stopService()
        d.addBoth(lambda r: (self._lock.release(), r)[1])
        return d


def _http_endpoint(reactor, bind, port):
    if ipaddress.ip_address(bind).version == 6:
        return TCP6ServerEndpoint(reactor, port, interface=bind)
    return TCP4ServerEndpoint(reactor, port, interface=bind)


def makeService(options, reactor=None):
    """Build the daemon's service tree from parsed :class:`Options`."""
    if reactor is None:
        from twisted.internet import reactor
    config = options.config
    for problem in config.problems:
        log.error("{problem}", problem=problem)
    data_dir = config["data-dir"]
    lock = None
    try:
        datadir.ensure_dir(data_dir)
        lock = datadir.DataDirLock(data_dir)
        lock.acquire()
        node_id, node_source = datadir.resolve_node_id(data_dir, config["node-id"])
        token = datadir.admin_token(data_dir)
        state = open_log(paths.log_path(data_dir), config["log-sync"])
        datadir.ensure_dir(os.path.dirname(config["socket"]), mode=0o755)
        if datadir.clear_stale_socket(config["socket"]):
            log.info("replaced stale socket {path}", path=config["socket"])
    except (datadir.StartupError, StoreError, OSError) as e:
        # Expected start-up failures get one clear line, not a traceback.
        if lock is not None:
            lock.release()
        raise SystemExit("geventsd: %s" % (e,))
    log.info("node id {node_id} (from {source})", node_id=node_id, source=node_source)
    if state.upgraded_from:
        log.info("event log upgraded from schema version {old} (backup beside it)",
                 old=state.upgraded_from)

    catalog = default_catalog()
    event_log = EventLog.open(paths.log_path(data_dir), reactor, config["log-sync"])
    bus = EventBus(reactor)
    ingest = Ingest(catalog, event_log, bus, node_id, reactor, last_seq=state.last_seq)
    if not state.clean_stop:
        # Seqs handed out but not committed before a crash may have been seen
        # (status, in-flight API answers): skip past every one that could exist.
        ingest.skip_seqs(ingest.hard_limit + ingest.max_batch)
        log.warn("the last run did not stop cleanly; seq continues at {seq}",
                 seq=ingest.last_seq + 1)
    api = ManagementAPI(ingest, event_log, catalog, config, token)

    site = Site(api.resource())
    site.displayTracebacks = False
    http = HTTPService(_http_endpoint(reactor, config["bind"], config["port"]), site)
    top = GeventsdService(config, options.given, node_id, lock, http, reactor)
    top.ingest, top.bus, top.event_log, top.catalog, top.api = (
        ingest, bus, event_log, catalog, api)

    log_service = LogService(ingest, event_log, config, reactor)
    log_service.setName("log")
    log_service.setServiceParent(top)

    unix = DatagramSocketService(config["socket"], EventDatagramProtocol(ingest),
                                 config["socket-mode"], reactor)
    unix.setName("socket")
    unix.setServiceParent(top)
    if config["udp"]:
        udp = internet.UDPServer(config["udp-port"], EventDatagramProtocol(ingest),
                                 interface=config["bind"], maxPacketSize=READ_SIZE,
                                 reactor=reactor)
        udp.setName("udp")
        udp.setServiceParent(top)

    http.setName("http")
    http.setServiceParent(top)

    pruner = internet.TimerService(PRUNE_INTERVAL, log_service.prune)
    pruner.clock = reactor
    pruner.setName("retention")
    pruner.setServiceParent(top)
    return top
