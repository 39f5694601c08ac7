#!/usr/bin/env python3
"""A crowd that arrives at a page nobody asked for in a while (bench/RESULTS.md,
"The crowd's tail"): what nginx's microcache does with it, per request.

Starts the bench's stack (bench.py's BenchStack: conf/nginx/confsched.conf,
2 confsched workers, nginx with room for 2,000 clients) with an nginx access
log that records each request's time, cache status and upstream time. Then,
--runs times: one request for /schedule, a quiet spell (--quiet seconds, past
every freshness window), and wrk with --connections keep-alive connections
opened at once for 5 s. Prints wrk's figures per run, and from nginx's log:
how many requests went to the app (EXPIRED/MISS), how long the app took for
them, and how many requests nginx itself took longer than 250 ms over.

  python3 bench/crowd_after_quiet.py [--runs 3] [--quiet 8] [--connections 2000]

Bounded in time: each wrk run stops itself after 5 s.
"""

import argparse
import collections
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import bench  # noqa: E402


class LoggedStack(bench.BenchStack):
    """The bench's stack with an access log of what this script reads."""

    def _write_nginx_conf(self):
        super()._write_nginx_conf()
        path = os.path.join(self.path("nginx"), "nginx.conf")
        with open(path) as f:
            conf = f.read()
        fmt = ("log_format crowd '$msec $request_time $status $upstream_cache_status "
               "$upstream_response_time $connection_requests';\n    "
               "access_log %s crowd buffer=256k;" % self.path("log", "crowd.log"))
        if "access_log off;" not in conf:
            raise RuntimeError("bench.py's nginx.conf changed: no 'access_log off;' to replace")
        with open(path, "w") as f:
            f.write(conf.replace("access_log off;", fmt))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quiet", type=float, default=8.0)
    ap.add_argument("--connections", type=int, default=2000)
    args = ap.parse_args()
    stack = LoggedStack(2, 2)
    stack.start()
    try:
        cookie = stack.login()
        headers = {"Cookie": cookie, "Accept-Encoding": "gzip"}
        for i in range(args.runs):
            bench.fetch(stack.http_port, "/schedule", headers)
            time.sleep(args.quiet)
            r = bench.Wrk("http://127.0.0.1:%d/schedule" % stack.http_port, 5, args.connections, headers,
                          stack.path("log"), "crowd-%d" % i).run()
            print("run %d: %.0f req/s, wrk p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, errors %s" % (
                i, r["rps"], r["p50_ms"], r["p90_ms"], r["p99_ms"], r["max_ms"], r["error_detail"] or 0),
                flush=True)
        stack.stop_nginx()  # flushes the log buffer
        rows = [line.split() for line in open(stack.path("log", "crowd.log"))]
        statuses = collections.Counter(row[3] for row in rows)
        upstream = sorted(float(row[4]) for row in rows if row[3] in ("EXPIRED", "MISS")
                          and row[4].replace(".", "", 1).isdigit())
        slow = sum(1 for row in rows if float(row[1]) > 0.25)
        print("nginx: %d requests, cache status %s" % (len(rows), dict(statuses)))
        if upstream:
            print("nginx: %d went to the app (EXPIRED or MISS), the app answered in p50 %.3f s, max %.3f s" % (
                len(upstream), upstream[len(upstream) // 2], upstream[-1]))
        print("nginx: %d requests took nginx over 250 ms" % slow)
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
