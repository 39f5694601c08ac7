"""Issue 9 over HTTP: the service worker's file (/sw.js) as nginx serves it,
the script that registers it (on signed-in pages only, named by the
templates' digest), and the statement of the event's time zone before the
first time on every page that shows times. The worker itself runs in
tests/browser/offline.spec.mjs."""

import datetime
import os
import re
import time
import unittest
import zoneinfo

import stack as stackmod
from support import StackTestCase, poll_until, start_module_stack, stop_module_stack, version_check_s

S = None
IDS = None
ZONE = "Europe/London"  # the demo event's
# "BST, UTC+01:00", or "GMT, UTC+00:00, then BST, UTC+01:00" across a change.
OFFSETS = r"[A-Z]+, UTC[+-]\d\d:\d\d(?:, then [A-Z]+, UTC[+-]\d\d:\d\d)?"
STATEMENT = re.compile(r'<span class="time-zone" data-time-zone="%s">%s \((%s)\)</span>'
                       % (re.escape(ZONE), re.escape(ZONE), OFFSETS))


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("offline", https=False)


def tearDownModule():
    stop_module_stack(S)


def main_text(page):
    """The text of <main>, tags removed, with the zone statement marked."""
    m = re.search(r"<main[^>]*>(.*)</main>", page, re.S)
    body = STATEMENT.sub("[ZONE]", m.group(1) if m else page)
    return re.sub(r"<[^>]+>", " ", body)


def offset_now():
    """The statement for now, as Python's own zoneinfo reads the zone."""
    now = datetime.datetime.now(zoneinfo.ZoneInfo(ZONE))
    z = now.strftime("%z")
    return "%s, UTC%s:%s" % (now.tzname(), z[:3], z[3:])


class ServiceWorkerFile(StackTestCase):
    def setUp(self):
        self.delegate = S.login()

    def test_sw_js_is_javascript_from_the_root_revalidated_by_etag(self):
        r = S.get("/sw.js")
        self.assertEqual(r.status, 200, r)
        # A browser registers a worker only under a JavaScript type: nginx's
        # site says application/javascript, Debian's mime.types (Apache)
        # text/javascript (RFC 9239's choice); both are accepted.
        self.assertRegex(r.headers.get("Content-Type") or "", r"^(?:application|text)/javascript\b")
        self.assertEqual(r.headers.get("Cache-Control"), "no-cache")
        self.assertEqual(r.headers.get("X-Content-Type-Options"), "nosniff")
        # Served at the root, its default scope is the whole site: no
        # Service-Worker-Allowed is needed, and none widens it.
        self.assertIsNone(r.headers.get("Service-Worker-Allowed"))
        with open(os.path.join(stackmod.SOURCE_DIR, "templates", "static", "sw.js"), "rb") as f:
            self.assertEqual(r.body, f.read())
        etag = r.headers.get("ETag")
        self.assertTrue(etag, "no ETag on /sw.js")
        again = S.get("/sw.js?v=0123456789ab", headers={"If-None-Match": etag})
        self.assertEqual(again.status, 304, "a browser's update check of an unchanged worker")
        self.assertEqual(again.body, b"")

    def test_signed_in_pages_load_the_offline_script_named_by_the_digest(self):
        r = S.get("/schedule", headers={"Cookie": self.delegate})
        self.assertEqual(r.status, 200, r)
        m = re.search(r'<script src="(/static/offline\.[0-9a-f]{16}\.js)" data-sw="/sw\.js\?v=([0-9a-f]{12})" '
                      r'defer(?: data-text-[a-z-]+="[^"<>]*")*></script>', r.text)
        self.assertIsNotNone(m, "no offline script on /schedule")
        # The worker's version is the digest every page's ETag carries: a
        # deployment with other templates or scripts names a new worker.
        self.assertIn("-%s" % m.group(2), r.headers.get("ETag", ""))
        js = S.get(m.group(1))
        self.assertEqual(js.status, 200, js)
        self.assertIn("immutable", js.headers.get("Cache-Control", ""))
        self.assertIn(b"serviceWorker", js.body)
        for path in ("/", "/login"):
            page = S.get(path)
            self.assertEqual(page.status, 200, "%s %r" % (path, page))
            self.assertNotIn("sw.js", page.text, "%s must not register the worker" % path)


class TimeZoneStatement(StackTestCase):
    """Every page that shows times states the zone before the first one."""

    def setUp(self):
        self.delegate = S.login()

    def assertZoneFirst(self, path, cookie=True, offsets=None, beside=False):
        """beside: the zone may follow the first time in the same phrase
        (a room display's clock, "09:30 · Europe/London (UTC+01:00)")."""
        if cookie is True:
            cookie = self.delegate
        r = S.get(path, headers={"Cookie": cookie} if cookie else {})
        self.assertEqual(r.status, 200, "%s %r" % (path, r))
        statement = STATEMENT.search(r.text)
        self.assertIsNotNone(statement, "%s states no time zone" % path)
        if offsets:
            self.assertEqual(statement.group(1), offsets, path)
        text = main_text(r.text)
        first_time = re.search(r"\b\d\d:\d\d\b", text)
        if first_time and beside:
            self.assertRegex(text[first_time.start():], r"^\d\d:\d\d\s+·\s+\[ZONE\]", path)
        elif first_time:
            self.assertLess(text.index("[ZONE]"), first_time.start(),
                            "%s: the zone must come before the first time: %r" % (path, text[:400]))
        return text

    def test_schedule(self):
        text = self.assertZoneFirst("/schedule")
        self.assertIn("All times [ZONE]", text)

    def test_session_page(self):
        self.assertZoneFirst("/session/%d" % IDS.take())

    def test_speakers_and_a_speaker_page(self):
        # The list shows no time, but states the zone its speakers' pages
        # use (and offline.js reads it there).
        text = self.assertZoneFirst("/speakers")
        self.assertIn("in [ZONE].", text)
        r = S.get("/speakers", headers={"Cookie": self.delegate})
        self.assertZoneFirst("/speaker/%d" % stackmod.speaker_ids(r.text)[0])

    def test_now_uses_the_server_clock_in_the_event_zone(self):
        text = self.assertZoneFirst("/now", offsets=offset_now())
        shown = re.search(r"(\d\d:\d\d)\s+by the server", text).group(1)
        now = datetime.datetime.now(zoneinfo.ZoneInfo(ZONE))
        near = {(now + datetime.timedelta(minutes=m)).strftime("%H:%M") for m in (-1, 0, 1)}
        self.assertIn(shown, near)

    def test_changes(self):
        self.assertZoneFirst("/changes")

    def test_staff_programme_list(self):
        self.assertZoneFirst("/admin", cookie=S.login(stackmod.STAFF_USER))

    def test_room_display(self):
        room = S.sql("SELECT MIN(id) FROM rooms;", database="confsched").stdout.split()[-1]
        path = S.cli("display-token", room).stdout.strip()
        # The command may just have turned the screen on: a new data version
        # that each worker notices within version_check_ms, on its own, so
        # one 200 is not enough: several in a row must agree.
        poll_until(lambda: all(S.get(path).status == 200 for _ in range(6)),
                   "offline.display_link_open_on_every_worker", "%s open on every worker" % path)
        # Six answers can all come from one worker (whichever accepts
        # first); after two version-check intervals every worker has
        # looked (a CI run through Apache met a 403 from the other one).
        time.sleep(2 * version_check_s(S))
        self.assertZoneFirst(path, cookie=False, offsets=offset_now(), beside=True)


if __name__ == "__main__":
    unittest.main()
