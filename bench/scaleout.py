#!/usr/bin/env python3
"""Throughput of one and of two app servers behind the front (issue 8).

Starts tests/integration/cluster.py's layout (a MariaDB primary and a real
replica, servers A and B with their own nginx and `confsched serve`, a
front nginx over both, and a second front over A alone), all on loopback in
temporary folders, stopped by pid at the end; logs a delegate in and runs
wrk (bounded) on the logged-in /schedule, gzip accepted, as browsers ask:

  1 server A's nginx directly   (one server, no front)
  2 front over A alone          (one server behind the front)
  3 front over A and B          (two servers behind the front)

then the same three with every request carrying one of --delegates
distinct delegate cookies (rows 1d-3d: nginx's per-cookie login check
cache rarely hits, so most requests cost confsched one login check, as when
each delegate views a page less often than every 5 s), and prints req/s,
latency, errors and CPU microseconds per request of the
front's nginx, the servers' nginx and the servers' confsched (their
processes, from /proc). Run it through bench/run's environment or with
CONFSCHED_BIN set; `--duration S` per scenario (default 8), `--connections
N` (default 50).

Every process here shares the machine's cores with wrk. On one 2-core
machine a second server adds no CPU, so row 3 cannot beat row 2: what it
shows is what the front costs and that spreading the load does not lose
any. The CPU per request is the figure to scale by (README "Capacity").
"""

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from bench import Wrk, cpu_seconds, log, machine_info, process_tree  # noqa: E402  (bench/bench.py)
from cluster import Cluster  # noqa: E402  (tests/integration/cluster.py, on bench.py's path)
from support import forge_token  # noqa: E402  (tests/integration/support.py)

COOKIE_SCRIPT = os.path.join(HERE, "wrk_cookies.lua")


def delegate_cookies(c, n, path):
    """n distinct valid delegate cookies (later expiries), one a line in
    path: signed with the cluster's shared key, as /login would."""
    with open(c.a.path("cookie-secret"), "rb") as f:
        secret = f.read()
    epoch = int(c.a.sql("SELECT epoch FROM credentials WHERE role = 'delegate'", database="confsched").stdout)
    expires = int(time.time()) + 7200
    with open(path, "w") as f:
        for i in range(n):
            f.write("confsched=%s\n" % forge_token(secret, "delegate", expires + i, epoch))


def cluster_cpu(c):
    """(front nginx, servers' nginx, servers' confsched) CPU seconds so far."""
    fronts = [f for f in (c.front, c.front_a) if f is not None]
    servers = [c.a, c.b]
    return (cpu_seconds([p for f in fronts for p in process_tree(f.nginx_proc.pid)]),
            cpu_seconds([p for s in servers for p in process_tree(s.nginx_proc.pid)]),
            cpu_seconds([p for s in servers for p in process_tree(s.app_proc.pid)]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--duration", type=int, default=8, help="seconds per scenario (default 8)")
    ap.add_argument("--connections", type=int, default=50, help="wrk connections (default 50)")
    ap.add_argument("--workers", type=int, default=2, help="confsched workers per server (default 2)")
    ap.add_argument("--delegates", type=int, default=10000,
                    help="distinct delegate cookies for the d rows (default 10000)")
    args = ap.parse_args()

    outdir = os.path.join(HERE, "out", "scaleout")
    os.makedirs(outdir, exist_ok=True)
    c = Cluster(workers=args.workers, version_check_ms=500, front_of_a=True).start()
    rows = []
    try:
        cookie = c.front.login()
        headers = {"Cookie": cookie, "Accept-Encoding": "gzip"}
        cookie_file = os.path.join(outdir, "cookies.txt")
        delegate_cookies(c, args.delegates, cookie_file)
        targets = [("server A, no front", c.a), ("front over A", c.front_a), ("front over A and B", c.front)]
        for many in (False, True):
            for n, (where, target) in enumerate(targets, 1):
                label = "%d%s %s, %s" % (n, "d" if many else "", where,
                                         "%d delegates' cookies" % args.delegates if many else "one cookie")
                # Warm the microcache and the login check cache first.
                for _ in range(3):
                    target.get("/schedule", headers=headers)
                url = "http://127.0.0.1:%d/schedule" % target.http_port
                w = Wrk(url, args.duration, args.connections, {"Accept-Encoding": "gzip"} if many else headers,
                        outdir, label.split()[0], cpu=lambda: cluster_cpu(c))
                if many:
                    w.argv[w.argv.index("-s") + 1] = COOKIE_SCRIPT
                    w.argv += ["--", cookie_file]
                r = w.run()
                rows.append((label, r))
                log("%s: %.0f req/s" % (label, r["rps"]))
    finally:
        c.stop()

    for key, value in machine_info().items():
        print("%-8s %s" % (key, value))
    print("\n| scenario | req/s | p50 ms | p99 ms | errors | CPU us/req: front nginx | servers' nginx | confsched |")
    print("|---|---|---|---|---|---|---|---|")
    for label, r in rows:
        front, nginx, app = r["cpu_us"]
        print("| %s | %.0f | %.1f | %.1f | %d | %.1f | %.1f | %.1f |" % (
            label, r["rps"], r["p50_ms"], r["p99_ms"], r["errors"], front, nginx, app))
    return 0


if __name__ == "__main__":
    sys.exit(main())
