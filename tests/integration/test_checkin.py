"""Speaker check-in at the info desk (issue 17, README "Speaker check-in").

/admin/checkin lists today's speakers by their next session, marks those on
stage within the hour who have not arrived, and toggles "arrived" with one
button per row: audited under the staff member's name, and without moving
the data version, so that no delegate page or cache is thrown away for it.
Bad input is refused and changes nothing; delegates and visitors never get
in."""

import datetime
import html
import re
import secrets
import time
import unittest
import zoneinfo

import stack as stackmod

from support import (StackTestCase, parse_page, poll, start_module_stack, stop_module_stack,
                     wait_for_feed_version)
from test_staff_people import csrf_of

S = None

# Zones to pick the event's from: one where it is daytime now, so that
# sessions from three hours before now to three hours after stay on today
# whenever the test runs.
ZONES = ["Europe/Berlin", "America/New_York", "America/Los_Angeles", "Pacific/Auckland",
         "Asia/Tokyo", "Asia/Kolkata", "UTC"]
CSV_HEADER = "guid,title,day,start,end,room,track,kind,status,speakers,abstract\n"
DESK = "Dee Desk"


def setUpModule():
    global S
    S, _ = start_module_stack("checkin")


def tearDownModule():
    stop_module_stack(S)


def db(query):
    return S.sql(query, database="confsched").stdout.strip()


def daytime_zone():
    now = datetime.datetime.now(datetime.timezone.utc)
    for name in ZONES:
        local = now.astimezone(zoneinfo.ZoneInfo(name))
        if 7 <= local.hour <= 16:
            return name, local.replace(tzinfo=None, second=0, microsecond=0)
    raise unittest.SkipTest("no zone of the list has daytime now")


def slot(now, guid, title, begin, end, speakers):
    """A CSV line: begin and end in minutes from now."""
    a, b = now + datetime.timedelta(minutes=begin), now + datetime.timedelta(minutes=end)
    return "%s,%s,%s,%s,%s,Hall,,talk,,%s,\n" % (guid, title, a.strftime("%Y-%m-%d"), a.strftime("%H:%M"),
                                                b.strftime("%H:%M"), speakers)


def rows(text):
    """The desk's list as shown: [(speaker id, name, due)] in page order."""
    found = []
    for m in re.finditer(r'<li id="speaker-(\d+)" class="checkin-row( due)?">\s*<h2>(.*?)</h2>', text):
        found.append((int(m.group(1)), m.group(3), bool(m.group(2))))
    return found


