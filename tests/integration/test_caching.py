"""Caching: Cache-Control, ETag/304, nginx's microcache (one render for
everybody, never served without a login, query strings and HEAD cannot
split or poison it), and the static asset headers."""

import gzip
import json
import os
import re
import time
import unittest

import stack as stackmod
from support import (POLL_LIMIT_S, StackTestCase, cache_directives, figure, parse_page, poll_until,
                     start_module_stack, stop_module_stack)

S = None
IDS = None
STYLESHEET = re.compile(r"^/static/style\.[0-9a-f]{8,64}\.css$")


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("caching")


def tearDownModule():
    stop_module_stack(S)


def x_cache(r):
    return (r.headers.get("X-Cache") or "").upper()


def speaker_id(index):
    """The speaker at index on the list (the app asked directly: nginx's
    cache is left alone). Each test takes its own."""
    r = S.fcgi("GET", "/speakers", headers={"Cookie": S.login()})
    return stackmod.speaker_ids(r.text)[index]


class PageHeaders(StackTestCase):
    def test_delegate_pages_are_private_no_cache_with_etag(self):
        cookie = S.login()
        for path in ("/schedule", "/session/%d" % IDS.take(), "/speakers", "/speaker/%d" % speaker_id(0)):
            r = S.get(path, headers={"Cookie": cookie})
            self.assertEqual(r.status, 200, "GET %s: %r" % (path, r))
            cc = cache_directives(r)
            self.assertIn("private", cc, "GET %s Cache-Control %r" % (path, cc))
            self.assertIn("no-cache", cc, "GET %s Cache-Control %r" % (path, cc))
            self.assertNotIn("public", cc)
            self.assertRegex(r.headers.get("ETag") or "", r'^(W/)?"[^"]+"$', "ETag on " + path)
            self.assertNoCookie(r, path)

    def test_etag_is_the_same_for_everybody_and_answers_304(self):
        d, st = S.login("delegate"), S.login("staff")
        path = "/session/%d" % IDS.take()
        a = S.get(path, headers={"Cookie": d})
        b = S.get(path, headers={"Cookie": st})
        c = S.fcgi("GET", path, headers={"Cookie": st})
        self.assertEqual(a.status, 200)
        etag = a.headers["ETag"]
        self.assertEqual(b.headers.get("ETag"), etag)
        self.assertEqual(c.headers.get("ETag"), etag, "the app's own ETag (direct) differs from nginx's")
        r = S.get(path, headers={"Cookie": d, "If-None-Match": etag})
        self.assertEqual(r.status, 304, "If-None-Match through nginx: %r" % r)
        self.assertEqual(r.body, b"")
        r = S.fcgi("GET", path, headers={"Cookie": d, "If-None-Match": etag})
        self.assertEqual(r.status, 304, "If-None-Match, app direct: %r" % r)
        self.assertEqual(r.headers.get("ETag"), etag)
        # (/schedule's landing view has a variant of its own: what is on now.)
        r = S.fcgi("GET", "/speakers", headers={"Cookie": d, "If-None-Match": etag})
        self.assertEqual(r.status, 304, "the ETag follows the data version, so /speakers shares it: %r" % r)
        r = S.get(path, headers={"Cookie": d, "If-None-Match": '"v0-nope"'})
        self.assertEqual(r.status, 200)

    def test_304_needs_a_login_too(self):
        cookie = S.login()
        path = "/session/%d" % IDS.take()
        etag = S.get(path, headers={"Cookie": cookie}).headers["ETag"]
        r = S.get(path, headers={"If-None-Match": etag})
        self.assertLoginRedirect(r, path, "If-None-Match without a cookie")
        r = S.fcgi("GET", path, headers={"If-None-Match": etag})
        self.assertLoginRedirect(r, path, "If-None-Match without a cookie (direct)")


