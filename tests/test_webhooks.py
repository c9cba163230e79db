"""Webhook records: URL checks, request validation, masking, round trip."""

from twisted.trial import unittest

from geventsd.webhooks import Webhook, WebhookError, check_url, webhook_from_request


def refuse_all(secret):
    raise ValueError("not a whsec_ secret")


class CheckURLTests(unittest.SynchronousTestCase):

    def test_accepted(self):
        """Plain http(s) URLs, private LAN addresses and ports are accepted."""
        for url in ("http://192.168.122.188:9000/listen", "https://hooks.example.com/a?b=c",
                    "http://10.0.0.1/", "http://[2001:db8::1]:8080/x", "http://127.0.0.1:9/"):
            self.assertEqual(check_url(url), url)

    def test_refused(self):
        """Other schemes, credentials, bad ports and junk are refused with a reason."""
        for url, why in [("ftp://h/", "http:// or https://"), ("file:///etc/passwd", "http://"),
                         ("http://u:p@h/", "credentials"), ("http:///x", "host"),
                         ("http://h:0/", "port"), ("http://h:99999/", "not valid"),
                         ("http://h/a b", "without spaces"), ("", "non-empty"),
                         (5, "non-empty"), ("x" * 3000, "2048")]:
            e = self.assertRaises(WebhookError, check_url, url)
            self.assertIn(why, str(e), url)

    def test_metadata_and_link_local_refused_unless_allowed(self):
        """Cloud metadata and link-local targets need allow_private."""
        for url in ("http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/",
                    "http://169.254.10.10/", "http://metadata.google.internal/",
                    "http://[fd00:ec2::254]/"):
            self.assertRaises(WebhookError, check_url, url)
            self.assertEqual(check_url(url, allow_private=True), url)


class RequestTests(unittest.SynchronousTestCase):

    def test_minimal(self):
        """A URL alone gives a gluster-format webhook with no auth."""
        hook = webhook_from_request({"url": "http://h:9000/listen"})
        self.assertEqual((hook.url, hook.format, hook.bearer_token, hook.ordered),
                         ("http://h:9000/listen", "gluster", None, False))
        self.assertTrue(hook.filter.is_empty())

    def test_all_fields(self):
        """Every documented field is taken."""
        hook = webhook_from_request({
            "url": "https://h/x", "format": "cloudevents", "bearer_token": "tok",
            "secret": "jwt-secret", "signing_secrets": ["whsec_a"], "ordered": True,
            "ca_file": "/etc/ca.pem", "insecure": False, "allow_private": True,
            "filter": {"types": ["VOLUME_*"], "categories": ["peer"],
                       "min_severity": "warning", "nodes": None}})
        self.assertEqual((hook.format, hook.signing_secrets, hook.ordered, hook.ca_file),
                         ("cloudevents", ("whsec_a",), True, "/etc/ca.pem"))
        self.assertEqual((hook.filter.types, hook.filter.min_severity),
                         (("VOLUME_*",), "warning"))

    def test_errors(self):
        """Unknown fields, wrong types and bad values are refused, naming the field."""
        for doc, why in [([], "JSON object"), ({}, "url is required"),
                         ({"url": "http://h/", "colour": 1}, "unknown field"),
                         ({"url": "http://h/", "ordered": "yes"}, "ordered must be"),
                         ({"url": "http://h/", "format": "xml"}, "format must be"),
                         ({"url": 7}, "url must be"),
                         ({"url": "http://h/", "signing_secrets": "whsec_a"}, "signing_secrets"),
                         ({"url": "http://h/", "signing_secrets": ["a", "b", "c"]}, "at most two"),
                         ({"url": "http://h/", "filter": {"colour": 1}}, "unknown filter"),
                         ({"url": "http://h/", "filter": {"min_severity": "loud"}}, "severity"),
                         ({"url": "http://h/", "insecure": 1}, "insecure must be")]:
            e = self.assertRaises(WebhookError, webhook_from_request, doc)
            self.assertIn(why, str(e), doc)

    def test_signing_secret_checked(self):
        """The injected checker's refusal becomes a WebhookError."""
        e = self.assertRaises(WebhookError, webhook_from_request,
                              {"url": "http://h/", "signing_secrets": ["nope"]},
                              check_signing_secret=refuse_all)
        self.assertIn("not a whsec_ secret", str(e))

    def test_modify(self):
        """A change keeps the id and the untouched options; "" clears a token."""
        hook = webhook_from_request({"url": "http://h/", "bearer_token": "t1", "ordered": True})
        changed = webhook_from_request({"bearer_token": "", "format": "cloudevents"}, base=hook)
        self.assertEqual((changed.id, changed.url, changed.ordered), (hook.id, hook.url, True))
        self.assertEqual((changed.bearer_token, changed.format), (None, "cloudevents"))


class RecordTests(unittest.SynchronousTestCase):

    def test_secrets_masked(self):
        """to_dict never shows a secret whole."""
        hook = Webhook(url="http://h/", bearer_token="abcdefghijklmnopqrst",
                       secret="short", signing_secrets=("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",))
        doc = hook.to_dict()
        self.assertEqual(doc["bearer_token"], "****qrst")
        self.assertEqual(doc["secret"], "****")
        self.assertEqual(doc["signing_secrets"], ["****LaSw"])
        self.assertNotIn("abcdefghijklmnopqrst", repr(doc))
        self.assertNotIn("abcdefghijklmnopqrst", repr(hook))
        self.assertNotIn("MfKQ9r8", repr(hook))

    def test_settings_round_trip(self):
        """settings() and from_row() give the same webhook back."""
        hook = webhook_from_request({"url": "http://h/", "secret": "s", "ordered": True,
                                     "filter": {"categories": ["volume"]}})
        again = Webhook.from_row(hook.id, hook.url, hook.settings(), hook.revision,
                                 hook.created_at)
        self.assertEqual(again, hook)
