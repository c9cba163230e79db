"""Tests for :mod:`geventsd.bus`: asynchronous, filtered publish/subscribe,
driven by a ``Clock``."""

from twisted.internet.task import Clock
from twisted.trial.unittest import SynchronousTestCase

from geventsd.bus import EventBus, as_filter
from geventsd.catalog import default_catalog
from geventsd.models import Event, Filter

CATALOG = default_catalog()


def event(type="VOLUME_CREATE", seq=1, node_id="node-1"):
    etype = CATALOG.by_name[type]
    return Event(id="00000000-0000-4000-8000-%012d" % seq, seq=seq, node_id=node_id,
                 ts=1468303352, type=etype.name, type_id=etype.id, category=etype.category,
                 severity=etype.severity, message={}, received_at=1468303352.0)


class BusTestCase(SynchronousTestCase):
    def setUp(self):
        self.clock = Clock()
        self.bus = EventBus(self.clock)

    def recorder(self, topic=None):
        """Subscribe a list-appending callback; returns (id, list)."""
        got = []
        return self.bus.subscribe(topic, got.append), got


class DeliveryTests(BusTestCase):
    """Delivery happens on a later reactor turn."""

    def test_asynchronous(self):
        """Nothing is delivered inside publish; clock.advance(0) delivers."""
        _, got = self.recorder()
        e = event()
        self.bus.publish(e)
        self.assertEqual(got, [])
        self.clock.advance(0)
        self.assertEqual(got, [e])

    def test_order_and_one_turn(self):
        """Several publishes in one turn are delivered in order by one delayed call."""
        _, got = self.recorder()
        events = [event(seq=i) for i in range(1, 6)]
        self.bus.publish(events[0])
        self.bus.publish_many(events[1:4])
        self.bus.publish(events[4])
        self.assertEqual(len(self.clock.getDelayedCalls()), 1)
        self.clock.advance(0)
        self.assertEqual(got, events)
        self.assertEqual(self.clock.getDelayedCalls(), [])

    def test_delivered_once(self):
        """A delivered event is not delivered again on later turns."""
        _, got = self.recorder()
        self.bus.publish(event())
        self.clock.advance(0)
        self.clock.advance(1)
        self.assertEqual(len(got), 1)

    def test_publish_from_callback(self):
        """An event published by a subscriber is queued for a later call, not delivered nested."""
        got = []
        seen_after_publish = []

        def callback(e):
            got.append(e.seq)
            if e.seq == 1:
                self.bus.publish(event(seq=2))
                seen_after_publish.extend(got)
        self.bus.subscribe(None, callback)
        self.bus.publish(event(seq=1))
        # Clock.advance(0) also runs calls scheduled during it for time 0.
        self.clock.advance(0)
        self.assertEqual(seen_after_publish, [1])
        self.assertEqual(got, [1, 2])

    def test_no_subscribers_no_work(self):
        """Publishing with no subscribers schedules nothing and keeps nothing."""
        self.assertEqual(len(self.bus), 0)
        self.bus.publish(event())
        self.bus.publish_many([event(seq=2), event(seq=3)])
        self.assertEqual(self.clock.getDelayedCalls(), [])
        # A later subscriber does not get events published before anyone listened.
        _, got = self.recorder()
        self.clock.advance(0)
        self.assertEqual(got, [])

    def test_every_subscriber(self):
        """Every matching subscriber gets each event."""
        _, got1 = self.recorder()
        _, got2 = self.recorder("*")
        e = event()
        self.bus.publish(e)
        self.clock.advance(0)
        self.assertEqual((got1, got2), ([e], [e]))


