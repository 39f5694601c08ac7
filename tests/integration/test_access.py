"""Access control that can fail: every cached URL refuses every kind of bad
cookie right after a delegate filled nginx's microcache (http and https);
security headers on every HTML response type, error pages included; a
bounded cookie lifetime; a world- or group-readable cookie key refused at
start-up; and no password, cookie key or session token in the app's log
after a run of logins and a password change.

What test_login.py and test_caching.py already pin (cookie attributes,
a few bad cookies on one page, revocation by `confsched passwd`) is not
repeated here."""

import http.client
import os
import re
import sys
import time
import unittest
import urllib.parse

import stack as stackmod
from support import (StackTestCase, start_module_stack, stop_module_stack, forge_token, csp_directives, parse_page,
                     poll)

S = None
IDS = None


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("access")


def tearDownModule():
    stop_module_stack(S)


def secret():
    with open(S.path("cookie-secret"), "rb") as f:
        return f.read()


def epoch_of(role):
    return int(S.sql("SELECT epoch FROM credentials WHERE role = '%s'" % role, database="confsched").stdout.strip())


def post_from(source, path, fields):
    """A form POST through nginx from a socket bound to `source` (nginx
    passes it on as REMOTE_ADDR)."""
    conn = http.client.HTTPConnection("127.0.0.1", S.http_port, timeout=30, source_address=(source, 0))
    try:
        conn.request("POST", path, body=urllib.parse.urlencode(fields),
                     headers={"Content-Type": "application/x-www-form-urlencoded", "Connection": "close"})
        r = conn.getresponse()
        return stackmod.Response(r.status, r.reason, r.headers, r.read())
    finally:
        conn.close()


def cached_urls():
    """Every URL the route table marks as shared-cached behind the login:
    /schedule and /session/<id> for every session the schedule links,
    /speakers and /speaker/<id> for every speaker it lists."""
    cookie = S.login()
    sessions = stackmod.session_ids(S.fcgi("GET", "/schedule", headers={"Cookie": cookie}).text)
    speakers = stackmod.speaker_ids(S.fcgi("GET", "/speakers", headers={"Cookie": cookie}).text)
    return (["/schedule"] + ["/session/%d" % i for i in sessions] + ["/speakers"] +
            ["/speaker/%d" % i for i in speakers])


def bad_tokens(good_token):
    """name -> a token that must never open a delegate page."""
    key = secret()
    now = int(time.time())
    d_epoch = epoch_of("delegate")
    role, expiry, epoch, mac = good_token.split(".")
    tampered = mac[:-2] + ("A" if mac[-2] != "A" else "B") + mac[-1]
    return {
        "none": None,
        "expired": forge_token(key, "delegate", now - 5, d_epoch),
        "tampered": ".".join((role, expiry, epoch, tampered)),
        "wrong epoch": forge_token(key, "delegate", now + 3600, d_epoch + 1),
        # validly signed, but for a role that does not exist, and for the
        # staff role with the delegate epoch (the epochs differ in the demo)
        "wrong role": forge_token(key, "admin", now + 3600, d_epoch),
        "staff with delegate epoch": forge_token(key, "staff", now + 3600, d_epoch)
        if epoch_of("staff") != d_epoch else forge_token(key, "staff", now + 3600, d_epoch + 7),
    }


def apache_cached_delegate_pages():
    """Files in Apache's mod_cache_disk root that hold a delegate page (its
    header file names the URL)."""
    found = []
    for folder, _, files in os.walk(S.path("apache", "cache")):
        for name in files:
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
            if re.search(rb"/(?:schedule|session/|speakers|speaker/|now|changes)", data):
                found.append(os.path.join(folder, name))
    return found


