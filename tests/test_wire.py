"""Tests for :mod:`geventsd.wire`: tables of real and hostile datagrams, then
properties (hypothesis) that no byte string makes the parser raise."""

import json

import hypothesis
from hypothesis import strategies as st
from twisted.trial.unittest import SynchronousTestCase

from geventsd import wire
from geventsd.catalog import default_catalog
from geventsd.emit import format_event
from geventsd.models import Parsed, Rejection

CATALOG = default_catalog()

# Reasons counted by the ingest, never produced by wire.parse.
INGEST_ONLY_REASONS = ("overload", "disabled", "unstorable")

# A rejection's detail goes to the log: it must stay one short line however
# large the datagram was (SPEC 3: never the whole payload).
MAX_DETAIL = 1000

# (datagram, type name, ts, message) for datagrams wire.parse accepts.
ACCEPTED_GLUSTER = [
    # The design document's example.
    (b"1468303352 2 name=gv1", "VOLUME_CREATE", 1468303352, {"name": "gv1"}),
    (b"1468303352 0 host=node2.example.com", "PEER_ATTACH", 1468303352,
     {"host": "node2.example.com"}),
    (b"1468303352 3 force=1;name=gv1", "VOLUME_START", 1468303352,
     {"force": True, "name": "gv1"}),
    (b"1468303352 4 force=0;name=gv1", "VOLUME_STOP", 1468303352,
     {"force": False, "name": "gv1"}),
    # glusterd flattens VOLUME_SET options into "k1,v1,k2,v2".
    (b"1468303352 6 name=gv1;options=performance.readdir-ahead,on,cluster.quorum-type,auto",
     "VOLUME_SET", 1468303352,
     {"name": "gv1", "options": [["performance.readdir-ahead", "on"],
                                 ["cluster.quorum-type", "auto"]]}),
    (b"1468303352 6 name=gv1;options=features.quota,on", "VOLUME_SET", 1468303352,
     {"name": "gv1", "options": [["features.quota", "on"]]}),
    (b"1468303352 6 name=gv1;options=", "VOLUME_SET", 1468303352,
     {"name": "gv1", "options": []}),
    (b"1468303352 6 name=gv1;options=a,b,c", "VOLUME_SET", 1468303352,
     {"name": "gv1", "options": [["a", "b"], ["c", ""]]}),
    # Only VOLUME_SET turns options into pairs.
    (b"1468303352 2 name=gv1;options=a,b", "VOLUME_CREATE", 1468303352,
     {"name": "gv1", "options": "a,b"}),
    (b"1468303352 7 name=gv1;option=cluster.quorum-type", "VOLUME_RESET", 1468303352,
     {"name": "gv1", "option": "cluster.quorum-type"}),
    # GEOREP_CREATE with the wire's dash spellings...
    (b"1468303352 11 force=0;push-pem=1;no-verify=0;ssh-port=2222;"
     b"master=gv1;slave=root@host2::gv2",
     "GEOREP_CREATE", 1468303352,
     {"force": False, "push-pem": True, "no-verify": False, "ssh-port": 2222,
      "master": "gv1", "slave": "root@host2::gv2"}),
    # ... and the admin guide's underscore spellings.
    (b"1468303352 11 force=1;push_pem=0;no_verify=1;ssh_port=22;master=gv1;slave=host2::gv2",
     "GEOREP_CREATE", 1468303352,
     {"force": True, "push_pem": False, "no_verify": True, "ssh_port": 22,
      "master": "gv1", "slave": "host2::gv2"}),
    # A non-numeric port is kept as sent rather than lost.
    (b"1468303352 11 master=gv1;ssh-port=ssh", "GEOREP_CREATE", 1468303352,
     {"master": "gv1", "ssh-port": "ssh"}),
    (b"1468303352 11 master=gv1;ssh_port=-1", "GEOREP_CREATE", 1468303352,
     {"master": "gv1", "ssh_port": "-1"}),
    (b"1468303352 11 master=gv1;ssh-port= 22 ", "GEOREP_CREATE", 1468303352,
     {"master": "gv1", "ssh-port": 22}),
    # Boolean spellings.
    (b"1468303352 12 force=yes;master=gv1;slave=h::v", "GEOREP_START", 1468303352,
     {"force": True, "master": "gv1", "slave": "h::v"}),
    (b"1468303352 12 force=TRUE", "GEOREP_START", 1468303352, {"force": True}),
    (b"1468303352 12 force=On", "GEOREP_START", 1468303352, {"force": True}),
    (b"1468303352 12 force=enabled", "GEOREP_START", 1468303352, {"force": True}),
    (b"1468303352 12 force=2", "GEOREP_START", 1468303352, {"force": False}),
    (b"1468303352 12 force=", "GEOREP_START", 1468303352, {"force": False}),
    # A value may contain '=' (split on the first one), spaces and UTF-8.
    (b"1468303352 2 name=a=b=c", "VOLUME_CREATE", 1468303352, {"name": "a=b=c"}),
    (b"1468303352 2 name=", "VOLUME_CREATE", 1468303352, {"name": ""}),
    (b"1468303352 2 name=my vol", "VOLUME_CREATE", 1468303352, {"name": "my vol"}),
    ("1468303352 2 name=gv\u00e9\u2713".encode("utf-8"), "VOLUME_CREATE", 1468303352,
     {"name": "gv\u00e9\u2713"}),
    # Empty detail, with and without the space gf_event leaves.
    (b"1468303352 2", "VOLUME_CREATE", 1468303352, {}),
    (b"1468303352 2 ", "VOLUME_CREATE", 1468303352, {}),
    # One trailing newline (echo | socat) is tolerated, LF or CRLF.
    (b"1468303352 2 name=gv1\n", "VOLUME_CREATE", 1468303352, {"name": "gv1"}),
    (b"1468303352 2 name=gv1\r\n", "VOLUME_CREATE", 1468303352, {"name": "gv1"}),
    (b"1468303352 2\n", "VOLUME_CREATE", 1468303352, {}),
    # Empty items between separators are skipped.
    (b"1468303352 2 name=gv1;;", "VOLUME_CREATE", 1468303352, {"name": "gv1"}),
    (b"1468303352 2 ;name=gv1", "VOLUME_CREATE", 1468303352, {"name": "gv1"}),
    # A repeated key keeps the last value.
    (b"1468303352 2 name=a;name=b", "VOLUME_CREATE", 1468303352, {"name": "b"}),
    # Ids at both ends of the GlusterFS numbering, and ts 0.
    (b"0 0 host=h", "PEER_ATTACH", 0, {"host": "h"}),
    (b"1468303352 141 volume=gv1;inodes_usage=95", "DHT_INODES_USAGE", 1468303352,
     {"volume": "gv1", "inodes_usage": "95"}),
    # Other real shapes from GlusterFS components.
    (b"1468303352 80 volume=gv1", "QUORUM_LOST", 1468303352, {"volume": "gv1"}),
    (b"1468303352 96 gfid=7b1c6c37-7c63-4c1d-9f3b-2b2b4d1b9f01;path=/dir/f;"
     b"brick=node1:/bricks/b1",
     "BITROT_BAD_FILE", 1468303352,
     {"gfid": "7b1c6c37-7c63-4c1d-9f3b-2b2b4d1b9f01", "path": "/dir/f",
      "brick": "node1:/bricks/b1"}),
    (b"1468303352 110 subvol=gv1-replicate-0", "AFR_SPLIT_BRAIN", 1468303352,
     {"subvol": "gv1-replicate-0"}),
]