class TopicTests(BusTestCase):
    """Subscribers get only the events their topic matches."""

    def setUp(self):
        super().setUp()
        self.events = [event("VOLUME_CREATE", 1), event("PEER_ATTACH", 2),
                       event("PEER_DETACH", 3), event("QUORUM_LOST", 4, node_id="node-2"),
                       event("VOLUME_SET", 5)]

    def deliver(self, topic):
        _, got = self.recorder(topic)
        self.bus.publish_many(self.events)
        self.clock.advance(0)
        return [e.type for e in got]

    def test_none_and_star(self):
        """None and "*" are everything."""
        everything = [e.type for e in self.events]
        self.assertEqual(self.deliver(None), everything)
        self.bus = EventBus(self.clock)
        self.assertEqual(self.deliver("*"), everything)

    def test_type_patterns(self):
        """A comma-separated string of patterns selects those types."""
        self.assertEqual(self.deliver("VOLUME_*,PEER_ATTACH"),
                         ["VOLUME_CREATE", "PEER_ATTACH", "VOLUME_SET"])

    def test_filter(self):
        """A Filter selects on categories, severity and node."""
        self.assertEqual(self.deliver(Filter(categories="peer")), ["PEER_ATTACH", "PEER_DETACH"])
        self.bus = EventBus(self.clock)
        self.assertEqual(self.deliver(Filter(min_severity="critical", nodes="node-2")),
                         ["QUORUM_LOST"])

    def test_as_filter(self):
        """as_filter turns topics into Filters and refuses other types."""
        flt = Filter(types="PEER_*")
        self.assertIs(as_filter(flt), flt)
        self.assertEqual(as_filter(None), Filter())
        self.assertEqual(as_filter("*"), Filter())
        self.assertEqual(as_filter("volume_*, PEER_ATTACH"),
                         Filter(types=("VOLUME_*", "PEER_ATTACH")))
        self.assertRaises(TypeError, as_filter, 42)
        self.assertRaises(TypeError, self.bus.subscribe, ["VOLUME_*"], print)


class SubscriptionTests(BusTestCase):
    """Subscription ids and unsubscribing."""

    def test_distinct_ids(self):
        """Each subscription gets a distinct id, even for the same callback."""
        got = []
        ids = [self.bus.subscribe(None, got.append) for _ in range(5)]
        self.assertEqual(len(set(ids)), 5)
        self.assertEqual(len(self.bus), 5)

    def test_ids_not_reused(self):
        """An id freed by unsubscribe is not handed out again."""
        first, _ = self.recorder()
        self.bus.unsubscribe(first)
        second, _ = self.recorder()
        self.assertNotEqual(first, second)

    def test_unsubscribe(self):
        """After unsubscribe no more events are delivered, and it returns True once."""
        sub, got = self.recorder()
        self.bus.publish(event(seq=1))
        self.clock.advance(0)
        self.assertTrue(self.bus.unsubscribe(sub))
        self.assertFalse(self.bus.unsubscribe(sub))
        self.assertFalse(self.bus.unsubscribe(12345))
        self.bus.publish(event(seq=2))
        self.clock.advance(0)
        self.assertEqual([e.seq for e in got], [1])
        self.assertEqual(len(self.bus), 0)

    def test_unsubscribe_drops_queued(self):
        """Events already queued are not delivered to a subscription stopped before the turn."""
        sub, got = self.recorder()
        _, other = self.recorder()
        self.bus.publish(event())
        self.bus.unsubscribe(sub)
        self.clock.advance(0)
        self.assertEqual(got, [])
        self.assertEqual(len(other), 1)

    def test_unsubscribe_during_delivery(self):
        """A subscription stopped by a callback mid-delivery gets no further events."""
        got = []
        ids = {}

        def first(e):
            got.append(("first", e.seq))
            if e.seq == 1:
                self.bus.unsubscribe(ids["second"])
                self.bus.unsubscribe(ids["first"])
        ids["first"] = self.bus.subscribe(None, first)
        ids["second"] = self.bus.subscribe(None, lambda e: got.append(("second", e.seq)))
        self.bus.publish_many([event(seq=1), event(seq=2)])
        self.clock.advance(0)
        self.assertEqual(got, [("first", 1)])


class FailingSubscriberTests(BusTestCase):
    """A subscriber that raises does not hurt the others."""

    def test_raising_subscriber_logged(self):
        """The exception is logged and the other subscribers still get the event."""
        def broken(e):
            raise ZeroDivisionError("subscriber bug")
        _, before = self.recorder()
        self.bus.subscribe(None, broken)
        _, after = self.recorder()
        events = [event(seq=1), event(seq=2)]
        self.bus.publish_many(events)
        self.clock.advance(0)
        self.assertEqual(before, events)
        self.assertEqual(after, events)
        self.assertEqual(len(self.flushLoggedErrors(ZeroDivisionError)), 2)

    def test_bus_keeps_working(self):
        """After a subscriber raised, later events are still delivered to everyone."""
        calls = []

        def broken(e):
            calls.append(e.seq)
            raise RuntimeError("boom")
        self.bus.subscribe(None, broken)
        _, got = self.recorder()
        self.bus.publish(event(seq=1))
        self.clock.advance(0)
        self.bus.publish(event(seq=2))
        self.clock.advance(0)
        self.assertEqual(calls, [1, 2])
        self.assertEqual([e.seq for e in got], [1, 2])
        self.assertEqual(len(self.flushLoggedErrors(RuntimeError)), 2)