class NoCacheLeak(StackTestCase):
    def check_every_url(self, https):
        name = "__Host-confsched" if https else "confsched"
        good = S.login(https=https)
        token = good.split("=", 1)[1]
        bad = bad_tokens(token)
        urls = cached_urls()
        self.assertGreater(len(urls), 100)
        hits, refused, kept = 0, 0, 0
        t0 = time.monotonic()
        for path in urls:
            filled = S.get(path, headers={"Cookie": good}, https=https)
            self.assertEqual(filled.status, 200, "%s with a good cookie: %r" % (path, filled))
            if (filled.headers.get("X-Cache") or "").upper() == "HIT":
                hits += 1
            for what, tok in bad.items():
                headers = {"Cookie": "%s=%s" % (name, tok)} if tok is not None else None
                r = S.get(path, headers=headers, https=https)
                self.assertLoginRedirect(r, path, "%s, %s cookie, right after a good request (%s)" % (
                    path, what, "https" if https else "http"))
                self.assertNotEqual(r.body, filled.body)
                refused += 1
            if S.web == "nginx":
                again = S.get(path, headers={"Cookie": good}, https=https)
                if (again.headers.get("X-Cache") or "").upper() == "HIT":
                    kept += 1
        if S.web == "nginx":
            # A page still in the microcache after its refusals was there
            # all along: those refusals were made with a filled cache, not an
            # empty one. How many pages stayed depends on the machine's
            # speed (the cache keeps a page about a second), so any one
            # proves it (issue 15: no test may hinge on speed).
            sys.stderr.write("[access] %s: %d of %d pages still cached after their refusals\n" % (
                "https" if https else "http", kept, len(urls)))
            self.assertGreater(kept, 0, "no page was still in the microcache after its refusals")
        else:
            # Apache: the stack switches mod_cache on server-wide with its
            # quick handler (answers before any login check), as an admin
            # might; the site must have kept every delegate page out of it.
            self.assertEqual(apache_cached_delegate_pages(), [])
        sys.stderr.write("\n[access] %s: %d cached URLs x %d bad cookies = %d refusals in %.1f s\n" % (
            "https" if https else "http", len(urls), len(bad), refused, time.monotonic() - t0))

    def test_every_cached_url_over_http(self):
        self.check_every_url(https=False)

    def test_every_cached_url_over_https(self):
        self.check_every_url(https=True)

    def test_bad_tokens_are_understood(self):
        # Control: a token made the same way with the right role and epoch
        # works, so the refusals above are about what was changed.
        key = secret()
        ok = forge_token(key, "delegate", int(time.time()) + 3600, epoch_of("delegate"))
        self.assertEqual(S.get("/schedule", headers={"Cookie": "confsched=" + ok}).status, 200)


class CookieLifetime(StackTestCase):
    def test_max_age_and_expiry_match_session_hours(self):
        r = S.post_form("/login", {"username": "delegate", "password": S.passwords["delegate"], "next": "/"})
        self.assertEqual(r.status, 303, r)
        name, value, attrs = stackmod.parse_set_cookie(r.set_cookies()[0])
        hours = 168  # the stack's session_hours
        self.assertEqual(int(attrs["max-age"]), hours * 3600)
        expiry = int(value.split(".")[1])
        self.assertLessEqual(abs(expiry - (time.time() + hours * 3600)), 60, "token expiry vs Max-Age")


