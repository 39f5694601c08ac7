#!/usr/bin/env python3
"""The confsched benchmark suite (issue 4). Run it through bench/run, which
installs wrk, raises the open-file limit and builds the binaries first.

It starts its own stack with tests/integration/stack.py (private MariaDB,
`confsched serve`, nginx, all on loopback in a temporary folder, stopped by
pid at the end), loads the demo conference, runs the scenarios below and
prints one table. Nothing is shared with a running quickstart.

The bench's nginx differs from the test stack's in its main nginx.conf only
(worker_processes 2, enough worker_connections for 2,000 clients, no access
log); the site is conf/nginx/confsched.conf rendered by stack.render_site,
plus, for the bench alone:
  * a location /_bench/schedule.html in the same server that serves the
    exact bytes of the logged-in /schedule from a file (the reference);
  * a copy of the site's server block on a second port whose delegate
    location has `fastcgi_cache off;` (the origin scenario).

Only the Python standard library is used; load comes from wrk (HTTP) and
from Python threads (logins).
"""

import argparse
import datetime
import gzip
import http.client
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))

import stack as stacklib  # noqa: E402  (tests/integration/stack.py)

WRK_SCRIPT = os.path.join(HERE, "wrk_report.lua")
RENDER_BENCH = os.environ.get("CONFSCHED_RENDER_BENCH") or os.path.join(ROOT, "build", "bench", "render_bench")
REFERENCE_PATH = "/_bench/schedule.html"
TUNED_REFERENCE_PATH = "/_bench/tuned/schedule.html"
# The large conference of scenario 4L: a real frab schedule.xml (outside the
# repository; the scenario is skipped without it).
FRAB_FILE = os.environ.get("CONFSCHED_FRAB_XML") or os.path.join(ROOT, "..", "shared", "data", "31c3-schedule.xml")
# The attacker of scenario 6 connects from another loopback address, as an
# attacker somewhere else on the internet would (Linux routes all of
# 127.0.0.0/8 to lo, so no set-up is needed).
ATTACKER_ADDRESS = "127.0.0.2"
# The flood of scenario 6 comes from this many addresses, as a botnet's
# would: each gets the throttle's allowance of failures before its 429s.
ATTACKER_POOL = 500

TARGETS = {
    "cached_ratio": 0.8,
    "origin_ratio": 0.35,
    "cold_render_ms": 5.0,
    "cold_render_large_ms": 40.0,
    "login_storm_s": 2.0,
    "crowd_p99_ms": 250.0,
    "edit_visible_s": 3.0,
    "idle_rss_mib": 16.0,
}


def log(msg):
    sys.stderr.write("[bench %s] %s\n" % (time.strftime("%H:%M:%S"), msg))
    sys.stderr.flush()


# ----------------------------------------------------------------- the stack
def server_block_with(conf, needle):
    """The `server { ... }` block of an nginx configuration text that
    contains needle. Braces inside quotes and comments are skipped."""
    for m in re.finditer(r"(?m)^[ \t]*server\s*\{", conf):
        depth = 0
        i = m.end() - 1
        quote = None
        while i < len(conf):
            c = conf[i]
            if quote:
                if c == "\\":
                    i += 1
                elif c == quote:
                    quote = None
            elif c == "#":
                nl = conf.find("\n", i)
                i = len(conf) if nl < 0 else nl
                continue
            elif c in "'\"":
                quote = c
            elif c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    block = conf[m.start():i + 1]
                    if needle in block:
                        return block
                    break
            i += 1
    raise stacklib.StackError("no server block containing %r in the rendered site" % needle)


