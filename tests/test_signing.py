"""Tests for :mod:`geventsd.sinks.signing`: bearer tokens, the GlusterFS JWT,
Standard Webhooks signatures and the delivery headers (SPEC 5)."""

import base64
import hashlib
import hmac
import json
import time

import jwt
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from twisted.trial.unittest import SynchronousTestCase
from twisted.web.http_headers import Headers

import geventsd
from geventsd.sinks import payloads, signing
from tests.helpers import make_event

# A JWT secret long enough that PyJWT does not warn (32 bytes for HS256).
JWT_SECRET = "s3cret-for-the-gluster-webhook-jwt"

# The Standard Webhooks reference libraries' published test vector.
VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
VECTOR_TS = 1614265330
VECTOR_BODY = b'{"test": 2432232314}'
VECTOR_SIGNATURE = b"v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

SECRET_A = "whsec_" + base64.b64encode(bytes(range(32))).decode()
SECRET_B = "whsec_" + base64.b64encode(bytes(range(100, 132))).decode()
SECRET_C = "whsec_" + base64.b64encode(bytes(range(200, 232))).decode()

UNICODE = "ĝlüster ✓ 卷 \U0001f4be"


def as_str(headers):
    """Raw headers as the ``{str: str}`` a receiver's framework hands over."""
    return {k.decode(): b", ".join(v).decode() for k, v in headers.items()}


class BearerTests(SynchronousTestCase):
    """``bearer`` makes an ``Authorization`` value from a token."""

    def test_value(self):
        """A str or bytes token gives ``Bearer <token>``."""
        self.assertEqual(signing.bearer("abc.DEF-123_~+/="), b"Bearer abc.DEF-123_~+/=")
        self.assertEqual(signing.bearer(b"tok"), b"Bearer tok")

    def test_bad_tokens(self):
        """Empty, spaced, control-character or non-ASCII tokens are refused, not echoed."""
        for token in ("", "to ken", "hidden\r\nX-Injected: 1", "hidden\x00",
                      "hïdden", b"hidden\n"):
            e = self.assertRaises(ValueError, signing.bearer, token)
            self.assertNotIn("hidden", str(e))
            self.assertNotIn("hidden", repr(e))
        self.assertRaises(TypeError, signing.bearer, 12345)


class GlusterJWTTests(SynchronousTestCase):
    """``gluster_jwt`` makes the GlusterFS-compatible HS256 JWT."""

    def test_claims(self):
        """The claims are iss=gluster, sub=type, iat=event ts, exp=now+60."""
        token = signing.gluster_jwt(JWT_SECRET, "VOLUME_CREATE", 1468302552, 1700000000)
        self.assertIsInstance(token, str)
        self.assertEqual(jwt.get_unverified_header(token), {"alg": "HS256", "typ": "JWT"})
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"],
                            options={"verify_exp": False})
        self.assertEqual(claims, {"iss": "gluster", "sub": "VOLUME_CREATE",
                                  "iat": 1468302552, "exp": 1700000060})

    def test_verifies(self):
        """PyJWT verifies a token made now, with the issuer checked."""
        now = time.time()
        token = signing.gluster_jwt(JWT_SECRET, "PEER_ATTACH", int(now), now)
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"], issuer="gluster")
        self.assertEqual(claims["sub"], "PEER_ATTACH")

    def test_old_event_retried(self):
        """An event from years ago sent now still carries a valid token."""
        token = signing.gluster_jwt(JWT_SECRET, "VOLUME_CREATE", 1468302552, time.time())
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"], issuer="gluster")
        self.assertEqual(claims["iat"], 1468302552)

    def test_expires(self):
        """A token made more than 60 s ago has expired."""
        token = signing.gluster_jwt(JWT_SECRET, "VOLUME_CREATE", 1468302552,
                                    time.time() - 120)
        self.assertRaises(jwt.ExpiredSignatureError, jwt.decode, token, JWT_SECRET,
                          algorithms=["HS256"])

    def test_wrong_secret(self):
        """A token does not verify with another secret."""
        token = signing.gluster_jwt(JWT_SECRET, "VOLUME_CREATE", 1468302552, time.time())
        self.assertRaises(jwt.InvalidSignatureError, jwt.decode, token,
                          JWT_SECRET + "x", algorithms=["HS256"])

    def test_short_secret(self):
        """A short GlusterFS-style secret still works (PyJWT may warn about its length)."""
        token = signing.gluster_jwt("short", "VOLUME_CREATE", 1, time.time())
        self.flushWarnings()
        self.assertEqual(jwt.decode(token, "short", algorithms=["HS256"])["sub"],
                         "VOLUME_CREATE")
        self.flushWarnings()


