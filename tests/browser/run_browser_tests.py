#!/usr/bin/env python3
"""Runs agenda.spec.mjs, offline.spec.mjs and changes.spec.mjs (headless Chromium via playwright-core) against a
whole confsched site on loopback, started by tests/integration/stack.py.

  run_browser_tests.py --out DIR --node-dir DIR

--node-dir gets a copy of package.json and package-lock.json and, when its
installed playwright-core is not the locked one, `npm ci` (never committed).
Exits 77, which ctest counts as skipped, when Chromium, node or npm is
missing; scripts/test installs them (scripts/lib/common.sh).

Environment: CONFSCHED_BIN, CONFSCHED_SOURCE_DIR as for the integration
tests; CONFSCHED_CHROMIUM for another browser binary.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "integration"))

import stack as stackmod  # noqa: E402  (needs the path above)
from support import poll_until  # noqa: E402

SKIP = 77


def skip(why, hint=" (scripts/test installs it: scripts/lib/common.sh)"):
    print("SKIPPED: browser test: %s%s" % (why, hint), flush=True)
    sys.exit(SKIP)


def locked_versions():
    """{package: version} of package.json's dependencies as the lock pins them."""
    with open(os.path.join(HERE, "package.json")) as f:
        names = json.load(f)["dependencies"]
    with open(os.path.join(HERE, "package-lock.json")) as f:
        packages = json.load(f)["packages"]
    return {name: packages["node_modules/" + name]["version"] for name in names}


def installed_version(node_dir, name):
    try:
        with open(os.path.join(node_dir, "node_modules", name, "package.json")) as f:
            return json.load(f).get("version")
    except (OSError, ValueError):
        return None


