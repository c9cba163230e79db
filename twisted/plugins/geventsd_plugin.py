"""The ``twistd geventsd`` plugin; the real work lives in :mod:`geventsd.tap`."""

from twisted.application.service import ServiceMaker

geventsd = ServiceMaker(
    "geventsd",
    "geventsd.tap",
    "GlusterFS-compatible events daemon: durable log, webhooks, WebSocket, REST API.",
    "geventsd",
)
