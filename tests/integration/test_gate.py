"""The login gate in front of the cached delegate pages, tried as an attacker
would: whatever Cookie header one request sends, no later request without a
valid session may receive a delegate page.

Under nginx the gate is two programs: nginx extracts the session token from
the Cookie header and keys its cache of login checks on it, and the app
judges a token. If the two read the header differently, the app's "yes" for
one reading is stored under nginx's other reading, which may be the key that
every client without a cookie uses. conf/nginx/confsched.conf therefore sends
the app only the token it extracted (CONFSCHED_SESSION), never the Cookie
header, so both look at the same bytes by construction. This module proves
it across the class: Cookie headers built from a valid token with blanks
and tabs around '=' and ';', quotes, duplicated and reordered cookies, the
other name's prefix, case changes, several Cookie lines, empty and very long
values, and a cookie planted beside a real one. Each is sent as "the odd
request" right after ordinary traffic filled the page cache and with the
login-check cache empty (nginx restarted on an empty cache, so every key is
a miss), and then every cached delegate page is asked for without a cookie,
and with every cookie an attacker could build from the odd request's other
values, over http and https: each must be the login redirect. The
spellings beside those pages that the route table does not answer
(/speaker/01, /speakers/, ...) stay a 404 for everybody.

Under Apache (CONFSCHED_WEB_SERVER=apache) there is no cache in front of the
app and only the app reads the cookie; the same requests prove that no odd
request changes what an anonymous client gets there either."""

import http.client
import re
import secrets
import shutil
import socket
import unittest

import stack as stackmod
from support import StackTestCase, start_module_stack, stop_module_stack

S = None
IDS = None
PAGES = []  # every kind of page nginx keeps in its microcache
# Spellings beside those pages that the route table does not answer: a
# delegate gets the 404, and they must never open a page to anybody else.
HOSTILE = ["/session/02", "/speaker/1x", "/speaker/01", "/speakers/", "/speaker/"]

PLAIN = "confsched"
HOST = "__Host-confsched"


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("gate")
    cookie = S.login()
    r = S.get("/schedule", headers={"Cookie": cookie})
    days = re.search(r'<select name="day">(.*?)</select>', r.text, re.S)
    assert r.status == 200 and days, "no day filter on /schedule: %r" % r
    day = [v for v in re.findall(r'<option value="([^"]+)"', days.group(1))][0]
    speakers = stackmod.speaker_ids(S.fcgi("GET", "/speakers", headers={"Cookie": cookie}).text)
    assert speakers, "no speaker on /speakers"
    PAGES.extend(["/schedule", "/schedule?day=" + day, "/session/%d" % IDS.take(), "/speakers",
                  "/speaker/%d" % speakers[0], "/now", "/changes"])


def tearDownModule():
    stop_module_stack(S)


def send(method, path, cookie_lines=(), https=False):
    """One request on a fresh connection, with each of cookie_lines as a
    Cookie header line of its own (http.client's dict of headers cannot
    repeat a name)."""
    if https:
        conn = http.client.HTTPSConnection("127.0.0.1", S.https_port, timeout=15,
                                           context=stackmod.tls_client_context())
    else:
        conn = http.client.HTTPConnection("127.0.0.1", S.http_port, timeout=15)
    try:
        # The request goes out as a few small TLS records: without NODELAY,
        # Nagle holds the last one for the server's delayed ACK (~40 ms a
        # request through Apache).
        conn.connect()
        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn.putrequest(method, path, skip_accept_encoding=True)
        for line in cookie_lines:
            conn.putheader("Cookie", line)
        conn.putheader("Connection", "close")
        conn.endheaders()
        resp = conn.getresponse()
        return stackmod.Response(resp.status, resp.reason, resp.headers, resp.read())
    finally:
        conn.close()


def odd_variants(name, token, other):
    """(label, Cookie lines, planted value) built from a valid token under
    its right name; other is the name valid for the other scheme. The
    planted value is fresh per variant, so no variant sees another's cache
    entry."""
    g = "g" + secrets.token_hex(8)
    long_tail = "A" * 6000
    cases = [
        ("blank before =", ["%s =%s" % (name, token)]),
        ("tab before =", ["%s\t=%s" % (name, token)]),
        ("blank after =", ["%s= %s" % (name, token)]),
        ("tab after =", ["%s=\t%s" % (name, token)]),
        ("blanks around = and ;", [" %s = %s ; a=b " % (name, token)]),
        ("tabs around ;", ["a=b\t;\t%s=%s\t;\tc=d" % (name, token)]),
        ("no blank after ;", ["a=b;%s=%s" % (name, token)]),
        ("quoted", ['%s="%s"' % (name, token)]),
        ("quoted, blanks around", ['%s = "%s" ' % (name, token)]),
        ("empty pairs", [";;%s=%s;;" % (name, token)]),
        ("empty value first", ["%s=; %s=%s" % (name, name, token)]),
        ("planted first", ["%s=%s; %s=%s" % (name, g, name, token)]),
        ("planted second", ["%s=%s; %s=%s" % (name, token, name, g)]),
        ("other prefix", ["%s=%s" % (other, token)]),
        ("other prefix planted first", ["%s=%s; %s=%s" % (other, g, name, token)]),
        ("other prefix planted second", ["%s=%s; %s=%s" % (name, token, other, g)]),
        ("other prefix carries the token, planted under the right name",
         ["%s=%s; %s=%s" % (other, token, name, g)]),
        ("name in capitals", ["%s=%s" % (name.upper(), token)]),
        ("name capitalised", ["%s=%s" % (name[0].upper() + name[1:], token)]),
        ("longer name", ["x%s=%s" % (name, token)]),
        ("name with a suffix, then blank before =", ["%s_staff_name=x; %s =%s" % (name, name, token)]),
        ("comma separated", ["a=b, %s=%s" % (name, token)]),
        ("comma after the value", ["%s=%s,a=b" % (name, token)]),
        ("two Cookie lines", ["a=b", "%s=%s" % (name, token)]),
        ("two Cookie lines, blank before = in the second", ["a=b", "%s =%s" % (name, token)]),
        ("two Cookie lines, planted first", ["%s=%s" % (name, g), "%s=%s" % (name, token)]),
        ("two Cookie lines, planted second", ["%s=%s" % (name, token), "%s=%s" % (name, g)]),
        ("two Cookie lines, other prefix planted first", ["%s=%s" % (other, g), "%s=%s" % (name, token)]),
        ("empty value", ["%s=" % name]),
        ("empty Cookie header", [""]),
        ("very long value", ["%s=%s%s" % (name, token, long_tail)]),
        ("very long cookie first, blank before =", ["a=%s; %s =%s" % (long_tail, name, token)]),
        ("control character after the value", ["%s=%s\x0b" % (name, token)]),
        ("trailing garbage", ["%s=%s!" % (name, token)]),
    ]
    return [(label, lines, g) for label, lines in cases]


