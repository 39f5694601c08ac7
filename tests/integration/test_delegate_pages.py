"""Issue 6, the delegate pages: /now (in the event's time zone), the room
displays (/display/<room-id>?token=...), /changes from the audit log with
"changed" badges on /schedule, and /schedule's filters (canonical queries,
303, 400, and nginx's cache for filtered views). Every new page escapes."""

import datetime
import html
import re
import unittest
import urllib.parse
import zoneinfo

import stack as stackmod
from support import StackTestCase, login_form, poll_until, start_module_stack, stop_module_stack
from test_admin import form_fields
from test_caching import x_cache

S = None
IDS = None
# Far from the machine's UTC, so that a page showing server time unconverted
# is caught.
ZONE = "Pacific/Auckland"
NASTY = "<script>alert(1)</script> \"quoted\" 'single' & more"


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("delegate")


def tearDownModule():
    stop_module_stack(S)


def scalar(sql):
    return S.sql(sql, database="confsched").stdout.strip()


def local(epoch, minutes=0):
    """The event's wall-clock time epoch + minutes, as the database stores it."""
    t = datetime.datetime.fromtimestamp(epoch + 60 * minutes, zoneinfo.ZoneInfo(ZONE))
    return t.strftime("%Y-%m-%d %H:%M:%S")


