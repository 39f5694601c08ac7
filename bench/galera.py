#!/usr/bin/env python3
"""Throughput of the two multi-server layouts of README "Several servers",
side by side: a Galera cluster (tests/integration/galera_site.py: three
nodes, servers A and B, the front) and a primary with a replica
(tests/integration/cluster.py: the same servers and front). Each layout is
started on loopback in temporary folders, measured, and stopped by pid
before the next:

  delegates, one cookie      wrk (bounded) on /schedule through the front,
                             gzip accepted: the microcache's path
  delegates, many cookies    the same with --delegates distinct cookies
                             (most requests cost one login check)
  staff saves, 1 client      one staff member saving a title through the
                             front as fast as the answers come (open the
                             form, then save: the POST is timed)
  staff saves, 4 clients     four at once, on different sessions: on Galera
                             every save moves the one data-version row, so
                             saves through different nodes conflict in
                             certification and are run again (counted)

and prints req/s (saves/s), latency, errors, and for the saves how many
were answered other than 303 and how many the servers ran again after a
conflict. Run it through bench/run's environment or with CONFSCHED_BIN
set; needs the packages of scripts/lib/common.sh's install_cluster_packages
and wrk. `--duration S` per scenario (default 8), `--connections N`
(default 50), `--layouts galera,replica`.

Everything shares the machine's cores: on one 2-core machine the figures
compare the layouts' costs, not what three real machines would do.
"""

import argparse
import os
import statistics
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from bench import Wrk, log, machine_info  # noqa: E402  (bench/bench.py)
from cluster import Cluster  # noqa: E402  (tests/integration/, on bench.py's path)
from galera_site import GaleraSite  # noqa: E402
from scaleout import COOKIE_SCRIPT, delegate_cookies  # noqa: E402
from test_admin import form_fields  # noqa: E402
import stack as stackmod  # noqa: E402


def staff_saves(front, staff, ids, clients, seconds):
    """clients threads saving titles through front for seconds; returns
    (saves/s, p50 ms, p99 ms, answers other than 303, errors)."""
    latencies, other, errors = [], [], []
    deadline = time.monotonic() + seconds

    def client(k):
        n = 0
        while time.monotonic() < deadline:
            n += 1
            sid = ids[(k * 7 + n) % len(ids)] if clients == 1 else ids[k * 10 + n % 10]
            try:
                form = front.get("/admin/session/%d" % sid, headers={"Cookie": staff})
                fields = dict(form_fields(form.text), title="Bench save %d-%d" % (k, n))
                t0 = time.monotonic()
                r = front.post_form("/admin/session/%d" % sid, fields, headers={"Cookie": staff})
                if r.status == 303:
                    latencies.append(time.monotonic() - t0)
                else:
                    other.append(r.status)
            except Exception as e:  # noqa: BLE001 - counted and printed
                errors.append(repr(e))

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 60)
    took = time.monotonic() - t0
    lat = sorted(latencies) or [0.0]
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
    return len(latencies) / took, statistics.median(lat) * 1000, p99 * 1000, other, errors


def conflicts_retried(servers):
    n = 0
    for s in servers:
        with open(s.path("log", "confsched.log"), encoding="utf-8", errors="replace") as f:
            n += sum(1 for line in f if "conflict, running POST" in line)
    return n


def measure(layout, site, front, servers, args, outdir):
    rows = []
    cookie = front.login()
    staff = front.login(stackmod.STAFF_USER)
    headers = {"Cookie": cookie, "Accept-Encoding": "gzip"}
    cookie_file = os.path.join(outdir, "cookies-%s.txt" % layout)
    delegate_cookies(site, args.delegates, cookie_file)
    for many in (False, True):
        for _ in range(3):
            front.get("/schedule", headers=headers)
        label = "%s-%s" % (layout, "many" if many else "one")
        w = Wrk("http://127.0.0.1:%d/schedule" % front.http_port, args.duration, args.connections,
                {"Accept-Encoding": "gzip"} if many else headers, outdir, label)
        if many:
            w.argv[w.argv.index("-s") + 1] = COOKIE_SCRIPT
            w.argv += ["--", cookie_file]
        r = w.run()
        what = "delegates, %s" % ("%d cookies" % args.delegates if many else "one cookie")
        rows.append((layout, what, "%.0f req/s" % r["rps"], "%.1f" % r["p50_ms"], "%.1f" % r["p99_ms"],
                     str(r["errors"]), "-"))
        log("%s %s: %.0f req/s" % (layout, what, r["rps"]))
    ids = stackmod.session_ids(front.get("/schedule", headers={"Cookie": cookie}).text)
    for clients in (1, 4):
        before = conflicts_retried(servers)
        rate, p50, p99, other, errors = staff_saves(front, staff, ids[100:150], clients, args.duration)
        what = "staff saves, %d client%s" % (clients, "" if clients == 1 else "s")
        kinds = sorted({str(o) for o in other} | ({"exception"} if errors else set()))
        rows.append((layout, what, "%.1f saves/s" % rate, "%.1f" % p50, "%.1f" % p99,
                     "%d%s" % (len(other) + len(errors), " (%s)" % ", ".join(kinds) if kinds else ""),
                     str(conflicts_retried(servers) - before)))
        log("%s %s: %.1f saves/s, other answers %s, errors %s" % (layout, what, rate, other[:5], errors[:3]))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--duration", type=int, default=8, help="seconds per scenario (default 8)")
    ap.add_argument("--connections", type=int, default=50, help="wrk connections (default 50)")
    ap.add_argument("--workers", type=int, default=2, help="confsched workers per server (default 2)")
    ap.add_argument("--delegates", type=int, default=10000, help="distinct delegate cookies (default 10000)")
    ap.add_argument("--layouts", default="galera,replica", help="galera, replica or both (default)")
    args = ap.parse_args()

    outdir = os.path.join(HERE, "out", "galera")
    os.makedirs(outdir, exist_ok=True)
    rows = []
    for layout in args.layouts.split(","):
        if layout == "galera":
            site = GaleraSite(workers=args.workers, version_check_ms=500).start()
        elif layout == "replica":
            site = Cluster(workers=args.workers, version_check_ms=500).start()
        else:
            ap.error("unknown layout %r" % layout)
        try:
            rows += measure(layout, site, site.front, [site.a, site.b], args, outdir)
        finally:
            site.stop()

    for key, value in machine_info().items():
        print("%-8s %s" % (key, value))
    print("\n| layout | scenario | throughput | p50 ms | p99 ms | not 303 / errors | run again after a conflict |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
