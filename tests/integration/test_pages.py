"""Pages, status codes and error pages: /, 404, 405, 400, 413, HTML
headers, escaping. The database going away is in test_faults."""

import html
import re
import unittest

import stack as stackmod
from support import StackTestCase, start_module_stack, stop_module_stack, cache_directives, login_form

S = None
IDS = None


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("pages")


def tearDownModule():
    stop_module_stack(S)


def event_row():
    r = S.sql("SELECT name, venue, starts_on, ends_on, intro FROM event WHERE id = 1", database="confsched")
    line = r.stdout.rstrip("\n")
    name, venue, starts_on, ends_on, intro = line.split("\t", 4)
    return name, venue, starts_on, ends_on, intro.replace("\\n", "\n")


class HomePage(StackTestCase):
    def test_home_is_an_html_page_with_revalidation_kept_from_shared_caches(self):
        r = S.get("/")
        self.assertEqual(r.status, 200, r)
        self.assertHtmlPage(r, "GET /")
        cc = cache_directives(r)
        self.assertIn("no-cache", cc, "GET / Cache-Control: %r" % cc)
        self.assertNotIn("no-store", cc)
        # It differs by the cookie (a signed-in visitor is offered the
        # schedule), which a shared cache would not key on.
        self.assertIn("private", cc)
        etag = r.headers.get("ETag")
        self.assertRegex(etag or "", r'^(W/)?"[^"]+"$', "GET / needs a quoted ETag")

    def test_home_shows_event_name_dates_venue_intro(self):
        name, venue, starts_on, ends_on, intro = event_row()
        text = html.unescape(S.get("/").text)
        self.assertIn(name, text, "event name")
        self.assertIn(venue, text, "venue")
        self.assertIn(starts_on[:4], text, "year of the event")
        for day in (starts_on, ends_on):
            self.assertRegex(text, r"\b0?%d\b" % int(day[8:10]), "day of month of %s" % day)
        first = intro.strip().splitlines()[0][:40]
        self.assertIn(first, text, "start of the intro")

    def test_home_has_the_login_form(self):
        form = login_form(S.get("/").text)
        self.assertIsNotNone(form, "no <form method=post action=/login> on /")
        for field in ("username", "password", "next"):
            self.assertIn(field, form["inputs"], "field %s in the login form" % field)

    def test_home_is_the_same_bytes_for_everybody_of_a_role(self):
        """Issue 16: a signed-in visitor is offered the schedule, not the
        login form, and nothing in the page is personal: every delegate
        gets the same bytes, every staff member too, and every visitor
        without a valid cookie the login form."""
        anon = S.get("/")
        self.assertIsNotNone(login_form(anon.text), "the login form for a visitor")
        self.assertNotIn("Open the schedule", anon.text)
        by_role = {}
        for role in ("delegate", "staff"):
            pages = [S.get("/", headers={"Cookie": S.login(role)}) for _ in range(2)]
            for r in pages:
                self.assertEqual(r.status, 200)
                self.assertNoCookie(r, "GET / as %s" % role)
                self.assertIsNone(login_form(r.text), "no login form for a signed-in %s" % role)
                self.assertIn('href="/schedule">Open the schedule</a>', r.text)
            self.assertEqual(pages[0].body, pages[1].body, "two %ss, two pages" % role)
            self.assertEqual(pages[0].headers.get("ETag"), pages[1].headers.get("ETag"))
            self.assertNotEqual(pages[0].headers.get("ETag"), anon.headers.get("ETag"))
            by_role[role] = pages[0]
        self.assertIn('href="/admin"', by_role["staff"].text)
        self.assertNotIn('href="/admin"', by_role["delegate"].text)
        # A cookie that is not valid, in any of the spellings the gate
        # tests send, is a visitor: the login form, same bytes as anon.
        for cookie in ("confsched=not-a-token", "confsched=", "Confsched=" + S.login("delegate")[10:]):
            r = S.get("/", headers={"Cookie": cookie})
            self.assertEqual(r.status, 200)
            self.assertEqual(r.body, anon.body, "GET / differs for cookie %r" % cookie)
            self.assertEqual(r.headers.get("ETag"), anon.headers.get("ETag"))
        # And the visitor's page comes back after the signed-in ones: no
        # cache between them mixes the variants up.
        self.assertEqual(S.get("/").body, anon.body)

    def test_home_answers_if_none_match_with_304(self):
        etag = S.get("/").headers["ETag"]
        r = S.get("/", headers={"If-None-Match": etag})
        self.assertEqual(r.status, 304, r)
        self.assertEqual(r.body, b"")
        self.assertEqual(r.headers.get("ETag"), etag)
        r = S.get("/", headers={"If-None-Match": '"something-else", ' + etag})
        self.assertEqual(r.status, 304, "a list containing the ETag")
        r = S.get("/", headers={"If-None-Match": '"something-else"'})
        self.assertEqual(r.status, 200, "a different ETag must get the page")
        # and the app itself, without nginx
        r = S.fcgi("GET", "/", headers={"If-None-Match": etag})
        self.assertEqual(r.status, 304, "app direct: %r" % r)


    def test_head_is_get_without_body(self):
        get = S.fcgi("GET", "/")
        head = S.fcgi("HEAD", "/")
        self.assertEqual(head.status, 200)
        self.assertEqual(head.body, b"", "the app sent a body for HEAD")
        self.assertEqual(head.headers.get("ETag"), get.headers.get("ETag"))
        self.assertEqual(head.headers.get("Content-Type"), get.headers.get("Content-Type"))
        r = S.head("/")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.headers.get("ETag"), get.headers.get("ETag"))


