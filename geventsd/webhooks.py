"""Webhook records and the checks on what a user may register.

A :class:`Webhook` is what the store keeps and the delivery engine reads;
:func:`webhook_from_request` turns an API/CLI request body into one, or
raises :class:`WebhookError` with a message that says what is allowed.
Nothing here does I/O.
"""

import ipaddress
import time
import urllib.parse
import uuid

import attrs

from geventsd.models import Filter

FORMATS = ("gluster", "cloudevents")

# Hosts that are never a legitimate webhook receiver but are a classic way to
# reach cloud credentials: refused unless the webhook says allow-private.
METADATA_HOSTS = frozenset(("metadata", "metadata.google.internal", "metadata.goog",
                            "instance-data", "instance-data.ec2.internal"))
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200"))


class WebhookError(ValueError):
    """A webhook request that cannot be accepted; the message explains."""


def _mask(secret):
    if not secret:
        return secret
    return "****" + secret[-4:] if len(secret) > 12 else "****"


def refused_address(address):
    """Why *address* (an ``ip_address``) is no webhook target, or None."""
    if address in METADATA_ADDRESSES:
        return "%s is a cloud metadata address" % address
    if address.is_link_local:
        return "%s is a link-local address" % address
    if address.is_multicast or address.is_unspecified:
        return "%s is not a unicast address" % address
    return None


def check_url(url, allow_private=False):
    """The normalised URL, or :class:`WebhookError`.

    Only absolute ``http``/``https`` URLs with a host and no credentials are
    accepted.  Link-local and cloud-metadata targets are refused unless
    *allow_private*; names are checked again, resolved, at delivery time.
    """
    if not isinstance(url, str) or not url.strip():
        raise WebhookError("url must be a non-empty string")
    if len(url) > 2048 or any(ord(c) < 33 for c in url):
        raise WebhookError("url must be at most 2048 characters without spaces")
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as e:
        raise WebhookError("url %r is not valid: %s" % (url[:200], e))
    if parts.scheme not in ("http", "https"):
        raise WebhookError("url must start with http:// or https:// (got %r)"
                           % (parts.scheme or url[:40]))
    host = parts.hostname
    if not host:
        raise WebhookError("url must name a host")
    if parts.username or parts.password:
        raise WebhookError("url must not contain credentials; use --bearer-token")
    if port == 0:
        raise WebhookError("url port must be 1-65535")
    if not allow_private:
        if host.rstrip(".").lower() in METADATA_HOSTS:
            raise WebhookError("%s is a cloud metadata host; pass allow-private to "
                               "deliver there anyway" % host)
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            address = None
        reason = address is not None and refused_address(address)
        if reason:
            raise WebhookError("%s; pass allow-private to deliver there anyway" % reason)
    return urllib.parse.urlunsplit(parts)


@attrs.frozen
class Webhook:
    """A registered webhook: where, how, and which events.

    Secrets are kept as given and shown masked by :meth:`to_dict`.
    """

    url: str
    id: str = attrs.field(factory=lambda: str(uuid.uuid4()))
    format: str = "gluster"
    # Secrets stay out of repr() so a logged record never leaks one.
    bearer_token: object = attrs.field(default=None, repr=False)
    secret: object = attrs.field(default=None, repr=False)       # HS256 JWT secret
    signing_secrets: tuple = attrs.field(default=(), repr=False)  # "whsec_..." keys
    ordered: bool = False
    ca_file: object = None
    insecure: bool = False
    allow_private: bool = False
    filter: Filter = attrs.field(factory=Filter)
    created_at: float = attrs.field(factory=time.time)
    revision: int = 0

    def settings(self):
        """The JSON-able options kept in the store's ``settings`` column."""
        return {
            "format": self.format, "bearer_token": self.bearer_token, "secret": self.secret,
            "signing_secrets": list(self.signing_secrets), "ordered": self.ordered,
            "ca_file": self.ca_file, "insecure": self.insecure,
            "allow_private": self.allow_private,
            "filter": {"types": list(self.filter.types),
                       "categories": list(self.filter.categories),
                       "min_severity": self.filter.min_severity,
                       "nodes": list(self.filter.nodes)},
        }

    @classmethod
    def from_row(cls, id, url, settings, revision, created_at):
        flt = settings.get("filter") or {}
        return cls(id=id, url=url, format=settings.get("format", "gluster"),
                   bearer_token=settings.get("bearer_token"), secret=settings.get("secret"),
                   signing_secrets=tuple(settings.get("signing_secrets") or ()),
                   ordered=bool(settings.get("ordered")), ca_file=settings.get("ca_file"),
                   insecure=bool(settings.get("insecure")),
                   allow_private=bool(settings.get("allow_private")),
                   filter=Filter(types=flt.get("types") or (),
                                 categories=flt.get("categories") or (),
                                 min_severity=flt.get("min_severity"),
                                 nodes=flt.get("nodes") or ()),
                   created_at=created_at, revision=revision)

    def to_dict(self):
        """The API view: every option, secrets masked."""
        doc = {"id": self.id, "url": self.url, "created_at": self.created_at,
               "revision": self.revision}
        doc.update(self.settings())
        doc["bearer_token"] = _mask(self.bearer_token)
        doc["secret"] = _mask(self.secret)
        doc["signing_secrets"] = [_mask(s) for s in self.signing_secrets]
        return doc