class Microcache(StackTestCase):
    def test_one_render_serves_everybody(self):
        # Both kinds of page with an id that the route table lets the
        # front server keep.
        for path in ("/session/%d" % IDS.take(), "/speaker/%d" % speaker_id(-1)):
            first = S.get(path, headers={"Cookie": S.login("delegate")})
            self.assertEqual(first.status, 200)
            self.assertEqual(x_cache(first), "MISS", "first request for %s: %r" % (path, first))
            second = S.get(path, headers={"Cookie": S.login("staff")})
            self.assertEqual(second.status, 200)
            self.assertEqual(x_cache(second), "HIT", "another user right after: %r" % second)
            self.assertEqual(second.body, first.body)
            # The browser's policy on a miss and on a hit alike; the one meant
            # for nginx's own cache never leaves it.
            for r in (first, second):
                self.assertEqual(cache_directives(r), {"private": True, "no-cache": True}, r)
                self.assertIsNone(r.headers.get("X-Confsched-Cache-Control"), r)

    def test_no_cookie_right_after_a_cached_render_gets_the_redirect(self):
        path = "/session/%d" % IDS.take()
        cookie = S.login()
        filled = S.get(path, headers={"Cookie": cookie})
        self.assertEqual(filled.status, 200)
        again = S.get(path, headers={"Cookie": cookie})
        self.assertEqual(x_cache(again), "HIT", "the page should now be in the microcache: %r" % again)
        cases = {"no cookie": None, "garbage cookie": "confsched=garbage",
                 "other cookie": "theme=dark", "empty": "confsched="}
        for what, c in cases.items():
            r = S.get(path, headers={"Cookie": c} if c else None)
            self.assertLoginRedirect(r, path, "%s right after a cached render" % what)
            self.assertNotEqual(r.body, filled.body)
            self.assertNotEqual(x_cache(r), "HIT", "%s: served from the cache" % what)
        r = S.head(path)
        self.assertEqual(r.status, 303, "HEAD without cookie: %r" % r)
        r = S.get(path, https=True)
        self.assertLoginRedirect(r, path, "https without cookie")

    def test_query_string_cannot_bypass_the_cache(self):
        cookie = S.login()
        sid = IDS.take()
        path = "/session/%d" % sid
        a = S.get(path + "?x=%s" % os.urandom(6).hex(), headers={"Cookie": cookie})
        self.assertEqual(a.status, 200, a)
        self.assertEqual(x_cache(a), "MISS", a)
        b = S.get(path + "?x=%s" % os.urandom(6).hex(), headers={"Cookie": cookie})
        self.assertEqual(b.status, 200, b)
        self.assertEqual(x_cache(b), "HIT", "a different random query string made a new cache entry: %r" % b)
        c = S.get(path, headers={"Cookie": cookie})
        self.assertEqual(x_cache(c), "HIT", c)
        self.assertEqual(a.body, b.body)
        # one entry on disk for all three
        self.assertEqual(self.entries_for(path), 1)

    def entries_for(self, path):
        """Cache files whose key is the GET page key of path, for clients
        that take no gzip (as http.client's requests here)."""
        key = ("KEY: page:GET:%s:\n" % path).encode()
        n = 0
        root = S.path("nginx", "cache", "confsched-pages")
        for dirpath, _, files in os.walk(root):
            for name in files:
                with open(os.path.join(dirpath, name), "rb") as f:
                    if key in f.read(4096):
                        n += 1
        return n

    def test_a_days_grid_is_cached_and_other_spellings_are_not(self):
        # /schedule?day=…&view=grid is a canonical /schedule query like any
        # filter: the key and cache-args map in the nginx site take it as
        # they are; every other spelling is a 303 that is never stored.
        cookie = S.login()
        full = S.get("/schedule", headers={"Cookie": cookie}).text
        day = re.search(r'<select name="day">.*?<option value="(\d{4}-\d\d-\d\d)"', full, re.S).group(1)
        room = re.search(r'<select name="room">.*?<option value="(\d+)"', full, re.S).group(1)
        path = "/schedule?day=%s&view=grid" % day
        first = S.get(path, headers={"Cookie": cookie})
        self.assertEqual(first.status, 200, first)
        self.assertIn(b'class="grid ', first.body)
        second = S.get(path, headers={"Cookie": S.login("staff")})
        self.assertEqual(second.status, 200, second)
        self.assertEqual(x_cache(second), "HIT", "a second user's grid: %r" % second)
        self.assertEqual(second.body, first.body)
        self.assertEqual(self.entries_for(path), 1)
        for raw in ("view=grid&day=%s" % day, "day=%s&room=%s&view=grid" % (day, room), "view=grid",
                    "day=%s&view=grid&x=%s" % (day, os.urandom(4).hex())):
            for attempt in range(2):
                r = S.get("/schedule?" + raw, headers={"Cookie": cookie})
                self.assertRedirectTo(r, path, raw)
                self.assertNotEqual(x_cache(r), "HIT", "%s, request %d: %r" % (raw, attempt + 1, r))
            self.assertEqual(self.entries_for("/schedule?" + raw), 0, raw)
        r = S.get("/schedule?day=%s&view=table" % day, headers={"Cookie": cookie})
        self.assertEqual(r.status, 400, r)
        self.assertIn(b"no such view", r.body)

    def test_head_and_get_do_not_share_an_entry(self):
        cookie = S.login()
        path = "/session/%d" % IDS.take()
        h = S.head(path, headers={"Cookie": cookie})
        self.assertEqual(h.status, 200, "HEAD %s: %r" % (path, h))
        self.assertEqual(h.body, b"")
        g = S.get(path, headers={"Cookie": cookie})
        self.assertEqual(g.status, 200, g)
        self.assertIn(b"<html", g.body.lower(), "GET after HEAD has no body: %r" % g)
        self.assertNotEqual(x_cache(g), "HIT", "GET after HEAD was answered from the HEAD entry")
        g2 = S.get(path, headers={"Cookie": cookie})
        self.assertEqual(x_cache(g2), "HIT")
        self.assertEqual(g2.body, g.body)
        cl = g2.headers.get("Content-Length")
        if cl is not None:
            self.assertEqual(int(cl), len(g2.body))

    def test_cached_page_answers_if_none_match(self):
        cookie = S.login()
        path = "/session/%d" % IDS.take()
        etag = S.get(path, headers={"Cookie": cookie}).headers["ETag"]
        r = S.get(path, headers={"Cookie": cookie, "If-None-Match": etag})
        self.assertEqual(r.status, 304, r)
        self.assertEqual(x_cache(r), "HIT", "the 304 should come from the microcache: %r" % r)

    def test_microcache_is_micro(self):
        cookie = S.login()
        path = "/session/%d" % IDS.take()
        S.get(path, headers={"Cookie": cookie})
        self.assertEqual(x_cache(S.get(path, headers={"Cookie": cookie})), "HIT")
        time.sleep(2.6)
        r = S.get(path, headers={"Cookie": cookie})
        self.assertEqual(r.status, 200)
        self.assertNotEqual(x_cache(r), "HIT", "still a plain HIT 2.6 s later: the cache should last ~1 s")

    def test_wrong_methods_are_not_cached(self):
        cookie = S.login()
        path = "/session/%d" % IDS.take()
        S.get(path, headers={"Cookie": cookie})
        r = S.request("POST", path, body=b"a=b", headers={"Cookie": cookie,
                                                          "Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 405, "POST to a cached page: %r" % r)


GZIP = "gzip, deflate, br"


# How old a page copy nginx may hand out (conf/nginx/confsched.conf, the
# maps at the top): stored during second S, fresh through S+1, served while
# a refresh runs through S+2, never after: under 3 s, and the app renders a
# fill from the current data version. That bound is measured, and printed,
# by bench/freshness.py; these tests assert no time (issue 15: a loaded or
# sanitized test machine must not make them fail). They check that the old
# answer stops: every answer right for SETTLED_S in a row (two copies'
# lives), reached within support.POLL_LIMIT_S (a guard against a hang). The
# code before the fix never got there: it served the old copy for as long
# as anybody kept asking.
COPY_AGE_BOUND_S = 3.0
SETTLED_S = 2 * COPY_AGE_BOUND_S


class Freshness(StackTestCase):
    """Regressions (issue: the microcache serves pages older than the last
    edit, and deleted pages forever): with "use_stale updating" and
    background updates, the first request after a quiet spell got the copy
    from before the spell, and a copy whose refresh answered 404 or 400 was
    never replaced while anybody kept asking."""

    def title_of(self, sid):
        return S.sql("SELECT title FROM sessions WHERE id = %d" % sid, database="confsched").stdout.strip()

    def test_first_view_after_a_quiet_spell_shows_the_last_edit(self):
        cookie = S.login()
        sids = [IDS.take() for _ in range(3)]
        for sid in sids:
            for _ in range(2):  # cached, and asked again: the entry is in use
                self.assertEqual(S.get("/session/%d" % sid, headers={"Cookie": cookie}).status, 200)
        time.sleep(COPY_AGE_BOUND_S + 1.5)  # a quiet spell: nobody asks
        marks = {}
        for sid in sids:
            marks[sid] = "Edited after a quiet spell %s" % os.urandom(4).hex()
            S.sql("UPDATE sessions SET title = '%s' WHERE id = %d" % (marks[sid], sid), database="confsched")
        for sid in sids:  # at once: the first view after the edit
            r = S.get("/session/%d" % sid, headers={"Cookie": cookie})
            self.assertEqual(r.status, 200, r)
            self.assertIn(marks[sid], r.text, "the first view of /session/%d after a quiet spell and an edit "
                          "showed the page from before the edit (X-Cache %s)" % (sid, x_cache(r)))

    def poll_after_change(self, path, change, cookie, want_status):
        """Asks for path every 50 ms (a delegate who keeps the entry in use),
        applies change() once the page is cached and in use, and keeps
        asking until the answers have been want_status for SETTLED_S in a
        row; fails if that has not begun within POLL_LIMIT_S. Prints when
        the old answer last went out (figure: caching.old_answer_last_sent)."""
        for _ in range(5):
            self.assertEqual(S.get(path, headers={"Cookie": cookie}).status, 200)
            time.sleep(0.05)
        change()
        t0 = time.monotonic()
        seen = []
        run_from = None  # when the current run of right answers began (seconds after the change)
        while True:
            sent = time.monotonic() - t0
            r = S.get(path, headers={"Cookie": cookie})
            seen.append((sent, r.status, x_cache(r)))
            if r.status != want_status:
                run_from = None
            elif run_from is None:
                run_from = sent
            if run_from is not None and sent - run_from >= SETTLED_S:
                break
            if run_from is None and sent > POLL_LIMIT_S:
                break
            time.sleep(0.05)
        old = [x for x in seen if x[1] != want_status]
        last_old = max((x[0] for x in old), default=0.0)
        print("\n%s: the old answer last went out %.2f s after the change (bound %.1f s, %d requests)" % (
            path, last_old, COPY_AGE_BOUND_S, len(seen)), flush=True)
        figure("caching.old_answer_last_sent", last_old, path)
        self.assertIsNotNone(run_from, "%s: still answered other than %d %.1f s after the change (a limit only "
                             "against hanging): %r" % (path, want_status, seen[-1][0], old[-5:]))
        return seen

    def test_a_deleted_session_becomes_404_for_everybody(self):
        cookie = S.login()
        sid = IDS.take()
        self.poll_after_change(
            "/session/%d" % sid,
            lambda: S.sql("DELETE FROM sessions WHERE id = %d" % sid, database="confsched"),
            cookie, 404)

    def test_a_filter_on_a_deleted_room_becomes_400_for_everybody(self):
        cookie = S.login()
        name = "Room to delete %s" % os.urandom(3).hex()
        S.sql("INSERT INTO rooms (name, position) VALUES ('%s', 999)" % name, database="confsched")
        room = int(S.sql("SELECT id FROM rooms WHERE name = '%s'" % name, database="confsched").stdout.strip())
        path = "/schedule?room=%d" % room
        poll_until(lambda: S.get(path, headers={"Cookie": cookie}).status == 200,
                   "caching.new_room_filter_answered", "the new room's filter answering 200")
        self.poll_after_change(
            path, lambda: S.sql("DELETE FROM rooms WHERE id = %d" % room, database="confsched"),
            cookie, 400)

    def test_copies_are_served_while_the_app_is_down(self):
        cookie = S.login()
        paths = ["/schedule", "/session/%d" % IDS.take()]
        bodies = {}
        for path in paths:
            S.get(path, headers={"Cookie": cookie})
            r = S.get(path, headers={"Cookie": cookie})
            self.assertEqual(r.status, 200, r)
            bodies[path] = r.body
        S.stop_app()
        try:
            # Past every freshness and stale-while-revalidate window.
            time.sleep(COPY_AGE_BOUND_S + 1.5)
            for path in paths:
                r = S.get(path, headers={"Cookie": cookie})
                self.assertEqual(r.status, 200, "%s with the app down: %r" % (path, r))
                self.assertEqual(x_cache(r), "STALE", "%s with the app down: %r" % (path, r))
                self.assertEqual(r.body, bodies[path])
            r = S.get(paths[0])
            self.assertNotEqual(r.status, 200, "no cookie, app down: %r" % r)
        finally:
            S.start_app()
        r = S.get(paths[1], headers={"Cookie": cookie})
        self.assertEqual((r.status, x_cache(r)), (200, "EXPIRED"), "back up: the app's answer, not the copy")


class Compression(StackTestCase):
    """Delegate pages are gzipped by the app, once per data version, and
    the gzip form never reaches a client that did not ask for it."""

    def fetch(self, path, cookie, encoding=None, via_nginx=True):
        headers = {"Cookie": cookie}
        if encoding is not None:
            headers["Accept-Encoding"] = encoding
        return S.get(path, headers=headers) if via_nginx else S.fcgi("GET", path, headers=headers)

    def test_gzip_clients_get_the_same_page_compressed(self):
        cookie = S.login()
        for path in ("/schedule", "/session/%d" % IDS.take()):
            plain = self.fetch(path, cookie)
            packed = self.fetch(path, cookie, GZIP)
            self.assertEqual(plain.status, 200, plain)
            self.assertEqual(packed.status, 200, packed)
            self.assertIsNone(plain.headers.get("Content-Encoding"), "identity client got %r" % plain)
            self.assertEqual(packed.headers.get("Content-Encoding"), "gzip", packed)
            self.assertIn("Accept-Encoding", packed.headers.get("Vary") or "", packed)
            self.assertIn("Accept-Encoding", plain.headers.get("Vary") or "", plain)
            self.assertEqual(gzip.decompress(packed.body), plain.body, path)
            self.assertEqual(int(packed.headers["Content-Length"]), len(packed.body))
            self.assertLess(len(packed.body), len(plain.body), path)
            if path == "/schedule":  # ~100 KB of repetitive HTML
                self.assertLess(len(packed.body) * 6, len(plain.body), "%d of %d bytes" % (
                    len(packed.body), len(plain.body)))
            self.assertNotEqual(packed.headers.get("ETag"), plain.headers.get("ETag"),
                                "two representations share a strong ETag")

    def test_a_filled_cache_never_gives_gzip_to_a_client_that_did_not_ask(self):
        cookie = S.login()
        path = "/session/%d" % IDS.take()
        first = self.fetch(path, cookie, GZIP)
        self.assertEqual(first.headers.get("Content-Encoding"), "gzip", first)
        for encoding in (None, "identity", "gzip;q=0", "gzip;q=0, deflate", "deflate, br", "*;q=0", "*"):
            r = self.fetch(path, cookie, encoding)
            self.assertEqual(r.status, 200, r)
            self.assertIsNone(r.headers.get("Content-Encoding"), "Accept-Encoding %r got %r" % (encoding, r))
            self.assertIn(b"</html>", r.body, encoding)
        # ...and the other way round.
        path = "/session/%d" % IDS.take()
        self.assertIsNone(self.fetch(path, cookie).headers.get("Content-Encoding"))
        for encoding in (GZIP, "GZIP", "x-gzip", "br;q=1.0, gzip;q=0.5"):
            r = self.fetch(path, cookie, encoding)
            self.assertEqual(r.headers.get("Content-Encoding"), "gzip", "Accept-Encoding %r: %r" % (encoding, r))
            self.assertIn(b"</html>", gzip.decompress(r.body))

    def test_the_app_itself_compresses_for_apache_and_cache_misses(self):
        cookie = S.login()
        path = "/session/%d" % IDS.take()
        packed = self.fetch(path, cookie, "gzip", via_nginx=False)
        plain = self.fetch(path, cookie, via_nginx=False)
        self.assertEqual(packed.headers.get("Content-Encoding"), "gzip", packed)
        self.assertIsNone(plain.headers.get("Content-Encoding"), plain)
        self.assertEqual(gzip.decompress(packed.body), plain.body)
        # Either form's ETag proves the client holds this version.
        for etag in (packed.headers["ETag"], plain.headers["ETag"]):
            for encoding in ("gzip", None):
                r = S.fcgi("GET", path, headers=dict({"Cookie": cookie, "If-None-Match": etag},
                                                     **({"Accept-Encoding": encoding} if encoding else {})))
                self.assertEqual(r.status, 304, "%s with %r: %r" % (etag, encoding, r))
        # HEAD tells the length of the form it would send.
        r = S.fcgi("HEAD", path, headers={"Cookie": cookie, "Accept-Encoding": "gzip"})
        self.assertEqual(int(r.headers["Content-Length"]), len(packed.body))

    def test_login_pages_and_redirects_are_never_gzipped_by_the_app_without_asking(self):
        r = S.get("/schedule")
        self.assertEqual(r.status, 303, r)
        self.assertIsNone(r.headers.get("Content-Encoding"), r)


class PagesVersion(StackTestCase):
    """/pages-version (issue 16): what a page left open asks every half
    minute to learn that the programme changed. One answer for everybody
    from nginx's cache, with no login check in front of it, so that open
    pages cost the app nothing per delegate; and it agrees with the version
    the pages carry (<html data-pages-version>)."""

    def version(self, headers=None):
        r = S.get("/pages-version", headers=headers or {})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.headers.get("Content-Type") or "").split(";")[0], "application/json")
        self.assertNoCookie(r, "/pages-version")
        self.assertIn("no-cache", r.headers.get("Cache-Control", ""))
        body = json.loads(r.text)
        self.assertEqual(set(body), {"pages"})
        self.assertRegex(body["pages"], r"^[0-9]+\.[0-9]+$")
        return body["pages"], r

    def page_version(self, cookie):
        r = S.get("/schedule", headers={"Cookie": cookie})
        self.assertEqual(r.status, 200, r)
        m = re.search(r'<html lang="en" data-pages-version="([0-9.]+)">', r.text)
        self.assertIsNotNone(m, "/schedule carries no data-pages-version")
        return m.group(1)

    def test_one_copy_for_everybody_without_a_login_check(self):
        cookies = [S.login() for _ in range(4)] + ["confsched=not-a-token", None]
        answers, fills = set(), 0
        t0 = time.monotonic()
        n = 0
        while time.monotonic() - t0 < 2.0:
            cookie = cookies[n % len(cookies)]
            value, r = self.version({"Cookie": cookie} if cookie else None)
            answers.add(value)
            if x_cache(r) not in ("HIT", "STALE", "UPDATING"):
                fills += 1
            n += 1
        print("\n/pages-version: %d requests in 2 s from %d clients, %d reached the app" % (
            n, len(cookies), fills), flush=True)
        self.assertGreater(n, 40)
        self.assertEqual(len(answers), 1, "one version for everybody (no edit meanwhile): %r" % answers)
        # nginx refills the entry at most once a second (fastcgi_cache_valid
        # 1s, counted in whole seconds): three seconds' worth, and the first.
        self.assertLessEqual(fills, 4, "a copy per client would reach the app %d times" % n)

    def test_pages_carry_the_version_it_answers_and_an_edit_moves_both(self):
        cookie = S.login()
        before, _ = poll_until(
            lambda: (lambda v, p: v if v == p else None)(self.version()[0], self.page_version(cookie)),
            "caching.pages_version_agrees", "/pages-version agreeing with /schedule")
        sid = IDS.take()
        t0 = time.monotonic()
        S.sql("UPDATE sessions SET title = 'Moved on %s' WHERE id = %d" % (os.urandom(4).hex(), sid),
              database="confsched")
        # Within the pages' own bound (COPY_AGE_BOUND_S after the workers
        # see the edit); a page left open asks every 30 s on top of that.
        after, seconds = poll_until(lambda: (lambda v: v if v != before else None)(self.version()[0]),
                                    "caching.pages_version_moved", "/pages-version moving after an edit",
                                    since=t0)
        self.assertNotEqual(after, before)
        self.assertLess(seconds, POLL_LIMIT_S)
        poll_until(lambda: self.page_version(cookie) == self.version()[0], "caching.pages_version_agrees_again",
                   "/schedule and /pages-version agreeing after the edit")


