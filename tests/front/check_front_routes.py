#!/usr/bin/env python3
"""Holds the shipped front-end sites to the app's route table.

The route table (src/web/route_table.h, printed by `confsched routes`)
states each path's policy; nginx and Apache decide the same things for
the same request by their own location rules. Where the two can disagree
the bug is in the gap, so this reads both and compares, row by row:

- nginx (conf/nginx/confsched.conf): the location nginx selects for each
  route's path, by nginx's own order (exact "=", then the longest prefix;
  a "^~" prefix stops there, else the regexes in the file's order, the
  first match winning, else that prefix; https://nginx.org/en/docs/http/
  ngx_http_core_module.html#location) is the microcache location
  (fastcgi_cache confsched_pages, behind auth_request) exactly when the
  row says "front: microcache"; it passes the request to the app (no
  "internal", no "return"); its client_max_body_size admits the row's
  max_body (a smaller one turns a body the app accepts into nginx's 413,
  the fault issue 15 found); a status row is only reachable from loopback.
- Apache (conf/apache/confsched.conf): each route's path is proxied (no
  "ProxyPass ... !" covers it), and the LimitRequestBody that applies to
  it (the server's, then every matching <Location>/<LocationMatch> in
  order, the last winning) admits the row's max_body.
- The service worker (templates/static/sw.js): its PAGE pattern, the pages
  it keeps offline, takes exactly the paths of the microcache rows behind
  the login: the pages every delegate shares. The public one
  (/pages-version, which must tell a page left open the truth) it never
  keeps.

Beside each row's own paths, the spellings next to them that the app
answers 404 (a leading zero, a stray character, no id, a trailing slash:
hostile_paths) are held to the same line: nginx never sends one to its
page cache without the login check, and the service worker keeps none.

  check_front_routes.py CONFSCHED_BIN SOURCE_DIR [NGINX_CONF [APACHE_CONF [SW_JS]]]

Exit 0 when every row holds; 1 with one line per finding. The file paths
default to the shipped ones; the test passes edited copies to show that a
disagreement is found. Only the Python standard library."""
import re
import subprocess
import sys

# One example per {placeholder}: the route table's ids are positive
# integers, and nginx's regexes must hold for short and long ones alike.
EXAMPLE_IDS = ["7", "1234567"]


def routes(binary):
    out = subprocess.run([binary, "routes"], check=True, capture_output=True, text=True).stdout
    lines = [line.split("\t") for line in out.splitlines() if line]
    header, rows = lines[0], lines[1:]
    return [dict(zip(header, row)) for row in rows]


def example_paths(pattern):
    if "{" not in pattern:
        return [pattern]
    return [re.sub(r"\{[a-z_]+\}", i, pattern) for i in EXAMPLE_IDS]


def hostile_paths(row):
    """Paths beside the row's that the app answers 404 (find_route finds
    no row: tests/unit/route_policy_test.cc)."""
    pattern = row["path"]
    if "{" not in pattern:
        return [] if pattern == "/" else [pattern + "/"]
    prefix, _, rest = pattern.partition("{id}")
    out = [prefix + "07" + rest, prefix + "7x" + rest, prefix + rest]
    if not rest:
        out.append(prefix + "7/")
    return out


def tokens(text):
    """nginx's configuration syntax: words (bare or quoted), ';', '{', '}';
    '#' starts a comment outside quotes."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c == "#":
            while i < n and text[i] != "\n":
                i += 1
        elif c in ";{}":
            yield c
            i += 1
        elif c in "\"'":
            j, word = i + 1, []
            while j < n and text[j] != c:
                if text[j] == "\\" and j + 1 < n:
                    j += 1
                word.append(text[j])
                j += 1
            yield "".join(word)
            i = j + 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in ";{}":
                j += 1
            yield text[i:j]
            i = j


def parse_block(stream):
    """A block's directives as (name, args, children or None)."""
    out, words = [], []
    for tok in stream:
        if tok == ";":
            out.append((words[0], words[1:], None))
            words = []
        elif tok == "{":
            out.append((words[0], words[1:], parse_block(stream)))
            words = []
        elif tok == "}":
            return out
        else:
            words.append(tok)
    return out


