"""The speaker pages (/speakers, /speaker/<id>) through nginx: behind the
delegate login and nginx's microcache exactly like a session page, linked
from the schedule, search results and session pages, 404 for every
spelling the route table does not answer and for a speaker on no session,
and the list's weight for the demo conference."""

import gzip
import os
import re
import sys
import unittest

import stack as stackmod
from support import ElementCounter, StackTestCase, escaped, poll_until, start_module_stack, stop_module_stack
from test_caching import x_cache

S = None
IDS = None
SPEAKER_LINK = re.compile(r'href="/speaker/([0-9]+)">([^<]*)</a>')


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("speakers")


def tearDownModule():
    stop_module_stack(S)


class SpeakerPages(StackTestCase):
    def setUp(self):
        self.delegate = S.login()

    def get(self, path, cookie=None, **kw):
        return S.get(path, headers={"Cookie": cookie or self.delegate}, **kw)

    def listed_ids(self):
        """The speakers /speakers lists, asked of the app directly (nginx's
        cache stays as the tests left it)."""
        r = S.fcgi("GET", "/speakers", headers={"Cookie": self.delegate})
        self.assertEqual(r.status, 200, r)
        ids = stackmod.speaker_ids(r.text)
        self.assertGreater(len(ids), 100, "the demo has ~180 speakers")
        return ids

    def test_anonymous_requests_get_the_login_redirect(self):
        for path in ("/speakers", "/speaker/1", "/speaker/%d" % self.listed_ids()[-1]):
            for https in (False, True):
                self.assertLoginRedirect(S.get(path, https=https), path, "%s without a cookie" % path)
            self.assertLoginRedirect(S.get(path, headers={"Cookie": "confsched=garbage"}), path,
                                     "%s with a bad cookie" % path)

    def test_signed_in_twice_is_one_render_from_the_microcache(self):
        # A speaker no other test asks for, and the list.
        ids = self.listed_ids()
        for path in ("/speakers", "/speaker/%d" % ids[len(ids) // 2]):
            first = self.get(path)
            self.assertEqual(first.status, 200, "%s: %r" % (path, first))
            self.assertHtmlPage(first, path)
            self.assertEqual(first.headers.get("Cache-Control"), "private, no-cache", path)
            self.assertTrue(first.headers.get("ETag"), path)
            second = self.get(path, cookie=S.login("staff"))
            self.assertEqual(x_cache(second), "HIT", "%s asked again at once: %r" % (path, second))
            self.assertEqual(second.body, first.body, path)
            # ...and the cached copy goes to nobody without a login.
            anonymous = S.get(path)
            self.assertLoginRedirect(anonymous, path, "%s without a cookie right after a cached render" % path)
            self.assertNotEqual(x_cache(anonymous), "HIT", path)

    def test_speaker_links_on_a_session_page_resolve(self):
        schedule = self.get("/schedule").text
        # A session with two or more speakers, as the schedule links them.
        m = re.search(r'<h4><a href="/session/([0-9]+)">[^<]*</a></h4>\s*<p class="speakers">'
                      r'(<a href="/speaker/[0-9]+">[^<]*</a>(?:, <a href="/speaker/[0-9]+">[^<]*</a>)+)</p>',
                      schedule)
        self.assertIsNotNone(m, "no session with several speakers linked on /schedule")
        sid = int(m.group(1))
        on_schedule = SPEAKER_LINK.findall(m.group(2))
        session = self.get("/session/%d" % sid)
        self.assertEqual(session.status, 200, session)
        on_session = SPEAKER_LINK.findall(session.text)
        self.assertEqual(on_session, on_schedule, "the session page links the speakers the schedule does")
        for speaker_id, name in on_session:
            page = self.get("/speaker/%s" % speaker_id)
            self.assertEqual(page.status, 200, "/speaker/%s from /session/%d: %r" % (speaker_id, sid, page))
            self.assertIn("<h1>%s</h1>" % name, page.text)
            self.assertIn('href="/session/%d"' % sid, page.text, "the speaker's page lists the session")
            self.assertIn('data-session-id="%d"' % sid, page.text, "a star for the session")

    def test_search_results_link_speakers(self):
        listed = self.get("/speakers").text
        speaker_id, name = re.search(r'<a class="speaker" href="/speaker/([0-9]+)">([^<]*)</a>', listed).groups()
        query = re.sub(r"&[a-z#0-9]+;", " ", name).split()[-1]
        r = self.get("/schedule?q=%s" % query)
        self.assertEqual(r.status, 200, r)
        self.assertIn('<a href="/speaker/%s">%s</a>' % (speaker_id, name), r.text)

    def test_every_listed_speaker_has_a_page(self):
        for speaker_id in self.listed_ids():
            r = S.fcgi("GET", "/speaker/%d" % speaker_id, headers={"Cookie": self.delegate})
            self.assertEqual(r.status, 200, "/speaker/%d: %r" % (speaker_id, r))

    def test_other_spellings_are_404_and_never_kept(self):
        staff = S.login("staff")
        for path in ("/speaker/1x", "/speaker/01", "/speakers/", "/speaker/", "/speaker/-1", "/speakers/1",
                     "/speaker/1/", "/speaker/999999999"):
            for cookie in (self.delegate, staff):
                r = self.get(path, cookie=cookie)
                self.assertEqual(r.status, 404, "%s: %r" % (path, r))
                self.assertNotEqual(x_cache(r), "HIT", path)
            # Without a login: the login redirect where the route table has
            # a row for the spelling (a number nobody has), else the 404.
            r = S.get(path)
            self.assertEqual(r.status, 303 if path == "/speaker/999999999" else 404, "%s anonymous: %r" % (path, r))

    def test_a_speaker_on_no_session_is_404_until_booked(self):
        name = "Speaker <in waiting> %s" % os.urandom(3).hex()
        S.sql("INSERT INTO speakers (name, affiliation, bio) VALUES ('%s', 'Example & Co', '**Bold** bio');" % name,
              database="confsched")
        speaker_id = int(S.sql("SELECT id FROM speakers WHERE name = '%s'" % name, database="confsched").stdout)
        path = "/speaker/%d" % speaker_id
        # Whether or not a worker has seen the insert yet, the answer is
        # the same: not on the programme.
        self.assertEqual(self.get(path).status, 404)
        self.assertNotIn(path + '"', self.get("/speakers").text)
        sid = IDS.take()
        S.sql("INSERT INTO session_speakers (session_id, speaker_id, position) VALUES (%d, %d, 9);"
              % (sid, speaker_id), database="confsched")

        def booked():
            r = self.get(path)
            return r if r.status == 200 else None
        r, _ = poll_until(booked, "speakers.booked_200", "%s once booked" % path)
        self.assertIn("<h1>%s</h1>" % escaped(name), r.text)
        self.assertNotIn("<in waiting>", r.text)
        self.assertIn("<strong>Bold</strong> bio", r.text, "the bio is Markdown")
        self.assertIn('href="/session/%d"' % sid, r.text)
        poll_until(lambda: path + '"' in self.get("/speakers").text, "speakers.booked_listed",
                   "%s on /speakers" % path)

    def test_the_list_weighs_little(self):
        plain = self.get("/speakers")
        packed = S.get("/speakers", headers={"Cookie": self.delegate, "Accept-Encoding": "gzip"})
        self.assertEqual(packed.headers.get("Content-Encoding"), "gzip", packed)
        self.assertEqual(gzip.decompress(packed.body), plain.body)
        counter = ElementCounter()
        counter.feed(plain.text)
        sys.stderr.write("speakers: /speakers for the demo (%d listed): %d bytes, %d gzipped, %d elements\n" % (
            len(stackmod.speaker_ids(plain.text)), len(plain.body), len(packed.body), counter.elements))
        self.assertLess(len(packed.body), 60_000)
        self.assertLess(counter.elements, 3_000)


if __name__ == "__main__":
    unittest.main()
