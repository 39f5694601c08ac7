#!/usr/bin/env python3
"""What a wrong-password flood does to logins, under the shipped [login]
numbers (README "Brute force" quotes what this printed).

Starts its own stack (tests/integration/stack.py: private MariaDB,
`confsched serve` with 2 workers, so 1 Argon2id slot plus the one kept for
trusted browsers, nginx on loopback, all stopped by pid at the end) with
no [login] overrides, then:

  1. venue: for each role, a flood of wrong passwords for that role from
     one address (127.0.0.50 or .51) through nginx, FLOOD_THREADS threads
     as fast as they go, for SECONDS. Meanwhile, from the same address,
     browsers that logged in there before (device cookie) log in with the
     right password, 20 a second, round robin over 20 of them, and a
     browser without the cookie tries once a second. Prints how many of
     each got in, their latency, and how many wrong passwords of the flood
     the server actually checked (401) in its first minute. A flood that
     sends in parallel mostly gets busy answers, which count too; so
     beside it a careful guesser at another address (.60 or .61) sends one
     wrong password at a time and waits out each Retry-After: the most one
     address can get checked.
  2. botnet: wrong delegate passwords from ever new addresses (one IPv6
     /64 each, straight to the FastCGI socket; each address goes on until
     it is refused), FLOOD_THREADS threads, for SECONDS, with the same
     trusted and untrusted logins from 127.0.0.52. Prints the global
     number of wrong passwords checked per minute, against the rate of one
     Argon2id slot measured alone just before.

    python3 bench/login_flood.py [SECONDS]   (default 60; ~4 x SECONDS in all; the build's
    binary, or CONFSCHED_BIN=/absolute/path/confsched)

Load comes from Python threads on the same machine, so the client's own
CPU use limits the flood; the numbers are a floor for what a flood does,
and for trusted logins what they get while the machine is saturated.
"""

import http.client
import os
import statistics
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "integration"))
import stack as stackmod  # noqa: E402

FLOOD_THREADS = 4
TRUSTED_DEVICES = 20
TRUSTED_SENDERS = 2  # each sends a trusted login every 100 ms
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def form(user, password):
    return urllib.parse.urlencode({"username": user, "password": password, "next": "/schedule"})


class Client:
    """Keep-alive HTTP/1.1 to nginx from one source address."""

    def __init__(self, s, source):
        self.s, self.source, self.conn = s, source, None

    def post_login(self, user, password, cookie=None):
        headers = dict(FORM)
        if cookie:
            headers["Cookie"] = cookie
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.s.http_port, timeout=30,
                                                       source_address=(self.source, 0))
            try:
                self.conn.request("POST", "/login", body=form(user, password), headers=headers)
                r = self.conn.getresponse()
                r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.close()
                return r.status, r.headers
            except (OSError, http.client.HTTPException):
                self.close()
                if attempt == 2:
                    return "error", None
        return "error", None

    def close(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = None


def device_cookie(headers):
    for value in headers.get_all("Set-Cookie") or []:
        name, val, _ = stackmod.parse_set_cookie(value)
        if name == "confsched_device" and val:
            return "confsched_device=" + val
    raise SystemExit("no device cookie: %r" % headers.get_all("Set-Cookie"))


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else float("nan")


class Flood:
    """threads x send() until stop; records (time, status) of each answer."""

    def __init__(self, send, threads):
        self.send, self.stop = send, threading.Event()
        self.answers, self.lock = [], threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(t,), daemon=True) for t in range(threads)]

    def run(self, t):
        state = {}
        while not self.stop.is_set():
            status = self.send(t, state)
            with self.lock:
                self.answers.append((time.monotonic(), status))

    def start(self):
        self.t0 = time.monotonic()
        for t in self.threads:
            t.start()

    def finish(self):
        self.stop.set()
        for t in self.threads:
            t.join(timeout=60)
        self.seconds = time.monotonic() - self.t0

    def count(self, status, within=None):
        return sum(1 for t, s in self.answers if s == status and (within is None or t - self.t0 < within))


