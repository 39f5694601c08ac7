"""Assertions and helpers shared by the integration test modules."""

import base64
import hashlib
import hmac
import html.parser
import os
import re
import sys
import time
import unittest
import urllib.parse

import stack as stackmod

# The real 31C3 frab schedule in the shared test data (tests that use it
# skip, saying so, when it is absent).
FRAB_XML_31C3 = os.environ.get("CONFSCHED_FRAB_XML") or os.path.join(
    os.environ.get("CONFSCHED_SOURCE_DIR") or os.path.join(os.path.dirname(__file__), "..", ".."),
    "..", "shared", "data", "31c3-schedule.xml")


def cache_directives(response):
    """Cache-Control as a dict: {'private': True, 'max-age': '0', ...}."""
    out = {}
    for value in response.headers.get_all("Cache-Control") or []:
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            k, eq, v = part.partition("=")
            out[k.strip().lower()] = v.strip().strip('"') if eq else True
    return out


def files_under(root):
    """Every file under root, as "/relative/path"."""
    out = set()
    for d, _, names in os.walk(root):
        for n in names:
            out.add("/" + os.path.relpath(os.path.join(d, n), root))
    return out


def escaped(text):
    """As ctemplate's HTML auto-escaping writes text."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def csp_directives(value):
    out = {}
    for part in (value or "").split(";"):
        words = part.split()
        if words:
            out[words[0].lower()] = words[1:]
    return out


class FormParser(html.parser.HTMLParser):
    """Collects forms (action, method, inputs) and stylesheet links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.stylesheets = []
        self._form = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"action": a.get("action"), "method": (a.get("method") or "get").lower(), "inputs": {}}
            self.forms.append(self._form)
        elif tag == "input" and self._form is not None:
            self._form["inputs"][a.get("name")] = a.get("value")
        elif tag == "link" and "stylesheet" in (a.get("rel") or "").lower().split():
            self.stylesheets.append(a.get("href"))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def parse_page(text):
    p = FormParser()
    p.feed(text)
    p.close()
    return p


def login_form(text):
    """The form posting to /login, or None."""
    for f in parse_page(text).forms:
        if f["action"] == "/login" and f["method"] == "post":
            return f
    return None


def forge_token(secret, role, expires_at, epoch):
    """A session token as src/auth/session_token.cc documents it:
    role.expiry.epoch.base64url(HMAC-SHA256(secret, 'confsched-session-v1|role|expiry|epoch'))."""
    msg = "confsched-session-v1|%s|%d|%d" % (role, expires_at, epoch)
    mac = hmac.new(secret, msg.encode(), hashlib.sha256).digest()
    return "%s.%d.%d.%s" % (role, expires_at, epoch, base64.urlsafe_b64encode(mac).decode().rstrip("="))


class StackTestCase(unittest.TestCase):
    """Base class: self.s is the module's running stack."""

    s = None  # set by the module's setUpModule
    maxDiff = 4000

    # -- assertions -------------------------------------------------------
    def assertHtmlPage(self, r, what=""):
        """The headers every HTML page of the app must carry."""
        ctx = "%s %s" % (what, r)
        ct = (r.headers.get("Content-Type") or "").replace(" ", "").lower()
        self.assertEqual(ct, "text/html;charset=utf-8", "Content-Type of " + ctx)
        nosniff = r.headers.get_all("X-Content-Type-Options") or []
        self.assertTrue(nosniff, "X-Content-Type-Options missing on " + ctx)
        self.assertTrue(all(v.strip().lower() == "nosniff" for v in nosniff), "X-Content-Type-Options on " + ctx)
        csp = r.headers.get_all("Content-Security-Policy") or []
        self.assertEqual(len(csp), 1, "exactly one Content-Security-Policy on " + ctx)
        d = csp_directives(csp[0])
        self.assertEqual(d.get("default-src"), ["'self'"], "CSP default-src on %s: %r" % (ctx, csp[0]))
        self.assertIn(b"<html", r.body[:2000].lower(), "no <html> in body of " + ctx)

    def assertNoStore(self, r, what=""):
        self.assertIn("no-store", cache_directives(r), "Cache-Control no-store missing on %s %r" % (what, r))

    def assertNoCookie(self, r, what=""):
        self.assertEqual(r.set_cookies(), [], "unexpected Set-Cookie on %s" % what)

    def assertRedirectTo(self, r, path, what=""):
        self.assertEqual(r.status, 303, "%s: %r %s" % (what, r, r.text[:300]))
        self.assertEqual(stackmod.location_path(self.s, r), path, "%s: Location" % what)

    def assertLoginRedirect(self, r, original_path, what=""):
        """303 to /login?next=<original path, percent-encoded>."""
        self.assertEqual(r.status, 303, "%s: expected the redirect to /login, got %r %s" % (what, r, r.text[:300]))
        loc = stackmod.location_path(self.s, r)
        self.assertIsNotNone(loc, what + ": no Location")
        u = urllib.parse.urlsplit(loc)
        self.assertEqual(u.path, "/login", "%s: Location %r" % (what, loc))
        q = urllib.parse.parse_qs(u.query, keep_blank_values=True)
        self.assertEqual(q.get("next"), [original_path], "%s: next in %r" % (what, loc))
        # "percent-encoded": nothing that would need escaping appears raw.
        self.assertIsNone(re.search(r'[\s"<>\\^`{|}]', u.query), "%s: raw characters in %r" % (what, loc))
        self.assertNoStore(r, what)

    # -- helpers ------------------------------------------------------------
    def session_cookie(self, role=stackmod.DELEGATE_USER, https=False):
        return self.s.login(role, https=https)

    def schedule_ids(self):
        cookie = self.session_cookie()
        r = self.s.fcgi("GET", "/schedule", headers={"Cookie": cookie})
        self.assertEqual(r.status, 200, "GET /schedule (direct): %r" % r)
        ids = stackmod.session_ids(r.text)
        self.assertGreater(len(ids), 100, "the demo programme should have ~180 sessions")
        return ids


