"""What the web server in front answers or writes by itself, and the app's
own guards that back it up (issue: the gate leaks, "smaller holes"):

  * HSTS on every answer over https (the app's, the cached pages', the web
    server's own error pages), never over http;
  * the web server's own error pages (400, 404, 405, 414) carry the same
    security headers as the app's pages, and TRACE is refused;
  * a schedule upload from anybody but staff is refused before its body is
    read, by the web server (nginx asks the app first) and by the app
    itself (it checks the head before it reads a large body);
  * feed and room display tokens never land in the access log.

Runs through nginx, and through Apache with CONFSCHED_WEB_SERVER=apache."""

import os
import re
import socket
import ssl
import time
import unittest

from support import (POLL_LIMIT_S, StackTestCase, csp_directives, figure, poll_until, start_module_stack,
                     stop_module_stack)

S = None
IDS = None
HSTS = "max-age=31536000"


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("edge")


def tearDownModule():
    stop_module_stack(S)


def raw_exchange(data, https=False, timeout=10):
    """Sends bytes as they are and reads the answer until the server closes
    or timeout passes. Returns (status or None, headers dict lower-case,
    body bytes, seconds until the answer's head had arrived)."""
    t0 = time.monotonic()
    sock = socket.create_connection(("127.0.0.1", S.https_port if https else S.http_port), timeout=timeout)
    if https:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        sock = ctx.wrap_socket(sock)
    out = b""
    took = None
    try:
        sock.sendall(data)
        while True:
            try:
                chunk = sock.recv(65536)
            except (socket.timeout, ssl.SSLError, ConnectionResetError):
                break
            if not chunk:
                break
            out += chunk
            if took is None and b"\r\n\r\n" in out:
                took = time.monotonic() - t0
    finally:
        sock.close()
    head, _, body = out.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    m = re.match(r"HTTP/1\.[01] (\d{3})", lines[0]) if lines else None
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers.setdefault(k.strip().lower(), v.strip())
    return (int(m.group(1)) if m else None), headers, body, took


class TransportSecurity(StackTestCase):
    def test_hsts_over_https_only(self):
        cookie_tls = S.login(https=True)
        cookie = S.login()
        sid = IDS.take()
        checks = [("/", None), ("/login", None), ("/session/%d" % sid, "delegate"), ("/static/nope.css", None)]
        for path, who in checks:
            for _ in range(2):  # the second is a cache hit where there is a cache
                r = S.get(path, https=True, headers={"Cookie": cookie_tls} if who else None)
                self.assertEqual(r.headers.get("Strict-Transport-Security"), HSTS, "https GET %s: %r" % (path, r))
                r = S.get(path, headers={"Cookie": cookie} if who else None)
                self.assertIsNone(r.headers.get("Strict-Transport-Security"), "http GET %s: %r" % (path, r))