ACCEPTED_JSON = [
    (b'{"event": "VOLUME_CREATE", "ts": 1468303352, "message": {"name": "gv1"}}',
     "VOLUME_CREATE", 1468303352, {"name": "gv1"}),
    # Without ts the ingest uses the receive time: the parser says None.
    (b'{"event": "VOLUME_CREATE", "message": {"name": "gv1"}}',
     "VOLUME_CREATE", None, {"name": "gv1"}),
    (b'{"event": "VOLUME_CREATE", "ts": null}', "VOLUME_CREATE", None, {}),
    (b'{"event": "VOLUME_CREATE"}', "VOLUME_CREATE", None, {}),
    (b'{"event": "EVENT_VOLUME_CREATE", "ts": 5}', "VOLUME_CREATE", 5, {}),
    (b'{"event": "volume_create", "ts": 5}', "VOLUME_CREATE", 5, {}),
    (b'{"event": "event_volume_create", "ts": 5}', "VOLUME_CREATE", 5, {}),
    (b'{"event": "PEER_ATTACH", "ts": 0, "message": {}}', "PEER_ATTACH", 0, {}),
    # A fractional ts is truncated to whole seconds.
    (b'{"event": "VOLUME_CREATE", "ts": 1468303352.9}', "VOLUME_CREATE", 1468303352, {}),
    (b'{"event": "VOLUME_CREATE", "ts": 9223372036854775807}', "VOLUME_CREATE",
     9223372036854775807, {}),
    # JSON messages keep their JSON types: no GlusterFS conversion.
    (b'{"event": "VOLUME_SET", "ts": 1, "message": {"name": "gv1", '
     b'"options": [["a", "b"]], "force": "1", "n": {"x": [1, 2.5, null]}}}',
     "VOLUME_SET", 1, {"name": "gv1", "options": [["a", "b"]], "force": "1",
                       "n": {"x": [1, 2.5, None]}}),
    # Whitespace around the object is fine.
    (b' \n\t{"event": "VOLUME_CREATE", "ts": 1}\n', "VOLUME_CREATE", 1, {}),
]

