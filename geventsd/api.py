"""The management HTTP API: a klein app on the daemon's one TCP port.

Handlers stay thin: they turn the request into a checked query (pure
functions, tested directly) and call the log, ingest or catalog.  Errors are
always JSON ``{"error": {"code": ..., "message": ...}}`` with a 4xx status
for anything the client got wrong.
"""

import hmac
import json
import time

import attrs
from klein import Klein
from twisted.logger import Logger
from werkzeug.exceptions import MethodNotAllowed, NotFound

from geventsd import __version__
from geventsd.catalog import SEVERITIES, SEVERITY_RANK

HISTORY_DEFAULT_LIMIT = 100
HISTORY_MAX_LIMIT = 10000


class ApiError(Exception):
    """A request the API refuses; becomes the JSON error body."""

    def __init__(self, status, code, message):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def _dumps(doc):
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _query(request, allowed):
    """Decode the query string into {name: str}; unknown or repeated names are 400."""
    out = {}
    for raw_name, values in request.args.items():
        try:
            name = raw_name.decode("utf-8")
            decoded = [v.decode("utf-8") for v in values]
        except UnicodeDecodeError:
            raise ApiError(400, "bad_query", "the query string is not UTF-8")
        if name not in allowed:
            raise ApiError(400, "unknown_parameter", "unknown query parameter %r (allowed: %s)"
                           % (name, ", ".join(allowed)))
        if len(decoded) != 1:
            raise ApiError(400, "bad_query", "query parameter %r given more than once" % name)
        out[name] = decoded[0]
    return out


def _int_param(params, name, low, high=None, default=None):
    text = params.get(name)
    if text is None or text == "":
        return default
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        raise ApiError(400, "bad_parameter", "%s must be a whole number" % name)
    value = int(text)
    if value < low or (high is not None and value > high):
        raise ApiError(400, "bad_parameter", "%s must be between %d and %s"
                       % (name, low, high if high is not None else "any"))
    return value


@attrs.frozen
class HistoryQuery:
    """A checked ``GET /v1/history`` request."""

    since: object = None
    limit: int = HISTORY_DEFAULT_LIMIT
    type_ids: object = None
    severities: object = None


def parse_history_query(params, catalog):
    """Check the history parameters (str -> str) into a :class:`HistoryQuery`."""
    since = _int_param(params, "since", 0)
    limit = _int_param(params, "limit", 1, HISTORY_MAX_LIMIT, HISTORY_DEFAULT_LIMIT)
    type_ids = None
    if params.get("type"):
        matched = catalog.match(params["type"].split(","))
        if not matched:
            raise ApiError(400, "unknown_type", "no event type matches %r" % params["type"])
        type_ids = tuple(t.id for t in matched)
    severities = None
    if params.get("severity"):
        floor = params["severity"].lower()
        if floor not in SEVERITY_RANK:
            raise ApiError(400, "bad_parameter", "severity must be one of: %s"
                           % ", ".join(SEVERITIES))
        severities = SEVERITIES[SEVERITY_RANK[floor]:]
    return HistoryQuery(since=since, limit=limit, type_ids=type_ids, severities=severities)


@attrs.define
class ManagementAPI:
    """The ``/v1`` routes.  ``app`` is deliberately unannotated (not a field).

    :ivar _token: the admin token; required on every route when the API is
        bound beyond loopback.
    """

    _ingest: object
    _log: object
    _catalog: object
    _config: object
    _token: str
    _started_at: float = attrs.field(factory=time.time)
    _now: object = time.time

    app = Klein()
    log = Logger()

    def resource(self):
        return self.app.resource()

    # -- plumbing -----------------------------------------------------------

    def _json(self, request, doc, status=200):
        request.setResponseCode(status)
        request.setHeader(b"content-type", b"application/json")
        request.setHeader(b"cache-control", b"no-store")
        return _dumps(doc)

    def _authorize(self, request, admin=False):
        """Reads are open on loopback; everything needs the token elsewhere."""
        if not admin and self._config.loopback_only:
            return
        header = request.getHeader(b"authorization") or b""
        scheme, _, given = header.partition(b" ")
        if scheme.lower() != b"bearer" or not hmac.compare_digest(
                given.strip(), self._token.encode("ascii")):
            raise ApiError(401, "unauthorized", "this endpoint needs the admin token "
                           "(Authorization: Bearer <token>)")

    @app.handle_errors(ApiError)
    def _api_error(self, request, failure):
        e = failure.value
        if e.status == 401:
            request.setHeader(b"www-authenticate", b'Bearer realm="geventsd"')
        return self._json(request, {"error": {"code": e.code, "message": e.message}},
                          e.status)

    @app.handle_errors(NotFound)
    def _not_found(self, request, failure):
        return self._json(request, {"error": {"code": "not_found",
                                              "message": "no such endpoint"}}, 404)

    @app.handle_errors(MethodNotAllowed)
    def _not_allowed(self, request, failure):
        allowed = sorted(failure.value.valid_methods or ())
        request.setHeader(b"allow", ", ".join(allowed).encode("ascii"))
        return self._json(request, {"error": {"code": "method_not_allowed",
                                              "message": "method not allowed here"}}, 405)

    @app.handle_errors(Exception)
    def _internal(self, request, failure):
        self.log.failure("API request {method} {path} failed", failure,
                         method=request.method, path=request.path)
        return self._json(request, {"error": {"code": "internal",
                                              "message": "internal error (see daemon log)"}},
                          500)

    # -- routes -------------------------------------------------------------

    @app.route("/v1/status", methods=["GET"])
    async def status(self, request):
        """Node id, version, uptime, ingest counters and log size."""
        self._authorize(request)
        _query(request, ())
        stats = await self._log.stats()
        ingest = self._ingest
        return self._json(request, {
            "node_id": ingest.node_id,
            "version": __version__,
            "started_at": self._started_at,
            "uptime": round(self._now() - self._started_at, 3),
            "events": dict(ingest.counters.to_dict(), last_seq=ingest.last_seq,
                           committed_seq=ingest.committed_seq, pending=ingest.pending),
            "log": dict(stats, path=self._log.path),
            "listen": {"http": self._config.http_url, "socket": self._config["socket"],
                       "udp": ("%s:%d" % (self._config["bind"], self._config["udp-port"])
                               if self._config["udp"] else None)},
        })

    @app.route("/v1/history", methods=["GET"])
    async def history(self, request):
        """Events from the log in ``seq`` order (see ``docs/api.md``)."""
        self._authorize(request)
        q = parse_history_query(_query(request, ("since", "limit", "type", "severity")),
                                self._catalog)
        events = await self._log.read(since=q.since, limit=q.limit, type_ids=q.type_ids,
                                      severities=q.severities, newest=q.since is None)
        if events:
            next_since = events[-1].seq
        else:
            next_since = q.since if q.since is not None else self._ingest.committed_seq
        return self._json(request, {
            "events": [e.to_dict() for e in events],
            "next_since": next_since,
            "head": self._ingest.committed_seq,
        })

    @app.route("/v1/catalog", methods=["GET"])
    def catalog(self, request):
        """Every event type with its id, category, severity and attributes."""
        self._authorize(request)
        _query(request, ())
        return self._json(request, self._catalog.to_dict())
