"""Room and speaker clashes (issue 17): one rule (src/model/clashes.h), and
every path that moves a session or changes its speakers warns with it, as
room clashes always did: the staff form (422 listing them, then "Save
anyway"), `confsched import --dry-run` and the upload preview on
/admin/import (listed; the import goes ahead when confirmed)."""

import re
import unittest

import stack as stackmod
from support import StackTestCase, escaped, parse_page, start_module_stack, stop_module_stack
from test_admin import form_fields

S = None


def setUpModule():
    global S
    S, _ = start_module_stack("clashes")


def tearDownModule():
    stop_module_stack(S)


def scalar(sql):
    return S.sql(sql, database="confsched").stdout.strip()


CSV_HEADER = "guid,title,day,start,end,room,track,kind,status,speakers,abstract\n"
BASE = [
    "g-1,Opening,2026-06-12,09:00,09:30,Hall,Core,keynote,,Ada,Welcome\n",
    "g-2,\"Parsing, safely\",2026-06-12,10:00,10:45,Hall,Core,talk,,Ada;Bob <b>,Two\n",
    "g-3,Night owls,2026-06-12,23:00,01:00,Club,,social,,,\n",
]
# Bob <b> speaks in g-2 (Hall, 10:00-10:45) as well.
CLASHING = "g-4,Clash <i>,2026-06-12,10:15,10:30,Club,,talk,,Bob <b>,\n"
BOB_LINE = "“Clash <i>” (2026-06-12 10:15, Club): Bob <b> is also in “Parsing, safely” (Hall, 10:00–10:45)"


def write(name, text):
    path = S.path(name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def snapshot():
    return (scalar("SELECT version FROM data_version"), scalar("SELECT COUNT(*) FROM sessions"),
            scalar("SELECT COUNT(*) FROM audit_log"))


class Clashes(StackTestCase):
    def setUp(self):
        S.cli("import", write("base.csv", CSV_HEADER + "".join(BASE)), "--replace", "--time-zone", "Europe/Berlin")
        self.staff = S.login(role=stackmod.STAFF_USER)

    def sid(self, guid):
        return int(scalar("SELECT id FROM sessions WHERE external_id = '%s'" % guid))

    # -- the staff form ----------------------------------------------------
    def test_the_form_lists_a_speaker_in_two_places_and_saves_only_when_accepted(self):
        sid = self.sid("g-1")
        page = S.get("/admin/session/%d" % sid, headers={"Cookie": self.staff})
        self.assertEqual(page.status, 200)
        club = re.search(r'<option value="(\d+)"[^>]*>Club</option>', page.text).group(1)
        # Ada, typed in another case (the save would take her as the same
        # speaker: the speakers table compares names case-insensitively).
        moved = dict(form_fields(page.text), start="10:15", end="10:30", room_id=club, speakers="ada")
        before = snapshot()
        r = S.post_form("/admin/session/%d" % sid, moved, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 422, r.text[:500])
        self.assertIn("<li>Ada is also in “Parsing, safely” (Hall, 10:00–10:45)</li>", r.text)
        self.assertNotIn("Room clash", r.text)
        self.assertIn('name="accept_clash"', r.text)
        # What was typed comes back as typed.
        self.assertRegex(r.text, r'name="start" type="time"[^>]* value="10:15"')
        self.assertEqual(snapshot(), before, "a warned save changed something")
        r = S.post_form("/admin/session/%d" % sid, dict(moved, accept_clash="1"), headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(scalar("SELECT DATE_FORMAT(starts_at, '%%H:%%i') FROM sessions WHERE id = %d" % sid),
                         "10:15")

    def test_a_room_clash_and_a_cancelled_session(self):
        sid = self.sid("g-3")
        page = S.get("/admin/session/%d" % sid, headers={"Cookie": self.staff})
        hall = re.search(r'<option value="(\d+)"[^>]*>Hall</option>', page.text).group(1)
        moved = dict(form_fields(page.text), start="10:30", end="11:00", room_id=hall)
        moved["day"] = "2026-06-12"
        r = S.post_form("/admin/session/%d" % sid, moved, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 422, r.text[:500])
        self.assertIn("<li>Room clash with “Parsing, safely” (Hall, 10:00–10:45)</li>", r.text)
        # Cancelled, it holds no room: saved without a word.
        r = S.post_form("/admin/session/%d" % sid, dict(moved, status="cancelled"), headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:500])

    # -- importing -----------------------------------------------------------
    def test_import_dry_run_lists_the_clashes_the_file_brings(self):
        before = snapshot()
        dry = S.cli("import", write("clash.csv", CSV_HEADER + "".join(BASE) + CLASHING), "--dry-run")
        self.assertIn("! clash: " + BOB_LINE + "\n", dry.stdout)
        self.assertIn("1 clash of a room or a speaker after the import", dry.stdout)
        self.assertEqual(snapshot(), before)
        # The same file without the new row: the programme's own clashes
        # (none here) are not the import's, so nothing is listed.
        same = S.cli("import", write("same.csv", CSV_HEADER + "".join(BASE)), "--dry-run")
        self.assertNotIn("clash", same.stdout)

    def test_the_upload_preview_lists_them_escaped_and_imports_when_confirmed(self):
        r = S.get("/admin/import", headers={"Cookie": self.staff})
        token = [f for f in parse_page(r.text).forms if f["action"] == "/admin/import"][0]["inputs"]["csrf"]
        data = CSV_HEADER + "".join(BASE) + CLASHING
        r = S.post_multipart("/admin/import", [("csrf", token), ("format", "auto"), ("action", "preview")],
                             [("schedule", "clash.csv", "text/csv", data)], headers={"Cookie": self.staff})
        self.assertEqual(r.status, 200, r.text[:800])
        self.assertIn(escaped("! clash: " + BOB_LINE), r.text)
        self.assertNotIn("Bob <b>", r.text)
        self.assertNotIn("<i>", r.text)
        hidden = None
        for form in parse_page(r.text).forms:
            if "content" in form["inputs"]:
                hidden = {k: v for k, v in form["inputs"].items() if k}
        self.assertIsNotNone(hidden)
        r = S.post_multipart("/admin/import", [(k, v) for k, v in hidden.items()] + [("action", "import")],
                             headers={"Cookie": self.staff})
        self.assertEqual(r.status, 200, r.text[:800])
        self.assertIn("Imported.", r.text)
        self.assertEqual(scalar("SELECT COUNT(*) FROM sessions WHERE external_id = 'g-4'"), "1")


if __name__ == "__main__":
    unittest.main()
