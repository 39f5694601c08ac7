#!/usr/bin/env python3
"""The pages of a large programme on a phone (issue 16): bytes on the wire,
elements, and DOMContentLoaded under Lighthouse's mobile emulation (slow
4G: 150 ms round trip, 1.6 Mbit/s; CPU 4 x slower), applied by Chromium's
DevTools. Run it through bench/big_programme.sh, which builds first.

Starts its own stack with tests/integration/stack.py (private MariaDB,
`confsched serve`, nginx, on loopback in a temporary folder, stopped by pid
at the end), imports a programme scaled to SESSIONS:ROOMS (`confsched
import --scale`): the shared 31C3 file when it is there (as the issue
does), else the demo's own export. Then, for the landing view (with the
programme moved so that its first sessions run now: the "during the event"
page, the largest), the first day's grid and the whole programme,
bench/big_programme.mjs loads each ROUNDS times cold and prints its
figures; with --shots DIR it also keeps a phone and a desktop screenshot
of each page's first screen. --sessions 0 measures the demo conference
as it is instead (moved the same way). Budgets (issue 16) for the landing view and
a day's grid: 60 KB gzipped, 3,000 elements, DOMContentLoaded <= 1.5 s."""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
sys.path.insert(0, os.path.join(ROOT, "tests", "browser"))

import stack as stacklib  # noqa: E402
import support  # noqa: E402
import run_browser_tests as browser  # noqa: E402

SHARED_FILE = os.environ.get("CONFSCHED_FRAB_XML") or os.path.join(ROOT, "..", "shared", "data",
                                                                   "31c3-schedule.xml")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=900, help="0: the demo conference, not scaled")
    ap.add_argument("--rooms", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--node-dir", required=True)
    ap.add_argument("--shots", default="", help="a folder for first-screen screenshots")
    args = ap.parse_args()
    chromium = os.environ.get("CONFSCHED_CHROMIUM") or shutil.which("chromium")
    node, npm = browser.require_node()
    browser.ensure_playwright(args.node_dir, npm)
    if args.shots:
        os.makedirs(args.shots, exist_ok=True)

    s = stacklib.Stack("big-programme", https=False).start()
    try:
        scale = "%d:%d" % (args.sessions, args.rooms)
        if args.sessions == 0:
            source = ["demo", "the demo conference as it is"]
        elif os.path.exists(SHARED_FILE):
            source = ["frab-xml", SHARED_FILE, "--time-zone", "Europe/Berlin"]
        else:
            source = ["schedule-json", os.path.join(s.tmp, "demo.json")]
            s.cli("export", "schedule-json", source[1])
        if source[0] != "demo":
            r = s.cli("import", *source, "--scale", scale, timeout=300)
            sys.stderr.write(r.stdout)
        print("big_programme: %s sessions in %s rooms, from %s" % (
            s.sql("SELECT COUNT(*) FROM sessions", database="confsched").stdout.strip(),
            s.sql("SELECT COUNT(*) FROM rooms", database="confsched").stdout.strip(),
            SHARED_FILE if source[0] == "frab-xml" else source[1]), flush=True)
        # The first sessions started 5 minutes ago: the landing view then
        # shows what runs now and each room's next.
        support.move_programme(s, support.event_now(s) - datetime.timedelta(minutes=5))
        sql = lambda q: s.sql(q, database="confsched").stdout.strip()  # noqa: E731
        day = sql("SELECT DATE(MIN(starts_at)) FROM sessions")
        pages = [["landing", "/schedule"], ["grid", "/schedule?day=%s&view=grid" % day],
                 ["whole", "/schedule?view=all"]]
        env = dict(os.environ, CONFSCHED_URL=s.origin, CONFSCHED_COOKIE=s.login(),
                   CONFSCHED_PAGES=json.dumps(pages), CONFSCHED_NODE_DIR=os.path.abspath(args.node_dir),
                   CONFSCHED_CHROMIUM=chromium or "/usr/bin/chromium", CONFSCHED_ROUNDS=str(args.rounds),
                   CONFSCHED_SHOTS=os.path.abspath(args.shots) if args.shots else "")
        r = subprocess.run([node, os.path.join(HERE, "big_programme.mjs")], env=env, timeout=900)
        if r.returncode != 0:
            sys.exit("big_programme: the measuring script failed (%d)" % r.returncode)
    finally:
        s.stop()


if __name__ == "__main__":
    main()
