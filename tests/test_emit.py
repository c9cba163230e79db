"""Tests for :mod:`geventsd.emit`: the GlusterFS wire datagram, ``gf_event``'s
statuses, a real send over an AF_UNIX datagram socket, and ``find_socket``."""

import json
import os
import socket
import time

from twisted.trial.unittest import SynchronousTestCase

from geventsd import emit, paths, wire
from geventsd.catalog import default_catalog
from geventsd.emit import EmitStatus, find_socket, format_event, gf_event, send_datagram
from geventsd.models import Parsed

CATALOG = default_catalog()
TS = 1468303352


def set_env(testcase, name, value):
    """Set (or, with None, remove) an environment variable for one test."""
    old = os.environ.get(name)

    def restore():
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old
    testcase.addCleanup(restore)
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


class FakeTime:
    def __init__(self, now):
        self.now = now

    def time(self):
        return self.now


class FormatEventTests(SynchronousTestCase):
    """``format_event`` builds exactly the datagram GlusterFS's gf_event sends."""

    def test_by_name(self):
        """A type name gives "<ts> <id> k=v"."""
        self.assertEqual(format_event("VOLUME_CREATE", {"name": "gv1"}, ts=TS),
                         b"1468303352 2 name=gv1")

    def test_by_id(self):
        """A GlusterFS type id works like its name."""
        self.assertEqual(format_event(2, {"name": "gv1"}, ts=TS), b"1468303352 2 name=gv1")
        self.assertEqual(format_event(141, {}, ts=TS), b"1468303352 141 ")

    def test_prefix_and_case(self):
        """The EVENT_ prefix and lower case are accepted."""
        for name in ("EVENT_VOLUME_CREATE", "volume_create", "event_volume_create"):
            self.assertEqual(format_event(name, {"name": "gv1"}, ts=TS),
                             b"1468303352 2 name=gv1", name)

    def test_attributes_in_order(self):
        """Attributes are joined with ';' in the order given."""
        self.assertEqual(
            format_event("GEOREP_START", {"master": "gv1", "slave": "h::gv2", "force": False},
                         ts=TS),
            b"1468303352 12 master=gv1;slave=h::gv2;force=0")

    def test_no_attributes(self):
        """With no attributes the detail is empty after the space, as gf_event's "%u %d %s"."""
        self.assertEqual(format_event("VOLUME_CREATE", {}, ts=TS), b"1468303352 2 ")

    def test_booleans(self):
        """Booleans are sent as 1 and 0."""
        self.assertEqual(
            format_event("GEOREP_CREATE", {"force": True, "push-pem": False,
                                           "no-verify": True, "ssh-port": 22}, ts=TS),
            b"1468303352 11 force=1;push-pem=0;no-verify=1;ssh-port=22")

    def test_options_flattened(self):
        """VOLUME_SET options pairs are flattened to "k1,v1,k2,v2"."""
        self.assertEqual(
            format_event("VOLUME_SET", {"name": "gv1", "options": [
                ("performance.readdir-ahead", "on"), ["cluster.quorum-type", "auto"]]}, ts=TS),
            b"1468303352 6 name=gv1;options=performance.readdir-ahead,on,"
            b"cluster.quorum-type,auto")
        self.assertEqual(format_event("VOLUME_SET", {"options": []}, ts=TS),
                         b"1468303352 6 options=")
        self.assertEqual(format_event("VOLUME_SET", {"options": "a,b"}, ts=TS),
                         b"1468303352 6 options=a,b")

    def test_options_not_pairs(self):
        """Options that are not (key, value) pairs are refused."""
        for options in ([("a",)], [("a", "b", "c")], ["ab"], [None]):
            self.assertRaises(ValueError, format_event, "VOLUME_SET", {"options": options},
                              ts=TS)

    def test_options_with_commas_refused(self):
        """An option key or value containing ',' is refused: the flat list could not be split back."""
        for options in ([("auth.allow", "10.0.0.1,10.0.0.2")], [("a,b", "c")]):
            self.assertRaises(ValueError, format_event, "VOLUME_SET", {"options": options},
                              ts=TS)

    def test_values_as_text(self):
        """Other values are sent as their text; '=' and spaces in values are fine."""
        self.assertEqual(
            format_event("VOLUME_CREATE", {"name": "a=b c", "count": 3, "ratio": 0.5}, ts=TS),
            b"1468303352 2 name=a=b c;count=3;ratio=0.5")
        self.assertEqual(format_event("VOLUME_CREATE", {"name": "gv\u00e9"}, ts=TS),
                         "1468303352 2 name=gv\u00e9".encode("utf-8"))

    def test_unsendable_values(self):
        """A value with ';' or a newline cannot be carried and is refused."""
        for value in ("a;b", "a\nb", ";"):
            self.assertRaises(ValueError, format_event, "VOLUME_CREATE", {"name": value},
                              ts=TS)

    def test_unsendable_keys(self):
        """A key that is empty or holds '=', ';', a space or a newline is refused."""
        for key in ("", "a=b", "a;b", "a b", "a\nb", "="):
            self.assertRaises(ValueError, format_event, "VOLUME_CREATE", {key: "x"}, ts=TS)

    def test_operational_types(self):
        """geventsd's own types cannot be emitted, by name or by id."""
        for event_type in ("EVENTS_DROPPED", "events_dropped", 1000, 1004):
            e = self.assertRaises(ValueError, format_event, event_type, {}, ts=TS)
            self.assertIn("emitted by geventsd", str(e))

    def test_unknown_types(self):
        """Unknown names and ids, and values that are not names or ids, are refused."""
        for event_type in ("NO_SUCH_EVENT", "", "EVENT_", 142, 999, -1, True, None, 2.0,
                           b"VOLUME_CREATE"):
            self.assertRaises(ValueError, format_event, event_type, {}, ts=TS)

    def test_size_limit(self):
        """A datagram of 65,536 bytes is allowed and one byte more is refused."""
        prefix = len(b"1468303352 2 name=")
        data = format_event("VOLUME_CREATE", {"name": "x" * (65536 - prefix)}, ts=TS)
        self.assertEqual(len(data), 65536)
        e = self.assertRaises(ValueError, format_event, "VOLUME_CREATE",
                              {"name": "x" * (65537 - prefix)}, ts=TS)
        self.assertIn("65537", str(e))

    def test_default_timestamp(self):
        """Without ts the current time is used, in whole seconds."""
        self.patch(emit, "time", FakeTime(1468303352.9))
        self.assertEqual(format_event("VOLUME_CREATE", {"name": "gv1"}),
                         b"1468303352 2 name=gv1")

    def test_fractional_timestamp(self):
        """A fractional ts is truncated to whole seconds."""
        self.assertEqual(format_event("VOLUME_CREATE", {}, ts=TS + 0.99), b"1468303352 2 ")

    def test_custom_catalog(self):
        """A given catalog is used instead of the default one."""
        from geventsd.catalog import Catalog, EventType
        small = Catalog(types=(EventType(id=7, name="ONLY_ONE", category="x",
                                         severity="info"),))
        self.assertEqual(format_event("ONLY_ONE", {}, ts=1, catalog=small), b"1 7 ")
        self.assertRaises(ValueError, format_event, "VOLUME_CREATE", {}, ts=1, catalog=small)