class DelegatePages(StackTestCase):
    room_id = None

    @classmethod
    def setUpClass(cls):
        # A room of its own with one session running now and one next,
        # times set from the database's clock in the event's zone.
        now = int(scalar("SELECT UNIX_TIMESTAMP()"))
        S.sql("UPDATE event SET time_zone = '%s' WHERE id = 1;\n"
              "INSERT INTO rooms (name, position) VALUES ('Screen room', 999);\n"
              "INSERT INTO sessions (title, abstract, starts_at, ends_at, room_id) VALUES"
              " ('Running now talk', '', '%s', '%s', (SELECT id FROM rooms WHERE name = 'Screen room')),"
              " ('%s', '', '%s', '%s', (SELECT id FROM rooms WHERE name = 'Screen room'));"
              % (ZONE, local(now, -10), local(now, 20), NASTY.replace("'", "''"), local(now, 30),
                 local(now, 60)), database="confsched")
        cls.room_id = int(scalar("SELECT id FROM rooms WHERE name = 'Screen room'"))
        cls.now_epoch = now

    def setUp(self):
        self.delegate = S.login()

    def get(self, path, cookie=None):
        return S.get(path, headers={"Cookie": cookie or self.delegate})

    def assertEscaped(self, text, what):
        self.assertNotIn("<script>alert", text, what)
        self.assertIn(html.escape(NASTY, quote=True).replace("&#x27;", "&#39;"), text, what)

    def room_block(self, page):
        m = re.search(r'<li class="room-now">\s*<h2>Screen room</h2>(.*?)</li>', page, re.S)
        self.assertIsNotNone(m, "no Screen room on /now")
        return m.group(1)

    # -- /now ----------------------------------------------------------------
    def test_now_shows_the_running_and_next_session_in_the_event_zone(self):
        def ready():
            r = self.get("/now")
            return r if r.status == 200 and "Screen room" in r.text else None
        r, _ = poll_until(ready, "delegate_pages.new_room_on_now", "/now showing the new room")
        self.assertHtmlPage(r, "/now")
        block = self.room_block(r.text)
        now_part, next_part = block.split("<dt>Next</dt>")
        self.assertIn("Running now talk", now_part)
        self.assertEscaped(next_part, "/now, next")
        # The zone and its offset now (issue 9), before the first time shown.
        # Read by Python's own zoneinfo: the abbreviation beside the offset.
        zone_now = datetime.datetime.now(zoneinfo.ZoneInfo(ZONE))
        offset = zone_now.strftime("%z")
        self.assertIn('All times <span class="time-zone" data-time-zone="%s">%s (%s, UTC%s:%s)</span>'
                      % (ZONE, ZONE, zone_now.tzname(), offset[:3], offset[3:]), r.text)
        shown = re.search(r"<time>(\d\d:\d\d)</time> by the server", r.text).group(1)
        expect = {local(self.now_epoch, m)[11:16] for m in range(0, 3)}
        self.assertIn(shown, expect, "server clock in %s" % ZONE)
        self.assertIn("no-cache", r.headers.get("Cache-Control", ""))

    def test_now_needs_a_login(self):
        self.assertLoginRedirect(S.get("/now"), "/now", "/now without cookie")

    def test_a_cancelled_session_is_marked_on_now(self):
        sid = int(scalar("SELECT id FROM sessions WHERE title = 'Running now talk'"))
        S.sql("UPDATE sessions SET status = 'cancelled' WHERE id = %d" % sid, database="confsched")
        try:
            poll_until(lambda: 'status-cancelled"><a href="/session/%d"' % sid in self.get("/now").text,
                       "delegate_pages.cancelled_on_now", "the cancelled session marked on /now")
        finally:
            S.sql("UPDATE sessions SET status = 'scheduled' WHERE id = %d" % sid, database="confsched")

    # -- /display ------------------------------------------------------------
    def display_path(self):
        out = S.cli("display-token", str(self.room_id)).stdout.strip()
        self.assertRegex(out, r"^/display/%d\?token=[A-Za-z0-9_-]{43}$" % self.room_id)
        return out

    def test_display_opens_with_its_token_and_no_cookie(self):
        path = self.display_path()
        r, _ = poll_until(lambda: (lambda r: r if "Running now talk" in r.text else None)(S.get(path)),
                          "delegate_pages.display_shows_running_session", "the display showing the running session")
        self.assertEqual(r.status, 200)
        self.assertHtmlPage(r, "display")
        self.assertNoCookie(r, "display")
        self.assertIn('<meta http-equiv="refresh" content="60">', r.text)
        self.assertEscaped(r.text, "display")
        self.assertIsNone(login_form(r.text))

    def test_a_bad_display_token_is_403_without_a_login_form(self):
        good = self.display_path()
        token = good.split("token=")[1]
        other_room = int(scalar("SELECT MIN(id) FROM rooms"))
        for path in ("/display/%d" % self.room_id, "/display/%d?token=" % self.room_id,
                     "/display/%d?token=%s" % (self.room_id, token[:-1] + ("A" if token[-1] != "A" else "B")),
                     "/display/%d?token=%s" % (other_room, token)):
            r = S.get(path)
            self.assertEqual(r.status, 403, "%s: %r" % (path, r))
            self.assertHtmlPage(r, path)
            self.assertIsNone(login_form(r.text), "%s offers a login form" % path)
            self.assertNotIn("Running now talk", r.text)

    # -- /changes and badges ---------------------------------------------------
    def test_an_edit_through_the_staff_form_is_listed_and_badged(self):
        staff = S.login(role=stackmod.STAFF_USER)
        sid = IDS.take()
        page = S.get("/admin/session/%d" % sid, headers={"Cookie": staff}).text
        fields = form_fields(page)
        rooms = re.findall(r'<option value="(\d+)"', re.search(
            r'<select id="room_id" name="room_id">(.*?)</select>', page, re.S).group(1))
        other_room = next(r for r in rooms if r != fields["room_id"] and r != str(self.room_id))
        r = S.post_form("/admin/session/%d" % sid, dict(fields, title=NASTY, room_id=other_room, start="22:10",
                                                        end="22:40"), headers={"Cookie": staff})
        self.assertEqual(r.status, 303, r.text[:300])

        def listed():
            r = self.get("/changes")
            return r if 'href="/session/%d"' % sid in r.text else None
        r, _ = poll_until(listed, "delegate_pages.edit_on_changes", "/changes listing the edit")
        self.assertHtmlPage(r, "/changes")
        first = re.search(r'<li class="change"[^>]*>(.*?)</li>', r.text, re.S).group(1)
        self.assertIn('href="/session/%d"' % sid, first, "the newest change comes first")
        self.assertIn('change-moved">moved', first)
        self.assertIn('change-retimed">retimed', first)
        self.assertIn('change-edited">edited', first)
        self.assertIn("22:10", first)
        self.assertEscaped(r.text, "/changes")

        badge = re.compile(r'changed</a></p>\s*<h4><a href="/session/%d">' % sid)
        poll_until(lambda: badge.search(self.get("/schedule").text), "delegate_pages.changed_badge_on_schedule",
                   "a changed badge on /schedule")
        self.assertEscaped(self.get("/schedule").text, "/schedule")

    # -- filters ------------------------------------------------------------
    def options(self, page, name):
        select = re.search(r'<select name="%s">(.*?)</select>' % name, page, re.S).group(1)
        return [v for v in re.findall(r'<option value="([^"]+)"', select)]

    def test_filters_narrow_the_schedule(self):
        full = self.get("/schedule").text
        all_ids = set(stackmod.session_ids(full))
        day = self.options(full, "day")[1]
        r = self.get("/schedule?day=" + day)
        self.assertEqual(r.status, 200, r)
        day_ids = set(stackmod.session_ids(r.text))
        self.assertTrue(day_ids and day_ids < all_ids)
        self.assertNotIn('id="day-%s"' % self.options(full, "day")[0], r.text)
        self.assertIn('<option value="%s" selected>' % day, r.text, "the form shows the filter")

        room = self.options(full, "room")[0]
        room_name = html.unescape(re.search(r'<option value="%s">([^<]*)</option>' % room, full).group(1))
        r = self.get("/schedule?day=%s&room=%s" % (day, room))
        ids = set(stackmod.session_ids(r.text))
        self.assertTrue(ids and ids < day_ids)
        rooms_shown = {html.unescape(x) for x in re.findall(r'<span class="room">([^<]*)</span>', r.text)}
        self.assertEqual(rooms_shown, {room_name})

        # Free text, case-insensitive: a word of some title, upper-cased.
        title = html.unescape(re.search(r'<h4><a href="/session/\d+">([^<]{8,})</a>', full).group(1))
        word = max(title.split(), key=len)
        r = self.get("/schedule?q=" + urllib.parse.quote(word.upper(), safe=""))
        self.assertEqual(r.status, 200, r)
        found = html.unescape(r.text)
        self.assertIn(title, found)
        self.assertLess(len(stackmod.session_ids(r.text)), len(all_ids))
        r = self.get("/schedule?q=" + urllib.parse.quote("zzqx-nothing-ünïcode", safe=""))
        self.assertIn("No sessions match", r.text)

    def test_non_canonical_queries_redirect_and_bad_values_are_400(self):
        full = self.get("/schedule").text
        day, room = self.options(full, "day")[0], self.options(full, "room")[0]
        for raw, canonical in (("room=%s&day=%s" % (room, day), "/schedule?day=%s&room=%s" % (day, room)),
                               ("x=1", "/schedule"), ("day=&room=&track=&q=", "/schedule"),
                               ("q=+two++words+", "/schedule?q=two%20words"),
                               ("day=%s&utm_source=x" % day, "/schedule?day=" + day)):
            r = self.get("/schedule?" + raw)
            self.assertRedirectTo(r, canonical, raw)
        for raw in ("day=1999-01-01", "room=999999", "track=abc", "day=%3Cscript%3E"):
            r = self.get("/schedule?" + raw)
            self.assertEqual(r.status, 400, "%s: %r" % (raw, r))
            self.assertHtmlPage(r, raw)
            self.assertNotIn("<script>", r.text)
        # Without a login, the login redirect comes first, whatever the query.
        # The query comes back after the login, where the page answers it.
        self.assertLoginRedirect(S.get("/schedule?x=1"), "/schedule?x=1", "no cookie, bad query")

    def test_each_day_has_a_grid_of_the_same_sessions(self):
        full = self.get("/schedule").text
        for day in self.options(full, "day"):
            listed = set(stackmod.session_ids(self.get("/schedule?day=" + day).text))
            self.assertIn('href="/schedule?day=%s&amp;view=grid"' % day, full, "the list links the grid")
            r = self.get("/schedule?day=%s&view=grid" % day)
            self.assertEqual(r.status, 200, r)
            self.assertHtmlPage(r, day)
            cells = [int(i) for i in re.findall(r'data-session-id="(\d+)"', r.text)]
            self.assertEqual(len(cells), len(set(cells)), "a session twice in the grid of %s" % day)
            self.assertEqual(set(cells), listed, "the grid of %s and its list" % day)
            self.assertIn('<a class="view-switch" href="/schedule?day=%s">' % day, r.text)
            self.assertIn('aria-current="page"', r.text)
            for room in re.findall(r'<h3 class="gh"><a href="/schedule\?room=(\d+)">', r.text):
                self.assertEqual(self.get("/schedule?room=" + room).status, 200, room)
            self.assertNotIn("<script>alert", r.text, "grid of " + day)
            self.assertNotIn(' style="', r.text, "the CSP allows no style attribute")

    def test_a_filtered_view_is_cached_for_everyone_logged_in_and_nobody_else(self):
        full = self.get("/schedule").text
        day, room = self.options(full, "day")[-1], self.options(full, "room")[-1]
        path = "/schedule?day=%s&room=%s" % (day, room)
        first = self.get(path)
        self.assertEqual(first.status, 200, first)
        second = self.get(path, cookie=S.login())  # another delegate
        self.assertEqual(second.status, 200)
        self.assertEqual(x_cache(second), "HIT", "a second delegate's filtered view: %r" % second)
        self.assertEqual(second.body, first.body)
        for headers in ({}, {"Cookie": "confsched=forged"}):
            r = S.get(path, headers=headers)
            self.assertEqual(r.status, 303, r)
            self.assertNotEqual(x_cache(r), "HIT")
            self.assertNotIn(b"Screen room", r.body)
        # Searches are never cached.
        q = "/schedule?q=keynote"
        self.get(q)
        self.assertNotEqual(x_cache(self.get(q)), "HIT")


if __name__ == "__main__":
    unittest.main()