class LoginCheck(StackTestCase):
    """The auth_request subrequest behind the microcache."""

    def auth_cache_entries(self):
        """{key: status} of the stored login-check answers."""
        out = {}
        root = S.path("nginx", "cache", "confsched-auth")
        for dirpath, _, files in os.walk(root):
            for name in files:
                with open(os.path.join(dirpath, name), "rb") as f:
                    data = f.read(8192)
                m = re.search(rb"\nKEY: ([^\n]*)\n", data)
                st = re.search(rb"Status: (\d{3})", data)
                if m:
                    out[m.group(1).decode()] = int(st.group(1)) if st else None
        return out

    def test_app_answers_the_login_check(self):
        cookie = S.login()
        r = S.fcgi("GET", "/_auth", headers={"Cookie": cookie})
        self.assertEqual(r.status, 204, "GET /_auth with a valid cookie (direct): %r" % r)
        r = S.fcgi("GET", "/_auth")
        self.assertEqual(r.status, 401, "GET /_auth without a cookie (direct): %r" % r)
        r = S.fcgi("GET", "/_auth", headers={"Cookie": "confsched=garbage"})
        self.assertEqual(r.status, 401, "GET /_auth with a bad cookie (direct): %r" % r)

    def test_login_check_answers_are_cached_per_cookie(self):
        cookie = S.login()
        token = cookie.split("=", 1)[1]
        path = "/session/%d" % IDS.take()
        self.assertEqual(S.get(path, headers={"Cookie": cookie}).status, 200)
        self.assertEqual(S.get(path, headers={"Cookie": cookie}).status, 200)
        self.assertEqual(S.get(path).status, 303)
        S.request("POST", path, body=b"a=b", headers={"Cookie": cookie,
                                                      "Content-Type": "application/x-www-form-urlencoded"})
        S.head(path, headers={"Cookie": cookie})
        entries = self.auth_cache_entries()
        self.assertEqual(entries.get("auth:" + token), 204,
                         "the valid cookie's login check should be stored as 204: %r" % entries)
        self.assertEqual(entries.get("auth:"), 401, "no cookie: stored 401 expected: %r" % entries)
        with open(S.path("log", "nginx-error.log")) as f:
            log = f.read()
        self.assertNotIn("auth request unexpected status", log,
                         "the app answered nginx's login check with something other than 204/401")


