"""Webhook authentication and signing headers (SPEC 5).

Three ways a webhook can authenticate deliveries, all optional:

* a bearer token (``-t``/``--bearer-token``): ``Authorization: Bearer T``;
* a GlusterFS-compatible JWT secret (``--secret``): ``Authorization: Bearer
  <JWT>``, see :func:`gluster_jwt`;
* Standard Webhooks signing secrets (``--signing-secret whsec_...``,
  https://www.standardwebhooks.com): a ``webhook-signature`` header, see
  :func:`signature_header`.

:func:`headers` puts one delivery's headers together.  Everything here is
pure (no I/O, no clock, no reactor; only :func:`generate_signing_secret`
reads the system's random source) and logs nothing.  Secrets and tokens
never appear in the message or repr of an exception raised here.
"""

import base64
import binascii
import hashlib
import hmac
import re
import secrets

import jwt

from geventsd import __version__
from geventsd.sinks.payloads import FORMATS, content_type

#: Seconds a GlusterFS JWT stays valid after it is made (its ``exp``).
JWT_LIFETIME = 60

#: Prefix of a Standard Webhooks signing secret.
SECRET_PREFIX = "whsec_"

#: Bounds of a Standard Webhooks signing key, in bytes (the spec's advice).
MIN_KEY_BYTES = 24
MAX_KEY_BYTES = 64

#: Size of the keys :func:`generate_signing_secret` makes.
GENERATED_KEY_BYTES = 32

_CONTENT_TYPES = {fmt: content_type(fmt).encode("ascii") for fmt in FORMATS}

USER_AGENT = ("geventsd/" + __version__).encode("ascii")

# A token must be one visible-ASCII word to be a header value; in particular
# no CR/LF, which would split the request.
_TOKEN = re.compile(rb"[\x21-\x7e]+")
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")


def bearer(token):
    """``Authorization`` value for *token* (str or bytes): ``b"Bearer <token>"``.

    :raises ValueError: when the token is empty or not visible ASCII (the
        message does not contain the token).
    """
    if isinstance(token, str):
        try:
            token = token.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("bearer token must be visible ASCII characters") from None
    elif not isinstance(token, bytes):
        raise TypeError("bearer token must be str or bytes, not %s" % type(token).__name__)
    if _TOKEN.fullmatch(token) is None:
        raise ValueError("bearer token must be one or more visible ASCII characters, "
                         "without spaces or control characters")
    return b"Bearer " + token


def gluster_jwt(secret, event_type, event_ts, now):
    """The GlusterFS webhook JWT: HS256 over ``iss``, ``sub``, ``iat``, ``exp``.

    Claims, as GlusterFS's ``glustereventsd`` makes them: ``iss="gluster"``,
    ``sub`` the event type name (``VOLUME_CREATE``, no ``EVENT_`` prefix),
    ``iat`` the event's ``ts``.

    ``exp`` is ``now + 60``, *now* being the time of this send attempt, not
    the event's ``ts``: a delivery retried (or replayed) long after the event
    happened still carries a token that verifies at the receiver, while a
    captured token is still only good for a minute.  A receiver that also
    checks ``iat`` should allow for it being the (possibly old) event time.

    :param secret: the webhook's ``--secret`` (str or bytes).
    :param now: Unix time of the send, in seconds.
    :return: the JWT, a str.
    """
    return jwt.encode(
        {"iss": "gluster", "sub": event_type, "iat": int(event_ts),
         "exp": int(now) + JWT_LIFETIME},
        secret, algorithm="HS256")


def parse_signing_secret(text):
    """The key of a Standard Webhooks secret ``whsec_<base64 key>``.

    Base64 padding may be left off (the reference libraries allow it).

    :raises ValueError: when *text* lacks the ``whsec_`` prefix, is not
        base64, or the key is not 24 to 64 bytes; the message never contains
        the secret.
    """
    if not isinstance(text, str):
        raise ValueError("signing secret must be a string starting with %r" % SECRET_PREFIX)
    if not text.startswith(SECRET_PREFIX):
        raise ValueError("signing secret must start with %r" % SECRET_PREFIX)
    encoded = text[len(SECRET_PREFIX):]
    encoded += "=" * (-len(encoded) % 4)
    if _BASE64.fullmatch(encoded) is None:
        raise ValueError("signing secret must be %r followed by standard base64 "
                         "(A-Z a-z 0-9 + / and = padding)" % SECRET_PREFIX)
    try:
        key = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("signing secret must be %r followed by standard base64"
                         % SECRET_PREFIX) from None
    if not MIN_KEY_BYTES <= len(key) <= MAX_KEY_BYTES:
        raise ValueError("signing secret key must be %d to %d bytes long, not %d"
                         % (MIN_KEY_BYTES, MAX_KEY_BYTES, len(key)))
    return key