class BenchStack(stacklib.Stack):
    """stack.Stack with the bench's own main nginx.conf and two additions to
    the site (see the module docstring). Everything else — MariaDB, the
    ini, the app, the site file itself — is the test stack's."""

    def __init__(self, workers, nginx_workers):
        super().__init__(name="bench", workers=workers, https=False,
                         # the shipped default, not the tests' faster 200 ms
                         ini_overrides={"server.version_check_ms": "500"})
        self.nginx_workers = nginx_workers
        self.origin_port = None

    @property
    def reference_file(self):
        return self.path("nginx", "reference", "schedule.html")

    def _write_nginx_conf(self):
        self.http_port = stacklib.free_port()
        self.origin_port = stacklib.free_port()
        while self.origin_port == self.http_port:
            self.origin_port = stacklib.free_port()
        os.makedirs(os.path.dirname(self.reference_file), exist_ok=True)
        # Same server and charset as the delegate pages; the only difference
        # is a file on disk instead of cache + auth check. The app sends
        # delegate pages gzipped once per data version, so the reference
        # serves its gzip form precompressed too (gzip_static, written by
        # write_reference): no compression per response on either side.
        # A second copy adds open_file_cache, which the site's delegate and
        # login-check locations use: the tuned static file is the stricter
        # reference, and its row shows how far it is.
        reference = ("location = %s { alias %s; gzip_static on; }  # bench only: reference\n"
                     "    location = %s { alias %s; gzip_static on; open_file_cache max=16; "
                     "open_file_cache_valid 1s; }  # bench only: tuned reference"
                     % (REFERENCE_PATH, self.reference_file, TUNED_REFERENCE_PATH, self.reference_file))
        site = self.render_site(["listen 127.0.0.1:%d;" % self.http_port, reference])

        origin_listen = "listen 127.0.0.1:%d;" % self.origin_port
        origin = server_block_with(self.render_site([origin_listen]), origin_listen)
        cache_line = "fastcgi_cache confsched_pages;"
        if origin.count(cache_line) != 1:
            raise stacklib.StackError("expected exactly one %r in conf/nginx/confsched.conf's server block; "
                                      "bench.py's origin variant needs updating" % cache_line)
        origin = origin.replace(cache_line, "fastcgi_cache off;  # bench only: origin variant, no page cache")
        # Without the page cache there is no front cache to fill: the app is
        # not told of one (it would ask for the data version afresh on every
        # request, as it does for each fill of a real cache).
        front_cache = re.compile(r"\n[ \t]*fastcgi_param CONFSCHED_FRONT_CACHE [^;]*;")
        origin = front_cache.sub("\n        # bench only: no CONFSCHED_FRONT_CACHE without a page cache", origin)

        n = self.path("nginx")
        with open(os.path.join(n, "confsched-site.conf"), "w") as f:
            f.write(site)
        with open(os.path.join(n, "bench-origin.conf"), "w") as f:
            f.write("# written by bench/bench.py: the site's server block, page cache off\n" + origin + "\n")
        main = """# written by bench/bench.py (like tests/integration/stack.py's, sized for 2,000 clients)
user root;
worker_processes {workers};
worker_rlimit_nofile 16384;
daemon off;
pid {n}/nginx.pid;
error_log {log}/nginx-error.log warn;
events {{ worker_connections 8192; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    access_log off;
    client_body_temp_path {n}/temp/body;
    fastcgi_temp_path {n}/temp/fastcgi;
    proxy_temp_path {n}/temp/proxy;
    scgi_temp_path {n}/temp/scgi;
    uwsgi_temp_path {n}/temp/uwsgi;
    include {n}/confsched-site.conf;
    include {n}/bench-origin.conf;
}}
""".format(n=n, log=self.path("log"), workers=self.nginx_workers)
        with open(os.path.join(n, "nginx.conf"), "w") as f:
            f.write(main)


# ----------------------------------------------------------------------- wrk
class Wrk:
    """One bounded wrk run (wrk stops itself after `seconds`; we kill it by
    pid if it has not ended 60 s later)."""

    def __init__(self, url, seconds, connections, headers, outdir, label, threads=2, timeout_s=5, cpu=None):
        self.cpu = cpu  # () -> (nginx s, app s): CPU per request is measured when given
        self.cpu_before = None
        self.seconds = seconds
        self.label = label
        self.outfile = os.path.join(outdir, "wrk-%s.txt" % label)
        self.argv = [shutil.which("wrk") or "wrk", "--latency", "-t", str(min(threads, connections)),
                     "-c", str(connections), "-d", "%ds" % seconds, "--timeout", "%ds" % timeout_s,
                     "-s", WRK_SCRIPT]
        for k, v in headers.items():
            self.argv += ["-H", "%s: %s" % (k, v)]
        self.argv.append(url)
        self.proc = None

    def start(self):
        shown = ["'Cookie: …'" if a.startswith("Cookie:") else ("'%s'" % a if " " in a else a) for a in self.argv[1:]]
        log("wrk %s: %s" % (self.label, " ".join(shown)))
        self.cpu_before = self.cpu() if self.cpu else None
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, start_new_session=True)
        return self

    def wait(self):
        try:
            out, _ = self.proc.communicate(timeout=self.seconds + 60)
        except subprocess.TimeoutExpired:
            self.proc.kill()  # by pid: our own child
            out, _ = self.proc.communicate()
            raise RuntimeError("wrk %s did not finish in time:\n%s" % (self.label, out[-2000:]))
        with open(self.outfile, "w") as f:
            f.write(" ".join("'Cookie: …'" if a.startswith("Cookie:") else a for a in self.argv) + "\n\n" + out)
        m = re.search(r"^BENCH (.*)$", out, re.M)
        if self.proc.returncode != 0 or not m:
            raise RuntimeError("wrk %s failed (exit %s):\n%s" % (self.label, self.proc.returncode, out[-2000:]))
        v = {k: int(x) for k, x in (kv.split("=") for kv in m.group(1).split())}
        cpu_per_request = None
        if self.cpu_before is not None:
            after = self.cpu()
            cpu_per_request = tuple((a - b) / max(v["requests"], 1) * 1e6 for a, b in zip(after, self.cpu_before))
        errors = v["connect"] + v["read"] + v["write"] + v["status"] + v["timeout"]
        reqs = max(v["requests"], 1)
        return {
            "rps": v["requests"] / (v["duration_us"] / 1e6),
            "p50_ms": v["p50_us"] / 1000, "p90_ms": v["p90_us"] / 1000, "p99_ms": v["p99_us"] / 1000,
            "max_ms": v["max_us"] / 1000,
            "errors": errors,
            "error_detail": {k: v[k] for k in ("connect", "read", "write", "status", "timeout") if v[k]},
            "bytes_per_response": v["bytes"] / reqs,
            "requests": v["requests"],
            # CPU microseconds per request in nginx and in confsched (all
            # their processes), the steadiest measure on a shared machine
            "cpu_us": cpu_per_request,
            # wrk's own text for the record (Requests/sec line, as a cross-check)
            "wrk_rps_line": (re.search(r"^Requests/sec:\s*(\S+)", out, re.M) or [None, None])[1],
        }

    def run(self):
        return self.start().wait()