def size_bytes(text):
    m = re.fullmatch(r"([0-9]+)([kKmMgG]?)", text)
    scale = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[m.group(2).lower()]
    return int(m.group(1)) * scale


def nginx_locations(conf_text):
    top = parse_block(iter(list(tokens(conf_text))))
    servers = [children for name, _, children in top if name == "server"]
    if len(servers) != 1:
        raise SystemExit("expected one server block, found %d" % len(servers))
    server = servers[0]
    server_body = next((size_bytes(a[0]) for n, a, c in server if n == "client_max_body_size"), 1024**2)
    locations = []
    for name, args, children in server:
        if name != "location" or args[0].startswith("@"):
            continue
        modifier, pattern = (args[0], args[1]) if len(args) == 2 else ("", args[0])
        locations.append({"modifier": modifier, "pattern": pattern, "body": children,
                          "label": "location %s%s" % (modifier + " " if modifier else "", pattern)})
    return server_body, locations


def python_regex(pattern):
    # PCRE's named group (?<name>...) is (?P<name>...) to Python's re.
    return re.sub(r"\(\?<([A-Za-z_][A-Za-z0-9_]*)>", r"(?P<\1>", pattern)


def select_location(locations, uri):
    """nginx's choice for uri, as its documentation states it."""
    for loc in locations:
        if loc["modifier"] == "=" and loc["pattern"] == uri:
            return loc
    prefixes = [loc for loc in locations if loc["modifier"] in ("", "^~") and uri.startswith(loc["pattern"])]
    longest = max(prefixes, key=lambda loc: len(loc["pattern"]), default=None)
    if longest is not None and longest["modifier"] == "^~":
        return longest
    for loc in locations:
        if loc["modifier"] in ("~", "~*"):
            flags = re.IGNORECASE if loc["modifier"] == "~*" else 0
            if re.search(python_regex(loc["pattern"]), uri, flags):
                return loc
    return longest


def directive(loc, name):
    return [args for n, args, _ in loc["body"] if n == name]


def check_nginx(rows, conf_text, findings):
    server_body, locations = nginx_locations(conf_text)
    for row in rows:
        for path in example_paths(row["path"]):
            loc = select_location(locations, path)
            if loc is None:
                findings.append("nginx: %s: no location selected" % path)
                continue
            where = "nginx: %s (%s)" % (path, loc["label"])
            cached = ["confsched_pages"] in directive(loc, "fastcgi_cache")
            if row["front"] == "microcache" and not cached:
                findings.append("%s: the route table says microcache, the location has no fastcgi_cache confsched_pages" % where)
            # A signed-in page in the shared cache needs the login check in
            # front of it; a public one must not have it, or every client's
            # check would reach the app, which the cache is there to spare.
            if row["front"] == "microcache" and row["access"] != "public" and not directive(loc, "auth_request"):
                findings.append("%s: a microcached page without auth_request in front of the cache" % where)
            if row["front"] == "microcache" and row["access"] == "public" and directive(loc, "auth_request"):
                findings.append("%s: a public microcached page behind auth_request" % where)
            if row["front"] != "microcache" and cached:
                findings.append("%s: cached by nginx, but the route table says front %s" % (where, row["front"]))
            if directive(loc, "internal") or directive(loc, "return") or not directive(loc, "fastcgi_pass"):
                findings.append("%s: the location does not pass the request to the app" % where)
            limit = next((size_bytes(a[0]) for a in directive(loc, "client_max_body_size")), server_body)
            if limit < int(row["max_body"]):
                findings.append("%s: client_max_body_size %d is below the app's limit %s" % (where, limit, row["max_body"]))
            if row["access"] == "status" and ["all"] not in directive(loc, "deny"):
                findings.append("%s: a status page reachable from anywhere (no deny all)" % where)
        for path in hostile_paths(row):
            loc = select_location(locations, path)
            if loc is not None and ["confsched_pages"] in directive(loc, "fastcgi_cache") \
                    and not directive(loc, "auth_request"):
                findings.append("nginx: %s (%s): the page cache without auth_request in front of it" % (
                    path, loc["label"]))


