"""Login brute-force throttling over the real stack: failures from one
address are refused with 429 after [login] max_failures, before any Argon2id
work; correct logins from another address (250, 50 at a time) all get in
meanwhile, even under a flood of wrong passwords from many addresses; a
throttled address is refused even with the right password until its block
ends; and worker memory stays bounded.

Clients bind their socket to other loopback addresses (127.0.0.2, ...):
Linux routes all of 127/8 to lo, and nginx passes the source as
REMOTE_ADDR. Every loop is bounded."""

import concurrent.futures
import http.client
import statistics
import sys
import threading
import time
import unittest
import urllib.parse

from support import StackTestCase, start_module_stack, stop_module_stack, cache_directives

S = None
IDS = None

# Small numbers so the test runs in seconds; the shipped defaults are in
# conf/confsched.ini.example.
MAX_FAILURES = 5
BLOCK_S = 3
LOGIN = {"login.max_failures": str(MAX_FAILURES), "login.window_s": "60", "login.block_s": str(BLOCK_S),
         "login.max_block_s": "6", "login.forget_s": "60"}
# What a worker may reach after a flood: one 19 MiB Argon2id verification
# at a time, plus the programme and templates.
RSS_BOUND_KIB = 64 * 1024


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("throttle", ini_overrides=LOGIN)


def tearDownModule():
    stop_module_stack(S)