class Checkin(StackTestCase):
    @classmethod
    def setUpClass(cls):
        zone, now = daytime_zone()
        cls.now = now
        lines = [
            slot(now, "c-1", "Earlier", -150, -120, "Ada Early"),
            slot(now, "c-2", "Later", 150, 180, "Ada Early"),
            slot(now, "c-3", "Soon", 30, 60, "Bob Soon"),
            slot(now, "c-4", "In ninety", 90, 120, "Cy Later"),
            slot(now, "c-5", "On now", -30, 15, "Dora Onstage"),
            slot(now, "c-6", "Over", -180, -150, "Eve Done"),
        ]
        S.cli("import", cls.write("checkin.csv", CSV_HEADER + "".join(lines)), "--replace", "--time-zone", zone)
        wait_for_feed_version(S)
        cls.password = "pw-" + secrets.token_hex(8)
        S.cli("staff", "add", DESK, "--role", "editor", input=cls.password + "\n")
        # Workers take the new roster within version_check_ms.
        for _ in range(50):
            try:
                cls.staff = S.login(role=DESK, password=cls.password)
                break
            except stackmod.StackError:
                time.sleep(0.2)
        else:
            raise AssertionError("could not log in as " + DESK)

    @staticmethod
    def write(name, text):
        path = S.path(name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def setUp(self):
        db("DELETE FROM speaker_checkins")

    def speaker_id(self, name):
        return int(db("SELECT id FROM speakers WHERE name = '%s'" % name))

    def page(self):
        r = S.get("/admin/checkin", headers={"Cookie": self.staff})
        self.assertEqual(r.status, 200, r.text[:500])
        self.assertNoStore(r)
        return r

    def toggle(self, speaker_id, arrived, csrf="page", extra=None):
        body = {}
        if csrf == "page":
            body["csrf"] = csrf_of(self.page().text)
        elif csrf is not None:
            body["csrf"] = csrf
        body.update({"speaker_id": str(speaker_id), "arrived": arrived})
        body.update(extra or {})
        return S.post_form("/admin/checkin", body, headers={"Cookie": self.staff})

    def state(self):
        return (db("SELECT * FROM speaker_checkins ORDER BY speaker_id"), db("SELECT COUNT(*) FROM audit_log"),
                db("SELECT version FROM data_version"))

    def test_speakers_come_by_next_session_and_those_due_within_the_hour_are_marked(self):
        shown = rows(self.page().text)
        self.assertEqual([name for _, name, _ in shown],
                         ["Dora Onstage", "Bob Soon", "Cy Later", "Ada Early", "Eve Done"])
        due = {name: is_due for _, name, is_due in shown}
        self.assertEqual(due, {"Dora Onstage": True, "Bob Soon": True, "Cy Later": False, "Ada Early": False,
                               "Eve Done": False})

    def test_the_toggle_marks_and_unmarks_audited_without_moving_the_data_version(self):
        bob = self.speaker_id("Bob Soon")
        cookie = S.login()
        etag_before = S.fcgi("GET", "/schedule", headers={"Cookie": cookie}).headers["ETag"]
        version = db("SELECT version FROM data_version")
        newest = int(db("SELECT COALESCE(MAX(id), 0) FROM audit_log"))

        r = self.toggle(bob, "1")
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(stackmod.location_path(S, r), "/admin/checkin?done=arrived&speaker=%d" % bob)
        # Back to the row itself (location_path leaves the fragment out).
        self.assertTrue(r.headers["Location"].endswith("#speaker-%d" % bob), r.headers["Location"])
        self.assertEqual(db("SELECT arrived_by, day = DATE(arrived_at) FROM speaker_checkins WHERE speaker_id = %d" % bob),
                         DESK + "\t1")
        self.assertEqual(db("SELECT staff_name, entity, entity_id, action FROM audit_log WHERE id > %d" % newest),
                         "%s\tspeaker_checkin\t%d\tcreate" % (DESK, bob))
        page = self.page().text
        self.assertIn("Bob Soon has arrived.", S.get("/admin/checkin?done=arrived&speaker=%d" % bob,
                                                      headers={"Cookie": self.staff}).text)
        self.assertIn("marked by " + DESK, page)
        self.assertFalse(dict((n, d) for _, n, d in rows(page))["Bob Soon"], "arrived, so no longer due")

        r = self.toggle(bob, "0")
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(db("SELECT COUNT(*) FROM speaker_checkins"), "0")
        self.assertEqual(db("SELECT staff_name, action FROM audit_log WHERE id > %d ORDER BY id DESC LIMIT 1" % newest),
                         DESK + "\tdelete")
        self.assertTrue(dict((n, d) for _, n, d in rows(self.page().text))["Bob Soon"])

        # Neither moved the data version, nor does a delegate page change.
        self.assertEqual(db("SELECT version FROM data_version"), version)
        time.sleep(0.6)  # past version_check_ms: a worker that looked again sees the same
        self.assertEqual(S.fcgi("GET", "/schedule", headers={"Cookie": cookie}).headers["ETag"], etag_before)
        # ... and an arrival is no change of the programme.
        changes = S.get("/changes", headers={"Cookie": cookie})
        self.assertEqual(changes.status, 200)
        self.assertNotIn("Bob Soon", changes.text)

    def test_without_the_csrf_token_it_is_403_and_nothing_changes(self):
        bob = self.speaker_id("Bob Soon")
        before = self.state()
        for token in (None, "", "forged"):
            r = self.toggle(bob, "1", csrf=token)
            self.assertEqual(r.status, 403, "csrf %r" % token)
        self.assertEqual(self.state(), before)

    def test_bad_input_is_4xx_and_changes_nothing(self):
        bob = self.speaker_id("Bob Soon")
        unknown = int(db("SELECT COALESCE(MAX(id), 0) + 1000 FROM speakers"))
        before = self.state()
        r = self.toggle(unknown, "1")
        self.assertEqual(r.status, 404, r.text[:300])
        for what, args in (("arrived=2", (bob, "2")), ("id not a number", ("bob", "1")),
                           ("a field no form has", (bob, "1", "page", {"note": "x"}))):
            r = self.toggle(*args)
            self.assertEqual(r.status, 400, what)
        self.assertEqual(self.state(), before)

    def test_with_the_database_away_nothing_is_saved_and_the_form_comes_back_to_resend(self):
        cy = self.speaker_id("Cy Later")
        csrf = csrf_of(self.page().text)
        S.stop_db()
        try:
            r = S.post_form("/admin/checkin", {"csrf": csrf, "speaker_id": str(cy), "arrived": "1"},
                            headers={"Cookie": self.staff})
        finally:
            S.start_db()
        self.assertEqual(r.status, 503, r.text[:300])
        self.assertIn("no-store", r.headers.get("Cache-Control", ""))
        self.assertIn("nothing was saved", r.text)
        fields = {name: html.unescape(v) for name, v in re.findall(
            r'<textarea name="([a-z_]+)" rows="\d+">(.*?)</textarea>', r.text, re.S)}
        for f in parse_page(r.text).forms:
            if f["action"] == "/admin/checkin":
                fields.update({k: v for k, v in f["inputs"].items() if k})
        self.assertEqual(fields, {"csrf": csrf, "speaker_id": str(cy), "arrived": "1"})
        self.assertEqual(db("SELECT COUNT(*) FROM speaker_checkins"), "0")
        # Sent again once the database is back: saved.
        ok, _ = poll(lambda: S.post_form("/admin/checkin", fields, headers={"Cookie": self.staff}).status == 303,
                     20, 0.5)
        self.assertTrue(ok, "the resent form was never saved")
        self.assertEqual(db("SELECT arrived_by FROM speaker_checkins WHERE speaker_id = %d" % cy), DESK)

    def test_delegates_and_visitors_are_refused(self):
        bob = self.speaker_id("Bob Soon")
        before = self.state()
        delegate = S.login()
        self.assertEqual(S.get("/admin/checkin", headers={"Cookie": delegate}).status, 403)
        r = S.post_form("/admin/checkin", {"csrf": "x", "speaker_id": str(bob), "arrived": "1"},
                        headers={"Cookie": delegate})
        self.assertEqual(r.status, 403)
        self.assertLoginRedirect(S.get("/admin/checkin"), "/admin/checkin")
        r = S.post_form("/admin/checkin", {"speaker_id": str(bob), "arrived": "1"})
        self.assertIn(r.status, (303, 403))
        self.assertEqual(self.state(), before)


if __name__ == "__main__":
    unittest.main()