class SecurityHeaders(StackTestCase):
    def assertSecureHtml(self, r, what):
        self.assertHtmlPage(r, what)
        csp = csp_directives(r.headers["Content-Security-Policy"])
        self.assertIn("frame-ancestors", csp, what)
        self.assertNotIn("*", csp["frame-ancestors"], what)
        for directive in ("default-src", "script-src", "style-src"):
            for v in csp.get(directive, []):
                self.assertNotIn(v.lower(), ("'unsafe-inline'", "'unsafe-eval'", "data:", "*"),
                                 "%s: %s allows %s" % (what, directive, v))
        self.assertIn("object-src", csp, what)
        self.assertTrue(r.headers.get("Referrer-Policy"), "Referrer-Policy missing on " + what)
        # Nothing inline that the CSP would block (the page would break).
        # The scripts allowed are the external, hashed agenda script (issue 6)
        # and offline script (issue 9) on signed-in pages: take them out,
        # then no "<script" may stay. (Their data-text-* attributes hand
        # them their words in the site's language: README "Language".)
        words = r'(?: data-text-[a-z-]+="[^"<>]*")*'
        body = re.sub(r'<script src="/static/agenda\.[0-9a-f]{16}\.js" defer' + words + '></script>', "", r.text)
        body = re.sub(r'<script src="/static/offline\.[0-9a-f]{16}\.js" data-sw="/sw\.js\?v=[0-9a-f]{12}" defer'
                      + words + r'></script>', "", body).lower()
        for inline in ("<script", "<style", " style=", "javascript:", " onload=", " onclick="):
            self.assertNotIn(inline, body, "%s carries inline %r" % (what, inline))

    def test_every_html_response_type(self):
        delegate = S.login()
        staff = S.login("staff")
        sid = IDS.take()
        big = "x=" + "a" * (70 * 1024)
        cases = [
            ("200 /", S.get("/"), 200),
            ("200 /login", S.get("/login"), 200),
            ("200 /schedule", S.get("/schedule", headers={"Cookie": delegate}), 200),
            ("200 /session", S.get("/session/%d" % sid, headers={"Cookie": delegate}), 200),
            ("200 /admin", S.get("/admin", headers={"Cookie": staff}), 200),
            ("401 wrong password", S.post_form("/login", {"username": "delegate", "password": "nope"}), 401),
            ("403 delegate on /admin", S.get("/admin", headers={"Cookie": delegate}), 403),
            ("403 cross-site login", S.post_form("/login", {"username": "x"}, headers={"Origin": "http://evil"}),
             403),
            ("404", S.get("/no-such-page"), 404),
            ("404 session", S.get("/session/999999", headers={"Cookie": delegate}), 404),
            ("400 bad escape", S.get("/%ff"), 400),
            ("405", S.request("PUT", "/login", body=b""), 405),
            ("415", S.post_form("/login", None, raw="a=b", headers={"Content-Type": "text/plain"}), 415),
            # The app's own 413; the web server refuses larger bodies itself
            # first (nginx's client_max_body_size; Apache's LimitRequestBody
            # or the app, once Apache passes the length), so this goes
            # straight to the app.
            ("413 (app)", S.fcgi("POST", "/login", body=big,
                                 headers={"Content-Type": "application/x-www-form-urlencoded"}), 413),
            # ...and the web server's 413, through its error page.
            ("413 (web server)", S.post_form("/login", None, raw=big), 413),
            ("413 (web server, delegate page)", S.request("POST", "/schedule", body=big.encode(),
                                                     headers={"Cookie": delegate}), 413),
        ]
        # 429: throttle an address of its own (127.0.0.5; the stack's
        # default [login] numbers), not the 127.0.0.1 the other tests use.
        throttled = None
        for i in range(40):
            r = post_from("127.0.0.5", "/login", {"username": "delegate", "password": "wrong-%d" % i})
            if r.status == 429:
                throttled = r
                break
        self.assertIsNotNone(throttled, "no 429 after 40 failures")
        cases.append(("429", throttled, 429))
        for what, r, status in cases:
            self.assertEqual(r.status, status, "%s: %r" % (what, r))
            self.assertSecureHtml(r, what)
        sys.stderr.write("\n[access] security headers checked on %d HTML response types\n" % len(cases))

    def test_redirect_bodies_are_plain_and_nosniff(self):
        for what, r in (("signed out", S.get("/schedule")),
                        ("login", S.post_form("/login", {"username": "delegate",
                                                         "password": S.passwords["delegate"]})),
                        ("logout", S.post_form("/logout", {}))):
            self.assertEqual(r.status, 303, what)
            self.assertTrue((r.headers.get("Content-Type") or "").startswith("text/plain"), what)
            self.assertEqual(r.headers.get("X-Content-Type-Options"), "nosniff", what)


class KeyFile(StackTestCase):
    def test_a_key_readable_by_others_is_refused(self):
        for mode in (0o644, 0o640, 0o604):
            key = S.path("loose-secret-%o" % mode)
            with open(key, "wb") as f:
                f.write(secret())
            os.chmod(key, mode)
            ini = S.write_ini(S.path("loose-%o.ini" % mode), **{"auth.secret_file": key})
            for cmd in (("check",), ("serve", "--listen", "unix:" + S.path("run", "loose.sock"), "--workers", "1")):
                r = S.cli(*cmd, config=ini, check=False, timeout=30)
                self.assertNotEqual(r.returncode, 0, "%s with a %o key started" % (cmd[0], mode))
                self.assertIn("chmod 600", r.stderr, "%s %o: %s" % (cmd[0], mode, r.stderr))
                self.assertNotIn(secret().hex(), r.stderr)