# (datagram, reason) for datagrams wire.parse rejects.
REJECTED = [
    (b"", "empty"),
    (b"\xff\xfe1 2 name=x", "invalid_utf8"),
    (b"1468303352 2 name=\xc3", "invalid_utf8"),
    (b"1468303352 2 name=\xed\xa0\x80", "invalid_utf8"),  # an encoded surrogate
    (b'{"event": "VOLUME_CREATE"', "invalid_json"),
    (b'{"event": "VOLUME_CREATE"} trailing', "invalid_json"),
    (b"{", "invalid_json"),
    (b"{'event': 'VOLUME_CREATE'}", "invalid_json"),
    (b'{"event": "VOLUME_CREATE", "ts": NaN}', "invalid_json"),
    (b'{"event": "VOLUME_CREATE", "ts": Infinity}', "invalid_json"),
    (b'{"event": "VOLUME_CREATE", "ts": -Infinity}', "invalid_json"),
    (b'{"event": "VOLUME_CREATE", "ts": 1e999}', "invalid_json"),
    (b'{"event": "VOLUME_CREATE", "message": {"x": -1e999}}', "invalid_json"),
    (b'{"event": "VOLUME_CREATE", "ts": ' + b"9" * 5000 + b"}", "invalid_json"),
    (b'{"event": "VOLUME_CREATE", "message": ' + b"[" * 30000 + b"]" * 30000 + b"}",
     "invalid_json"),
    (b'{"event": "VOLUME_CREATE", "message": ' + b'{"a":' * 10000 + b"1" + b"}" * 10001,
     "invalid_json"),
    (b'{"event": "VOLUME_CREATE", "nodeid": "x"}', "bad_json"),
    (b'{"event": "VOLUME_CREATE", "message": null}', "bad_json"),
    (b'{"event": "VOLUME_CREATE", "message": [["name", "gv1"]]}', "bad_json"),
    (b'{"event": "VOLUME_CREATE", "message": {"name": "\\ud800"}}', "bad_json"),
    (b'{"event": "VOLUME_CREATE", "message": "name=gv1"}', "bad_json"),
    (b'{"ts": 1468303352, "message": {}}', "bad_json"),
    (b"{}", "bad_json"),
    (b'{"event": ""}', "bad_json"),
    (b'{"event": 2}', "bad_json"),
    (b'{"event": null}', "bad_json"),
    (b'{"event": ["VOLUME_CREATE"]}', "bad_json"),
    (b"1468303352", "bad_format"),
    (b"1468303352\n", "bad_format"),
    (b"hello", "bad_format"),
    (b"\n", "bad_format"),
    # A JSON array does not start with "{", so it is read as the GlusterFS
    # format (wire.event_from_json gives bad_json for it: see below).
    (b'[{"event":"VOLUME_CREATE"}]', "bad_json"),
    (b"-1 2 name=x", "bad_timestamp"),
    (b"1.5 2 name=x", "bad_timestamp"),
    (b"1e9 2 name=x", "bad_timestamp"),
    (b"0x10 2 name=x", "bad_timestamp"),
    (b"now 2 name=x", "bad_timestamp"),
    (b" 1468303352 2 name=x", "bad_timestamp"),
    (b"\t1 2", "bad_timestamp"),
    ("\u00b2 2 name=x".encode("utf-8"), "bad_timestamp"),              # superscript two
    ("\u0661\u0662 2 name=x".encode("utf-8"), "bad_timestamp"),        # Arabic-Indic digits
    ("\uff11 2 name=x".encode("utf-8"), "bad_timestamp"),              # fullwidth one
    (b"1" * 30 + b" 2 name=x", "bad_timestamp"),
    (b"1" * 5000 + b" 2 name=x", "bad_timestamp"),
    (b'{"event": "VOLUME_CREATE", "ts": -1}', "bad_timestamp"),
    (b'{"event": "VOLUME_CREATE", "ts": "1468303352"}', "bad_timestamp"),
    (b'{"event": "VOLUME_CREATE", "ts": true}', "bad_timestamp"),
    (b'{"event": "VOLUME_CREATE", "ts": [1]}', "bad_timestamp"),
    (b'{"event": "VOLUME_CREATE", "ts": 9223372036854775808}', "bad_timestamp"),
    (b'{"event": "VOLUME_CREATE", "ts": 1e300}', "bad_timestamp"),
    (b"1468303352 x name=x", "bad_type_id"),
    (b"1468303352 2.0 name=x", "bad_type_id"),
    (b"1468303352 +2 name=x", "bad_type_id"),
    (b"1468303352 0x2", "bad_type_id"),
    (b"1468303352  2 name=x", "bad_type_id"),                           # two spaces
    ("1468303352 \u00b2 name=x".encode("utf-8"), "bad_type_id"),
    (b"1468303352 " + b"2" * 30, "bad_type_id"),
    (b"1468303352 -1 name=x", "unknown_type"),
    (b"1468303352 -141", "unknown_type"),
    (b"1468303352 142 name=x", "unknown_type"),
    (b"1468303352 999", "unknown_type"),
    (b"1468303352 1999", "unknown_type"),
    (b"1468303352 99999999999999999999", "unknown_type"),
    (b'{"event": "NO_SUCH_EVENT"}', "unknown_type"),
    (b'{"event": "EVENT_"}', "unknown_type"),
    (b'{"event": "VOLUME_*"}', "unknown_type"),
    (b"1468303352 1000 reasons=x", "reserved_type"),
    (b"1468303352 1004 url=http://x", "reserved_type"),
    (b'{"event": "EVENTS_DROPPED", "message": {"total": 1}}', "reserved_type"),
    (b'{"event": "event_geventsd_started"}', "reserved_type"),
    (b"1468303352 2 name", "bad_attribute"),
    (b"1468303352 2 =gv1", "bad_attribute"),
    (b"1468303352 2 name=gv1;junk", "bad_attribute"),
    (b"1468303352 2 name=gv1;=", "bad_attribute"),
    (b"1468303352 2 name gv1", "bad_attribute"),
]