class StatusCodes(StackTestCase):
    def test_unknown_path_is_a_404_html_page(self):
        for path in ("/no-such-page", "/static-nope", "/login/extra", "/schedule.php"):
            r = S.get(path)
            self.assertEqual(r.status, 404, "GET %s: %r" % (path, r))
            self.assertHtmlPage(r, "GET " + path)

    def test_unknown_sessions_are_404(self):
        cookie = S.login()
        for path in ("/session/999999", "/session/abc", "/session/", "/session/12x", "/session/-1"):
            r = S.get(path, headers={"Cookie": cookie})
            self.assertEqual(r.status, 404, "GET %s (signed in): %r" % (path, r))
            self.assertHtmlPage(r, "GET " + path)

    def test_wrong_method_is_405_with_allow(self):
        cookie = S.login()
        cases = [("PUT", "/schedule", "GET"), ("DELETE", "/", "GET"), ("PUT", "/login", "POST"),
                 ("POST", "/schedule", "GET"), ("PATCH", "/session/%d" % IDS.take(), "GET")]
        for method, path, must_allow in cases:
            r = S.request(method, path, body=b"", headers={"Cookie": cookie})
            self.assertEqual(r.status, 405, "%s %s: %r" % (method, path, r))
            allow = [m.strip() for m in (r.headers.get("Allow") or "").split(",")]
            self.assertIn(must_allow, allow, "Allow on %s %s: %r" % (method, path, allow))
            self.assertNotIn(method, allow)
            self.assertHtmlPage(r, "%s %s" % (method, path))

    def test_body_over_64k_is_413(self):
        big = b"username=delegate&password=x&next=%2F&pad=" + b"a" * (64 * 1024)
        r = S.post_form("/login", None, raw=big)
        self.assertEqual(r.status, 413, "POST /login with %d bytes through nginx: %r" % (len(big), r))
        self.assertNoCookie(r)
        # The app refuses it too, when something sends it past nginx.
        r = S.fcgi("POST", "/login", body=big,
                   headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 413, "POST /login with %d bytes, app direct: %r" % (len(big), r))
        self.assertHtmlPage(r, "413 from the app")
        # just under the limit is no 413
        fits = b"username=delegate&password=x&next=%2F&pad=" + b"a" * (60 * 1024)
        r = S.post_form("/login", None, raw=fits)
        self.assertNotEqual(r.status, 413, "60 KiB body")
        self.assertLess(r.status, 500, "60 KiB body: %r" % r)

    def test_malformed_percent_encoding_is_400(self):
        r = S.get("/login?next=%zz")
        self.assertEqual(r.status, 400, "GET /login?next=%%zz: %r" % r)
        self.assertHtmlPage(r, "400")
        for raw in ("username=%G1&password=x", "username=delegate&password=%G1", "username=%&password=x",
                    "username=delegate&password=x&next=%2"):
            r = S.post_form("/login", None, raw=raw)
            self.assertEqual(r.status, 400, "POST /login %r: %r" % (raw, r))
            self.assertNoCookie(r, raw)
            self.assertHtmlPage(r, "400 for " + raw)
            self.assertNoStore(r, "400 under /login")

    def test_invalid_utf8_is_400(self):
        for raw in ("username=%ff&password=x", "username=delegate&password=%c3%28",
                    "username=%ed%a0%80&password=x"):
            r = S.post_form("/login", None, raw=raw)
            self.assertEqual(r.status, 400, "POST /login %r: %r" % (raw, r))
            self.assertNoCookie(r, raw)
        r = S.get("/login?next=%2F%ff")
        self.assertEqual(r.status, 400, "GET /login?next=%%2F%%ff: %r" % r)


