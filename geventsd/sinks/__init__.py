"""Sinks: where committed events go out (webhooks, WebSocket clients, files, AMQP)."""