def parse(data):
    return wire.parse(data, CATALOG)


class ParseAcceptedTests(SynchronousTestCase):
    """Datagrams that parse, checked field by field."""

    def assertParsed(self, table):
        for data, name, ts, message in table:
            result = parse(data)
            self.assertIsInstance(result, Parsed, repr(data[:80]))
            self.assertEqual((result.type.name, result.ts, result.message),
                             (name, ts, message), repr(data[:80]))
            self.assertIs(result.type, CATALOG.by_name[name])

    def test_gluster_format(self):
        """Real GlusterFS datagrams parse to the right type, timestamp and message."""
        self.assertParsed(ACCEPTED_GLUSTER)

    def test_json_format(self):
        """JSON datagrams parse to the right type, timestamp (or None) and message."""
        self.assertParsed(ACCEPTED_JSON)

    def test_typed_attributes(self):
        """Converted attributes have real JSON types: bool for flags, int for ports."""
        result = parse(b"1468303352 11 force=1;push-pem=0;ssh-port=22")
        self.assertIs(result.message["force"], True)
        self.assertIs(result.message["push-pem"], False)
        self.assertIs(type(result.message["ssh-port"]), int)

    def test_exactly_max_size_accepted(self):
        """A datagram of exactly 65,536 bytes is accepted."""
        prefix = b"1468303352 2 name="
        data = prefix + b"x" * (wire.MAX_DATAGRAM - len(prefix))
        self.assertEqual(len(data), 65536)
        result = parse(data)
        self.assertIsInstance(result, Parsed)
        self.assertEqual(result.message, {"name": "x" * (65536 - len(prefix))})

    def test_every_gluster_type_id(self):
        """Every GlusterFS type id 0-141 parses to its own type."""
        for type_id in range(142):
            result = parse(b"1468303352 %d " % type_id)
            self.assertEqual(result.type.id, type_id)
            self.assertEqual(result.message, {})

    def test_gluster_ts_beyond_int64_rejected(self):
        """A GlusterFS-format timestamp of 2**63 or more is bad_timestamp, as in JSON."""
        for data in (b"9223372036854775808 2 name=x", b"99999999999999999999 2 name=x"):
            result = parse(data)
            self.assertIsInstance(result, Rejection, repr(data))
            self.assertEqual(result.reason, "bad_timestamp")
        self.assertEqual(parse(b"9223372036854775807 2 name=x").ts, 2**63 - 1)