def login_from(source, password, user="delegate", timeout=30):
    """POST /login through nginx from a socket bound to `source`.
    Returns (status, headers, body, seconds)."""
    body = urllib.parse.urlencode({"username": user, "password": password, "next": "/schedule"})
    conn = http.client.HTTPConnection("127.0.0.1", S.http_port, timeout=timeout, source_address=(source, 0))
    t0 = time.monotonic()
    try:
        conn.request("POST", "/login", body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Connection": "close"})
        r = conn.getresponse()
        data = r.read()
        return r.status, r.headers, data, time.monotonic() - t0
    finally:
        conn.close()


def fail_until_refused(source, limit):
    """Wrong passwords from source until a 429 (or limit attempts).
    Returns the list of (status, seconds)."""
    out = []
    for _ in range(limit):
        status, headers, _, took = login_from(source, "wrong-%d" % len(out))
        out.append((status, took))
        if status == 429:
            break
        if status == 503:  # every Argon2id slot busy: a user would wait a moment
            time.sleep(float(headers.get("Retry-After", "1")) / 4)
    return out


def app_log():
    with open(S.path("log", "confsched.log"), errors="replace") as f:
        return f.read()


def sanitized(pid):
    """True when the worker runs an AddressSanitizer build (whose shadow
    memory makes its RSS meaningless for the bound)."""
    try:
        with open("/proc/%d/maps" % pid) as f:
            return "libasan" in f.read()
    except OSError:
        return False


def vm_hwm_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return None


class Throttle(StackTestCase):
    def test_a_failures_are_refused_after_the_limit_before_any_argon2(self):
        attempts = fail_until_refused("127.0.0.2", 4 * MAX_FAILURES)
        statuses = [s for s, _ in attempts]
        self.assertEqual(statuses[:MAX_FAILURES], [401] * MAX_FAILURES,
                         "the first %d failures are checked: %r" % (MAX_FAILURES, statuses))
        self.assertEqual(statuses[-1], 429, "no 429 after %d attempts: %r" % (len(statuses), statuses))
        self.assertEqual(len(statuses), MAX_FAILURES + 1, "429 should come right after the limit: %r" % statuses)

        # Further attempts, right or wrong, are refused at once.
        refused, refused_times = 0, []
        for i in range(20):
            pw = S.passwords["delegate"] if i % 2 else "still-wrong"
            status, headers, body, took = login_from("127.0.0.2", pw)
            self.assertEqual(status, 429, "attempt %d while throttled (%s password): %s" % (
                i, "right" if i % 2 else "wrong", status))
            self.assertNotIn("Set-Cookie", headers)
            refused += 1
            refused_times.append(took)
        retry = int(headers["Retry-After"])
        self.assertTrue(1 <= retry <= BLOCK_S, "Retry-After %r" % headers["Retry-After"])
        self.assertIn("no-store", cache_directives(_resp(status, headers, body)))
        self.assertHtmlPage(_resp(status, headers, body), "429 page")
        self.assertIn(b"Too many failed logins", body)

        checked = statistics.median(t for s, t in attempts if s == 401)
        fast = statistics.median(refused_times)
        sys.stderr.write("\n[throttle] 127.0.0.2: %d attempts until the first 429 (max_failures %d); "
                         "then %d refused; median %.1f ms per checked failure, %.1f ms per refusal\n" % (
                             len(statuses), MAX_FAILURES, refused, checked * 1000, fast * 1000))
        self.assertLess(fast, checked, "a refusal should cost less than an Argon2id check")

        log = app_log()
        lines = [ln for ln in log.splitlines() if "login throttled: 127.0.0.2 " in ln]
        self.assertEqual(len(lines), 1, "one log line when the address became throttled: %r" % lines)
        for secret in ("still-wrong", "wrong-0", S.passwords["delegate"]):
            self.assertNotIn(secret, log, "a password in the app's log")

    def test_b_correct_logins_get_in_during_a_flood(self):
        stop = threading.Event()
        flood = {"requests": 0, "429": 0, "503": 0, "401": 0}
        lock = threading.Lock()

        def flood_from(source):
            # Each flooding address fails until refused, then tries a few
            # more times, as a script would. Bounded: 300 requests at most.
            refused = 0
            for i in range(300):
                if stop.is_set() or refused >= 3:
                    return
                status, _, _, _ = login_from(source, "flood-%d" % i)
                with lock:
                    flood["requests"] += 1
                    key = str(status)
                    flood[key] = flood.get(key, 0) + 1
                if status == 429:
                    refused += 1
                if status == 503:
                    time.sleep(0.2)

        sources = ["127.0.0.%d" % i for i in range(10, 40)]
        flooders = [threading.Thread(target=flood_from, args=(src,), daemon=True) for src in sources]
        t_flood = time.monotonic()
        for t in flooders:
            t.start()
        time.sleep(0.5)  # let the flood take the Argon2id slot

        def one_login(i):
            # A browser user who meets "busy" (503, Retry-After: 1) sends
            # the form again; count how often that happens.
            busy = 0
            for _ in range(5):
                status, headers, _, took = login_from("127.0.0.1", S.passwords["delegate"])
                if status != 503:
                    return status, busy, took, "confsched=" in (headers.get("Set-Cookie") or "")
                busy += 1
                time.sleep(1)
            return 503, busy, 0, False

        # Five waves of 50, half a second apart, so they meet the flood at
        # different stages.
        t0 = time.monotonic()
        results = []
        with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
            for wave in range(5):
                results += list(pool.map(one_login, range(50)))
                time.sleep(0.5)
        took = time.monotonic() - t0
        during = sum(t.is_alive() for t in flooders)
        for t in flooders:
            t.join(timeout=90)
        stop.set()
        flood_took = time.monotonic() - t_flood

        ok = sum(1 for status, _, _, cookie in results if status == 303 and cookie)
        busy = sum(b for _, b, _, _ in results)
        times = sorted(t for _, _, t, _ in results if t)
        sys.stderr.write("[throttle] 250 correct logins from 127.0.0.1, 50 at a time, during a flood from %d "
                         "addresses: %d in, %d busy answers retried, %.1f s in all, median %.0f ms, p95 %.0f ms; "
                         "%d flooders still going when the last wave ended; flood %.1f s: %r\n" % (
                             len(sources), ok, busy, took, times[len(times) // 2] * 1000,
                             times[int(len(times) * 0.95)] * 1000, during, flood_took, flood))
        self.assertEqual(ok, 250, "correct logins refused: %r" % [r for r in results if r[0] != 303][:5])
        self.assertGreater(during, 0, "the logins should have run during the flood")
        self.assertGreaterEqual(flood["429"], len(sources), "every flooding address throttled: %r" % flood)
        self.assertLessEqual(flood["401"], len(sources) * MAX_FAILURES,
                             "no address got more than %d checked failures: %r" % (MAX_FAILURES, flood))
        self.assertLess(took, 60)

        # d) memory: every worker ran Argon2id verifications, one at a time.
        for pid in S.worker_pids():
            hwm = vm_hwm_kib(pid)
            sys.stderr.write("[throttle] worker %d VmHWM %.1f MiB\n" % (pid, hwm / 1024))
            if sanitized(pid):
                continue
            self.assertLess(hwm, RSS_BOUND_KIB, "worker %d peaked at %d KiB" % (pid, hwm))

    def test_c_throttled_address_gets_in_after_its_block(self):
        statuses = [s for s, _ in fail_until_refused("127.0.0.3", 4 * MAX_FAILURES)]
        self.assertEqual(statuses[-1], 429, statuses)
        status, headers, _, _ = login_from("127.0.0.3", S.passwords["delegate"])
        self.assertEqual(status, 429, "the right password while throttled must be refused too")
        wait = int(headers["Retry-After"])
        self.assertLessEqual(wait, BLOCK_S)
        # another address is not affected
        self.assertEqual(login_from("127.0.0.4", S.passwords["delegate"])[0], 303)
        time.sleep(wait + 0.3)
        status, headers, _, _ = login_from("127.0.0.3", S.passwords["delegate"])
        self.assertEqual(status, 303, "after Retry-After (%d s) the right password gets in" % wait)
        self.assertIn("confsched=", headers.get("Set-Cookie") or "")
        sys.stderr.write("[throttle] 127.0.0.3: refused for %d s, then in\n" % wait)


def _resp(status, headers, body):
    """The stack's Response shape, for the shared assertions."""
    import stack
    return stack.Response(status, "", headers, body)


if __name__ == "__main__":
    unittest.main()