class ServerErrorPages(StackTestCase):
    def assert_secured(self, status, headers, body, what):
        self.assertIn("content-security-policy", headers, "%s: %s %r" % (what, status, headers))
        self.assertEqual(csp_directives(headers["content-security-policy"]).get("default-src"), ["'self'"], what)
        self.assertEqual(headers.get("x-content-type-options"), "nosniff", what)
        self.assertEqual(headers.get("referrer-policy"), "same-origin", what)
        self.assertIn(b"<html", body.lower(), "%s: no page: %r" % (what, body[:200]))

    def test_the_web_servers_own_errors_carry_the_security_headers(self):
        cases = [
            ("malformed header", b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\nConnection: close\r\n\r\n",
             400),
            ("address too long", b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
             414),
            ("static file missing", b"GET /static/nope.css HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
             404),
            ("TRACE", b"TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 405),
        ]
        for what, data, want in cases:
            for https in (False, True):
                with self.subTest(what=what, https=https):
                    status, headers, body, _ = raw_exchange(data, https=https)
                    self.assertEqual(status, want, "%s: %r %r" % (what, status, body[:300]))
                    self.assert_secured(status, headers, body, "%s (https=%s)" % (what, https))


class UploadNeedsStaffBeforeItsBody(StackTestCase):
    """Regression: an anonymous client could send 6 MiB to /admin/import,
    read in full (into a temporary file by nginx, then by a worker) before
    the role was checked."""

    def head_only(self, cookie=None):
        lines = ["POST /admin/import HTTP/1.1", "Host: 127.0.0.1:%d" % S.http_port,
                 "Content-Type: multipart/form-data; boundary=x", "Content-Length: 5000000",
                 "Origin: " + S.origin, "Connection: close"]
        if cookie:
            lines.append("Cookie: " + cookie)
        # The head and 1 KiB of the body, and then nothing: a server that
        # waits for the rest waits until its body timeout (10 s).
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + b"--x\r\n" + b"y" * 1024

    def test_web_server_refuses_anybody_but_staff(self):
        for who in (None, "delegate"):
            cookie = S.login() if who else None
            data = self.head_only(cookie)
            if S.web == "nginx":
                # nginx asks the app before it reads the body: the answer
                # comes without the rest of it.
                what = "a POST of 5 MB to /admin/import as %s, body not sent" % (who or "nobody")
            else:
                # Apache streams the body to the app, which answers on the
                # head without reading it; Apache itself cannot ask first.
                data += b"z" * (5000000 - 1024 - 5)
                what = "a POST of 5 MB to /admin/import as %s" % (who or "nobody")
            # A server that waited for the body would answer only when its
            # body timeout (10 s) ran out, and then 408 or nothing: the
            # status tells, not how soon it came (issue 15; the time is
            # printed). The generous timeout only guards against a hang.
            status, headers, body, took = raw_exchange(data, timeout=max(POLL_LIMIT_S, 15))
            self.assertIsNotNone(status, "%s: no answer within %.0f s (the server waited for the body)" % (
                what, max(POLL_LIMIT_S, 15)))
            figure("edge.refused_upload_answered_%s_%s" % (S.web, who or "anonymous"), took)
            if S.web == "nginx" or who:
                self.assertEqual(status, 403, "%s: %r %r (408: the server waited for the body)" % (
                    what, status, body[:300]))
            else:
                self.assertEqual(status, 303, "%s: %r %r" % (what, status, body[:300]))
                self.assertTrue(headers.get("location", "").partition("?")[0].endswith("/login"), headers)
            if S.web == "nginx":
                self.assertIn(b"staff", body, what)

    def test_app_checks_the_head_before_reading_a_large_body(self):
        # Straight to the app: a declared 5 MB body that never comes. Read,
        # it would end early (400); refused on the head, it is never read.
        params = {"CONTENT_LENGTH": "5000000", "CONTENT_TYPE": "multipart/form-data; boundary=x"}
        r = S.fcgi("POST", "/admin/import", params=params)
        self.assertLoginRedirect(r, "/admin/import", "anonymous, 5 MB declared")
        r = S.fcgi("POST", "/admin/import", params=params, headers={"Cookie": S.login()})
        self.assertEqual(r.status, 403, "a delegate, 5 MB declared: %r" % r)
        r = S.fcgi("POST", "/admin/import", params=params, headers={"Cookie": S.login("staff")})
        self.assertEqual(r.status, 400, "staff may send it, so the app reads it (and it ends early): %r" % r)
        # Small bodies are read and refused by the page as before.
        r = S.fcgi("POST", "/admin/import", body=b"a=b")
        self.assertLoginRedirect(r, "/admin/import", "anonymous, small body")


class TokensStayOutOfTheLog(StackTestCase):
    def test_feed_and_display_tokens_are_not_logged(self):
        cookie = S.login()
        feeds = S.get("/feeds", headers={"Cookie": cookie})
        m = re.search(r"/schedule\.ics\?token=([A-Za-z0-9._~%-]+)", feeds.text)
        self.assertTrue(m, "no feed link on /feeds")
        token = m.group(1)
        self.assertEqual(S.get("/schedule.ics?token=" + token).status, 200)
        self.assertEqual(S.get("/schedule.json?token=" + token).status, 200)
        link = S.cli("display-token", "1").stdout.strip()
        display_token = link.partition("token=")[2]
        self.assertTrue(display_token, "confsched display-token printed %r" % link)
        # The command turned the screen on: a new data version that each
        # worker notices on its own, within ~0.5 s, so one 200 is not enough
        # (the next request may reach the other worker): several in a row.
        # How soon is printed, not asserted; the limit only guards against
        # a hang.
        poll_until(lambda: all(S.get(link).status == 200 for _ in range(6)), "edge.display_link_open_after_cli",
                   "the display link open on every worker")
        # A room screen's browser asks for the stylesheet next: the page asks
        # it to send no Referer, so the token does not travel in one.
        self.assertIn(b'<meta name="referrer" content="no-referrer">', S.get(link).body)
        time.sleep(0.5)  # the log is written when the request ends
        logs = [name for name in os.listdir(S.path("log")) if "access" in name]
        self.assertTrue(logs, "no access log")
        for name in logs:
            with open(S.path("log", name), "rb") as f:
                text = f.read()
            self.assertIn(b"/schedule.ics", text, "the feed request is not in %s at all" % name)
            self.assertNotIn(token.encode(), text, "the feed token is in %s" % name)
            self.assertNotIn(display_token.encode(), text, "the display token is in %s" % name)


if __name__ == "__main__":
    unittest.main()