# Request fields: name -> (type check, description for errors).
_FIELDS = {
    "url": (str, "a URL"),
    "format": (str, "one of: " + ", ".join(FORMATS)),
    "bearer_token": ((str, type(None)), "a string or null"),
    "secret": ((str, type(None)), "a string or null"),
    "signing_secrets": (list, "a list of whsec_... strings"),
    "ordered": (bool, "true or false"),
    "ca_file": ((str, type(None)), "a file path or null"),
    "insecure": (bool, "true or false"),
    "allow_private": (bool, "true or false"),
    "filter": (dict, "an object with types, categories, min_severity, nodes"),
}


def webhook_from_request(doc, base=None, check_signing_secret=None):
    """A :class:`Webhook` from a request body (a new one, or *base* changed).

    :param check_signing_secret: validates one ``whsec_`` secret (raises
        ``ValueError``); injected so this module stays free of crypto.
    :raise WebhookError: unknown fields, wrong types, bad values.
    """
    if not isinstance(doc, dict):
        raise WebhookError("the body must be a JSON object")
    unknown = set(doc) - set(_FIELDS)
    if unknown:
        raise WebhookError("unknown field(s): %s (allowed: %s)"
                           % (", ".join(sorted(unknown)), ", ".join(_FIELDS)))
    for name, value in doc.items():
        kind, description = _FIELDS[name]
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise WebhookError("%s must be %s" % (name, description))
    if base is None and "url" not in doc:
        raise WebhookError("url is required")
    changes = {k: v for k, v in doc.items() if k not in ("filter", "signing_secrets")}
    if "format" in doc and doc["format"] not in FORMATS:
        raise WebhookError("format must be one of: %s" % ", ".join(FORMATS))
    for name in ("bearer_token", "secret"):
        if doc.get(name) == "":
            changes[name] = None
    if "signing_secrets" in doc:
        secrets = doc["signing_secrets"]
        if len(secrets) > 2 or not all(isinstance(s, str) for s in secrets):
            raise WebhookError("signing_secrets must be a list of at most two whsec_... "
                               "strings (two while rotating)")
        for s in secrets:
            try:
                if check_signing_secret is not None:
                    check_signing_secret(s)
            except ValueError as e:
                raise WebhookError("signing secret: %s" % e)
        changes["signing_secrets"] = tuple(secrets)
    if "filter" in doc:
        flt = doc["filter"]
        extra = set(flt) - {"types", "categories", "min_severity", "nodes"}
        if extra:
            raise WebhookError("unknown filter field(s): %s" % ", ".join(sorted(extra)))
        try:
            changes["filter"] = Filter(**{k: v for k, v in flt.items() if v is not None})
        except (ValueError, TypeError, AttributeError) as e:
            raise WebhookError("filter: %s" % e)
    hook = attrs.evolve(base, **changes) if base is not None else Webhook(**changes)
    allow = hook.allow_private
    hook = attrs.evolve(hook, url=check_url(hook.url, allow_private=allow))
    return hook
