"""The landing view of /schedule (issue 16): the page a delegate lands on
after login opens with what is on now and next during the event (the
server's clock in the event's zone) and with the first sessions before and
after it; a small programme goes on with every session, a large one (900
sessions in 40 rooms, the demo's own export scaled by `confsched import
--scale`) links to each day as a list and as a grid and to the whole
programme, and stays within the budget: 60 KB gzipped and 3,000 elements,
for the landing view and for a day's grid alike.

The programme's times are moved with SQL (the triggers bump the data
version) so that the clock falls before, inside and after it."""

import datetime
import gzip
import os
import re
import sys
import tempfile
import unittest

import stack as stackmod
import support
from support import (ElementCounter, StackTestCase, poll_until, start_module_stack, stop_module_stack,
                     wait_for_feed_version)

S = None
IDS = None
BUDGET_GZIP_BYTES = 60_000
BUDGET_ELEMENTS = 3_000
GLANCE = re.compile(r'<section class="glance"[^>]*>(.*?)</section>', re.S)
DATA_ID = re.compile(r'data-session-id="(\d+)"')


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("landing")


def tearDownModule():
    stop_module_stack(S)


def scalar(sql):
    return S.sql(sql, database="confsched").stdout.strip()


def event_now():
    return support.event_now(S)


def move_programme(start, block=0):
    support.move_programme(S, start, block)


def days():
    return support.programme_days(S)


def rows(sql):
    return [line.split("\t") for line in S.sql(sql, database="confsched").stdout.splitlines() if line]


def expected_glance(now):
    """What the landing view should open with, worked out here from the
    database: (running ids, next ids), each by start then by room."""
    stamp = now.strftime("%Y-%m-%d %H:%M:%S")
    sessions = rows("SELECT s.id, s.starts_at, s.ends_at, r.position, r.id FROM sessions s "
                    "JOIN rooms r ON r.id = s.room_id ORDER BY s.starts_at, s.id")
    first = min(s[1] for s in sessions)
    last = max(s[2] for s in sessions)
    during = first <= stamp < last
    rooms = {}
    for sid, start, end, position, room in sessions:
        entry = rooms.setdefault(room, {"position": int(position), "now": None, "next": None})
        if during and start <= stamp < end:
            entry["now"] = (sid, start)
        elif (start > stamp or not during) and entry["next"] is None:
            entry["next"] = (sid, start)
    order = sorted(rooms.items(), key=lambda kv: (kv[1]["position"], int(kv[0])))
    running = [sid for sid, _ in sorted([e["now"] for _, e in order if e["now"]], key=lambda n: n[1])]  # stable
    upcoming = sorted([e["next"] for _, e in order if e["next"]], key=lambda n: n[1])  # stable
    return running, [sid for sid, _ in upcoming]


def weigh(cookie, path):
    """(plain bytes, gzipped bytes on the wire, elements) of a page through
    nginx, once nginx's microcache holds what the app renders now."""
    plain = support.nginx_current(S, cookie, path)
    packed = support.nginx_current(S, cookie, path, {"Accept-Encoding": "gzip"})
    assert packed.headers.get("Content-Encoding") == "gzip", path
    assert gzip.decompress(packed.body) == plain.body, path
    counter = ElementCounter()
    counter.feed(plain.text)
    return len(plain.body), len(packed.body), counter.elements


