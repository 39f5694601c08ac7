"""/_status and the app's log lines: the counters move when requests are
served, the database flips to 0 when MariaDB stops (and back), only the
allowed addresses may read it (through the web server and at the app), and
a failing request's log line names its level, worker and request, the
request id being the one the web server's access log shows."""

import http.client
import json
import os
import re
import time
import unittest

import stack as stackmod
from support import StackTestCase, start_module_stack, stop_module_stack, poll

S = None
IDS = None

# What src/util/log.cc writes.
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ confsched\[(\d+)\] (info|warning|error) "
                      r"worker=(\d+) request=([A-Za-z0-9@_-]+): (.*)$")


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("status")


def tearDownModule():
    stop_module_stack(S)


def status_json():
    r = S.get("/_status.json")
    assert r.status == 200, r
    return json.loads(r.body)


def get_from(source, path):
    """A GET through the web server from a socket bound to `source`."""
    conn = http.client.HTTPConnection("127.0.0.1", S.http_port, timeout=30, source_address=(source, 0))
    try:
        conn.request("GET", path, headers={"Connection": "close"})
        r = conn.getresponse()
        return stackmod.Response(r.status, r.reason, r.headers, r.read())
    finally:
        conn.close()


class Status(StackTestCase):
    def test_text_is_prometheus_and_agrees_with_json(self):
        r = S.get("/_status")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.headers["Content-Type"].startswith("text/plain; version=0.0.4"), r)
        self.assertIn("no-store", r.headers.get("Cache-Control", ""))
        samples = {}
        for line in r.text.splitlines():
            if line.startswith("#"):
                self.assertRegex(line, r"^# (HELP|TYPE) confsched_\w+ ")
                continue
            name, value = line.split(" ")
            samples[name] = int(value)
        for name in ("confsched_workers", "confsched_requests_total", "confsched_render_cache_hits_total",
                     "confsched_render_cache_misses_total", "confsched_data_version",
                     "confsched_database_up", "confsched_uptime_seconds"):
            self.assertIn(name, samples)
        self.assertEqual(samples["confsched_workers"], S.workers)
        self.assertEqual(samples["confsched_database_up"], 1)
        j = status_json()
        self.assertEqual(set(j), {n[len("confsched_"):] for n in samples})
        want = int(S.sql("SELECT version FROM data_version", database="confsched").stdout.strip())
        self.assertEqual(j["data_version"], want)

    def test_numbers_move_when_requests_are_served(self):
        cookie = S.login()
        before = status_json()
        sid = IDS.take()
        # Straight to the app, so that no web server cache answers for it:
        # the first render of a fresh page is a miss, the rest hits.
        for _ in range(5):
            self.assertEqual(S.fcgi("GET", "/session/%d" % sid, headers={"Cookie": cookie}).status, 200)
        time.sleep(1.1)
        after = status_json()
        self.assertGreaterEqual(after["requests_total"] - before["requests_total"], 6)  # + this /_status
        looked_up = (after["render_cache_hits_total"] + after["render_cache_misses_total"]
                     - before["render_cache_hits_total"] - before["render_cache_misses_total"])
        self.assertGreaterEqual(looked_up, 5)
        self.assertGreaterEqual(after["render_cache_misses_total"] - before["render_cache_misses_total"], 1)
        # Two workers may each render it once; every other request is a hit.
        self.assertGreaterEqual(after["render_cache_hits_total"] - before["render_cache_hits_total"], 3)
        self.assertGreater(after["uptime_seconds"], before["uptime_seconds"])

    def test_database_up_flips_when_mariadb_stops(self):
        self.assertEqual(status_json()["database_up"], 1)
        known = status_json()["data_version"]
        S.stop_db()
        try:
            # Each of the two workers answers for itself: several in a row.
            down, _ = poll(lambda: all(status_json()["database_up"] == 0 for _ in range(4)), 20)
            self.assertTrue(down, "database_up stayed 1 with MariaDB stopped")
            self.assertEqual(status_json()["data_version"], known, "the last known version stands")
        finally:
            S.start_db()
        up, _ = poll(lambda: all(status_json()["database_up"] == 1 for _ in range(4)), 30)
        self.assertTrue(up, "database_up did not come back after MariaDB restarted")

    def test_other_addresses_are_refused(self):
        for path in ("/_status", "/_status.json"):
            r = get_from("127.0.0.2", path)
            self.assertEqual(r.status, 403, "%s from 127.0.0.2 through %s: %r" % (path, S.web, r))
            self.assertNotIn(b"confsched_requests_total", r.body)
            self.assertNotIn(b"requests_total", r.body)
            # The app refuses it as well, whatever the web server lets by.
            r = S.fcgi("GET", path, params={"REMOTE_ADDR": "127.0.0.2"})
            self.assertEqual(r.status, 403, "%s from 127.0.0.2, app direct: %r" % (path, r))
            self.assertNotIn(b"requests_total", r.body)
            self.assertEqual(S.fcgi("GET", path, params={"REMOTE_ADDR": "::1"}).status, 200)
        # A cookie does not open it.
        r = S.fcgi("GET", "/_status", params={"REMOTE_ADDR": "10.1.2.3"},
                   headers={"Cookie": S.login("staff")})
        self.assertEqual(r.status, 403)


class Logs(StackTestCase):
    def test_a_failing_request_logs_level_worker_and_the_servers_request_id(self):
        marker = "http://evil-%s.example" % os.urandom(4).hex()
        r = S.post_form("/login", {"username": "delegate", "password": "x"}, headers={"Origin": marker})
        self.assertEqual(r.status, 403, r)
        log_path = S.path("log", "confsched.log")

        def the_line():
            with open(log_path, errors="replace") as f:
                return [line.rstrip("\n") for line in f if marker in line]
        lines, _ = poll(the_line, 5)
        self.assertEqual(len(lines), 1, "one line per event: %r" % lines)
        m = LOG_LINE.match(lines[0])
        self.assertIsNotNone(m, "log line format: %r" % lines[0])
        pid, level, worker, request_id, _ = m.groups()
        self.assertEqual(level, "warning")
        self.assertGreaterEqual(int(worker), 1, "a worker's line names its worker")
        self.assertIn(int(pid), S.app_children_seen | set(S.worker_pids()))
        # The web server's own id for the request, so the access log line
        # of the same request can be found by it.
        access = S.path("log", "%s-access.log" % S.web)
        def logged():
            with open(access, errors="replace") as f:
                return any(("id=%s" % request_id) in line and "/login" in line for line in f)
        found, _ = poll(logged, 5)
        self.assertTrue(found, "request id %s not in %s" % (request_id, access))

    def test_every_line_has_level_worker_and_request(self):
        S.fcgi("GET", "/schedule", headers={"Cookie": "confsched=not-a-token"})
        with open(S.path("log", "confsched.log"), errors="replace") as f:
            lines = [line.rstrip("\n") for line in f if line.strip()]
        self.assertTrue(lines)
        for line in lines:
            self.assertRegex(line, LOG_LINE, "a log line without level, worker or request")
        # The master's lines are worker 0 and outside any request.
        self.assertTrue(any(" info worker=0 request=-: listening on" in line for line in lines), lines[:3])


if __name__ == "__main__":
    unittest.main()
