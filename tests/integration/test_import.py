"""`confsched import frab-xml`: a refused file changes nothing and says why
in one line; the real 31C3 schedule (shared test data, skipped when absent)
is imported and reaches delegates' /schedule, escaped."""

import os
import re
import unittest
import xml.etree.ElementTree as ET

import stack as stackmod
from support import (FRAB_XML_31C3, StackTestCase, escaped, poll_until,
                     start_module_stack, stop_module_stack)

S = None

DATA_FILE = FRAB_XML_31C3


def setUpModule():
    global S
    S, _ = start_module_stack("import", https=False)


def tearDownModule():
    stop_module_stack(S)


def scalar(sql):
    return S.sql(sql, database="confsched").stdout.strip()


SMALL = """<?xml version='1.0' encoding='utf-8'?>
<schedule><version>1</version>
<conference><title>Small &amp; Test</title><start>2026-06-12</start><end>2026-06-12</end></conference>
<day date='2026-06-12' start='2026-06-12T09:00:00+02:00' end='2026-06-13T02:00:00+02:00' index='1'>
<room name='Hall'>
<event id='501' guid='a'><start>10:00</start><duration>00:30</duration><room>Hall</room>
<title>First</title><type>lecture</type></event>
%s
</room></day></schedule>
"""


class Refusals(StackTestCase):
    def write(self, name, text):
        path = S.path(name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def snapshot(self):
        return (scalar("SELECT version FROM data_version"), scalar("SELECT COUNT(*) FROM sessions"),
                scalar("SELECT name FROM event"), scalar("SELECT COUNT(*) FROM audit_log"))

    def assertRefused(self, args, mention):
        before = self.snapshot()
        r = S.cli("import", *args, check=False)
        self.assertEqual(r.returncode, 1, "import %s: %s %s" % (args, r.stdout, r.stderr))
        lines = r.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, "one line on stderr: %r" % r.stderr)
        self.assertRegex(lines[0], mention)
        self.assertEqual(self.snapshot(), before, "a refused import changed the database")
        return lines[0]

    def test_bad_time_is_refused_with_its_line_and_nothing_changes(self):
        bad = SMALL % ("<event id='502' guid='b'><start>25:00</start><duration>00:30</duration>"
                       "<room>Hall</room><title>Second</title></event>")
        path = self.write("bad.xml", bad)
        self.assertRefused(["frab-xml", path, "--time-zone", "Europe/Berlin"], r"line 8: event 502.*25:00")

    def test_doctype_is_refused(self):
        path = self.write("xxe.xml", "<?xml version='1.0'?>\n<!DOCTYPE schedule [<!ENTITY x SYSTEM "
                                     "'file:///etc/passwd'>]>\n<schedule>&x;</schedule>\n")
        self.assertRefused(["frab-xml", path, "--time-zone", "UTC"], r"DOCTYPE")

    def test_failure_in_the_database_rolls_back(self):
        # Two rooms the schema's case-insensitive UNIQUE key sees as one:
        # the parser accepts them, the INSERT fails halfway through the
        # transaction, and the old programme must still be there.
        clash = SMALL.replace("</room></day>", "</room><room name='HALL'>"
                              "<event id='503' guid='c'><start>11:00</start><duration>00:30</duration>"
                              "<room>HALL</room><title>Third</title></event></room></day>")
        path = self.write("clash.xml", clash % "")
        self.assertRefused(["frab-xml", path, "--time-zone", "UTC", "--replace"], r"(?i)duplicate")

    def test_bidi_controls_are_refused_with_their_line_in_every_format(self):
        xml = SMALL % ("<event id='502' guid='b'><start>11:00</start><duration>00:30</duration>"
                       "<room>Hall</room><title>Evil&#x202E;eman</title></event>")
        self.assertRefused(["frab-xml", self.write("bidi.xml", xml), "--time-zone", "UTC"],
                           r"^confsched import: .*: line 8: event 502: the title contains U\+202E "
                           r"RIGHT-TO-LEFT OVERRIDE, which can make text display in a misleading order$")
        csv = ("title,day,start,end,room,speakers\n"
               "Fine,2026-06-12,09:00,09:30,Hall,Ada\n"
               "Also fine,2026-06-12,10:00,10:30,Hall,Ada; Grace\u2066 Hopper\n")
        self.assertRefused(["csv", self.write("bidi.csv", csv), "--time-zone", "UTC"],
                           r": line 3: a speaker name contains U\+2066 LEFT-TO-RIGHT ISOLATE")
        json_text = ('{"schedule": {"conference": {"title": "T", "time_zone_name": "UTC", "days": [{"rooms": '
                     '{"Hall": [{"id": 9, "date": "2026-06-12T09:00:00", "duration": "00:30", "title": "T",'
                     ' "abstract": "Fine.\\n\\n\\u202dNot fine."}]}}]}}}')
        self.assertRefused(["schedule-json", self.write("bidi.json", json_text)],
                           r': day 1, room "Hall", event 9 \("T"\): the abstract contains U\+202D')

    def test_links_with_a_user_name_or_password_are_refused_unquoted(self):
        xml = SMALL % ("<event id='502' guid='b'><start>11:00</start><duration>00:30</duration>"
                       "<room>Hall</room><title>Second</title><links>"
                       "<link href='https://alice:s3cret@example.org/slides'>Slides</link></links></event>")
        line = self.assertRefused(["frab-xml", self.write("userinfo.xml", xml), "--time-zone", "UTC"],
                                  r': line 8: event 502 \("Second"\): links must not carry a user name or '
                                  r'password$')
        self.assertNotIn("s3cret", line)

    def test_missing_file_and_usage(self):
        self.assertRefused(["frab-xml", S.path("no-such.xml"), "--time-zone", "UTC"], r"cannot open")
        r = S.cli("import", "frab-xml", check=False)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--time-zone", r.stderr)

    def test_dry_run_writes_nothing(self):
        path = self.write("small.xml", SMALL % "")
        before = self.snapshot()
        r = S.cli("import", "frab-xml", path, "--time-zone", "Europe/Berlin", "--dry-run")
        self.assertIn("1 sessions", r.stdout)
        self.assertEqual(self.snapshot(), before)


