#!/usr/bin/env python3
"""Cold render of /schedule for a large conference (issue 4). Run it through
bench/large_render.sh, which builds the binaries first.

Starts its own stack with tests/integration/stack.py (private MariaDB,
`confsched serve`, nginx, on loopback in a temporary folder, stopped by pid
at the end; nothing shared with a quickstart), imports a frab schedule.xml
with `confsched import frab-xml --scale SESSIONS:ROOMS` (the 31C3 file holds
138 sessions in 4 rooms; --scale copies its rooms and sessions to reach the
size asked for), then runs render_bench against that database and prints
its figures. The last line is machine-readable:
    large_render target=T sessions=N rooms=N rounds=N mean_ms=X p50_ms=X p99_ms=X
"""

import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))

import stack as stacklib  # noqa: E402  (tests/integration/stack.py)

RENDER_BENCH = os.environ.get("CONFSCHED_RENDER_BENCH") or os.path.join(ROOT, "build", "bench", "render_bench")
DEFAULT_FILE = os.environ.get("CONFSCHED_FRAB_XML") or os.path.join(ROOT, "..", "shared", "data",
                                                                    "31c3-schedule.xml")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", default=DEFAULT_FILE, help="a frab schedule.xml (default: the shared 31C3 file)")
    ap.add_argument("--time-zone", default="Europe/Berlin", help="for a file without <time_zone_name>")
    ap.add_argument("--sessions", type=int, default=900)
    ap.add_argument("--rooms", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=200)
    # The whole list, what /schedule was before the landing view (issue 16):
    # the heaviest page, and the figure bench/RESULTS.md compares.
    ap.add_argument("--target", default="/schedule?view=all", help="/schedule or a query of it")
    args = ap.parse_args()
    if not os.path.exists(args.file):
        sys.exit("large_render: no schedule file %s (give --file or CONFSCHED_FRAB_XML)" % args.file)

    s = stacklib.Stack("large-render", workers=1, https=False)
    s.start()
    try:
        r = s.cli("import", "frab-xml", args.file, "--time-zone", args.time_zone,
                  "--scale", "%d:%d" % (args.sessions, args.rooms))
        sys.stderr.write(r.stdout)
        out = subprocess.run([RENDER_BENCH, s.ini, str(args.rounds), args.target], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True, timeout=600)
        print(out.stdout, end="")
        if out.returncode != 0:
            sys.exit("large_render: render_bench failed (%d)" % out.returncode)
        size = re.search(r"programme: (\d+) sessions in (\d+) rooms", out.stdout)
        cold = re.search(r"per round: mean ([\d.]+) ms, p50 ([\d.]+) ms, p99 ([\d.]+) ms", out.stdout)
        if not size or not cold:
            sys.exit("large_render: unexpected render_bench output")
        print("large_render target=%s sessions=%s rooms=%s rounds=%d mean_ms=%s p50_ms=%s p99_ms=%s" % (
            args.target, size.group(1), size.group(2), args.rounds, cold.group(1), cold.group(2), cold.group(3)))
    finally:
        s.stop()


if __name__ == "__main__":
    main()