class GfEventStatusTests(SynchronousTestCase):
    """``gf_event`` reports problems as statuses and never raises."""

    def setUp(self):
        self.missing = os.path.abspath(os.path.join(self.mktemp(), "no-such.sock"))
        set_env(self, "GEVENTSD_SOCKET", self.missing)

    def test_status_numbers(self):
        """Statuses are numbered like GlusterFS's EVENT_* return codes."""
        self.assertEqual([int(s) for s in EmitStatus], [0, -1, -2, -3, -4, -5, -6])
        self.assertEqual(EmitStatus.OK, 0)

    def test_invalid_inputs(self):
        """Unknown or reserved types and unsendable attributes give INVALID_INPUTS."""
        self.assertEqual(gf_event("NO_SUCH_EVENT", name="gv1"), EmitStatus.INVALID_INPUTS)
        self.assertEqual(gf_event(142), EmitStatus.INVALID_INPUTS)
        self.assertEqual(gf_event(None), EmitStatus.INVALID_INPUTS)
        self.assertEqual(gf_event("EVENTS_DROPPED", total=1), EmitStatus.INVALID_INPUTS)
        self.assertEqual(gf_event("VOLUME_CREATE", name="a;b"), EmitStatus.INVALID_INPUTS)
        self.assertEqual(gf_event("VOLUME_CREATE", **{"a b": "x"}), EmitStatus.INVALID_INPUTS)
        self.assertEqual(gf_event("VOLUME_SET", options=[("a",)]), EmitStatus.INVALID_INPUTS)
        self.assertEqual(gf_event("VOLUME_CREATE", name="x" * 70000),
                         EmitStatus.INVALID_INPUTS)
        self.assertEqual(gf_event("VOLUME_CREATE", name="\ud800"), EmitStatus.INVALID_INPUTS)

    def test_unformattable_value(self):
        """A value whose str() raises gives MSG_FORMAT rather than an exception."""
        class Unprintable:
            def __str__(self):
                raise RuntimeError("no text")
        self.assertEqual(gf_event("VOLUME_CREATE", name=Unprintable()), EmitStatus.MSG_FORMAT)

    def test_no_daemon(self):
        """A socket path nobody listens on gives CONNECT."""
        self.assertEqual(gf_event("VOLUME_CREATE", name="gv1"), EmitStatus.CONNECT)

    def test_not_a_socket(self):
        """A socket path that is a regular file gives CONNECT."""
        path = os.path.abspath(self.mktemp())
        with open(path, "w"):
            pass
        set_env(self, "GEVENTSD_SOCKET", path)
        self.assertEqual(gf_event("VOLUME_CREATE", name="gv1"), EmitStatus.CONNECT)

    def test_send_datagram_no_daemon(self):
        """send_datagram to a missing socket returns CONNECT."""
        self.assertEqual(send_datagram(b"1 2 name=gv1", self.missing), EmitStatus.CONNECT)