class SigningSecretTests(SynchronousTestCase):
    """``parse_signing_secret`` and ``generate_signing_secret`` handle ``whsec_`` secrets."""

    def test_parse(self):
        """A whsec_ secret gives its base64-decoded key."""
        self.assertEqual(signing.parse_signing_secret(SECRET_A), bytes(range(32)))
        self.assertEqual(signing.parse_signing_secret(VECTOR_SECRET),
                         base64.b64decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))

    def test_unpadded(self):
        """Base64 padding may be left off, as the reference libraries allow."""
        self.assertEqual(signing.parse_signing_secret(SECRET_A.rstrip("=")),
                         bytes(range(32)))

    def test_bounds(self):
        """Keys of 24 and 64 bytes are accepted; 23 and 65 are not."""
        for size, ok in ((23, False), (24, True), (64, True), (65, False)):
            secret = "whsec_" + base64.b64encode(b"k" * size).decode()
            if ok:
                self.assertEqual(signing.parse_signing_secret(secret), b"k" * size)
            else:
                e = self.assertRaises(ValueError, signing.parse_signing_secret, secret)
                self.assertIn("24 to 64 bytes", str(e))

    def test_bad(self):
        """Secrets without the prefix or with bad base64 are refused, never echoed."""
        hidden = base64.b64encode(b"hidden-key-material-here-xx").decode()
        for secret, why in (
                (hidden, "whsec_"),
                ("WHSEC_" + hidden, "whsec_"),
                ("whsec" + hidden, "whsec_"),
                ("whsec_" + hidden + "!", "base64"),
                ("whsec_" + hidden.replace("+", "-") + "-_", "base64"),
                ("whsec_ " + hidden, "base64"),
                ("whsec_" + hidden + "\n", "base64"),
                ("whsec_" + hidden + "===", "base64"),
                ("whsec_", "24 to 64 bytes"),
                (None, "whsec_"),
                (b"whsec_" + hidden.encode(), "whsec_")):
            e = self.assertRaises(ValueError, signing.parse_signing_secret, secret)
            self.assertIn(why, str(e))
            self.assertNotIn(hidden[:12], str(e))
            self.assertNotIn(hidden[:12], repr(e))
            self.assertIsNone(e.__cause__)

    def test_generate(self):
        """A generated secret parses to a fresh 32-byte key."""
        one, two = signing.generate_signing_secret(), signing.generate_signing_secret()
        self.assertTrue(one.startswith("whsec_"))
        self.assertEqual(len(signing.parse_signing_secret(one)), 32)
        self.assertNotEqual(one, two)
        Webhook(one)


class SignatureTests(SynchronousTestCase):
    """``signature_header`` makes Standard Webhooks signatures."""

    def test_published_vector(self):
        """The reference libraries' test vector is reproduced."""
        key = signing.parse_signing_secret(VECTOR_SECRET)
        self.assertEqual(signing.signature_header([key], VECTOR_ID, VECTOR_TS, VECTOR_BODY),
                         VECTOR_SIGNATURE)

    def test_known_answer(self):
        """The signature equals an HMAC-SHA256 computed here over id.timestamp.body."""
        key = bytes(range(32))
        body = json.dumps({"name": UNICODE}, ensure_ascii=False).encode("utf-8")
        content = b"evt-1." + b"1700000000." + body
        expected = b"v1," + base64.b64encode(hmac.new(key, content, hashlib.sha256).digest())
        self.assertEqual(signing.signature_header((key,), "evt-1", 1700000000, body),
                         expected)

    def test_rotation(self):
        """Two keys give two space-separated signatures, in key order."""
        a, b = bytes(range(32)), bytes(range(100, 132))
        both = signing.signature_header((a, b), "evt-1", 1700000000, b"{}")
        self.assertEqual(both.split(b" "), [
            signing.signature_header((a,), "evt-1", 1700000000, b"{}"),
            signing.signature_header((b,), "evt-1", 1700000000, b"{}")])

    def test_no_keys(self):
        """Signing with no key at all is an error."""
        self.assertRaises(ValueError, signing.signature_header, (), "evt-1", 1, b"{}")