class HtmlHeaders(StackTestCase):
    def test_every_html_page_has_the_security_headers(self):
        cookie = S.login()
        pages = [("/", None), ("/login", None), ("/login?next=/schedule", None), ("/schedule", cookie),
                 ("/session/%d" % IDS.take(), cookie), ("/nope", None)]
        for path, c in pages:
            r = S.get(path, headers={"Cookie": c} if c else None)
            self.assertIn(r.status, (200, 404), "GET %s: %r" % (path, r))
            self.assertHtmlPage(r, "GET " + path)
        r = S.post_form("/login", {"username": "delegate", "password": "wrong", "next": "/"})
        self.assertHtmlPage(r, "failed login")


class GridView(StackTestCase):
    # Through nginx and (integration.apache.pages) Apache alike: the grid is
    # the app's canonical /schedule query, and neither server does more.
    def test_a_days_grid_and_its_other_spellings(self):
        cookie = S.login()
        days = re.findall(r'<option value="(\d{4}-\d\d-\d\d)"', S.get("/schedule", headers={"Cookie": cookie}).text)
        self.assertTrue(days)
        path = "/schedule?day=%s&view=grid" % days[-1]
        r = S.get(path, headers={"Cookie": cookie})
        self.assertEqual(r.status, 200, r)
        self.assertHtmlPage(r, path)
        self.assertIn('<div class="grid-wrap"', r.text)
        self.assertRedirectTo(S.get("/schedule?view=grid", headers={"Cookie": cookie}),
                              "/schedule?day=%s&view=grid" % days[0], "the grid without a day")
        self.assertRedirectTo(S.get("/schedule?q=x&view=grid&day=" + days[-1], headers={"Cookie": cookie}),
                              path, "a search beside the grid")
        r = S.get("/schedule?view=nope", headers={"Cookie": cookie})
        self.assertEqual(r.status, 400, r)
        self.assertHtmlPage(r, "an unknown view")
        # As for every filter, the login's next is the path alone.
        # The login brings the grid back, query and all.
        self.assertLoginRedirect(S.get(path), path, "the grid without a login")


class Escaping(StackTestCase):
    EVIL = '"><script>alert(1)</script>'

    def assertNotReflected(self, r, what):
        self.assertNotIn(b"<script", r.body.lower(), "%s reflects a raw <script>: %r" % (what, r))
        self.assertNotIn(self.EVIL.encode(), r.body, what)

    def test_next_is_escaped_on_the_login_form(self):
        import urllib.parse
        q = urllib.parse.quote(self.EVIL, safe="")
        r = S.get("/login?next=" + q)
        self.assertIn(r.status, (200, 400), r)
        self.assertNotReflected(r, "GET /login?next=<evil>")
        r = S.get("/login?next=" + urllib.parse.quote("/" + self.EVIL, safe="/"))
        self.assertIn(r.status, (200, 400), r)
        self.assertNotReflected(r, "GET /login?next=/<evil>")

    def test_failed_login_does_not_reflect_input_raw(self):
        r = S.post_form("/login", {"username": self.EVIL, "password": self.EVIL, "next": "/" + self.EVIL})
        self.assertEqual(r.status, 401, r)
        self.assertNotReflected(r, "failed login")
        self.assertNoCookie(r)

    def test_404_and_login_redirect_do_not_reflect_path_raw(self):
        import urllib.parse
        evil_path = "/session/" + urllib.parse.quote(self.EVIL, safe="")
        r = S.get(evil_path)
        self.assertIn(r.status, (303, 404), r)
        self.assertNotReflected(r, "GET " + evil_path)
        loc = r.headers.get("Location") or ""
        self.assertNotIn("<", loc)
        self.assertNotIn('"', loc)


if __name__ == "__main__":
    unittest.main()