# --------------------------------------------------------------------- HTTP
def fetch(port, path, headers=None, timeout=15, source=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout,
                                      source_address=(source, 0) if source else None)
    try:
        hdrs = {"Connection": "close"}
        hdrs.update(headers or {})
        conn.request("GET", path, headers=hdrs)
        r = conn.getresponse()
        body = r.read()
        if r.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return r.status, r.headers, body
    finally:
        conn.close()


def login_once(port, origin, password, source=None, timeout=30):
    """One POST /login on a fresh connection. Returns (ok, status, seconds):
    ok means 303 with a session cookie."""
    body = urllib.parse.urlencode({"username": stacklib.DELEGATE_USER, "password": password, "next": "/schedule"})
    t0 = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout,
                                      source_address=(source, 0) if source else None)
    try:
        conn.request("POST", "/login", body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Origin": origin, "Connection": "close"})
        r = conn.getresponse()
        r.read()
        cookies = r.headers.get_all("Set-Cookie") or []
        ok = r.status == 303 and any(stacklib.parse_set_cookie(c)[0] == "confsched" and stacklib.parse_set_cookie(c)[1]
                                     for c in cookies)
        status = r.status
    except (OSError, http.client.HTTPException) as e:
        ok, status = False, type(e).__name__
    finally:
        conn.close()
    return ok, status, time.monotonic() - t0


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def login_storm(port, origin, password, total, concurrency, deadline_s):
    """total correct logins, concurrency at a time (threads each taking the
    next one until none is left), all from 127.0.0.1. Bounded: no new login
    starts after deadline_s."""
    lock = threading.Lock()
    state = {"next": 0}
    results = []
    t0 = time.monotonic()
    stop_at = t0 + deadline_s

    def worker():
        while True:
            with lock:
                if state["next"] >= total or time.monotonic() > stop_at:
                    return
                state["next"] += 1
            res = login_once(port, origin, password)
            with lock:
                results.append(res)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(0.1, stop_at + 35 - time.monotonic()))
    elapsed = time.monotonic() - t0
    ok = [r for r in results if r[0]]
    statuses = {}
    for r in results:
        statuses[str(r[1])] = statuses.get(str(r[1]), 0) + 1
    lat = [r[2] for r in results]
    return {"attempted": len(results), "ok": len(ok), "seconds": elapsed,
            "per_s": len(ok) / elapsed if elapsed else 0.0,
            "p50_ms": percentile(lat, 50) * 1000, "p99_ms": percentile(lat, 99) * 1000,
            "statuses": statuses}


