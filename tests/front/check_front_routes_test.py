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
SW = open(os.path.join(SOURCE, "templates/static/sw.js")).read()


def run(nginx_text, apache_text, sw_text=SW):
    with tempfile.TemporaryDirectory() as tmp:
        n, a, w = (os.path.join(tmp, name) for name in ("nginx.conf", "apache.conf", "sw.js"))
        open(n, "w").write(nginx_text)
        open(a, "w").write(apache_text)
        open(w, "w").write(sw_text)
        p = subprocess.run([sys.executable, CHECK, BINARY, SOURCE, n, a, w], capture_output=True, text=True)
        return p.returncode, p.stdout


def edited(text, old, new, count=1):
    if text.count(old) < 1:
        raise SystemExit("the shipped conf no longer has %r: update this test" % old)
    return text.replace(old, new, count)


FEEDS = 'location ~ "^/(?:schedule\\.(?:ics|json|xml)|session/[0-9]+\\.ics|my-sessions\\.ics)$" {'
CACHED = "location ~ ^/(?:schedule$|session/|speakers$|speaker/|now$|changes$) {"
SPEAKER_PAGE = r"speaker\/[1-9][0-9]{0,17}"

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
    ("the pages' version loses its cache",
     edited(NGINX, 'fastcgi_cache confsched_pages;\n        fastcgi_cache_key "pages-version:',
            'fastcgi_cache_key "pages-version:'), APACHE,
     "nginx: /pages-version (location = /pages-version): the route table says microcache"),
    ("the pages' version behind a login check",
     edited(NGINX, "location = /pages-version {", "location = /pages-version {\n        auth_request /_confsched_auth;"),
     APACHE,
     "nginx: /pages-version (location = /pages-version): a public microcached page behind auth_request"),
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
    ("the microcache location forgets /speakers",
     edited(NGINX, CACHED, CACHED.replace("speakers$|", "")), APACHE,
     "nginx: /speakers (location /): the route table says microcache"),
    ("a cached location for hostile spellings without the login check",
     edited(NGINX, CACHED, 'location ~ "^/speaker/0" { fastcgi_pass confsched_app; fastcgi_cache confsched_pages; }\n    '
            + CACHED), APACHE,
     "nginx: /speaker/07 (location ~ ^/speaker/0): the page cache without auth_request"),
]

# (what, sw.js text, a line the check must print): the service worker's
# offline set against the route table.
SW_CASES = [
    ("the service worker keeps no speaker page",
     edited(SW, SPEAKER_PAGE + "|", ""),
     "sw.js: /speaker/7: a microcache page the service worker does not keep offline"),
    ("the service worker takes any /speaker/ path",
     edited(SW, SPEAKER_PAGE, r"speaker\/.*"),
     "sw.js: /speaker/07: kept offline, but the app answers 404"),
    ("the service worker keeps a session's calendar file",
     edited(SW, r"session\/[1-9][0-9]{0,17}", r"session\/[1-9][0-9]{0,17}(?:\.ics)?"),
     "sw.js: /session/7.ics: kept offline, but the route table says front -"),
]


def main():
    failures = []
    status, out = run(NGINX, APACHE)
    if status != 0:
        failures.append("the shipped sites: exit %d\n%s" % (status, out))
    cases = CASES + [(what, NGINX, APACHE, expected, sw) for what, sw, expected in SW_CASES]
    for what, nginx_text, apache_text, expected, *sw in cases:
        status, out = run(nginx_text, apache_text, *sw)
        if status != 1 or expected not in out:
            failures.append("%s: exit %d, expected a line with %r, got:\n%s" % (what, status, expected, out))
        else:
            print("found: %s" % what)
    for f in failures:
        print("FAILED: " + f)
    print("%d cases, %d failed" % (len(cases) + 1, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
