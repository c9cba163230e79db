"""Data dir housekeeping: lock, node id, admin token, stale sockets."""

import os
import socket
import stat

from twisted.trial import unittest

from geventsd import datadir, paths

from tests.helpers import short_tmpdir


class LockTests(unittest.SynchronousTestCase):

    def test_second_lock_is_refused_with_owner_pid(self):
        """A second lock on the same data dir fails and names the holder's pid."""
        d = self.mktemp()
        os.makedirs(d)
        first = datadir.DataDirLock(d)
        first.acquire()
        self.addCleanup(first.release)
        e = self.assertRaises(datadir.StartupError, datadir.DataDirLock(d).acquire)
        self.assertIn("pid %d" % os.getpid(), str(e))
        self.assertIn(d, str(e))

    def test_lock_is_free_after_release(self):
        """Releasing the lock lets another take it."""
        d = self.mktemp()
        os.makedirs(d)
        first = datadir.DataDirLock(d)
        first.acquire()
        first.release()
        second = datadir.DataDirLock(d)
        second.acquire()
        second.release()


class NodeIdTests(unittest.SynchronousTestCase):

    def setUp(self):
        self.dir = self.mktemp()
        os.makedirs(self.dir)

    def test_configured_wins(self):
        """--node-id is used as given."""
        self.assertEqual(datadir.resolve_node_id(self.dir, "n-1", "/none"),
                         ("n-1", "configured"))

    def test_glusterd_info(self):
        """The UUID= line of glusterd.info is used when readable."""
        info = os.path.join(self.dir, "glusterd.info")
        with open(info, "w") as f:
            f.write("UUID=95cd599c-5d87-43c1-8fba-b12821fd41b6\noperating-version=100000\n")
        self.assertEqual(datadir.resolve_node_id(self.dir, None, info),
                         ("95cd599c-5d87-43c1-8fba-b12821fd41b6", info))

    def test_generated_once_and_kept(self):
        """Without either, a UUID is generated once and kept in the data dir."""
        first, source = datadir.resolve_node_id(self.dir, None, "/none")
        second, _ = datadir.resolve_node_id(self.dir, None, "/none")
        self.assertEqual(first, second)
        self.assertEqual(source, paths.node_id_path(self.dir))


class TokenTests(unittest.SynchronousTestCase):

    def test_token_created_private_and_stable(self):
        """The admin token file is mode 0600 and survives restarts."""
        d = self.mktemp()
        os.makedirs(d)
        token = datadir.admin_token(d)
        self.assertGreaterEqual(len(token), 32)
        mode = stat.S_IMODE(os.stat(paths.token_path(d)).st_mode)
        self.assertEqual(mode, 0o600)
        self.assertEqual(datadir.admin_token(d), token)


class StaleSocketTests(unittest.SynchronousTestCase):

    def setUp(self):
        self.path = os.path.join(short_tmpdir(self), "ev.sock")

    def test_missing_socket(self):
        """No file: nothing to do."""
        self.assertFalse(datadir.clear_stale_socket(self.path))

    def test_stale_socket_removed(self):
        """A socket file nobody listens on is removed."""
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        s.bind(self.path)
        s.close()
        self.assertTrue(datadir.clear_stale_socket(self.path))
        self.assertFalse(os.path.exists(self.path))

    def test_live_socket_refused(self):
        """A socket someone listens on is left alone and start-up refused."""
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        s.bind(self.path)
        self.addCleanup(s.close)
        self.assertRaises(datadir.StartupError, datadir.clear_stale_socket, self.path)
        self.assertTrue(os.path.exists(self.path))

    def test_regular_file_refused(self):
        """A regular file at the socket path is never deleted."""
        with open(self.path, "w") as f:
            f.write("precious")
        self.assertRaises(datadir.StartupError, datadir.clear_stale_socket, self.path)
        self.assertTrue(os.path.exists(self.path))