class ParseRejectedTests(SynchronousTestCase):
    """Datagrams that are dropped, and why."""

    def test_rejections(self):
        """Each hostile datagram is rejected with its documented reason."""
        for data, reason in REJECTED:
            result = parse(data)
            self.assertIsInstance(result, Rejection, repr(data[:80]))
            self.assertEqual(result.reason, reason, repr(data[:80]))
            self.assertLessEqual(len(result.detail), MAX_DETAIL)

    def test_every_parser_reason_covered(self):
        """The rejection table exercises every reason wire.parse can produce."""
        produced = {reason for _, reason in REJECTED} | {"oversized"}
        self.assertEqual(produced, set(wire.REASONS) - set(INGEST_ONLY_REASONS))

    def test_empty(self):
        """An empty datagram is rejected as empty."""
        self.assertEqual(parse(b""), Rejection("empty", "empty datagram"))

    def test_oversized(self):
        """A datagram of 65,537 bytes is rejected as oversized before decoding."""
        data = b"1468303352 2 name=" + b"\xff" * (65537 - 18)
        self.assertEqual(len(data), 65537)
        self.assertEqual(parse(data),
                         Rejection("oversized", "65537 bytes (limit 65536)"))

    def test_invalid_utf8_detail(self):
        """The invalid_utf8 detail gives the byte offset, not the payload."""
        self.assertEqual(parse(b"12 2 name=\xff"),
                         Rejection("invalid_utf8", "invalid UTF-8 at byte 10"))

    def test_detail_is_bounded(self):
        """Long hostile fields are cut in the detail, so logs never carry the payload."""
        for data in (b"x" * 60000 + b" 2", b"1 " + b"x" * 60000,
                     b"1 2 " + b"k" * 60000,
                     b'{"event": "' + b"A" * 60000 + b'"}',
                     b'{"' + b"k" * 60000 + b'": 1}'):
            result = parse(data)
            self.assertIsInstance(result, Rejection)
            self.assertLessEqual(len(result.detail), MAX_DETAIL)

    def test_reserved_detail(self):
        """A reserved type's rejection names the type."""
        self.assertEqual(parse(b"1 1000 total=1"),
                         Rejection("reserved_type", "EVENTS_DROPPED is emitted by geventsd itself"))

    def test_negative_id_detail(self):
        """A negative type id is reported as such."""
        self.assertEqual(parse(b"1 -5 name=x"),
                         Rejection("unknown_type", "negative type id -5"))

    def test_json_not_object(self):
        """A decoded JSON document that is not an object is bad_json."""
        for doc in ([], [{"event": "VOLUME_CREATE"}], "VOLUME_CREATE", 2, None):
            self.assertEqual(wire.event_from_json(doc, CATALOG).reason, "bad_json")
        self.assertEqual(wire.parse_json('[{"event": "VOLUME_CREATE"}]', CATALOG).reason,
                         "bad_json")

    def test_unknown_fields_named(self):
        """Unknown JSON fields are listed, sorted, in the detail."""
        self.assertEqual(
            parse(b'{"event": "VOLUME_CREATE", "nodeid": 1, "extra": 2}'),
            Rejection("bad_json", "unknown field(s): extra, nodeid"))