class DemoProgramme(StackTestCase):
    """The demo's 180 sessions: the glance, then every session."""

    def setUp(self):
        self.delegate = S.login()

    def landing(self):
        r = S.fcgi("GET", "/schedule", headers={"Cookie": self.delegate})
        self.assertHtmlPage(r, "/schedule")
        m = GLANCE.search(r.text)
        self.assertIsNotNone(m, "no glance on /schedule")
        return r, m.group(1)

    def assertGlance(self, now, glance_html):
        running, upcoming = expected_glance(now)
        parts = glance_html.split("<h2>Next in each room</h2>")
        if running or "On now" in glance_html:
            self.assertEqual(len(parts), 2, glance_html[:300])
            self.assertEqual(DATA_ID.findall(parts[0]), running, "On now")
            self.assertEqual(DATA_ID.findall(parts[1]), upcoming, "Next in each room")
        else:
            self.assertEqual(DATA_ID.findall(glance_html), upcoming, "First sessions")

    def test_during_the_event_now_and_next_come_first(self):
        # The second block, after the opening keynote, runs in every room.
        move_programme(event_now() - datetime.timedelta(minutes=5), block=1)
        r, glance = self.landing()
        self.assertIn('<h2 id="glance-first">On now</h2>', glance)
        running, upcoming = expected_glance(event_now())
        self.assertGreaterEqual(len(running), 2, "the demo's first block runs in several rooms")
        self.assertGlance(event_now(), glance)
        # Before any list: the glance is the first thing after the filters.
        self.assertLess(r.text.index('class="glance"'), r.text.index('<section class="day"'))
        self.assertLess(r.text.index('class="glance"'), r.text.index('class="feeds"'))
        # A small programme goes on with every session.
        listed = set(stackmod.session_ids(r.text))
        self.assertEqual(len(listed), int(scalar("SELECT COUNT(*) FROM sessions")))

    def test_during_the_last_block_nothing_more_to_come(self):
        move_programme(event_now() - datetime.timedelta(minutes=5), block=-1)
        _, glance = self.landing()
        self.assertIn('<h2 id="glance-first">On now</h2>', glance)
        self.assertIn("Nothing more to come in any room.", glance)
        self.assertGlance(event_now(), glance)

    def test_before_the_event_the_first_sessions(self):
        move_programme(event_now() + datetime.timedelta(days=3))
        _, glance = self.landing()
        self.assertIn('<h2 id="glance-first">First sessions</h2>', glance)
        self.assertNotIn("On now", glance)
        self.assertNotIn("has ended", glance)
        self.assertGlance(event_now(), glance)

    def test_after_the_event_the_first_sessions_and_that_it_ended(self):
        move_programme(event_now() - datetime.timedelta(days=30))
        _, glance = self.landing()
        self.assertIn('<h2 id="glance-first">First sessions</h2>', glance)
        self.assertIn("The conference has ended", glance)
        self.assertGlance(event_now(), glance)

    def test_the_page_changes_when_a_session_starts_and_not_before(self):
        # The first block starts 90 s from now: the landing view's ETag is
        # one thing before and another after, for everybody alike.
        start = event_now().replace(microsecond=0) + datetime.timedelta(seconds=90)
        move_programme(start)
        before = S.fcgi("GET", "/schedule", headers={"Cookie": self.delegate})
        other = S.fcgi("GET", "/schedule", headers={"Cookie": S.login()})
        self.assertEqual(before.headers["ETag"], other.headers["ETag"], "one page for every delegate")
        self.assertEqual(before.body, other.body)
        self.assertIn("First sessions", GLANCE.search(before.text).group(1))

        def started():
            r = S.fcgi("GET", "/schedule", headers={"Cookie": self.delegate})
            return r if "On now" in GLANCE.search(r.text).group(1) else None

        after, _ = poll_until(started, "landing.on_now_after_start", "the landing view saying what is on now",
                              limit=150)
        self.assertNotEqual(before.headers["ETag"], after.headers["ETag"])
        # A conditional request with the old ETag is not answered 304.
        r = S.fcgi("GET", "/schedule", headers={"Cookie": self.delegate, "If-None-Match": before.headers["ETag"]})
        self.assertEqual(r.status, 200)

    def test_the_whole_programme_has_its_own_page(self):
        r = S.fcgi("GET", "/schedule?view=all", headers={"Cookie": self.delegate})
        self.assertHtmlPage(r, "/schedule?view=all")
        self.assertNotIn('class="glance"', r.text)
        self.assertIn("<h1>The whole programme</h1>", r.text)
        self.assertEqual(len(stackmod.session_ids(r.text)), int(scalar("SELECT COUNT(*) FROM sessions")))
        # One spelling: the others are redirected, a filter drops the view.
        for raw, where in (("view=all&x=1", "/schedule?view=all"), ("day=%s&view=all" % days()[0], None)):
            r = S.fcgi("GET", "/schedule?" + raw, headers={"Cookie": self.delegate})
            self.assertEqual(r.status, 303, raw)
            if where:
                self.assertEqual(r.headers["Location"], where)
            else:
                self.assertNotIn("view=", r.headers["Location"])
        self.assertEqual(S.fcgi("GET", "/schedule?view=everything", headers={"Cookie": self.delegate}).status, 400)


