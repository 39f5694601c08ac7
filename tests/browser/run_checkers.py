#!/usr/bin/env python3
"""Checks confsched's pages with the tools the web itself uses (issue 9),
against a whole site on loopback started by tests/integration/stack.py.

  run_checkers.py --part pages      --out DIR --node-dir DIR
  run_checkers.py --part branded    --out DIR --node-dir DIR
  run_checkers.py --part german     --out DIR --node-dir DIR
  run_checkers.py --part lighthouse --out DIR --node-dir DIR

pages: checkers.spec.mjs in Debian's headless Chromium (playwright-core):
/schedule's page-weight budget, axe-core on every page type at phone and
desktop widths; it stops MariaDB when the spec asks, for the staff 503
pages. Then the Nu HTML Checker (vnu-jar, on the machine's Java) on the raw
HTML of every page it saved, and on the stylesheet: zero errors.

branded: the same checks (axe, page weight, vnu) on a few pages of each
audience of a site with a [site] logo, accent colour and extra stylesheet,
and the logo's rendered size (~1 min: the branding changes only the frame
every page shares).

german: the pages part on a site with [site] language = de (the catalogue
msgfmt compiled from po/de.po): every page says <html lang="de">, and axe,
the page-weight budget, the phone-width checks and vnu run over the German
text, which is longer than the English.

lighthouse: Lighthouse (pinned in package-lock.json) on /schedule with its
default mobile emulation and simulated throttling, in the same Chromium,
logged in through a Cookie header; RUNS runs. The median accessibility and
best-practices scores (audits of the page itself, the same on any machine)
must be at least TARGET. The performance score is timed (total blocking
time, paint times under a 4x CPU slowdown) and moves with the machine and
its load: it is printed, and checked against a target only when
--performance-target is given, as bench/lighthouse.sh does (performance
targets live in bench/, not in the correctness tests). A proxy that does
not exist takes every request that is not to loopback, so nothing leaves the
machine.

Node packages come from package-lock.json into --node-dir (see
run_browser_tests.ensure_playwright). Exits 77, which ctest counts as
skipped, when Chromium, node, npm or java is missing; scripts/test installs
them (scripts/lib/common.sh).
"""

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time

import run_browser_tests as browser
import support  # tests/integration, on the path run_browser_tests sets

stackmod = browser.stackmod

# Lighthouse's three categories issue 9 names, and the score the untimed
# ones must reach.
CATEGORIES = ("performance", "accessibility", "best-practices")
TARGET = 95
# Performance under simulated throttling moves with the machine's load (two
# cores shared with the other tests): the median of a few runs, as
# Lighthouse's own docs advise for a score that decides anything.
RUNS = 3
# The large programme of issue 16: 900 sessions in 40 rooms.
LARGE_SCALE = "900:40"


def say(text):
    print("checkers: " + text, flush=True)