class FreshIds:
    """Hands out session ids no test in the module has used, so that neither
    nginx's microcache nor a worker's memory holds their page yet."""

    def __init__(self, ids):
        self._ids = list(ids)

    def take(self):
        return self._ids.pop()


def poll(fn, timeout, interval=0.2):
    """Calls fn() until it returns a true value or timeout passes; returns
    (value, seconds_taken)."""
    t0 = time.monotonic()
    v = stackmod.wait_until(fn, timeout, interval)
    return v, time.monotonic() - t0


# How long a correctness test waits for something that must happen (an edit
# reaching delegates, a killed worker replaced, a revoked cookie refused):
# a guard against a hang, never a speed target (issue 15). These tests run
# again under ASan/UBSan on a busy machine, so they assert no wall-clock
# bound; they print how long it took (figure below), and the speed targets
# are measured by bench/ (bench/freshness.py, bench/admin_save.py, ...).
POLL_LIMIT_S = float(os.environ.get("CONFSCHED_TEST_POLL_LIMIT_S") or 30)


def figure(name, seconds, note=""):
    """Prints a measured time as one line on stderr, `figure: <name> <seconds> s`
    (then the note, if any, after a "#"), for a log to show and grep."""
    assert name and not any(c.isspace() for c in name), "a figure's name is one word: %r" % name
    sys.stderr.write("figure: %s %.3f s%s\n" % (name, seconds, "  # " + note if note else ""))
    sys.stderr.flush()


def poll_until(fn, name, what, since=None, interval=0.1, limit=None):
    """Calls fn() every `interval` seconds until it returns a true value, for
    at most `limit` seconds (default POLL_LIMIT_S: a guard against a hang).
    Prints `figure: <name> <seconds> s`, counted from `since` (a
    time.monotonic() value, say taken before the save) or else from the
    first call. Raises AssertionError naming `what` if fn() never held.
    Returns (value, seconds)."""
    limit = POLL_LIMIT_S if limit is None else limit
    t_start = time.monotonic()
    t0 = t_start if since is None else since
    value = stackmod.wait_until(fn, limit, interval)
    seconds = time.monotonic() - t0
    if not value:
        sys.stderr.write("figure: %s >%.3f s  # never, gave up after the %g s limit\n" % (name, seconds, limit))
        sys.stderr.flush()
        raise AssertionError("%s: not within %g s (a limit only against hanging; CONFSCHED_TEST_POLL_LIMIT_S)"
                             % (what, limit))
    figure(name, seconds)
    return value, seconds


def wait_for_feed_version(s):
    """Until every worker's feeds reflect the database's current data
    version (each worker checks it every 500 ms on its own, so one answer
    is not enough: several in a row must agree)."""
    import json
    want = s.sql("SELECT version FROM data_version", database="confsched").stdout.strip()
    cookie = s.login()

    def seen():
        for _ in range(6):
            r = s.get("/schedule.json", headers={"Cookie": cookie})
            if r.status != 200 or json.loads(r.body)["schedule"]["version"] != want:
                return False
        return True
    ok, _ = poll(seen, POLL_LIMIT_S)
    assert ok, "the feeds never showed data version %s (limit %g s)" % (want, POLL_LIMIT_S)
    # Answers through nginx may all come from its microcache, filled by one
    # worker. A worker looks at the data version on its first request after
    # version_check_ms since its last look: one interval after the version
    # was seen, every worker's next answer is at least that version.
    time.sleep(version_check_s(s) + 0.05)