class GfEventSendTests(SynchronousTestCase):
    """``gf_event`` really sends one datagram the daemon's parser accepts."""

    def setUp(self):
        directory = self.mktemp()
        os.makedirs(directory)
        # mktemp() is relative to trial's working directory, which keeps the
        # path under the 107-byte AF_UNIX limit wherever the checkout is.
        self.path = os.path.join(directory, "events.sock")
        self.assertLess(len(os.fsencode(self.path)), 107)
        self.receiver = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.addCleanup(self.receiver.close)
        self.receiver.bind(self.path)
        self.receiver.settimeout(5)
        set_env(self, "GEVENTSD_SOCKET", self.path)

    def receive(self):
        data = self.receiver.recv(wire.MAX_DATAGRAM + 1)
        result = wire.parse(data, CATALOG)
        self.assertIsInstance(result, Parsed, repr(data))
        return data, result

    def test_send_and_parse(self):
        """The datagram gf_event sends parses to the event that was emitted."""
        before = int(time.time())
        self.assertEqual(gf_event("VOLUME_CREATE", name="gv1"), EmitStatus.OK)
        data, result = self.receive()
        self.assertEqual(data.split(b" ", 1)[1], b"2 name=gv1")
        self.assertEqual((result.type.name, result.message), ("VOLUME_CREATE", {"name": "gv1"}))
        self.assertTrue(before <= result.ts <= time.time() + 1)

    def test_send_typed_attributes(self):
        """Booleans, ports and options sent by gf_event come back typed."""
        self.assertEqual(
            gf_event("GEOREP_CREATE", master="gv1", slave="h::gv2",
                     **{"push-pem": True, "no-verify": False, "ssh-port": 2222}),
            EmitStatus.OK)
        _, result = self.receive()
        self.assertEqual(result.type.name, "GEOREP_CREATE")
        self.assertEqual(result.message, {"master": "gv1", "slave": "h::gv2", "push-pem": True,
                                          "no-verify": False, "ssh-port": 2222})
        self.assertEqual(gf_event("EVENT_VOLUME_SET", name="gv1",
                                  options=[("features.quota", "on")]), EmitStatus.OK)
        _, result = self.receive()
        self.assertEqual(result.message, {"name": "gv1", "options": [["features.quota", "on"]]})

    def test_send_by_id(self):
        """gf_event takes a GlusterFS type id as well as a name."""
        self.assertEqual(gf_event(80, volume="gv1"), EmitStatus.OK)
        _, result = self.receive()
        self.assertEqual((result.type.name, result.message), ("QUORUM_LOST", {"volume": "gv1"}))

    def test_send_datagram(self):
        """send_datagram delivers the bytes unchanged and returns OK."""
        self.assertEqual(send_datagram(b"1 2 name=gv1", self.path), EmitStatus.OK)
        self.assertEqual(self.receiver.recv(100), b"1 2 name=gv1")


