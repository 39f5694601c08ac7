#!/usr/bin/env python3
"""check_front_routes.py finds a disagreement: the shipped sites pass, and
each edited copy below (one way the sites and the route table have come
apart, or could) is reported with the path it breaks.

  check_front_routes_test.py CONFSCHED_BIN SOURCE_DIR"""
import os
import subprocess
import sys
import tempfile

BINARY, SOURCE = sys.argv[1], sys.argv[2]
CHECK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_front_routes.py")
NGINX = open(os.path.join(SOURCE, "conf/nginx/confsched.conf")).read()
APACHE = open(os.path.join(SOURCE, "conf/apache/confsched.conf")).read()


def run(nginx_text, apache_text):
    with tempfile.TemporaryDirectory() as tmp:
        n, a = os.path.join(tmp, "nginx.conf"), os.path.join(tmp, "apache.conf")
        open(n, "w").write(nginx_text)
        open(a, "w").write(apache_text)
        p = subprocess.run([sys.executable, CHECK, BINARY, SOURCE, n, a], capture_output=True, text=True)
        return p.returncode, p.stdout


def edited(text, old, new, count=1):
    if text.count(old) < 1:
        raise SystemExit("the shipped conf no longer has %r: update this test" % old)
    return text.replace(old, new, count)


FEEDS = 'location ~ "^/(?:schedule\\.(?:ics|json|xml)|session/[0-9]+\\.ics)$" {'
CACHED = "location ~ ^/(?:schedule$|session/|speakers$|speaker/|now$|changes$) {"

# (what the edit does, nginx text, apache text, a line the check must print)
CASES = [
    ("the microcache location loses its cache",
     edited(NGINX, "fastcgi_cache confsched_pages;", ""), APACHE,
     "nginx: /schedule (location ~ ^/(?:schedule$|session/|speakers$|speaker/|now$|changes$)): the route table says microcache"),
    ("the microcache location loses its login check",
     edited(NGINX, "auth_request /_confsched_auth;", ""), APACHE,
     "nginx: /now (location ~ ^/(?:schedule$|session/|speakers$|speaker/|now$|changes$)): a microcached page without auth_request"),
    ("an exact location for /now takes it out of the microcache",
     edited(NGINX, CACHED, "location = /now { fastcgi_pass confsched_app; }\n    " + CACHED), APACHE,
     "nginx: /now (location = /now): the route table says microcache"),
    ("the feeds' regex after the microcache's: a session's .ics is cached",
     edited(edited(NGINX, FEEDS, "location /feeds-moved/ {"), "location = /admin/import {",
            FEEDS + " fastcgi_pass confsched_app; }\n    location = /admin/import {"),
     APACHE,
     "nginx: /session/7.ics (location ~ ^/(?:schedule$|session/|speakers$|speaker/|now$|changes$)): cached by nginx, but the route table says front -"),
    ("the session form's location back at the server's 64k",
     edited(NGINX, "client_max_body_size 1m;", ""), APACHE,
     "nginx: /admin/session/7 (location ~ ^/admin/session/(?:new|[1-9][0-9]*)$): client_max_body_size 65536 is below the app's limit 974254"),
    ("the status pages open to everyone",
     edited(NGINX, "deny all;", ""), APACHE,
     "nginx: /_status (location ~ ^/_status(?:\\.json)?$): a status page reachable from anywhere"),
    ("Apache's session-form section at 64 KiB",
     NGINX, edited(APACHE, "LimitRequestBody 1048576", "LimitRequestBody 65536"),
     "apache: /admin/session/new: LimitRequestBody 65536 is below the app's limit 974254"),
    ("Apache stops proxying /display/",
     NGINX, edited(APACHE, "ProxyPass /sw.js !", "ProxyPass /sw.js !\n    ProxyPass /display/ !"),
     "apache: /display/7: not proxied to the app (ProxyPass /display/ !)"),
]


def main():
    failures = []
    status, out = run(NGINX, APACHE)
    if status != 0:
        failures.append("the shipped sites: exit %d\n%s" % (status, out))
    for what, nginx_text, apache_text, expected in CASES:
        status, out = run(nginx_text, apache_text)
        if status != 1 or expected not in out:
            failures.append("%s: exit %d, expected a line with %r, got:\n%s" % (what, status, expected, out))
        else:
            print("found: %s" % what)
    for f in failures:
        print("FAILED: " + f)
    print("%d cases, %d failed" % (len(CASES) + 1, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
