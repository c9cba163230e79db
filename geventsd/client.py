"""A small blocking HTTP client for ``geventsapi``.

The CLI is its own short-lived process, so plain ``urllib`` is right here;
the daemon itself never blocks.  The daemon is found the way the daemon
finds its files: ``GEVENTSD_URL``, else the running daemon's
``runtime.json`` in the data dir (``GEVENTSD_DATA_DIR`` or the default),
else ``http://127.0.0.1:24009``.
"""

import json
import os
import urllib.error
import urllib.parse
import urllib.request

import attrs

from geventsd import datadir, paths


class ClientError(Exception):
    """The daemon could not be reached or refused the request."""

    def __init__(self, message, status=None, code=None):
        super().__init__(message)
        self.status = status
        self.code = code


def find_url(env=None):
    env = os.environ if env is None else env
    if env.get("GEVENTSD_URL"):
        return env["GEVENTSD_URL"].rstrip("/")
    running = datadir.read_runtime(paths.client_data_dir(env)).get("url")
    if isinstance(running, str) and running:
        return running.rstrip("/")
    return "http://%s:%d" % (paths.DEFAULT_BIND, paths.DEFAULT_PORT)


def find_token(env=None):
    """``GEVENTSD_TOKEN``, else the admin token file when readable."""
    env = os.environ if env is None else env
    if env.get("GEVENTSD_TOKEN"):
        return env["GEVENTSD_TOKEN"]
    try:
        with open(paths.token_path(paths.client_data_dir(env)), encoding="ascii") as f:
            return f.read().strip() or None
    except OSError:
        return None


@attrs.define
class Client:
    url: str
    token: object = None
    timeout: float = 10.0

    @classmethod
    def from_env(cls, env=None):
        return cls(url=find_url(env), token=find_token(env))

    def request(self, method, path, query=None, body=None):
        """JSON request; returns the decoded body or raises :class:`ClientError`."""
        url = self.url + path
        if query:
            url += "?" + urllib.parse.urlencode(
                {k: v for k, v in query.items() if v is not None})
        data = None if body is None else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(url, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if self.token:
            req.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return json.loads(resp.read().decode("utf-8") or "null")
        except urllib.error.HTTPError as e:
            try:
                err = json.loads(e.read().decode("utf-8"))["error"]
                raise ClientError(err["message"], e.code, err.get("code"))
            except (ValueError, KeyError, TypeError):
                raise ClientError("HTTP %d from %s" % (e.code, url), e.code)
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise ClientError("cannot reach geventsd at %s: %s" % (self.url, reason))

    def get(self, path, **query):
        return self.request("GET", path, query=query)