def ensure_playwright(node_dir, npm):
    """playwright-core and the checkers (axe-core, vnu-jar, lighthouse) as
    package-lock.json pins them, in node_dir."""
    want = locked_versions()

    def current():
        return all(installed_version(node_dir, name) == v for name, v in want.items())

    if current():
        return
    os.makedirs(node_dir, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(os.path.join(HERE, name), os.path.join(node_dir, name))
    # --ignore-scripts: nothing runs at install (playwright-core has no
    # install script anyway, and must not fetch a browser of its own).
    r = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=node_dir,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
    if r.returncode != 0 or not current():
        sys.stderr.write(r.stdout[-4000:])
        raise SystemExit("npm ci of %s into %s failed" % (want, node_dir))


def first_room_id(s):
    out = s.sql("SELECT MIN(id) FROM rooms;", database="confsched").stdout.split()
    return int(out[-1])


# playwright-core 1.64 declares node >= 20; Debian 12's own nodejs is 18.19.
NODE_MAJOR_NEEDED = 20


def require_node():
    """(node, npm) paths, or skip: missing, or older than playwright needs."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        skip("node or npm not found (Debian packages nodejs npm)")
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    try:
        major = int(version.lstrip("v").split(".")[0])
    except ValueError:
        major = 0
    if major < NODE_MAJOR_NEEDED:
        skip("node %s is older than the %d that playwright-core needs (Debian 12 has 18; "
             "install nodejs 20 or later, e.g. from NodeSource)" % (version or "?", NODE_MAJOR_NEEDED), hint="")
    return node, npm


# The calendar of starred sessions that changes.spec.mjs fetched, read by
# Debian's python3-icalendar (a parser not ours) under the system Python:
# the starred sessions' UIDs, once each, each with its reminder.
MY_SESSIONS_CHECK = """
import json, sys, icalendar
want = json.load(open(sys.argv[2]))
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
events = list(cal.walk("VEVENT"))
ids = sorted(int(str(e.get("UID")).split("@")[0].split("-")[1]) for e in events)
assert ids == sorted(want["ids"]), (ids, want)
for e in events:
    if str(e.get("STATUS")) == "CANCELLED":
        continue
    triggers = [a.decoded("TRIGGER").total_seconds() for a in e.walk("VALARM")]
    assert triggers == [-60 * want["alarm"]], (str(e.get("UID")), triggers)
print("my sessions calendar: %d events, reminders %d min before" % (len(events), want["alarm"]))
"""


def check_my_sessions_calendar(out):
    ics, expected = os.path.join(out, "my-sessions.ics"), os.path.join(out, "my-sessions.json")
    if not (os.path.exists(ics) and os.path.exists(expected)):
        print("browser test: changes.spec.mjs left no calendar to read", flush=True)
        return False
    r = subprocess.run(["/usr/bin/python3", "-c", MY_SESSIONS_CHECK, ics, expected], capture_output=True,
                       text=True, timeout=60)
    print(r.stdout + r.stderr, end="", flush=True)
    return r.returncode == 0


def check_stars_qr(out):
    """The QR code /stars drew (changes.spec.mjs's screenshot of it), read
    by zbarimg, a decoder not ours: it must hold the page's link."""
    zbarimg = shutil.which("zbarimg")
    if not zbarimg:
        print("browser test: zbarimg not found (Debian package zbar-tools; scripts/test installs it)", flush=True)
        return False
    want = json.load(open(os.path.join(out, "stars-qr.json")))["link"]
    r = subprocess.run([zbarimg, "--quiet", "--raw", os.path.join(out, "stars-qr.png")], capture_output=True,
                       text=True, timeout=60)
    got = r.stdout.strip()
    print("stars QR code: %s" % (got or r.stderr.strip()), flush=True)
    return r.returncode == 0 and got == want


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True, help="folder for screenshots")
    ap.add_argument("--node-dir", required=True, help="folder for node_modules")
    args = ap.parse_args()

    chromium = os.environ.get("CONFSCHED_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        skip("chromium not found (Debian package chromium)")
    node, npm = require_node()
    ensure_playwright(args.node_dir, npm)

    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    t0 = time.monotonic()
    s = stackmod.Stack("browser", https=False).start()
    ok = False
    try:
        room = first_room_id(s)
        display = s.cli("display-token", str(room)).stdout.strip()
        # The command turns a screen that is off on: a new data version,
        # which each worker notices on its own within version_check_ms, so
        # several 200s in a row (not timed: the limit only guards against a
        # hang).
        poll_until(lambda: all(s.get(display).status == 200 for _ in range(6)), "browser.display_link_open",
                   "the display link open on every worker")
        env = dict(os.environ)
        env.update({
            "CONFSCHED_URL": s.origin,
            "CONFSCHED_USER": stackmod.DELEGATE_USER,
            "CONFSCHED_PASSWORD": s.passwords[stackmod.DELEGATE_USER],
            "CONFSCHED_DISPLAY_PATH": display,
            "CONFSCHED_OUT": args.out,
            "CONFSCHED_NODE_DIR": os.path.abspath(args.node_dir),
            "CONFSCHED_CHROMIUM": chromium,
            "CONFSCHED_STAFF_USER": stackmod.STAFF_USER,
            "CONFSCHED_STAFF_PASSWORD": s.passwords[stackmod.STAFF_USER],
            "CONFSCHED_ZONE": s.sql("SELECT time_zone FROM event;", database="confsched").stdout.split()[-1],
        })
        # Each spec has its own watchdog (90 s, the agenda's 150 s); this is
        # the backstop.
        specs = ("agenda.spec.mjs", "offline.spec.mjs", "changes.spec.mjs")
        codes = [subprocess.run([node, os.path.join(HERE, spec)], env=env, timeout=200).returncode
                 for spec in specs]
        ok = codes == [0] * len(specs) and check_my_sessions_calendar(args.out) and check_stars_qr(args.out)
    finally:
        if not ok:
            s.dump_logs(25)
        s.stop()
    print("browser test: %s in %.1f s" % ("passed" if ok else "FAILED", time.monotonic() - t0), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