def version_check_s(s):
    """The stack's [server] version_check_ms, in seconds."""
    for line in s.ini_text().splitlines():
        name, _, value = line.partition("=")
        if name.strip() == "version_check_ms":
            return int(value) / 1000.0
    return 0.5


def event_now(s):
    """The event's wall-clock time now (a naive datetime), by the database's
    clock in the event's zone, as the app reckons it."""
    import datetime
    import zoneinfo
    sql = lambda q: s.sql(q, database="confsched").stdout.strip()  # noqa: E731
    zone = zoneinfo.ZoneInfo(sql("SELECT time_zone FROM event WHERE id = 1"))
    return datetime.datetime.fromtimestamp(int(sql("SELECT UNIX_TIMESTAMP()")), zone).replace(tzinfo=None)


def move_programme(s, start, block=0):
    """Moves every session by one amount so that the programme's first
    starting time (or the block-th after it) falls on start, a naive
    datetime in the event's zone: the clock then falls before, inside or
    after the programme as a test needs. The triggers move the data
    version; returns once every worker has it."""
    import datetime
    starts = [line for line in s.sql("SELECT DISTINCT starts_at FROM sessions ORDER BY starts_at",
                                     database="confsched").stdout.splitlines() if line]
    current = datetime.datetime.strptime(starts[block], "%Y-%m-%d %H:%M:%S")
    delta = int((start - current).total_seconds())
    s.sql("UPDATE sessions SET starts_at = starts_at + INTERVAL %d SECOND, "
          "ends_at = ends_at + INTERVAL %d SECOND" % (delta, delta), database="confsched")
    wait_for_feed_version(s)


def nginx_current(s, cookie, path, headers=None):
    """path through nginx, asked again until nginx's microcache (about a
    second, served stale while it refreshes) answers with the version of
    the page the app renders now; returns that response."""
    want = s.fcgi("GET", path, headers={"Cookie": cookie}).headers["ETag"]

    def current():
        r = s.get(path, headers=dict(headers or {}, Cookie=cookie))
        # The gzip form's tag ends in -gz (router.cc, gzip_etag): the same
        # version of the page.
        tag = (r.headers.get("ETag") or "").replace('-gz"', '"')
        return r if r.status == 200 and tag == want else None

    r, _ = poll_until(current, "nginx_current", "nginx serving %s as the app renders it" % path)
    return r


def programme_days(s):
    """The programme's days, "YYYY-MM-DD", in order."""
    return [line for line in s.sql("SELECT DISTINCT DATE(starts_at) FROM sessions ORDER BY 1",
                                   database="confsched").stdout.splitlines() if line]


class ElementCounter(html.parser.HTMLParser):
    """Counts a page's elements, as the page budgets of issue 16 do (an
    element the parser infers, like a missing <tbody>, is not counted)."""

    def __init__(self):
        super().__init__()
        self.elements = 0

    def handle_starttag(self, tag, attrs):
        self.elements += 1

    def handle_startendtag(self, tag, attrs):
        self.elements += 1


def start_module_stack(name, **kw):
    """setUpModule's work: a started stack shared by the module's tests, and
    the session ids of its demo programme for FreshIds."""
    s = stackmod.Stack(name, **kw).start()
    StackTestCase.s = s
    try:
        r = s.fcgi("GET", "/schedule", headers={"Cookie": s.login()})
        return s, FreshIds(stackmod.session_ids(r.text))
    except BaseException:
        s.dump_logs()
        s.stop()
        raise


def stop_module_stack(s):
    """tearDownModule's work: the last log lines (for a failed run), then
    stop everything the stack started."""
    if s is not None:
        s.dump_logs(25)
        s.stop()


def programme_of_schedule_json(body):
    """The programme in a /schedule.json (or `confsched export`), without
    what names the database rather than the programme: the data version,
    room guids and speaker ids (auto-increment values a fresh database
    assigns anew); and without the rooms' details (floor and directions as
    "description", the map link as "url"), which `confsched import` does
    not read back (README, "Rooms")."""
    import json
    doc = json.loads(body)["schedule"]
    doc.pop("version")
    conf = doc["conference"]
    for room in conf["rooms"]:
        room.pop("guid")
        room.pop("description", None)
        room.pop("url", None)
    for day in conf["days"]:
        for events in day["rooms"].values():
            for e in events:
                for p in e["persons"]:
                    p.pop("id")
    return doc