class Flood:
    """Wrong-password logins from ATTACKER_POOL addresses, `concurrency` at a time,
    until stop() or max_seconds."""

    def __init__(self, port, origin, concurrency, max_seconds):
        self.port, self.origin, self.concurrency, self.max_seconds = port, origin, concurrency, max_seconds
        self.stop_event = threading.Event()
        self.lock = threading.Lock()
        self.statuses = {}
        self.threads = []
        self.t0 = None
        self.elapsed = 0.0
        self.source = ATTACKER_ADDRESS
        self.sent = 0
        try:  # can we bind to the attacker's address? (Linux: yes)
            fetch_src = http.client.HTTPConnection("127.0.0.1", port, timeout=2, source_address=(self.source, 0))
            fetch_src.connect()
            fetch_src.close()
        except OSError:
            self.source = None

    def _next_source(self):
        """The next of ATTACKER_POOL loopback addresses (127.2.x.y), round
        robin: a flood from many addresses, which a per-address limit alone
        cannot stop, so the Argon2id cap has to."""
        if not self.source:
            return None
        with self.lock:
            self.sent += 1
            i = self.sent % ATTACKER_POOL
        return "127.2.%d.%d" % (i // 250, i % 250 + 1)

    def _worker(self):
        n = 0
        while not self.stop_event.is_set() and time.monotonic() - self.t0 < self.max_seconds:
            n += 1
            ok, status, _ = login_once(self.port, self.origin, "wrong-password-%d" % n,
                                       source=self._next_source(), timeout=15)
            with self.lock:
                self.statuses[str(status)] = self.statuses.get(str(status), 0) + 1

    def start(self):
        self.t0 = time.monotonic()
        self.threads = [threading.Thread(target=self._worker, daemon=True) for _ in range(self.concurrency)]
        for t in self.threads:
            t.start()
        return self

    def stop(self):
        self.stop_event.set()
        for t in self.threads:
            t.join(timeout=20)
        self.elapsed = time.monotonic() - self.t0
        total = sum(self.statuses.values())
        return {"attempts": total, "per_s": total / self.elapsed if self.elapsed else 0.0,
                "statuses": dict(self.statuses),
                "source": ("%d addresses in 127.2.0.0/16" % ATTACKER_POOL) if self.source else "127.0.0.1"}


def nginx_errors_since(path, offset):
    """What nginx's error log says about the app since offset, in short."""
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            text = f.read().decode("utf-8", "replace")
    except OSError:
        return ""
    counts = [
        ("app socket full (connect EAGAIN)", len(re.findall(r"connect\(\) to unix:\S+ failed \(11:", text))),
        ("auth subrequest failed", text.count("auth request unexpected status")),
        ("upstream timed out", text.count("upstream timed out")),
    ]
    said = ["%s x%d" % (what, n) for what, n in counts if n]
    return ("nginx error log: " + ", ".join(said)) if said else ""


# ------------------------------------------------------------------- memory
def rss_kib(pid):
    out = {}
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    out[line.split(":")[0]] = int(line.split()[1])
    except FileNotFoundError:
        pass
    return out


def process_tree(pid):
    """pid and its descendants, from /proc (our own children only)."""
    out = [pid]
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            kids = [int(k) for k in f.read().split()]
    except OSError:
        kids = []
    for k in kids:
        out += process_tree(k)
    return out


def cpu_seconds(pids):
    """User + system CPU seconds the processes have used so far."""
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def stack_cpu(stack):
    """(nginx, confsched) CPU seconds so far, master and workers included."""
    return (cpu_seconds(process_tree(stack.nginx_proc.pid)), cpu_seconds(process_tree(stack.app_proc.pid)))


def worker_memory(stack):
    return {pid: rss_kib(pid) for pid in stack.worker_pids()}


def fmt_mem(mem, key="VmRSS"):
    return "/".join("%.1f" % (m.get(key, 0) / 1024) for m in mem.values())


# --------------------------------------------------------------------- main
def cpu_split():
    """(CPU-seconds the whole machine has been busy, CPU-seconds this process
    and its reaped descendants used, wall seconds). After the stack is
    stopped every process the bench started has been reaped, so the
    difference of two samples tells what *other* processes used meanwhile."""
    hz = os.sysconf("SC_CLK_TCK")
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    busy = sum(fields[:8]) - fields[3] - fields[4]  # all but idle and iowait
    t = os.times()
    return busy / hz, t.user + t.system + t.children_user + t.children_system, time.monotonic()


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return [float(x) for x in f.read().split()[:3]]
    except OSError:
        return [0.0, 0.0, 0.0]


def machine_info():
    def first_line(argv):
        try:
            r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=10)
            return (r.stdout.strip().splitlines() or [""])[0]
        except (OSError, subprocess.SubprocessError):
            return "?"
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"^model name\s*:\s*(.*)$", f.read(), re.M)
            cpu = m.group(1) if m else "?"
    except OSError:
        pass
    mem_mib = "?"
    try:
        with open("/proc/meminfo") as f:
            mem_mib = int(f.readline().split()[1]) // 1024
    except OSError:
        pass
    build_type = "?"
    try:
        with open(os.path.join(os.path.dirname(stacklib.BIN), "CMakeCache.txt")) as f:
            m = re.search(r"^CMAKE_BUILD_TYPE:STRING=(.*)$", f.read(), re.M)
            build_type = m.group(1) or "(none)" if m else "?"
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", "src", "conf", "templates"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, timeout=10).stdout
        if dirty.strip():
            commit += " (+ uncommitted changes in src/conf/templates)"
    except (OSError, subprocess.SubprocessError):
        commit = "?"
    return {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": "%s, %d cores" % (cpu, os.cpu_count() or 0),
        "memory": "%s MiB" % mem_mib,
        "kernel": platform.release(),
        "nginx": first_line([stacklib.tool("nginx"), "-v"]),
        "mariadb": first_line([stacklib.tool("mariadbd"), "--version"]),
        "wrk": first_line(["wrk", "-v"]),
        "binary": "%s (CMAKE_BUILD_TYPE %s, built %s)" % (
            stacklib.BIN, build_type, time.strftime("%Y-%m-%d %H:%M", time.localtime(os.path.getmtime(stacklib.BIN)))
            if os.path.exists(stacklib.BIN) else "?"),
        "commit": commit,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--duration", type=int, default=10, help="seconds per wrk scenario (default 10)")
    ap.add_argument("--connections", type=int, default=50, help="wrk connections for scenarios 1-3 (default 50)")
    ap.add_argument("--crowd", type=int, default=2000, help="connections in the crowd scenario (default 2000)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2,
                    help="confsched workers (default: one per core, the shipped default)")
    ap.add_argument("--nginx-workers", type=int, default=os.cpu_count() or 2,
                    help="nginx worker processes (default: one per core, like 'auto')")
    ap.add_argument("--out", default=None, help="folder for raw outputs (default bench/out/DATE-TIME)")
    args = ap.parse_args()

    outdir = args.out or os.path.join(HERE, "out", time.strftime("%Y%m%d-%H%M%S"))
    os.makedirs(outdir, exist_ok=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    info = machine_info()
    info["workers"] = "confsched %d, nginx %d" % (args.workers, args.nginx_workers)
    load_before = loadavg()
    cpu_before = cpu_split()
    if load_before[0] > 0.5:
        log("warning: load average %.2f before the run: something else is using the CPU, "
            "and the figures will show it" % load_before[0])
    t_start = time.monotonic()

    stack = BenchStack(args.workers, args.nginx_workers)
    rows = []
    raw = {"machine": info, "args": vars(args)}
    try:
        stack.start()
        port, oport = stack.http_port, stack.origin_port
        raw["idle_memory"] = idle_mem = worker_memory(stack)

        cookie = stack.login()
        status, headers, page = fetch(port, "/schedule", {"Cookie": cookie})
        if status != 200 or b"</html>" not in page:
            raise RuntimeError("logged-in /schedule answered %s (%d bytes)" % (status, len(page)))
        with open(stack.reference_file, "wb") as f:
            f.write(page)
        with open(stack.reference_file + ".gz", "wb") as f:
            f.write(gzip.compress(page, 9))
        log("/schedule is %d bytes (identity), %d gzipped; reference files written" % (
            len(page), os.path.getsize(stack.reference_file + ".gz")))

        # Compressed delivery: the app's own gzip form, as nginx relays it.
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
        conn.request("GET", "/schedule", headers={"Cookie": cookie, "Accept-Encoding": "gzip, deflate, br"})
        resp = conn.getresponse()
        packed = resp.read()
        conn.close()
        gz_ok = resp.getheader("Content-Encoding") == "gzip" and gzip.decompress(packed) == page
        rows.append({"scenario": "10 compressed delivery", "rps": None, "p50": None, "p99": None,
                     "errors": None, "bytes": len(packed), "ratio": None,
                     "target": "gzip, once per version", "value": gz_ok,
                     "notes": "/schedule %d bytes raw, %d gzipped by the app (%.1f:1)%s" % (
                         len(page), len(packed), len(page) / max(len(packed), 1),
                         "" if gz_ok else "; NOT gzip or not the same page")})

        base_headers = {"Cookie": cookie, "Accept-Encoding": "gzip"}
        identity_headers = {"Cookie": cookie}

        def check_probe(p, path, hdrs, what):
            s, h, b = fetch(p, path, hdrs)
            if s != 200 or abs(len(b) - len(page)) > 0.05 * len(page) or b"</html>" not in b:
                raise RuntimeError("%s: probe answered %s with %d bytes (page %d)" % (what, s, len(b), len(page)))
            return h

        def wrk_row(name, url_port, path, hdrs, connections=args.connections, seconds=args.duration,
                    label=None):
            h = check_probe(url_port, path, hdrs, name)
            w = Wrk("http://127.0.0.1:%d%s" % (url_port, path), seconds, connections, hdrs, outdir,
                    label or name.split()[0], cpu=lambda: stack_cpu(stack))
            return w, h

        def add_wrk_result(name, res, ref=None, target="", note=""):
            ratio = res["rps"] / ref["rps"] if ref else None
            notes = [note] if note else []
            if res.get("cpu_us"):
                notes.append("CPU/req: nginx %.1f us, app %.1f us" % res["cpu_us"])
            if res["error_detail"]:
                notes.append("errors: " + ", ".join("%s %d" % kv for kv in res["error_detail"].items()))
            rows.append({"scenario": name, "rps": res["rps"], "p50": res["p50_ms"], "p99": res["p99_ms"],
                         "errors": res["errors"], "bytes": res["bytes_per_response"], "ratio": ratio,
                         "target": target, "notes": "; ".join(notes)})
            raw[name] = res

        # 1. reference
        w, h = wrk_row("reference", port, REFERENCE_PATH, base_headers)
        ref = w.run()
        add_wrk_result("1 reference (static file)", ref, ref, note="precompressed .gz (gzip_static)")
        w, h = wrk_row("tuned reference", port, TUNED_REFERENCE_PATH, base_headers, label="reference-tuned")
        tuned = w.run()
        add_wrk_result("1t reference + open_file_cache", tuned, ref, note="the stricter ceiling")

        # 2. cached, with 8. the edit during it
        w, h = wrk_row("cached", port, "/schedule", base_headers)
        session_row = stack.sql("SELECT id FROM sessions ORDER BY id LIMIT 1", database="confsched").stdout.split()
        sid = int(session_row[0])
        marker = "BENCHEDIT%08x" % (int(time.time() * 1000) & 0xffffffff)
        w.start()
        time.sleep(min(3.0, args.duration / 3))
        t_edit = time.monotonic()
        stack.sql("UPDATE sessions SET title = CONCAT('%s ', title) WHERE id = %d" % (marker, sid),
                  database="confsched")
        t_committed = time.monotonic()
        visible_after = None
        polls = 0
        while time.monotonic() - t_edit < 15:
            polls += 1
            s, _, b = fetch(port, "/schedule", {"Cookie": cookie})
            if s == 200 and marker.encode() in b:
                visible_after = time.monotonic() - t_edit
                break
            time.sleep(0.05)
        cached = w.wait()
        add_wrk_result("2 cached (microcache + auth)", cached, ref, target=">= %.2fx ref" % TARGETS["cached_ratio"],
                       note="X-Cache %s" % h.get("X-Cache", "?"))
        rows.append({"scenario": "8 edit under load (during 2)", "rps": None, "p50": None, "p99": None,
                     "errors": None, "bytes": None, "ratio": None,
                     "target": "<= %.0f s" % TARGETS["edit_visible_s"],
                     "value": visible_after,
                     "notes": ("visible after %.2f s (UPDATE took %.2f s; %d polls)" % (
                         visible_after, t_committed - t_edit, polls)) if visible_after is not None
                     else "NOT visible within 15 s"})
        raw["edit"] = {"visible_after_s": visible_after, "update_s": t_committed - t_edit, "polls": polls}
        stack.sql("UPDATE sessions SET title = SUBSTRING(title, %d) WHERE id = %d" % (len(marker) + 2, sid),
                  database="confsched")
        time.sleep(1.0)  # let workers see the restored title before the next scenario

        # 3. origin
        w, h = wrk_row("origin", oport, "/schedule", base_headers)
        origin = w.run()
        for row in rows:
            if row["scenario"].startswith("1t "):
                row["notes"] += "; to it: cached %.2fx, origin %.2fx" % (
                    cached["rps"] / tuned["rps"], origin["rps"] / tuned["rps"])
        add_wrk_result("3 origin (page cache off)", origin, ref, target=">= %.2fx ref" % TARGETS["origin_ratio"],
                       note="X-Cache %s" % h.get("X-Cache", "-"))

        # 1-3 again without Accept-Encoding: what gzip costs
        w, _ = wrk_row("reference identity", port, REFERENCE_PATH, identity_headers, label="reference-identity")
        ref_id = w.run()
        add_wrk_result("1i reference, no gzip", ref_id, ref_id, note="client sends no Accept-Encoding")
        w, _ = wrk_row("cached identity", port, "/schedule", identity_headers, label="cached-identity")
        add_wrk_result("2i cached, no gzip", w.run(), ref_id, note="ratio to 1i")
        w, _ = wrk_row("origin identity", oport, "/schedule", identity_headers, label="origin-identity")
        add_wrk_result("3i origin, no gzip", w.run(), ref_id, note="ratio to 1i")

        # 4. cold render
        log("render_bench %s 50" % stack.ini)
        r = subprocess.run([RENDER_BENCH, stack.ini, "50"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, timeout=180)
        with open(os.path.join(outdir, "render_bench.txt"), "w") as f:
            f.write(r.stdout)
        m_total = re.search(r"one uncached /schedule \(load \+ render\):\s*([\d.]+) ms", r.stdout)
        m_load = re.search(r"programme load alone.*?:\s*([\d.]+) ms", r.stdout)
        if r.returncode != 0 or not m_total:
            raise RuntimeError("render_bench failed:\n" + r.stdout[-2000:])
        cold = float(m_total.group(1))
        rows.append({"scenario": "4 cold render (render_bench)", "rps": 1000.0 / cold, "p50": None, "p99": None,
                     "errors": None, "bytes": None, "ratio": None,
                     "target": "<= %.0f ms" % TARGETS["cold_render_ms"], "value": cold,
                     "notes": "mean %.2f ms per uncached /schedule (DB load %s ms), 50 rounds; req/s = one core"
                     % (cold, "%.2f" % float(m_load.group(1)) if m_load else "?")})
        raw["cold_render"] = r.stdout

        pw = stack.passwords[stacklib.DELEGATE_USER]
        # 5. login storm
        log("login storm: 250 correct logins, 50 at a time")
        storm = login_storm(port, stack.origin, pw, 250, 50, 60)
        raw["storm"] = storm
        rows.append({"scenario": "5 login storm (250, 50 at once)", "rps": storm["per_s"], "p50": storm["p50_ms"],
                     "p99": storm["p99_ms"], "errors": storm["attempted"] - storm["ok"] + (250 - storm["attempted"]),
                     "bytes": None, "ratio": None, "target": "<= %.0f s" % TARGETS["login_storm_s"],
                     "value": storm["seconds"],
                     "notes": "%d/250 ok in %.2f s; statuses %s" % (storm["ok"], storm["seconds"], storm["statuses"])})
        raw["memory_after_storm"] = mem_storm = worker_memory(stack)

        # 6. the storm under attack
        log("login storm under a flood of wrong passwords (50 at a time from %d addresses)" % ATTACKER_POOL)
        flood = Flood(port, stack.origin, 50, 90).start()
        time.sleep(1.0)
        attacked = login_storm(port, stack.origin, pw, 250, 50, 60)
        # Page views while the flood goes on: through the shipped site, and
        # with the page cache off (every view needs a worker, as the flood does).
        seconds = max(3, args.duration // 2)
        w, _ = wrk_row("pages under attack", port, "/schedule", base_headers, seconds=seconds,
                       label="cached-under-attack")
        add_wrk_result("6c cached, during the flood", w.run(), cached, note="ratio to row 2, same load otherwise")
        w, _ = wrk_row("origin under attack", oport, "/schedule", base_headers, seconds=seconds,
                       label="origin-under-attack")
        add_wrk_result("6o origin, during the flood", w.run(), origin, note="ratio to row 3")
        fl = flood.stop()
        raw["storm_attacked"] = attacked
        raw["flood"] = fl
        rows.append({"scenario": "6 storm under attack", "rps": attacked["per_s"], "p50": attacked["p50_ms"],
                     "p99": attacked["p99_ms"],
                     "errors": attacked["attempted"] - attacked["ok"] + (250 - attacked["attempted"]),
                     "bytes": None, "ratio": None, "target": "all 250 ok", "value": attacked["ok"],
                     "notes": "%d/250 ok in %.2f s; flood from %s: %d wrong passwords (%.1f/s) %s" % (
                         attacked["ok"], attacked["seconds"], fl["source"], fl["attempts"], fl["per_s"],
                         fl["statuses"])})
        raw["memory_after_attack"] = mem_attack = worker_memory(stack)

        # 7. crowd
        w, _ = wrk_row("crowd", port, "/schedule", base_headers, connections=args.crowd, label="crowd")
        errlog = stack.path("log", "nginx-error.log")
        errlog_at = os.path.getsize(errlog) if os.path.exists(errlog) else 0
        crowd = w.run()
        add_wrk_result("7 crowd (%d keep-alive)" % args.crowd, crowd, ref,
                       target="0 errors, p99 <= %.0f ms" % TARGETS["crowd_p99_ms"],
                       note=nginx_errors_since(errlog, errlog_at))
        # the same crowd on the static file: what this machine allows at all
        w, _ = wrk_row("crowd reference", port, REFERENCE_PATH, base_headers, connections=args.crowd,
                       label="crowd-reference")
        add_wrk_result("7r crowd on reference", w.run(), ref, note="the machine's ceiling for 7; ratio to 1")

        # 9. memory
        idle_max = max((m.get("VmRSS", 0) for m in idle_mem.values()), default=0) / 1024
        rows.append({"scenario": "9 worker RSS (MiB)", "rps": None, "p50": None, "p99": None, "errors": None,
                     "bytes": None, "ratio": None, "target": "idle <= %.0f MiB" % TARGETS["idle_rss_mib"],
                     "value": idle_max,
                     "notes": "idle %s; after storm %s; after attack %s; peak (VmHWM) %s" % (
                         fmt_mem(idle_mem), fmt_mem(mem_storm), fmt_mem(mem_attack),
                         fmt_mem(worker_memory(stack), "VmHWM"))})
        raw["memory_end"] = worker_memory(stack)

        # 4L. cold render of a large conference: the frab file, enlarged to
        # ~900 sessions in 40 rooms, imported last (it replaces the demo).
        if os.path.exists(FRAB_FILE):
            log("importing %s scaled to 900 sessions in 40 rooms" % FRAB_FILE)
            stack.cli("import", "frab-xml", FRAB_FILE, "--time-zone", "Europe/Berlin", "--scale", "900:40")
            r = subprocess.run([RENDER_BENCH, stack.ini, "50"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, timeout=600)
            with open(os.path.join(outdir, "render_bench_large.txt"), "w") as f:
                f.write(r.stdout)
            size = re.search(r"programme: (\d+) sessions in (\d+) rooms", r.stdout)
            cold_l = re.search(r"per round: mean ([\d.]+) ms, p50 ([\d.]+) ms, p99 ([\d.]+) ms", r.stdout)
            m_load = re.search(r"programme load alone.*?:\s*([\d.]+) ms", r.stdout)
            if r.returncode != 0 or not size or not cold_l:
                raise RuntimeError("render_bench (large) failed:\n" + r.stdout[-2000:])
            mean = float(cold_l.group(1))
            rows.append({"scenario": "4L cold render, large", "rps": 1000.0 / mean, "p50": float(cold_l.group(2)),
                         "p99": float(cold_l.group(3)), "errors": None, "bytes": None, "ratio": None,
                         "target": "<= %.0f ms" % TARGETS["cold_render_large_ms"], "value": mean,
                         "notes": "%s sessions in %s rooms (31C3 scaled); mean %.2f ms (DB load %s ms), 50 rounds" % (
                             size.group(1), size.group(2), mean, m_load.group(1) if m_load else "?")})
            raw["cold_render_large"] = r.stdout
        else:
            log("no %s: the large cold render is skipped" % FRAB_FILE)
    finally:
        try:
            stack.stop()
        except stacklib.StackError as e:
            log(str(e))

    # verdicts
    by = {r["scenario"].split()[0]: r for r in rows}

    def verdict(key, ok):
        if key in by:
            by[key]["met"] = "met" if ok else "MISSED"

    verdict("2", by["2"]["ratio"] >= TARGETS["cached_ratio"])
    verdict("3", by["3"]["ratio"] >= TARGETS["origin_ratio"])
    verdict("4", by["4"]["value"] <= TARGETS["cold_render_ms"])
    if "4L" in by:
        verdict("4L", by["4L"]["value"] <= TARGETS["cold_render_large_ms"])
    verdict("5", by["5"]["value"] <= TARGETS["login_storm_s"] and by["5"]["errors"] == 0)
    verdict("6", by["6"]["value"] == 250)
    verdict("7", by["7"]["errors"] == 0 and by["7"]["p99"] <= TARGETS["crowd_p99_ms"])
    verdict("8", by["8"]["value"] is not None and by["8"]["value"] <= TARGETS["edit_visible_s"])
    verdict("9", by["9"]["value"] <= TARGETS["idle_rss_mib"])
    verdict("10", by["10"]["value"] is True)

    cpu_after = cpu_split()
    others = (cpu_after[0] - cpu_before[0]) - (cpu_after[1] - cpu_before[1])
    info["load"] = ("1-min load average %.2f before the run; other processes used %.0f CPU-seconds during it "
                    "(the bench and its stack %.0f, of %.0f available)" % (
                        load_before[0], max(0.0, others), cpu_after[1] - cpu_before[1],
                        (cpu_after[2] - cpu_before[2]) * (os.cpu_count() or 1)))
    text, md = render_table(rows)
    header = "\n".join("%-8s %s" % (k + ":", v) for k, v in info.items())
    print(header)
    print()
    print(text)
    print("\n(bench took %.0f s; raw outputs in %s)" % (time.monotonic() - t_start, outdir))
    with open(os.path.join(outdir, "table.md"), "w") as f:
        f.write("\n".join("- %s: %s" % kv for kv in info.items()) + "\n\n" + md + "\n")
    with open(os.path.join(outdir, "run.json"), "w") as f:
        json.dump({"rows": rows, "raw": raw}, f, indent=1, default=str)
    return 0


def render_table(rows):
    cols = [("scenario", "scenario"), ("rps", "req/s"), ("p50", "p50 ms"), ("p99", "p99 ms"), ("errors", "errors"),
            ("bytes", "bytes/resp"), ("ratio", "x ref"), ("target", "target"), ("met", "met?"), ("notes", "notes")]

    def cell(r, k):
        v = r.get(k)
        if v is None or v == "":
            return "-"
        if k == "rps":
            return "%.0f" % v if v >= 100 else "%.1f" % v
        if k in ("p50", "p99"):
            return "%.1f" % v if v < 100 else "%.0f" % v
        if k == "bytes":
            return "%.0f" % v
        if k == "ratio":
            return "%.2f" % v
        return str(v)

    table = [[h for _, h in cols]] + [[cell(r, k) for k, _ in cols] for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(cols) - 1)]
    lines = []
    for j, row in enumerate(table):
        lines.append("  ".join(c.ljust(widths[i]) if i < len(widths) else c for i, c in enumerate(row)))
        if j == 0:
            lines.append("  ".join("-" * w for w in widths) + "  -----")
    md = ["| " + " | ".join(table[0]) + " |", "|" + "|".join("---" for _ in cols) + "|"]
    md += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in table[1:]]
    return "\n".join(lines), "\n".join(md)


if __name__ == "__main__":
    sys.exit(main())