class OptionPairsTests(SynchronousTestCase):
    """``option_pairs`` splits glusterd's flattened VOLUME_SET options."""

    def test_pairs(self):
        """An even list becomes [key, value] pairs in order."""
        self.assertEqual(wire.option_pairs("k1,v1,k2,v2"), [["k1", "v1"], ["k2", "v2"]])

    def test_odd_count(self):
        """An odd trailing key gets an empty value rather than being lost."""
        self.assertEqual(wire.option_pairs("k1,v1,k2"), [["k1", "v1"], ["k2", ""]])
        self.assertEqual(wire.option_pairs("k1"), [["k1", ""]])

    def test_empty(self):
        """An empty string gives no pairs."""
        self.assertEqual(wire.option_pairs(""), [])

    def test_empty_items_kept(self):
        """Empty keys and values between commas are kept in place."""
        self.assertEqual(wire.option_pairs(",v,k,"), [["", "v"], ["k", ""]])


# -- properties ------------------------------------------------------------

def check_result(testcase, result):
    """The invariants of any parse result."""
    if isinstance(result, Parsed):
        testcase.assertIs(CATALOG.by_id.get(result.type.id), result.type)
        testcase.assertFalse(result.type.operational)
        testcase.assertIsInstance(result.message, dict)
        testcase.assertTrue(result.ts is None or (isinstance(result.ts, int)
                                                  and result.ts >= 0))
        for key in result.message:
            testcase.assertIsInstance(key, str)
    else:
        testcase.assertIsInstance(result, Rejection)
        testcase.assertIn(result.reason, wire.REASONS)
        testcase.assertNotIn(result.reason, INGEST_ONLY_REASONS)
        testcase.assertLessEqual(len(result.detail), MAX_DETAIL)


_digits = st.text("0123456789", min_size=1, max_size=22)
_ts = st.one_of(_digits, st.sampled_from(["", "-1", "\u00b2", "1.5", "1468303352"]),
                st.text(max_size=4))
_type_id = st.one_of(st.integers(-3, 1010).map(str), _digits,
                     st.sampled_from(["", "-", "+1", "\u00b2", "2 "]))
_key = st.one_of(
    st.sampled_from(["name", "force", "push-pem", "push_pem", "no-verify", "no_verify",
                     "ssh-port", "ssh_port", "options", "volume", ""]),
    st.text("ab-_= ;\n", max_size=5))
_value = st.one_of(st.text("01,=; ab\n", max_size=8), _digits, st.text(max_size=6))
_item = st.one_of(
    st.builds(lambda k, v: "%s=%s" % (k, v), _key, _value),
    _key, _value)
_detail = st.lists(_item, max_size=6).map(";".join)
_sep = st.sampled_from([" ", " ", " ", "", "  ", "\t"])
_tail = st.sampled_from(["", "", "\n", "\r\n", " ", ";", "\n\n"])
near_gluster = st.builds(lambda ts, s1, tid, s2, detail, tail: ts + s1 + tid + s2 + detail + tail,
                         _ts, _sep, _type_id, _sep, _detail, _tail)

_json_scalar = st.one_of(st.none(), st.booleans(), st.integers(),
                         st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=8))
json_values = st.recursive(
    _json_scalar,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=6), children, max_size=4)),
    max_leaves=15)
_event_name = st.one_of(
    st.sampled_from([t.name for t in CATALOG.types]).flatmap(
        lambda n: st.sampled_from([n, n.lower(), "EVENT_" + n])),
    st.text(max_size=10), json_values)