def tools():
    chromium = os.environ.get("CONFSCHED_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        browser.skip("chromium not found (Debian package chromium)")
    node, npm = browser.require_node()
    return chromium, node, npm


# ------------------------------------------------------------------ pages
def run_spec(s, node, chromium, out, node_dir, branded=False, language="en"):
    """checkers.spec.mjs, stopping MariaDB when it says so. True if it passed."""
    env = dict(os.environ)
    env.update({
        "CONFSCHED_CHECKERS_BRANDED": "1" if branded else "0",
        "CONFSCHED_CHECKERS_LANGUAGE": language,
        "CONFSCHED_URL": s.origin,
        "CONFSCHED_DELEGATE_PASSWORD": s.passwords[stackmod.DELEGATE_USER],
        "CONFSCHED_STAFF_PASSWORD": s.passwords[stackmod.STAFF_USER],
        "CONFSCHED_DISPLAY_PATH": s.cli("display-token", str(browser.first_room_id(s))).stdout.strip(),
        "CONFSCHED_OUT": out,
        "CONFSCHED_NODE_DIR": node_dir,
        "CONFSCHED_CHROMIUM": chromium,
    })
    proc = subprocess.Popen([node, os.path.join(browser.HERE, "checkers.spec.mjs")], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    # The spec has its own 480 s watchdog; this is the backstop.
    backstop = threading.Timer(540, proc.kill)
    backstop.start()
    try:
        for line in proc.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            if line.strip() == "checkers: need db-down":
                s.stop_db()
                proc.stdin.write("db-down\n")
                proc.stdin.flush()
            elif line.strip() == "checkers: need programme-now":
                # The demo is in the future: its second block (every room)
                # is moved to have started 5 minutes ago, for the pages'
                # "during the event" state.
                support.move_programme(s, support.event_now(s) - datetime.timedelta(minutes=5), block=1)
                proc.stdin.write("programme-now\n")
                proc.stdin.flush()
        return proc.wait() == 0
    finally:
        backstop.cancel()
        if not s.db_running():
            s.start_db()


def run_vnu(java, node_dir, html_dir):
    """The Nu HTML Checker over every saved page and stylesheet; True when
    it reports no error. Prints every message (warnings too)."""
    jar = os.path.join(node_dir, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
    files = sorted(os.path.join(html_dir, f) for f in os.listdir(html_dir))
    t0 = time.monotonic()
    # --also-check-css: the saved stylesheet is checked as CSS. vnu reads
    # local files only here: nothing it is given names a URL.
    r = subprocess.run([java, "-jar", jar, "--format", "json", "--also-check-css", "--exit-zero-always"] + files,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=240)
    messages = json.loads(r.stderr or r.stdout)["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    for m in messages:
        say("vnu %s %s:%s: %s" % (m.get("subType", m.get("type")), os.path.basename(m.get("url", "?")),
                                  m.get("lastLine", "?"), m.get("message")))
    say("Nu HTML Checker: %d documents (%d HTML pages, %d stylesheets), %d errors, %d other messages, in %.1f s" % (
        len(files), sum(f.endswith(".html") for f in files), sum(f.endswith(".css") for f in files),
        len(errors), len(messages) - len(errors), time.monotonic() - t0))
    return bool(files) and not errors


# The branded site's files: a logo far larger than the header (the CSS must
# hold it), the darkest purple that still reads as a brand colour, and an
# organiser's rule.
BRAND_LOGO = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50" width="2000" height="500">'
              '<rect width="200" height="50" rx="6" fill="#6b2c91"/></svg>\n')
BRAND_CSS = "/* an organiser's own rules */\nheader.site { border-bottom: 3px solid var(--accent); }\n"


def pages(args, chromium, node, branded=False, language="en"):
    java = shutil.which("java")
    if not java:
        browser.skip("java not found (Debian package openjdk-17-jre-headless), needed by vnu-jar")
    overrides = {"site.language": language}
    if branded:
        brand = os.path.join(args.out, "brand")
        os.makedirs(brand)
        for name, text in (("logo.svg", BRAND_LOGO), ("extra.css", BRAND_CSS)):
            with open(os.path.join(brand, name), "w") as f:
                f.write(text)
        overrides.update({"site.logo": os.path.join(brand, "logo.svg"), "site.accent_colour": "#6b2c91",
                          "site.stylesheet": os.path.join(brand, "extra.css")})
    name = "branded" if branded else "checkers" if language == "en" else "checkers-" + language
    s = stackmod.Stack(name, https=False, ini_overrides=overrides).start()
    ok = False
    try:
        ok = run_spec(s, node, chromium, args.out, os.path.abspath(args.node_dir), branded, language)
    finally:
        if not ok:
            s.dump_logs(25)
        s.stop()
    html_dir = os.path.join(args.out, "html")
    if os.path.isdir(html_dir):
        ok = run_vnu(java, os.path.abspath(args.node_dir), html_dir) and ok
    return ok


# ------------------------------------------------------------- lighthouse
def lighthouse_once(s, node, chromium, node_dir, cookie, report, path="/schedule"):
    """One Lighthouse run on path; returns its JSON report."""
    cli = os.path.join(node_dir, "node_modules", "lighthouse", "cli", "index.js")
    env = dict(os.environ, CHROME_PATH=chromium,
               # Lighthouse keeps its error-reporting answer here (configstore).
               XDG_CONFIG_HOME=os.path.dirname(report))
    flags = " ".join([
        "--headless=new", "--no-sandbox", "--disable-gpu",
        # Chromium reaches loopback directly; anything else would go to a
        # proxy on a port nobody listens on, and fail.
        "--proxy-server=http://127.0.0.1:9", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ])
    argv = [node, cli, s.origin + path,
            "--only-categories=" + ",".join(CATEGORIES),
            "--output=json", "--output-path=" + report,
            "--extra-headers=" + json.dumps({"Cookie": cookie}),
            "--chrome-flags=" + flags,
            "--no-enable-error-reporting", "--quiet", "--max-wait-for-load=30000"]
    r = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=150)
    if r.returncode != 0:
        sys.stdout.write(r.stdout[-4000:])
        raise SystemExit("lighthouse exited %d" % r.returncode)
    with open(report) as f:
        return json.load(f)


def lighthouse_page(s, node, chromium, node_dir, cookie, out, label, path, runs, performance_target):
    """runs Lighthouse runs on path; True if the medians reach the targets."""
    scores = {c: [] for c in CATEGORIES}
    for i in range(runs):
        t0 = time.monotonic()
        lhr = lighthouse_once(s, node, chromium, node_dir, cookie,
                              os.path.join(out, "lighthouse-%s-%d.json" % (label, i)), path)
        if lhr.get("runtimeError"):
            raise SystemExit("lighthouse: %s" % lhr["runtimeError"])
        got = {c: round(lhr["categories"][c]["score"] * 100) for c in CATEGORIES}
        for c in CATEGORIES:
            scores[c].append(got[c])
        requests = [r["url"] for r in lhr["audits"]["network-requests"]["details"]["items"]]
        foreign = [u for u in requests if not u.startswith(s.origin + "/")]
        failing = ["%s (%s)" % (a["id"], a["score"]) for a in lhr["audits"].values()
                   if a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
                   and a.get("score") is not None and a["score"] < 0.9]
        say("lighthouse %s %s run %d: %s; %d requests, %d beyond %s; FCP %s, LCP %s, TBT %s, CLS %s; "
            "DOM %s; audits under 0.9: %s; %.1f s" % (
                lhr["lighthouseVersion"], label, i + 1, got, len(requests), len(foreign), s.origin,
                lhr["audits"]["first-contentful-paint"]["displayValue"],
                lhr["audits"]["largest-contentful-paint"]["displayValue"],
                lhr["audits"]["total-blocking-time"]["displayValue"],
                lhr["audits"]["cumulative-layout-shift"]["displayValue"],
                lhr["audits"].get("dom-size", {}).get("numericValue", "?"),
                ", ".join(failing) or "none", time.monotonic() - t0))
        if foreign:
            raise SystemExit("lighthouse: requests beyond loopback: %s" % foreign)
    medians = {c: statistics.median(v) for c, v in scores.items()}
    targets = {c: TARGET for c in CATEGORIES if c != "performance"}
    if performance_target:
        targets["performance"] = performance_target
    say("lighthouse median of %d runs on %s %s (mobile): %s (targets: %s)" % (
        runs, label, path, ", ".join("%s %d" % (c, medians[c]) for c in CATEGORIES),
        ", ".join("%s %d" % kv for kv in targets.items())))
    low = {c: medians[c] for c, t in targets.items() if medians[c] < t}
    if low:
        say("lighthouse: under target on %s: %s" % (label, low))
    return not low


def scale_programme(s, scale):
    """Replaces the stack's programme with the demo's own export copied up
    to SESSIONS:ROOMS (`confsched import --scale`): the large programme of
    issue 16 without any file from outside the repository. Returns the
    first day's date."""
    export = os.path.join(s.tmp, "demo-export.json")
    s.cli("export", "schedule-json", export)
    s.cli("import", "schedule-json", export, "--scale", scale, timeout=300)
    support.wait_for_feed_version(s)
    return s.sql("SELECT DATE(MIN(starts_at)) FROM sessions", database="confsched").stdout.strip()


def lighthouse(args, chromium, node):
    """The demo's /schedule, RUNS times; then, at the scale of issue 16, the
    landing view and the first day's grid (args.large_runs times each: the
    untimed categories need one run, bench/lighthouse.sh asks for more)."""
    node_dir = os.path.abspath(args.node_dir)
    s = stackmod.Stack("lighthouse", https=False).start()
    ok = False
    try:
        cookie = s.login()
        ok = lighthouse_page(s, node, chromium, node_dir, cookie, args.out, "demo", "/schedule", RUNS,
                             args.performance_target)
        if args.large_runs:
            day = scale_programme(s, LARGE_SCALE)
            for label, path in (("900x40-landing", "/schedule"),
                                ("900x40-grid", "/schedule?day=%s&view=grid" % day)):
                support.nginx_current(s, cookie, path)  # not the demo's copy
                ok = lighthouse_page(s, node, chromium, node_dir, cookie, args.out, label, path,
                                     args.large_runs, args.performance_target) and ok
    finally:
        if not ok:
            s.dump_logs(25)
        s.stop()
    return ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=("pages", "branded", "german", "lighthouse"), required=True)
    ap.add_argument("--out", required=True, help="folder for what the checkers read and report")
    ap.add_argument("--node-dir", required=True, help="folder for node_modules")
    ap.add_argument("--large-runs", type=int, default=1,
                    help="lighthouse: runs on each page at the scale of issue 16 (0: none)")
    ap.add_argument("--performance-target", type=int, default=0,
                    help="lighthouse: also require this median performance score (bench/lighthouse.sh)")
    args = ap.parse_args()

    chromium, node, npm = tools()
    browser.ensure_playwright(args.node_dir, npm)
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    t0 = time.monotonic()
    if args.part == "lighthouse":
        ok = lighthouse(args, chromium, node)
    else:
        ok = pages(args, chromium, node, branded=args.part == "branded",
                   language="de" if args.part == "german" else "en")
    say("%s %s in %.1f s" % (args.part, "passed" if ok else "FAILED", time.monotonic() - t0))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
