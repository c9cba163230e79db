"""The datagram protocol: one datagram, one event (SPEC 3).

Serves both the AF_UNIX SOCK_DGRAM socket and the optional UDP port.  It
hands every datagram to the ingest and lets the ingest pause reading when
the log falls behind, so AF_UNIX senders wait instead of being dropped.
"""

import socket

from twisted.internet.protocol import DatagramProtocol

from geventsd.wire import MAX_DATAGRAM

#: Read one byte more than the largest accepted datagram, so an oversized
#: one is seen as oversized instead of silently truncated to the limit.
READ_SIZE = MAX_DATAGRAM + 1

#: Kernel receive buffer we ask for: absorbs bursts while the reactor is busy.
RECEIVE_BUFFER = 8 * 1024 * 1024


class EventDatagramProtocol(DatagramProtocol):
    """Feed datagrams to an :class:`geventsd.ingest.Ingest`."""

    noisy = False

    def __init__(self, ingest):
        self._ingest = ingest

    def startProtocol(self):
        sock = getattr(self.transport, "socket", None)
        if sock is not None:
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER)
            except OSError:
                pass  # best effort: the default buffer still works
        self._ingest.add_reader(self)

    def stopProtocol(self):
        self._ingest.remove_reader(self)

    def pauseReading(self):
        self.transport.stopReading()

    def resumeReading(self):
        self.transport.startReading()

    def datagramReceived(self, data, addr):
        self._ingest.datagram(data)