json_docs = st.one_of(
    st.fixed_dictionaries({}, optional={"event": _event_name, "ts": json_values,
                                        "message": json_values}),
    st.fixed_dictionaries({"event": _event_name},
                          optional={"ts": st.one_of(st.integers(), st.floats()),
                                    "message": st.dictionaries(st.text(max_size=6),
                                                               json_values, max_size=4),
                                    "nodeid": st.text(max_size=4)}),
    json_values)

# Attribute keys the format can carry and that the parser does not convert.
_plain_key = st.text(min_size=1, max_size=8).filter(
    lambda k: not any(c in k for c in "=; \n")
    and k not in wire.BOOLEAN_ATTRIBUTES and k not in wire.INTEGER_ATTRIBUTES
    and k != "options")
_plain_value = st.one_of(st.text(max_size=12), st.integers()).filter(
    lambda v: not any(c in str(v) for c in ";\n"))
_option_part = st.text(max_size=6).filter(lambda v: not any(c in v for c in ",;\n"))
_sendable = [t for t in CATALOG.types if not t.operational]


class PropertyTests(SynchronousTestCase):
    """No input makes ``wire.parse`` raise; emit and parse agree."""

    @hypothesis.settings(max_examples=400, deadline=None)
    @hypothesis.given(st.binary(max_size=300))
    def test_any_bytes(self, data):
        """Any byte string parses to a Parsed or a Rejection with a known reason."""
        check_result(self, parse(data))

    @hypothesis.settings(max_examples=150, deadline=None)
    @hypothesis.given(st.binary(max_size=40), st.sampled_from(
        [b"1468303352 2 name=", b"1468303352 6 options=", b"{", b'{"event": "VOLUME_CREATE"',
         b"1468303352 11 ", b"0 "]))
    def test_prefixed_bytes(self, data, prefix):
        """Random bytes behind a near-valid prefix never make the parser raise."""
        check_result(self, parse(prefix + data))

    @hypothesis.settings(max_examples=400, deadline=None)
    @hypothesis.given(near_gluster)
    def test_near_gluster_text(self, text):
        """Near-valid GlusterFS datagrams parse or are rejected, never raise."""
        check_result(self, parse(text.encode("utf-8")))

    @hypothesis.settings(max_examples=300, deadline=None)
    @hypothesis.given(json_docs)
    def test_json_documents(self, doc):
        """Arbitrary JSON documents parse or are rejected, never raise."""
        data = json.dumps(doc).encode("utf-8")
        result = parse(data)
        check_result(self, result)
        if isinstance(result, Parsed):
            self.assertIsInstance(doc, dict)
            self.assertEqual(result.message, doc.get("message", {}))

    @hypothesis.settings(max_examples=300, deadline=None)
    @hypothesis.given(
        etype=st.sampled_from(_sendable),
        plain=st.dictionaries(_plain_key, _plain_value, max_size=5),
        flags=st.dictionaries(st.sampled_from(sorted(wire.BOOLEAN_ATTRIBUTES)), st.booleans()),
        ports=st.dictionaries(st.sampled_from(sorted(wire.INTEGER_ATTRIBUTES)),
                              st.integers(0, 10**12)),
        options=st.none() | st.lists(st.tuples(_option_part, _option_part), max_size=4),
        ts=st.integers(0, 2**63 - 1),
        by_id=st.booleans())
    def test_format_event_round_trip(self, etype, plain, flags, ports, options, ts, by_id):
        """format_event output parses back to the same type, ts and attributes."""
        attrs = dict(plain)
        attrs.update(flags)
        attrs.update(ports)
        expected = {k: str(v) for k, v in plain.items()}
        expected.update(flags)
        expected.update(ports)
        if options is not None:
            attrs["options"] = options
            flat = ",".join(p for pair in options for p in pair)
            if etype.name == "VOLUME_SET":
                expected["options"] = wire.option_pairs(flat)
                self.assertEqual(expected["options"], [list(p) for p in options])
            else:
                expected["options"] = flat
        data = format_event(etype.id if by_id else etype.name, attrs, ts=ts)
        result = parse(data)
        self.assertIsInstance(result, Parsed, repr(data))
        self.assertIs(result.type, etype)
        self.assertEqual(result.ts, ts)
        self.assertEqual(result.message, expected)
