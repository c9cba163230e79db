"""Tests for :mod:`geventsd.table`: tables in the look of ``gluster-eventsapi``."""

from twisted.trial.unittest import SynchronousTestCase

from geventsd.table import render


class RenderTests(SynchronousTestCase):
    """``render`` draws prettytable-style tables."""

    def test_admin_guide_status_table(self):
        """The admin guide's status table renders byte for byte."""
        self.assertEqual(
            render(["NODE", "NODE STATUS", "GLUSTEREVENTSD STATUS"],
                   [["localhost", "UP", "UP"], ["node2", "UP", "UP"]], align="lrr"),
            "+-----------+-------------+-----------------------+\n"
            "|    NODE   | NODE STATUS | GLUSTEREVENTSD STATUS |\n"
            "+-----------+-------------+-----------------------+\n"
            "| localhost |          UP |                    UP |\n"
            "| node2     |          UP |                    UP |\n"
            "+-----------+-------------+-----------------------+")

    def test_webhook_test_table(self):
        """The webhook-test table of the admin guide renders byte for byte."""
        self.assertEqual(
            render(["NODE", "NODE STATUS", "WEBHOOK STATUS"],
                   [["localhost", "UP", "OK"], ["node2", "UP", "OK"]], align="lrr"),
            "+-----------+-------------+----------------+\n"
            "|    NODE   | NODE STATUS | WEBHOOK STATUS |\n"
            "+-----------+-------------+----------------+\n"
            "| localhost |          UP |             OK |\n"
            "| node2     |          UP |             OK |\n"
            "+-----------+-------------+----------------+")

    def test_default_left_alignment(self):
        """Without align every cell is left-aligned and headers are centred."""
        self.assertEqual(
            render(["A", "LONG HEADER"], [["xyz", "1"], ["", "22"]]),
            "+-----+-------------+\n"
            "|  A  | LONG HEADER |\n"
            "+-----+-------------+\n"
            "| xyz | 1           |\n"
            "|     | 22          |\n"
            "+-----+-------------+")

    def test_centre_alignment(self):
        """Column alignment "c" centres cells like the headers."""
        self.assertEqual(
            render(["ID", "X"], [["1", "abcde"]], align="cc"),
            "+----+-------+\n"
            "| ID |   X   |\n"
            "+----+-------+\n"
            "| 1  | abcde |\n"
            "+----+-------+")

    def test_cells_converted(self):
        """None becomes empty, numbers become text and newlines become spaces."""
        self.assertEqual(
            render(["K", "V"], [[None, 42], ["a\nb", True]], align="lr"),
            "+-----+------+\n"
            "|  K  |  V   |\n"
            "+-----+------+\n"
            "|     |   42 |\n"
            "| a b | True |\n"
            "+-----+------+")

    def test_no_rows(self):
        """A table without rows is just the header block."""
        self.assertEqual(
            render(["NAME", "VALUE"], []),
            "+------+-------+\n"
            "| NAME | VALUE |\n"
            "+------+-------+\n"
            "+------+-------+")