class StaticAssets(StackTestCase):
    def stylesheet(self, text):
        links = parse_page(text).stylesheets
        self.assertEqual(len(links), 1, "one stylesheet link expected, got %r" % links)
        self.assertRegex(links[0], STYLESHEET)
        return links[0]

    def test_pages_link_one_hashed_stylesheet(self):
        cookie = S.login()
        hrefs = {self.stylesheet(S.get("/").text), self.stylesheet(S.get("/login").text),
                 self.stylesheet(S.get("/schedule", headers={"Cookie": cookie}).text),
                 self.stylesheet(S.get("/nope").text)}
        self.assertEqual(len(hrefs), 1, "every page links the same stylesheet: %r" % hrefs)

    def test_stylesheet_is_immutable_for_a_year(self):
        href = self.stylesheet(S.get("/").text)
        r = S.get(href)
        self.assertEqual(r.status, 200, "GET %s: %r" % (href, r))
        self.assertEqual(cache_directives(r), {"public": True, "max-age": "31536000", "immutable": True},
                         r.headers.get_all("Cache-Control"))
        self.assertTrue((r.headers.get("Content-Type") or "").startswith("text/css"), r)
        self.assertEqual(r.headers.get("X-Content-Type-Options"), "nosniff")
        with open(os.path.join(stackmod.SOURCE_DIR, "templates", "static", "style.css"), "rb") as f:
            self.assertEqual(r.body, f.read(), "the served stylesheet is templates/static/style.css")
        h = S.head(href)
        self.assertEqual(h.status, 200)
        self.assertEqual(cache_directives(h)["max-age"], "31536000")

    def test_unhashed_or_unknown_assets_are_404(self):
        for path in ("/static/style.css", "/static/", "/static/nope.0123abcd.css", "/static/../conf/x.css",
                     "/static/style.0123abcd.exe"):
            r = S.get(path)
            self.assertEqual(r.status, 404, "GET %s: %r" % (path, r))
            self.assertNotIn("immutable", cache_directives(r), path)


if __name__ == "__main__":
    unittest.main()
