#!/usr/bin/env python3
"""How long a staff edit takes to reach every delegate through nginx's
microcache, and how old the copies nginx hands out are (README "Caching").

Starts its own stack (tests/integration/stack.py: private MariaDB,
`confsched serve`, nginx with conf/nginx/confsched.conf, all on loopback in
a temporary folder, stopped by pid at the end). Then, for each trial:

  * a few reader threads ask for one /session/<id> page without pause
    (keeping its cache entry busy), or, in the "quiet" trials, nobody asks
    for a few seconds before the edit;
  * the session's title is changed in the database (the data version moves
    by trigger, as on any staff save);
  * every answer after the edit is checked for the new title; the delay is
    the time from the edit's commit to the start of the last request that
    still got the old title.

Prints the delays (max, p99, median) for busy and quiet pages, the bound
the README states (3 s), and how often the first view after a quiet spell
showed the page from before the edit. Bounded in time: --trials N (default 20 of
each kind), about 10 s per quiet trial.

  python3 bench/freshness.py [--trials N] [--readers N]
"""

import argparse
import http.client
import os
import random
import statistics
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "integration"))

import stack as stacklib  # noqa: E402

BOUND_S = 3.0


CACHE_STATUS = {}


def get(s, path, cookie):
    conn = http.client.HTTPConnection("127.0.0.1", s.http_port, timeout=10)
    try:
        conn.request("GET", path, headers={"Cookie": cookie})
        r = conn.getresponse()
        x = r.getheader("X-Cache") or "-"
        CACHE_STATUS[x] = CACHE_STATUS.get(x, 0) + 1
        return r.status, r.read()
    finally:
        conn.close()


def trial(s, sid, cookie, readers, quiet):
    path = "/session/%d" % sid
    get(s, path, cookie)
    get(s, path, cookie)
    if quiet:
        time.sleep(5.0)  # nobody asks: the entry goes past every window
    mark = ("Freshness %s" % os.urandom(5).hex()).encode()
    seen = []  # (request start relative to the edit, has the new title)
    lock = threading.Lock()
    edited_at = [None]
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            t = time.monotonic()
            status, body = get(s, path, cookie)
            if edited_at[0] is not None and status == 200:
                with lock:
                    seen.append((t - edited_at[0], mark in body))

    threads = [threading.Thread(target=reader) for _ in range(0 if quiet else readers)]
    for t in threads:
        t.start()
    # At a random moment of nginx's ~2 s refresh cycle: trials of a fixed
    # length would all land on the same phase of it.
    time.sleep(random.uniform(0, 2) if quiet else random.uniform(1.0, 3.0))
    s.sql("UPDATE sessions SET title = '%s' WHERE id = %d" % (mark.decode(), sid), database="confsched")
    edited_at[0] = time.monotonic()
    if quiet:
        # The first view after the quiet spell, then keep looking.
        deadline = edited_at[0] + BOUND_S + 2
        while time.monotonic() < deadline:
            t = time.monotonic()
            status, body = get(s, path, cookie)
            seen.append((t - edited_at[0], mark in body))
    else:
        time.sleep(BOUND_S + 2)
    stop.set()
    for t in threads:
        t.join()
    old = [t for t, new in seen if not new]
    first_was_old = bool(seen) and not seen[0][1]
    return max(old) if old else 0.0, len(seen), first_was_old


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--readers", type=int, default=4)
    args = ap.parse_args()
    s = stacklib.Stack("freshness").start()
    try:
        cookie = s.login()
        _, body = get(s, "/schedule", cookie)
        ids = stacklib.session_ids(body.decode())
        results = {"busy": [], "quiet": []}
        first_old = 0
        requests = 0
        for i in range(args.trials):
            for kind in ("busy", "quiet"):
                delay, n, first_was_old = trial(s, ids[(2 * i + (kind == "quiet")) % len(ids)], cookie,
                                                args.readers, kind == "quiet")
                results[kind].append(delay)
                requests += n
                first_old += kind == "quiet" and first_was_old
        print("  X-Cache of the answers: %s" % CACHE_STATUS)
        print("freshness: %d trials each, %d readers on busy pages, %d requests checked" % (
            args.trials, args.readers, requests))
        for kind, delays in results.items():
            delays.sort()
            p99 = delays[min(len(delays) - 1, int(round(0.99 * (len(delays) - 1))))]
            print("  %-5s page: old title seen up to %.2f s after the edit (p99 %.2f s, median %.2f s); "
                  "bound %.1f s: %s" % (kind, delays[-1], p99, statistics.median(delays), BOUND_S,
                                        "held" if delays[-1] <= BOUND_S else "EXCEEDED"))
        print("  first view after a quiet spell and an edit showed the page from before the edit: "
              "%d of %d trials" % (first_old, args.trials))
    finally:
        s.stop()


if __name__ == "__main__":
    main()