def logins_during(s, source, role, devices, seconds):
    """TRUSTED_SENDERS threads of trusted logins, each one every 100 ms
    round robin over the devices, and an untrusted one every second, from
    source, for seconds. Returns (trusted results, untrusted results), each
    a list of (status, seconds)."""
    trusted, untrusted = [], []

    def untrusted_loop():
        c = Client(s, source)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            t0 = time.monotonic()
            status, _ = c.post_login(role, s.passwords[role])
            untrusted.append((status, time.monotonic() - t0))
            time.sleep(max(0.0, 1.0 - (time.monotonic() - t0)))
        c.close()

    def trusted_loop(k):
        mine = devices[k::TRUSTED_SENDERS]
        clients = [Client(s, source) for _ in mine]
        end = time.monotonic() + seconds
        n, next_at = 0, time.monotonic() + k * 0.1 / TRUSTED_SENDERS
        while time.monotonic() < end:
            time.sleep(max(0.0, next_at - time.monotonic()))
            i = n % len(mine)
            t0 = time.monotonic()
            status, _ = clients[i].post_login(role, s.passwords[role], cookie=mine[i])
            trusted.append((status, time.monotonic() - t0))
            n += 1
            next_at += 0.1
        for c in clients:
            c.close()

    threads = [threading.Thread(target=untrusted_loop, daemon=True)]
    threads += [threading.Thread(target=trusted_loop, args=(k,), daemon=True) for k in range(TRUSTED_SENDERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 60)
    return trusted, untrusted


def report_logins(what, trusted, untrusted, seconds):
    ok = [t for st, t in trusted if st == 303]
    print("  %s: trusted browsers: %d of %d correct logins in (%.1f/s), latency p50 %.0f ms, p99 %.0f ms, "
          "max %.0f ms; refused: %r" % (
              what, len(ok), len(trusted), len(ok) / seconds, percentile(ok, 0.5) * 1000,
              percentile(ok, 0.99) * 1000, max(ok, default=0) * 1000,
              sorted({st for st, _ in trusted if st != 303})))
    statuses = {}
    for st, _ in untrusted:
        statuses[st] = statuses.get(st, 0) + 1
    print("  %s: browsers without the device cookie: %d tries, answers %r" % (what, len(untrusted), statuses))


def guesser(s, role, source, stop, answers):
    """The best a guesser at one address can do: one wrong password at a
    time (concurrent ones only get busy answers, which count too), and
    while refused, waiting out Retry-After."""
    c = Client(s, source)
    i = 0
    while not stop.is_set():
        status, headers = c.post_login(role, "guess-%d" % i)
        i += 1
        answers.append((time.monotonic(), status))
        if status in (429, 503):
            stop.wait(float(headers.get("Retry-After", "1")) if headers else 1)
    c.close()


def venue(s, role, source, guess_source, seconds):
    devices = []
    c = Client(s, source)
    for _ in range(TRUSTED_DEVICES):
        status, headers = c.post_login(role, s.passwords[role])
        if status != 303:
            raise SystemExit("login before the flood: %s" % status)
        devices.append(device_cookie(headers))
        c.close()  # a new browser each time: no cookie carried over

    clients = {}

    def send(t, state):
        state["i"] = state.get("i", 0) + 1
        c = clients.setdefault(t, Client(s, source))
        return c.post_login(role, "wrong-%d-%d" % (t, state["i"]))[0]

    flood = Flood(send, FLOOD_THREADS)
    guesses, guessing = [], threading.Event()
    g = threading.Thread(target=guesser, args=(s, role, guess_source, guessing, guesses), daemon=True)
    flood.start()
    g.start()
    time.sleep(2)
    trusted, untrusted = logins_during(s, source, role, devices, seconds)
    flood.finish()
    guessing.set()
    g.join(timeout=60)
    for c in clients.values():
        c.close()
    print("%s flood from %s: %d requests in %.0f s (%.0f/s): %d wrong passwords checked (401) in the first "
          "minute, %d in all; %d answered 429, %d busy (503)" % (
              role, source, len(flood.answers), flood.seconds, len(flood.answers) / flood.seconds,
              flood.count(401, 60), flood.count(401), flood.count(429), flood.count(503)))
    report_logins(role, trusted, untrusted, seconds)
    checked = [t - flood.t0 for t, st in guesses if st == 401]
    print("  %s: a careful guesser at %s meanwhile: %d wrong passwords checked in the first minute, %d in "
          "%.0f s" % (role, guess_source, sum(1 for t in checked if t < 60), len(checked), flood.seconds))


def fcgi_login(s, addr, password):
    return s.fcgi("POST", "/login", body=form("delegate", password), headers=FORM,
                  params={"REMOTE_ADDR": addr}).status


def botnet(s, seconds):
    # One slot alone: sequential wrong passwords from fresh addresses.
    t0, n = time.monotonic(), 0
    while time.monotonic() - t0 < 10:
        fcgi_login(s, "fd01:0:0:%x::1" % n, "alone")
        n += 1
    alone = n / (time.monotonic() - t0)
    print("one Argon2id slot, wrong passwords one after another: %.1f checked/s (%.0f/min)" % (alone, alone * 60))

    source = "127.0.0.52"
    devices = []
    c = Client(s, source)
    for _ in range(TRUSTED_DEVICES):
        devices.append(device_cookie(c.post_login("delegate", s.passwords["delegate"])[1]))
        c.close()

    def send(t, state):
        # An address goes on until refused, then the next one.
        status = fcgi_login(s, "fd02:0:%x:%x::1" % (t, state.get("n", 0)), "botnet")
        if status == 429:
            state["n"] = state.get("n", 0) + 1
        return status

    flood = Flood(send, FLOOD_THREADS)
    flood.start()
    time.sleep(2)
    trusted, untrusted = logins_during(s, source, "delegate", devices, seconds)
    flood.finish()
    addresses = sum(1 for _, st in flood.answers if st == 429)
    print("delegate flood from %d addresses: %d requests in %.0f s: %.0f wrong passwords checked per minute "
          "(401; %d busy answers, each counted against its address)" % (
              addresses, len(flood.answers), flood.seconds, flood.count(401) * 60 / flood.seconds,
              flood.count(503)))
    report_logins("botnet", trusted, untrusted, seconds)


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60
    s = stackmod.Stack("login-flood", https=False).start()
    try:
        with open("/proc/loadavg") as f:
            print("%d cores, load %s; 2 workers, [login] as shipped" % (os.cpu_count(), f.read().split()[0]))
        venue(s, "delegate", "127.0.0.50", "127.0.0.60", seconds)
        venue(s, "staff", "127.0.0.51", "127.0.0.61", seconds)
        botnet(s, seconds)
    finally:
        s.stop()


if __name__ == "__main__":
    main()