# After DemoProgramme, which needs the demo's own programme: unittest runs
# a module's classes in the order of their names.
class LargeProgramme(unittest.TestCase):
    """900 sessions in 40 rooms: the landing view links to the days, and
    it and a day's grid stay within the budget of issue 16."""

    @classmethod
    def setUpClass(cls):
        cls.delegate = S.login()
        with tempfile.TemporaryDirectory() as tmp:
            export = os.path.join(tmp, "demo.json")
            S.cli("export", "schedule-json", export)
            S.cli("import", "schedule-json", export, "--scale", "900:40", timeout=300)
        wait_for_feed_version(S)
        assert int(scalar("SELECT COUNT(*) FROM sessions")) == 900
        assert int(scalar("SELECT COUNT(*) FROM rooms")) == 40

    def report(self, what, plain, packed, elements):
        sys.stderr.write("landing: %s at 900:40: %d bytes, %d gzipped, %d elements\n" % (what, plain, packed, elements))
        sys.stderr.flush()

    def assertWithinBudget(self, path, what):
        plain, packed, elements = weigh(self.delegate, path)
        self.report(what, plain, packed, elements)
        self.assertLessEqual(packed, BUDGET_GZIP_BYTES, "%s: %d bytes gzipped" % (what, packed))
        self.assertLessEqual(elements, BUDGET_ELEMENTS, "%s: %d elements" % (what, elements))
        return plain, packed, elements

    def test_the_landing_view_links_to_days_and_stays_light(self):
        for moment, heading in ((event_now() - datetime.timedelta(minutes=5), "On now"),
                                (event_now() + datetime.timedelta(days=2), "First sessions")):
            move_programme(moment)
            self.assertWithinBudget("/schedule", "/schedule (%s)" % heading)
            r = S.fcgi("GET", "/schedule", headers={"Cookie": self.delegate})
            self.assertEqual(r.status, 200)
            self.assertNotIn('<section class="day"', r.text, "a large programme's landing view lists no day")
            self.assertIn('<a href="/schedule?view=all">The whole programme</a>', r.text)
            self.assertIn("all 900 sessions", r.text)
            for day in days():
                self.assertIn('<a href="/schedule?day=%s">' % day, r.text)
                self.assertIn('<a href="/schedule?day=%s&amp;view=grid">' % day, r.text)
            glance = GLANCE.search(r.text).group(1)
            self.assertIn('<h2 id="glance-first">%s</h2>' % heading, glance)
            self.assertGreaterEqual(len(DATA_ID.findall(glance)), 40, "each room's next session")

    def test_each_days_grid_stays_light(self):
        for day in days():
            self.assertWithinBudget("/schedule?day=%s&view=grid" % day, "the grid of %s" % day)

    def test_the_whole_programme_is_one_tap_away(self):
        plain, packed, elements = weigh(self.delegate, "/schedule?view=all")
        self.report("/schedule?view=all (not budgeted)", plain, packed, elements)
        r = S.fcgi("GET", "/schedule?view=all", headers={"Cookie": self.delegate})
        self.assertEqual(len(stackmod.session_ids(r.text)), 900)


if __name__ == "__main__":
    unittest.main()
