#!/usr/bin/env python3
"""How long a staff save takes, and how long until delegates see it.

Starts its own stack (tests/integration/stack.py: private MariaDB,
confsched serve, nginx on loopback), then ROUNDS times: opens a session's
edit form as staff, saves a new title through nginx, and polls /schedule
as a delegate through nginx (microcache + auth check) every 50 ms until the
title shows. Prints the save's round trip and the time to visibility.

    bench/admin_save.py [ROUNDS]     (default 10; each round is bounded to 10 s)
"""

import html
import os
import re
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "integration"))
import stack as stackmod  # noqa: E402


def field(page, name):
    return html.unescape(re.search(r'name="%s" value="([^"]*)"' % name, page).group(1))


def form_of(page):
    """The edit form as a browser would post it."""
    fields = {"csrf": field(page, "csrf"), "revision": field(page, "revision")}
    for name in ("title", "day", "start", "end"):
        fields[name] = html.unescape(re.search(r'name="%s" type="[a-z]+"[^>]* value="([^"]*)"' % name, page).group(1))
    for name in ("abstract", "speakers", "materials"):
        m = re.search(r'name="%s" rows="\d+">(.*?)</textarea>' % name, page, re.S)
        fields[name] = html.unescape(m.group(1))
    for name in ("room_id", "track_id", "kind", "status"):
        select = re.search(r'<select id="%s" name="%s">(.*?)</select>' % (name, name), page, re.S).group(1)
        chosen = re.search(r'<option value="([^"]*)" selected>', select) or re.search(r'<option value="([^"]*)"', select)
        fields[name] = html.unescape(chosen.group(1))
    return fields


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    s = stackmod.Stack("admin-save", https=False, ini_overrides={"server.version_check_ms": "500"}).start()
    try:
        staff = s.login(role=stackmod.STAFF_USER)
        delegate = s.login()
        ids = sorted(set(int(i) for i in re.findall(r'href="/session/(\d+)"',
                                                     s.get("/schedule", headers={"Cookie": delegate}).text)))
        saves, visible = [], []
        for n in range(rounds):
            sid = ids[n * 7 % len(ids)]
            form = form_of(s.get("/admin/session/%d" % sid, headers={"Cookie": staff}).text)
            title = "Bench title %d-%d" % (n, time.time_ns() % 1000000)
            form.update(title=title, accept_clash="1")
            s.get("/schedule", headers={"Cookie": delegate})  # the old page is in every cache
            t0 = time.monotonic()
            r = s.post_form("/admin/session/%d" % sid, form, headers={"Cookie": staff})
            saved = time.monotonic()
            if r.status != 303:
                raise SystemExit("save answered %d" % r.status)
            while title not in s.get("/schedule", headers={"Cookie": delegate}).text:
                if time.monotonic() - t0 > 10:
                    raise SystemExit("not visible after 10 s")
                time.sleep(0.05)
            saves.append((saved - t0) * 1000)
            visible.append(time.monotonic() - t0)
        print("staff save (POST through nginx to 303), ms: median %.1f, max %.1f" % (
            statistics.median(saves), max(saves)))
        print("save to visible on /schedule through nginx, s: median %.2f, max %.2f (%d rounds)" % (
            statistics.median(visible), max(visible), rounds))
    finally:
        s.stop()


if __name__ == "__main__":
    main()