def generate_signing_secret():
    """A new random Standard Webhooks secret, ``whsec_`` + base64 of 32 bytes."""
    return SECRET_PREFIX + base64.b64encode(
        secrets.token_bytes(GENERATED_KEY_BYTES)).decode("ascii")


def signature_header(keys, msg_id, timestamp, body):
    """The ``webhook-signature`` value: ``v1,<sig>`` per key, space-separated.

    Each signature is ``base64(HMAC-SHA256(key, "<msg_id>.<timestamp>.<body>"))``.
    Two keys are given while a secret is being rotated, so that a receiver
    holding either one verifies the delivery.

    :param keys: the keys (bytes, from :func:`parse_signing_secret`).
    :param msg_id: the ``webhook-id`` (str).
    :param timestamp: the ``webhook-timestamp``, integer Unix seconds.
    :param body: the exact body bytes that are sent.
    :return: bytes.
    :raises ValueError: when *keys* is empty.
    """
    content = b"%s.%d.%s" % (msg_id.encode("utf-8"), timestamp, body)
    sigs = [b"v1," + base64.b64encode(hmac.digest(key, content, hashlib.sha256))
            for key in keys]
    if not sigs:
        raise ValueError("no signing keys")
    return b" ".join(sigs)


def headers(event, fmt, body, timestamp, *, bearer_token=None, jwt_secret=None,
            signing_keys=(), now=None):
    """One delivery's headers, in the raw form of :class:`twisted.web.http_headers.Headers`.

    Always ``Content-Type`` (of *fmt*), ``User-Agent: geventsd/<version>``,
    ``webhook-id`` (the event id: the receiver's idempotency key) and
    ``webhook-timestamp``.  ``Authorization`` when a bearer token or a JWT
    secret is given; when both are, the JWT wins (``--secret`` is the
    stronger, GlusterFS-compatible scheme, and one request has only one
    ``Authorization``).  ``webhook-signature`` when signing keys are given.

    Make the headers per send attempt, not per event: Standard Webhooks
    receivers reject a ``webhook-timestamp`` more than a few minutes off,
    and the JWT's ``exp`` counts from the send.  The body stays the same
    bytes across attempts.

    :param event: the :class:`geventsd.models.Event`.
    :param fmt: the payload format (one of :data:`geventsd.sinks.payloads.FORMATS`).
    :param body: the exact body bytes that are sent (what is signed).
    :param timestamp: integer Unix time of this attempt (``webhook-timestamp``).
    :param bearer_token: the webhook's bearer token, or None.
    :param jwt_secret: the webhook's GlusterFS JWT secret, or None.
    :param signing_keys: keys from :func:`parse_signing_secret` (none, one,
        or two while rotating).
    :param now: Unix time for the JWT's ``exp``; defaults to *timestamp*.
    :return: ``{bytes: [bytes]}``.
    :raises ValueError: for an unknown format or a bad bearer token.
    """
    try:
        ctype = _CONTENT_TYPES[fmt]
    except (KeyError, TypeError):
        content_type(fmt)  # raises ValueError, naming the formats
        raise
    timestamp = int(timestamp)
    result = {
        b"Content-Type": [ctype],
        b"User-Agent": [USER_AGENT],
        b"webhook-id": [event.id.encode("utf-8")],
        b"webhook-timestamp": [b"%d" % timestamp],
    }
    if jwt_secret is not None:
        token = gluster_jwt(jwt_secret, event.type, event.ts,
                            timestamp if now is None else now)
        result[b"Authorization"] = [b"Bearer " + token.encode("ascii")]
    elif bearer_token is not None:
        result[b"Authorization"] = [bearer(bearer_token)]
    if signing_keys:
        result[b"webhook-signature"] = [
            signature_header(signing_keys, event.id, timestamp, body)]
    return result
