"""``EventBus``: in-process publish/subscribe with filters (SPEC 9).

Modelled on the CloudStack event bus: publishers publish and forget,
subscribers register a topic and a callback and get a subscription id back.
Delivery is asynchronous -- callbacks run on a later reactor turn, never
inside ``publish`` -- so a publisher is never slowed or broken by a
subscriber; a callback that raises is logged and the others still run.

Inside the daemon the ingest publishes each event once it is committed to
the log, so a bus subscriber never sees an event that a crash could lose.
"""

import itertools

import attrs
from twisted.logger import Logger

from geventsd.models import Filter


def as_filter(topic):
    """A :class:`Filter` from a topic.

    A topic is a :class:`Filter`, None or ``"*"`` (everything), or a string
    of comma-separated type patterns (``"VOLUME_*,PEER_ATTACH"``).
    """
    if isinstance(topic, Filter):
        return topic
    if topic is None or topic == "*":
        return Filter()
    if isinstance(topic, str):
        return Filter(types=topic)
    raise TypeError("a topic is a Filter, None or a string of type patterns")


@attrs.frozen
class Subscription:
    id: int
    filter: Filter
    callback: object


@attrs.define
class EventBus:
    """Fan events out to subscribers on the next reactor turn.

    :ivar _clock: an ``IReactorTime`` (a ``Clock`` in tests).
    """

    _clock: object
    _subscriptions: dict = attrs.field(factory=dict)
    _queue: list = attrs.field(factory=list)
    _scheduled: object = None
    _ids: object = attrs.field(factory=lambda: itertools.count(1))

    log = Logger()

    def subscribe(self, topic, callback):
        """Call ``callback(event)`` for each published event matching *topic*.

        :return: the subscription id, for :meth:`unsubscribe`.
        """
        sub = Subscription(id=next(self._ids), filter=as_filter(topic), callback=callback)
        self._subscriptions[sub.id] = sub
        return sub.id

    def unsubscribe(self, subscription_id):
        """Stop a subscription; events already queued are not delivered to it."""
        return self._subscriptions.pop(subscription_id, None) is not None

    def publish(self, event):
        self.publish_many((event,))

    def publish_many(self, events):
        """Queue *events* for delivery; returns at once."""
        if not self._subscriptions:
            return
        self._queue.extend(events)
        if self._scheduled is None:
            self._scheduled = self._clock.callLater(0, self._deliver)

    def _deliver(self):
        self._scheduled = None
        queue, self._queue = self._queue, []
        for sub in list(self._subscriptions.values()):
            match = sub.filter.matches
            for event in queue:
                if sub.id not in self._subscriptions:
                    break
                if match(event):
                    try:
                        sub.callback(event)
                    except Exception:
                        self.log.failure("bus subscriber {sub_id} failed on event {seq}",
                                         sub_id=sub.id, seq=event.seq)

    def __len__(self):
        return len(self._subscriptions)