class Log(StackTestCase):
    def test_log_holds_no_secret_after_logins_and_a_password_change(self):
        tokens = []
        for https in (False, True):
            tokens.append(S.login(https=https).split("=", 1)[1])
        staff = S.login("staff")
        tokens.append(staff.split("=", 1)[1])
        wrong = "wrong-%s" % os.urandom(4).hex()
        S.post_form("/login", {"username": "delegate", "password": wrong})
        S.post_form("/login", {"username": "delegat", "password": wrong + "2"})
        # A password change through the staff page.
        page = S.get("/admin/passwords", headers={"Cookie": staff})
        self.assertEqual(page.status, 200, page)
        form = next(f for f in parse_page(page.text).forms
                    if f["action"] == "/admin/passwords" and f["inputs"].get("role") == "delegate")
        new = "access-new-%s" % os.urandom(4).hex()
        fields = {k: v for k, v in form["inputs"].items() if k and v is not None}
        fields.update(password=new, password_again=new)
        r = S.post_form("/admin/passwords", fields, headers={"Cookie": staff})
        self.assertEqual(r.status, 303, "password change: %r %s" % (r, r.text[:300]))
        old = S.passwords["delegate"]
        S.passwords["delegate"] = new
        tokens.append(S.login().split("=", 1)[1])
        # A request carrying a cookie that fails, to be sure a refusal does
        # not log what it refused.
        S.fcgi("GET", "/schedule", headers={"Cookie": "confsched=" + tokens[0]})

        with open(S.path("log", "confsched.log"), "rb") as f:
            log = f.read()
        key = secret()
        for what, s in (("old password", old), ("new password", new), ("wrong password", wrong),
                        ("staff password", S.passwords["staff"])):
            self.assertNotIn(s.encode(), log, what + " in the app's log")
        self.assertNotIn(key, log, "the cookie key in the log")
        for enc in (key.hex(), urllib.parse.quote_from_bytes(key)):
            self.assertNotIn(enc.encode(), log, "the cookie key (encoded) in the log")
        for t in tokens:
            self.assertNotIn(t.encode(), log, "a session token in the log")
            self.assertNotIn(t.split(".")[-1].encode(), log, "a session token's MAC in the log")
        # The web server's logs, which now carry the request ids, hold none
        # of them either.
        for name in ("%s-access.log" % S.web, "%s-error.log" % S.web):
            with open(S.path("log", name), "rb") as f:
                other = f.read()
            for s in (old, new, wrong, S.passwords["staff"]):
                self.assertNotIn(s.encode(), other, "a password in " + name)
            for t in tokens:
                self.assertNotIn(t.split(".")[-1].encode(), other, "a session token's MAC in " + name)
        sys.stderr.write("\n[access] confsched.log: %d bytes, %d lines checked for %d secrets\n" % (
            len(log), log.count(b"\n"), 5 + len(tokens)))

    def test_control_characters_a_client_sends_are_escaped_in_the_log(self):
        """The refused login post logs its Origin header: a terminal escape,
        a C1 control (U+009B, the one-character CSI), a right-to-left
        override and a byte that is not UTF-8 must arrive as visible escapes
        (log.h), never as the raw bytes a terminal would act on."""
        def log():
            with open(S.path("log", "confsched.log"), "rb") as f:
                return f.read()

        marker = os.urandom(4).hex()
        origins = {
            # C0: nginx passes a field value's control characters on;
            # Apache answers 400 itself (HttpProtocolOptions Strict holds
            # field values to RFC 9110's grammar), so the app never sees it.
            "c0": b"\x1b[31mhttp://evil-" + marker.encode() + b"\x1b[0m",
            # Bytes of 0x80 and above are obs-text (RFC 9110 §5.5), which
            # both web servers pass on.
            "c1": b"http://\xc2\x9b31m" + marker.encode() + b"\xe2\x80\xaegnp.\xff",
        }
        expected = {
            "c0": b"Origin: \\x1b[31mhttp://evil-" + marker.encode() + b"\\x1b[0m",
            "c1": b"Origin: http://\\u009b31m" + marker.encode() + b"\\u202egnp.\\xff",
        }
        for kind, origin in origins.items():
            r = S.post_form("/login", {"username": "delegate", "password": "x"}, headers={"Origin": origin})
            if kind == "c0" and S.web == "apache" and r.status == 400:
                continue
            self.assertEqual(r.status, 403, "%s: %r %s" % (kind, r, r.text[:200]))
            ok, _ = poll(lambda: expected[kind] in log(), 5, 0.1)
            self.assertTrue(ok, "%s: no escaped Origin line in the log; its last lines:\n%s"
                            % (kind, b"\n".join(log().splitlines()[-5:]).decode("utf-8", "replace")))
        text = log()
        for raw in (b"\x1b", b"\xc2\x9b", b"\xe2\x80\xae", b"\xff"):
            self.assertNotIn(raw, text, "a raw %r in the app's log" % raw)
        for line in text.splitlines():
            self.assertFalse(any(b < 0x20 or b == 0x7F for b in line), "a control byte in %r" % line)


if __name__ == "__main__":
    unittest.main()