@unittest.skipUnless(os.path.exists(DATA_FILE), "shared test data absent: %s" % DATA_FILE)
class RealSchedule(StackTestCase):
    @classmethod
    def setUpClass(cls):
        root = ET.parse(DATA_FILE).getroot()
        cls.events = root.findall("./day/room/event")
        cls.result = S.cli("import", "frab-xml", DATA_FILE, "--time-zone", "Europe/Berlin",
                           "--replace")

    def test_counts_and_audit_row(self):
        self.assertIn("%d sessions" % len(self.events), self.result.stdout)
        self.assertEqual(int(scalar("SELECT COUNT(*) FROM sessions")), len(self.events))
        self.assertEqual(scalar("SELECT time_zone FROM event"), "Europe/Berlin")
        row = scalar("SELECT CONCAT(action, ' ', JSON_VALUE(after_values, '$.sessions')) FROM audit_log"
                     " WHERE entity = 'programme' ORDER BY id DESC LIMIT 1")
        self.assertEqual(row, "update %d" % len(self.events))
        # frab ids are unique in this file, so they became the session ids.
        some = self.events[0].get("id")
        self.assertEqual(scalar("SELECT COUNT(*) FROM sessions WHERE id = %d" % int(some)), "1")

    def test_schedule_shows_titles_escaped(self):
        cookie = self.session_cookie()
        titles = [e.findtext("title") for e in self.events]
        # Workers notice the new data version within version_check_ms.
        first = escaped(titles[0])
        r, _ = poll_until(lambda: (lambda page: page if first in page.text else None)(
            S.fcgi("GET", "/schedule", headers={"Cookie": cookie})),
            "import.imported_programme_on_schedule_direct", "the imported programme on /schedule")
        self.assertEqual(r.status, 200, r)
        text = r.text
        tricky = [t for t in titles if re.search(r"[&<>\"']", t)]
        self.assertTrue(tricky, "the file should hold titles that need escaping")
        for t in tricky[:5] + titles[:3]:
            self.assertIn(escaped(t), text, "title %r not on /schedule (escaped)" % t)
        for t in tricky:
            if '"' in t:
                self.assertNotIn(t, text, "title %r appears unescaped" % t)
        self.assertEqual(len(stackmod.session_ids(text)), len(self.events))


if __name__ == "__main__":
    unittest.main()
