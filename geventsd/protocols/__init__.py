"""Protocols that bring events in (datagrams) and send them out (WebSocket)."""