class FindSocketTests(SynchronousTestCase):
    """``find_socket`` looks where the daemon is, in a fixed order."""

    def setUp(self):
        self.data_dir = os.path.abspath(self.mktemp())
        os.makedirs(self.data_dir)

    def write_runtime(self, doc):
        with open(paths.runtime_path(self.data_dir), "w", encoding="utf-8") as f:
            f.write(doc if isinstance(doc, str) else json.dumps(doc))

    def test_env_variable_first(self):
        """GEVENTSD_SOCKET wins over a running daemon's runtime.json."""
        self.write_runtime({"socket": "/run/daemon.sock"})
        env = {"GEVENTSD_SOCKET": "/tmp/explicit.sock", "GEVENTSD_DATA_DIR": self.data_dir}
        self.assertEqual(find_socket(env), "/tmp/explicit.sock")

    def test_runtime_json(self):
        """Without GEVENTSD_SOCKET the running daemon's socket from runtime.json is used."""
        self.write_runtime({"pid": 1, "socket": "/run/daemon.sock"})
        self.assertEqual(find_socket({"GEVENTSD_DATA_DIR": self.data_dir}), "/run/daemon.sock")
        self.assertEqual(find_socket({"GEVENTSD_SOCKET": "", "GEVENTSD_DATA_DIR": self.data_dir}),
                         "/run/daemon.sock")

    def test_default(self):
        """With neither, the default socket of the data dir is used."""
        self.assertEqual(find_socket({"GEVENTSD_DATA_DIR": self.data_dir}),
                         paths.default_socket(self.data_dir))

    def test_bad_runtime_json(self):
        """An unreadable or odd runtime.json falls back to the default socket."""
        for doc in ("{not json", "[]", {"socket": 5}, {"socket": ""}, {}):
            self.write_runtime(doc)
            self.assertEqual(find_socket({"GEVENTSD_DATA_DIR": self.data_dir}),
                             paths.default_socket(self.data_dir), repr(doc))

    def test_default_data_dir(self):
        """Without GEVENTSD_DATA_DIR the default data dir for the environment is used."""
        env = {"HOME": self.data_dir, "XDG_STATE_HOME": os.path.join(self.data_dir, "state")}
        self.assertEqual(find_socket(env), paths.default_socket(paths.default_data_dir(env)))

    def test_process_environment(self):
        """Without an env argument the process environment is read."""
        set_env(self, "GEVENTSD_SOCKET", "/tmp/from-environ.sock")
        self.assertEqual(find_socket(), "/tmp/from-environ.sock")