class HeadersTests(SynchronousTestCase):
    """``headers`` puts one delivery's headers together."""

    def setUp(self):
        self.event = make_event(seq=3, ts=1468302552,
                                message={"name": UNICODE, "note": "¡sí!"})
        self.now = int(time.time())

    def make(self, fmt="gluster", **kw):
        body = payloads.body(self.event, fmt)
        return body, signing.headers(self.event, fmt, body, self.now, **kw)

    def test_shape(self):
        """Without authentication: Content-Type, User-Agent, webhook-id and webhook-timestamp."""
        body, headers = self.make()
        self.assertEqual(headers, {
            b"Content-Type": [b"application/json"],
            b"User-Agent": [b"geventsd/" + geventsd.__version__.encode()],
            b"webhook-id": [self.event.id.encode()],
            b"webhook-timestamp": [str(self.now).encode()],
        })
        twisted = Headers(headers)
        self.assertEqual(twisted.getRawHeaders(b"webhook-id"), [self.event.id.encode()])

    def test_content_type_follows_format(self):
        """The cloudevents format is sent as application/cloudevents+json."""
        body, headers = self.make("cloudevents")
        self.assertEqual(headers[b"Content-Type"], [b"application/cloudevents+json"])

    def test_unknown_format(self):
        """An unknown format is a ValueError."""
        self.assertRaises(ValueError, signing.headers, self.event, "xml", b"{}", self.now)
        self.assertRaises(ValueError, signing.headers, self.event, None, b"{}", self.now)

    def test_all_values_bytes(self):
        """Every name is bytes and every value a list of one bytes value."""
        key = signing.parse_signing_secret(SECRET_A)
        body, headers = self.make(jwt_secret=JWT_SECRET, signing_keys=(key,))
        for name, values in headers.items():
            self.assertIsInstance(name, bytes)
            self.assertEqual(len(values), 1)
            self.assertIsInstance(values[0], bytes)

    def test_bearer(self):
        """A bearer token is sent as ``Authorization: Bearer T``."""
        body, headers = self.make(bearer_token="t0ken")
        self.assertEqual(headers[b"Authorization"], [b"Bearer t0ken"])
        self.assertNotIn(b"webhook-signature", headers)

    def test_bad_bearer_not_echoed(self):
        """A bad bearer token fails without appearing in the error."""
        e = self.assertRaises(ValueError, self.make, bearer_token="hidden\r\nX: y")
        self.assertNotIn("hidden", str(e))

    def test_jwt(self):
        """A JWT secret gives a Bearer JWT whose claims describe the event and send time."""
        body, headers = self.make(jwt_secret=JWT_SECRET)
        scheme, token = headers[b"Authorization"][0].split(b" ")
        self.assertEqual(scheme, b"Bearer")
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"], issuer="gluster")
        self.assertEqual(claims, {"iss": "gluster", "sub": "VOLUME_CREATE",
                                  "iat": 1468302552, "exp": self.now + 60})

    def test_jwt_now(self):
        """An explicit ``now`` sets the JWT's exp apart from webhook-timestamp."""
        body, headers = self.make(jwt_secret=JWT_SECRET, now=1700000000.9)
        token = headers[b"Authorization"][0].split(b" ")[1]
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"],
                            options={"verify_exp": False})
        self.assertEqual(claims["exp"], 1700000060)
        self.assertEqual(headers[b"webhook-timestamp"], [str(self.now).encode()])

    def test_jwt_wins(self):
        """With both a bearer token and a JWT secret, the JWT is sent."""
        body, headers = self.make(bearer_token="t0ken", jwt_secret=JWT_SECRET)
        self.assertEqual(len(headers[b"Authorization"]), 1)
        token = headers[b"Authorization"][0].split(b" ")[1]
        jwt.decode(token, JWT_SECRET, algorithms=["HS256"], issuer="gluster")

    def test_standard_webhooks_verifies(self):
        """The reference library verifies both formats' bodies and headers."""
        key = signing.parse_signing_secret(SECRET_A)
        for fmt in payloads.FORMATS:
            body, headers = self.make(fmt, signing_keys=(key,))
            self.assertEqual(Webhook(SECRET_A).verify(body, as_str(headers)),
                             json.loads(body))

    def test_standard_webhooks_rotation(self):
        """While rotating, a receiver holding either secret verifies; a third does not."""
        keys = tuple(signing.parse_signing_secret(s) for s in (SECRET_A, SECRET_B))
        body, headers = self.make("cloudevents", signing_keys=keys)
        self.assertEqual(len(headers[b"webhook-signature"][0].split(b" ")), 2)
        for secret in (SECRET_A, SECRET_B):
            Webhook(secret).verify(body, as_str(headers))
        self.assertRaises(WebhookVerificationError,
                          Webhook(SECRET_C).verify, body, as_str(headers))

    def test_signature_binds_body_id_and_time(self):
        """Changing the body, the id or the timestamp breaks the signature."""
        key = signing.parse_signing_secret(SECRET_A)
        body, headers = self.make(signing_keys=(key,))
        hook = Webhook(SECRET_A)
        self.assertRaises(WebhookVerificationError, hook.verify, body + b" ",
                          as_str(headers))
        for name, value in ((b"webhook-id", b"other"),
                            (b"webhook-timestamp", str(self.now - 1).encode())):
            tampered = dict(headers)
            tampered[name] = [value]
            self.assertRaises(WebhookVerificationError, hook.verify, body,
                              as_str(tampered))

    def test_unicode_body_signed_as_sent(self):
        """A non-ASCII message is signed over exactly the UTF-8 bytes that are sent."""
        key = signing.parse_signing_secret(SECRET_A)
        body, headers = self.make("gluster", signing_keys=(key,))
        self.assertIn(UNICODE.encode("utf-8"), body)
        content = b"%s.%d.%s" % (self.event.id.encode(), self.now, body)
        expected = b"v1," + base64.b64encode(hmac.new(key, content, hashlib.sha256).digest())
        self.assertEqual(headers[b"webhook-signature"], [expected])
        self.assertEqual(Webhook(SECRET_A).verify(body, as_str(headers))["message"],
                         self.event.message)