class CookieGate(StackTestCase):
    tokens = {}

    @classmethod
    def setUpClass(cls):
        # A valid session per scheme, under the name the scheme uses.
        for https in (False, True):
            name, _, value = S.login(https=https).partition("=")
            assert name == (HOST if https else PLAIN), name
            cls.tokens[https] = value

    def reset_front_cache(self):
        """Under nginx: restart it on empty caches, so that the odd request's
        login check is a miss whatever key nginx derives from it (the worst
        case: a remembered answer for the same key would hide a mismatch)."""
        if S.web != "nginx":
            return
        S.stop_nginx()
        for zone in ("confsched-auth", "confsched-pages"):
            shutil.rmtree(S.path("nginx", "cache", zone), ignore_errors=True)
        S.start_nginx()

    def fill_page_cache(self):
        """Ordinary traffic: every cached page requested by a delegate, so
        that an anonymous request would be a cache hit if let through
        (under nginx; Apache keeps no cache in front of the app)."""
        if S.web != "nginx":
            return
        for https in (False, True):
            cookie = "%s=%s" % (HOST if https else PLAIN, self.tokens[https])
            for path in PAGES:
                r = send("GET", path, [cookie], https=https)
                self.assertEqual(r.status, 200, "GET %s as a delegate (https=%s): %r" % (path, https, r))

    def attacker_cookies(self, planted):
        """What a client without a session can send: nothing, an empty
        session, or the planted value under either name."""
        out = [[]]
        for value in ("", planted):
            for name in (PLAIN, HOST):
                out.append(["%s=%s" % (name, value)])
        return out

    def assert_refused(self, r, what):
        self.assertEqual(r.status, 303, "%s: expected the login redirect, got %r %s" % (what, r, r.text[:200]))
        self.assertTrue((r.headers.get("Location") or "").split("?")[0].endswith("/login"),
                        "%s: Location %r" % (what, r.headers.get("Location")))

    def run_variants(self, https):
        name, other = (HOST, PLAIN) if https else (PLAIN, HOST)
        variants = odd_variants(name, self.tokens[https], other)
        for n, (label, lines, planted) in enumerate(variants):
            with self.subTest(variant=label, https=https):
                self.reset_front_cache()
                self.fill_page_cache()
                odd_path = PAGES[n % len(PAGES)]
                send("GET", odd_path, lines, https=https)
                shown = [line if len(line) < 160 else line[:150] + "...(%d bytes)" % len(line) for line in lines]
                context = "after the odd request %r (%s) to %s over %s" % (
                    shown, label, odd_path, "https" if https else "http")
                # Every cached page, without a cookie, over both schemes.
                for probe_https in (False, True):
                    for path in PAGES:
                        r = send("GET", path, [], https=probe_https)
                        self.assert_refused(r, "%s: GET %s without a cookie over %s" % (
                            context, path, "https" if probe_https else "http"))
                r = send("HEAD", PAGES[0], [], https=https)
                self.assert_refused(r, "%s: HEAD %s without a cookie" % (context, PAGES[0]))
                # What else an attacker can send: the login check's verdict
                # is one per token whatever the page, so one page each.
                for k, cookie in enumerate(self.attacker_cookies(planted)[1:]):
                    for probe_https in (False, True):
                        path = PAGES[k % len(PAGES)]
                        r = send("GET", path, cookie, https=probe_https)
                        self.assert_refused(r, "%s: GET %s with %r over %s" % (
                            context, path, cookie, "https" if probe_https else "http"))

    def test_spellings_beside_the_pages_are_404_for_everybody(self):
        """Right after a delegate asked for each of them (and filled the
        page cache), with no cookie, the other name's or a made-up one."""
        self.reset_front_cache()
        self.fill_page_cache()
        for https in (False, True):
            name = HOST if https else PLAIN
            for path in HOSTILE:
                r = send("GET", path, ["%s=%s" % (name, self.tokens[https])], https=https)
                self.assertEqual(r.status, 404, "GET %s as a delegate (https=%s): %r" % (path, https, r))
                for cookie in self.attacker_cookies("g" + secrets.token_hex(8)):
                    r = send("GET", path, cookie, https=https)
                    self.assertEqual(r.status, 404, "GET %s with %r (https=%s): %r" % (path, cookie, https, r))

    def test_odd_cookie_headers_over_http_leave_the_gate_closed(self):
        self.run_variants(https=False)

    def test_odd_cookie_headers_over_https_leave_the_gate_closed(self):
        self.run_variants(https=True)


if __name__ == "__main__":
    unittest.main()