def apache_sections(conf_text):
    """(kind, pattern, LimitRequestBody or None) per <Location>/<LocationMatch>,
    in file order, and the server's own LimitRequestBody."""
    sections, server_limit = [], None
    stack = []
    for raw in conf_text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r'<(Location|LocationMatch)\s+"?([^">]+)"?\s*>', line)
        if m:
            stack.append({"kind": m.group(1), "pattern": m.group(2), "limit": None})
            continue
        m = re.match(r"</(Location|LocationMatch)>", line)
        if m:
            sections.append(stack.pop())
            continue
        m = re.match(r"LimitRequestBody\s+([0-9]+)", line)
        if m:
            if stack:
                stack[-1]["limit"] = int(m.group(1))
            else:
                server_limit = int(m.group(1))
    return sections, server_limit


def check_apache(rows, conf_text, findings):
    sections, server_limit = apache_sections(conf_text)
    # Apache's own default is 1 GiB (2.4.54 and later): a site without a
    # LimitRequestBody of its own holds nothing back.
    server_limit = 1024**3 if server_limit is None else server_limit
    excluded = re.findall(r"^\s*ProxyPass\s+(\S+)\s+!", conf_text, re.M)
    for row in rows:
        for path in example_paths(row["path"]):
            for prefix in excluded:
                if path == prefix or (prefix.endswith("/") and path.startswith(prefix)):
                    findings.append("apache: %s: not proxied to the app (ProxyPass %s !)" % (path, prefix))
            limit = server_limit
            for s in sections:
                hit = path.startswith(s["pattern"]) if s["kind"] == "Location" else re.search(python_regex(s["pattern"]), path)
                if hit and s["limit"] is not None:
                    limit = s["limit"]
            if limit < int(row["max_body"]):
                findings.append("apache: %s: LimitRequestBody %d is below the app's limit %s" % (path, limit, row["max_body"]))


def check_service_worker(rows, sw_text, findings):
    m = re.search(r"^var PAGE = /(.+)/;$", sw_text, re.M)
    if not m:
        findings.append("sw.js: no line 'var PAGE = /.../;'")
        return
    # A JavaScript regex literal without flags: "\/" is "/", and Python's
    # re reads the rest of this one alike.
    page = re.compile(m.group(1))
    for row in rows:
        cached = row["front"] == "microcache" and row["access"] != "public"
        for path in example_paths(row["path"]):
            kept = page.search(path) is not None
            if cached and not kept:
                findings.append("sw.js: %s: a microcache page the service worker does not keep offline" % path)
            if kept and not cached:
                findings.append("sw.js: %s: kept offline, but the route table says front %s, access %s" % (
                    path, row["front"], row["access"]))
        for path in hostile_paths(row):
            if page.search(path):
                findings.append("sw.js: %s: kept offline, but the app answers 404" % path)


def main():
    binary, source = sys.argv[1], sys.argv[2]
    nginx_conf = sys.argv[3] if len(sys.argv) > 3 else source + "/conf/nginx/confsched.conf"
    apache_conf = sys.argv[4] if len(sys.argv) > 4 else source + "/conf/apache/confsched.conf"
    sw_js = sys.argv[5] if len(sys.argv) > 5 else source + "/templates/static/sw.js"
    rows = routes(binary)
    if not rows:
        print("confsched routes printed no route")
        return 1
    findings = []
    check_nginx(rows, open(nginx_conf).read(), findings)
    check_apache(rows, open(apache_conf).read(), findings)
    check_service_worker(rows, open(sw_js).read(), findings)
    for f in findings:
        print(f)
    print("%d routes, %d findings" % (len(rows), len(findings)))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
