"""The day overview for staff (issue 17): /admin/day?day=YYYY-MM-DD.

Through nginx and MariaDB: one day as rooms × time, each session linking
to its form, room and speaker clashes marked on both sessions in the one
rule's words (src/model/clashes.h), a cancelled session holding nothing,
and each gap linking to the new-session form filled in with its day, time
and room: a save from there shows on the overview at once (the page is
never cached, by nginx or the browser). Delegates and strangers are
refused as on every /admin page, and a day outside the event is a 400."""

import html
import re
import unittest
import urllib.parse

import stack as stackmod

from support import StackTestCase, escaped, start_module_stack, stop_module_stack
from test_admin import form_fields

S = None


def setUpModule():
    global S
    S, _ = start_module_stack("day_overview")


def tearDownModule():
    stop_module_stack(S)


def scalar(sql):
    return S.sql(sql, database="confsched").stdout.strip()


DAY = "2026-06-12"
CSV = (
    "guid,title,day,start,end,room,track,kind,status,speakers,abstract\n"
    "d-1,Opening,2026-06-12,09:00,09:30,Hall,Core,keynote,,Ada,\n"
    "d-2,Parsing <safely>,2026-06-12,10:00,10:45,Hall,Core,talk,,Ada;Bob,\n"
    # The Hall twice at 10:30: a room clash.
    "d-3,Overbooked,2026-06-12,10:30,11:00,Hall,,talk,,Cy,\n"
    # Bob in the Club while he speaks in the Hall: a speaker clash.
    "d-4,Bob again,2026-06-12,10:15,10:30,Club,,talk,,Bob,\n"
    # Cancelled: the Club is free from 09:00, and Ada in two places is no clash.
    "d-5,Called off,2026-06-12,09:00,10:00,Club,,talk,cancelled,Ada,\n"
    "d-6,Next day,2026-06-13,09:00,10:00,Club,,talk,,Dee,\n"
)


class DayOverview(StackTestCase):
    def setUp(self):
        path = S.path("day.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(CSV)
        S.cli("import", path, "--replace", "--time-zone", "Europe/Berlin")
        self.staff = S.login(role=stackmod.STAFF_USER)

    def sid(self, guid):
        return int(scalar("SELECT id FROM sessions WHERE external_id = '%s'" % guid))

    def overview(self, query="?day=" + DAY):
        r = S.get("/admin/day" + query, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 200, r.text[:500])
        return r

    def test_staff_see_each_session_linked_and_each_clash_marked_on_both_sides(self):
        r = self.overview()
        self.assertHtmlPage(r, "/admin/day")
        # Never kept: not by nginx, not by the browser.
        self.assertNoStore(r, "/admin/day")
        for guid in ("d-1", "d-2", "d-3", "d-4", "d-5"):
            self.assertIn('href="/admin/session/%d"' % self.sid(guid), r.text, guid)
        self.assertNotIn('href="/admin/session/%d"' % self.sid("d-6"), r.text, "the next day's session")
        self.assertNotIn("<safely>", r.text)
        # The room clash, from each side.
        self.assertIn("<li>Room clash with “Overbooked” (Hall, 10:30–11:00)</li>", r.text)
        self.assertIn("<li>" + escaped("Room clash with “Parsing <safely>” (Hall, 10:00–10:45)") + "</li>",
                      r.text)
        self.assertIn('class="room-clash"', r.text)
        # The speaker clash, from each side.
        self.assertIn("<li>Bob is also in “Bob again” (Club, 10:15–10:30)</li>", r.text)
        self.assertIn("<li>" + escaped("Bob is also in “Parsing <safely>” (Hall, 10:00–10:45)") + "</li>",
                      r.text)
        self.assertIn("2 clashes of a room or a speaker this day", r.text)
        # The cancelled session is listed apart and clashes with nothing.
        self.assertNotIn("Ada is also in", r.text)
        self.assertIn("Cancelled this day", r.text)

    def test_a_gap_opens_the_new_session_form_filled_in_and_the_save_shows_at_once(self):
        club = int(scalar("SELECT id FROM rooms WHERE name = 'Club'"))
        r = self.overview()
        links = [html.unescape(m) for m in re.findall(r'<a class="add" href="([^"]+)"', r.text)]
        wanted = "/admin/session/new?day=%s&start=09:00&end=09:45&room_id=%d" % (DAY, club)
        self.assertIn(wanted, links)
        form = S.get(wanted, headers={"Cookie": self.staff})
        self.assertEqual(form.status, 200, form.text[:500])
        fields = form_fields(form.text)
        self.assertEqual((fields["day"], fields["start"], fields["end"], fields["room_id"]),
                         (DAY, "09:00", "09:45", str(club)))
        # Values a link should not carry are ignored: the form still opens.
        odd = S.get("/admin/session/new?day=2099-01-01&start=%3Cb%3E&room_id=99999",
                    headers={"Cookie": self.staff})
        self.assertEqual(odd.status, 200, odd.text[:500])
        self.assertNotIn("<b>", odd.text)
        fields["title"] = "Added from the overview"
        r = S.post_form("/admin/session/new", fields, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:500])
        new_id = int(urllib.parse.urlsplit(stackmod.location_path(S, r)).path.rsplit("/", 1)[1])
        # At once: the page is rendered per request from the primary.
        r = self.overview()
        self.assertIn('<a href="/admin/session/%d">Added from the overview</a>' % new_id, r.text)
        self.assertNotIn(wanted, [html.unescape(m) for m in re.findall(r'<a class="add" href="([^"]+)"', r.text)])

    def test_the_first_day_by_default_the_others_linked_and_an_unknown_day_refused(self):
        # The event (12-13 June 2026) is not on now: its first day.
        r = self.overview("")
        self.assertIn("<h2>Friday 12 June 2026</h2>", r.text)
        self.assertIn('<a href="/admin/day?day=2026-06-13">', r.text)
        self.assertIn('href="/admin/day?day=2026-06-12" aria-current="page"', r.text)
        # /admin links here, per day.
        home = S.get("/admin", headers={"Cookie": self.staff})
        self.assertIn('href="/admin/day?day=2026-06-13"', home.text)
        for bad in ("2026-06-14", "2026-02-30", "tomorrow", "", "%3Cb%3E"):
            r = S.get("/admin/day?day=" + bad, headers={"Cookie": self.staff})
            self.assertEqual(r.status, 400, "%s: %r" % (bad, r))
            self.assertNotIn("<b>", r.text)

    def test_delegates_and_strangers_are_refused(self):
        path = "/admin/day?day=" + DAY
        r = S.get(path, headers={"Cookie": S.login()})
        self.assertEqual(r.status, 403, r.text[:300])
        self.assertNotIn("Overbooked", r.text)
        self.assertLoginRedirect(S.get(path), path, "anonymous /admin/day")


if __name__ == "__main__":
    unittest.main()
