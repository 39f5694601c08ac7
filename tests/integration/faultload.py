"""Bounded request load for the fault tests: threads that send GETs through
nginx (keep-alive, like browsers) or straight to the FastCGI socket, and
record when each request started and ended and how it went, so a test can
count the failures in the second of a fault and after it."""

import http.client
import os
import threading
import time


class Outcome:
    __slots__ = ("start", "end", "path", "status", "error")

    def __init__(self, start, end, path, status, error):
        self.start, self.end, self.path, self.status, self.error = start, end, path, status, error

    @property
    def failed(self):
        return self.error is not None or self.status != 200

    def __repr__(self):
        return "<%s %s at +%.3fs>" % (self.path, self.error or self.status, self.start)


class Load:
    """`threads` clients through nginx, each sending the next of `paths`
    (GET, with `headers`) as soon as the last answered, plus `direct`
    clients doing the same straight to the app's FastCGI socket, for
    `seconds` (bounded) after start()."""

    def __init__(self, stack, paths, seconds, threads=6, direct=0, headers=None, timeout=10):
        self.stack = stack
        self.paths = list(paths)
        self.seconds = seconds
        self.headers = dict(headers or {})
        self.timeout = timeout
        self.outcomes = []  # list.append is atomic: threads share it
        self._threads = [threading.Thread(target=self._via_nginx, args=(i,), daemon=True) for i in range(threads)]
        self._threads += [threading.Thread(target=self._direct, args=(i,), daemon=True) for i in range(direct)]
        self.t0 = None

    def start(self):
        self.t0 = time.monotonic()
        for t in self._threads:
            t.start()
        return self

    def join(self):
        for t in self._threads:
            t.join(self.seconds + self.timeout + 10)
        if any(t.is_alive() for t in self._threads):
            raise AssertionError("load threads did not end")
        return self

    def _record(self, start, path, status=None, error=None):
        self.outcomes.append(Outcome(start, time.monotonic(), path, status, error))

    def _loop(self, n, send, label=""):
        """Sends self.paths in turn (from the n-th) with send(path) -> status
        until the deadline."""
        deadline = self.t0 + self.seconds
        i = n
        while time.monotonic() < deadline:
            path = self.paths[i % len(self.paths)]
            i += 1
            start = time.monotonic()
            try:
                self._record(start, label + path, send(path))
            except Exception as e:  # a reset, refused or timed-out request is a failure too
                self._record(start, label + path, error=repr(e))

    def _via_nginx(self, n):
        conn = [None]  # one keep-alive connection, opened again after an error

        def send(path):
            if conn[0] is None:
                conn[0] = http.client.HTTPConnection("127.0.0.1", self.stack.http_port, timeout=self.timeout)
            try:
                conn[0].request("GET", path, headers=self.headers)
                resp = conn[0].getresponse()
                resp.read()
            except Exception:
                conn[0].close()
                conn[0] = None
                raise
            if resp.will_close:
                conn[0].close()
                conn[0] = None
            return resp.status

        try:
            self._loop(n, send)
        finally:
            if conn[0] is not None:
                conn[0].close()

    def _direct(self, n):
        self._loop(n, lambda path: self.stack.fcgi("GET", path, headers=self.headers, timeout=self.timeout).status,
                   "direct ")

    # -- figures ------------------------------------------------------------
    def split(self, t_fault):
        """(before, fault_second, after): requests that ended before the
        fault; those in flight at it or started within the second after
        it; those started later."""
        before, during, after = [], [], []
        for o in self.outcomes:
            if o.end < t_fault:
                before.append(o)
            elif o.start < t_fault + 1.0:
                during.append(o)
            else:
                after.append(o)
        return before, during, after

    def rate(self):
        return len(self.outcomes) / self.seconds if self.seconds else 0.0


def failures(outcomes):
    return [o for o in outcomes if o.failed]


def describe(label, outcomes):
    bad = failures(outcomes)
    return "%s: %d requests, %d failed%s" % (label, len(outcomes), len(bad),
                                             " (%s)" % ", ".join(map(repr, bad[:5])) if bad else "")


def process_state(pid):
    """One-letter state from /proc/<pid>/stat ('R' running, 'S' sleeping),
    or None once it is gone."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            stat = f.read()
    except OSError:
        return None
    return stat[stat.rindex(")") + 2:].split()[0]


def wait_for_busy(pids, timeout):
    """The first of pids seen running on a CPU (so most likely in the
    middle of a request) within timeout, else the first pid."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p in pids:
            if process_state(p) == "R":
                return p
    return pids[0]


def count_lines(path, needles, offset=0):
    """Lines of a log after byte offset that contain any of needles."""
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            text = f.read().decode("utf-8", "replace")
    except OSError:
        return 0
    return sum(1 for line in text.splitlines() if any(n in line for n in needles))


def file_size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0

