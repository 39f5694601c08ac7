"""A whole confsched site in a temporary folder, for the integration tests.

Stack.start() brings up, in a fresh tempfile.mkdtemp():
  * a private MariaDB (own datadir, unix socket, pid file, no TCP),
  * database "confsched" and user confsched@localhost with a random password,
  * a confsched ini, then `db migrate`, confsched-demo (the demo conference)
    and `passwd` for both roles,
  * `confsched serve --listen unix:<tmp>/fcgi.sock --workers 2`,
  * nginx with conf/nginx/confsched.conf rendered (paths and listen line only)
    on a free 127.0.0.1 port, plus an https listener with a throwaway
    self-signed certificate on a second port;
  * or, with web="apache" (CONFSCHED_WEB_SERVER=apache in the environment),
    Debian's apache2 with conf/apache/confsched.conf rendered the same way,
    its own ServerRoot, modules, pid file and ports, in place of nginx.
Stack.stop() ends every process it started, by pid (TERM, bounded wait,
KILL), and removes the folder.

Stack(launcher="spawn-fcgi" | "systemd") starts confsched the way a server
admin may instead: under spawn-fcgi (the listening socket on fd 0) or under
systemd-socket-activate (fd 3, LISTEN_FDS), on the same socket path. bin,
share_dir and site_file run an installed layout (tests/integration/
test_package.py: the files of the .deb) instead of the build's binary and
the source tree.

Environment: CONFSCHED_BIN (the binary), CONFSCHED_DEMO_BIN (confsched-demo;
default: beside the binary, as a build and a package put it),
CONFSCHED_SOURCE_DIR (the repo), CONFSCHED_KEEP_TMP=1 keeps the folder for
a post-mortem.

Only the Python standard library is used.
"""

import atexit
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("CONFSCHED_SOURCE_DIR") or os.path.normpath(os.path.join(HERE, "..", ".."))
BIN = os.environ.get("CONFSCHED_BIN") or os.path.join(SOURCE_DIR, "build", "confsched")

DELEGATE_USER = "delegate"
STAFF_USER = "staff"


class StackError(RuntimeError):
    pass


def _ephemeral_low():
    """The first port of the kernel's range for outgoing connections."""
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def _substitute(conf, replacements, label):
    """conf with each (old, new) replaced; a shipped site file that no longer
    holds an old string fails the stack, rather than serve unreplaced paths."""
    for old, new in replacements:
        if old not in conf:
            raise StackError("%s no longer contains %r" % (label, old))
        conf = conf.replace(old, new)
    return conf


def _replace_unique(conf, marker, new, label):
    if conf.count(marker) != 1:
        raise StackError("%s must contain exactly one %r" % (label, marker))
    return conf.replace(marker, new)


def free_port():
    """A currently free TCP port on 127.0.0.1, below the kernel's ephemeral
    range: a port the kernel handed out by bind(0) and that was closed
    again may be given next to any outgoing connection (a test client's,
    nginx's to its upstream) before the server meant for it binds it: the
    likely cause of a stack that once failed to start while two ctest runs
    shared the machine. Two tests may still draw the same port (about one
    in 22,000 per pair of draws)."""
    low = _ephemeral_low()
    if low > 12000:
        for _ in range(50):
            port = secrets.randbelow(low - 10000) + 10000
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                try:
                    s.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pid_alive(pid):
    """True while the process exists and is not a zombie."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            stat = f.read()
    except (FileNotFoundError, ProcessLookupError):
        return False
    state = stat[stat.rindex(")") + 2:].split()[0]
    return state not in ("Z", "X")


def child_pids(pid):
    """Direct children of pid (from /proc/<pid>/task/*/children)."""
    out = []
    try:
        tasks = os.listdir("/proc/%d/task" % pid)
    except FileNotFoundError:
        return out
    for t in tasks:
        try:
            with open("/proc/%d/task/%s/children" % (pid, t)) as f:
                out.extend(int(x) for x in f.read().split())
        except FileNotFoundError:
            pass
    return sorted(set(out))


def wait_until(predicate, timeout, interval=0.1):
    """Polls predicate() until it returns a true value or timeout seconds
    pass; returns the last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)


def tail(path, lines=40):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return "(no %s)" % path
    return "\n".join(data.decode("utf-8", "replace").splitlines()[-lines:])


class Response:
    """status, headers (http.client.HTTPMessage: case-insensitive, and
    headers.get_all('Set-Cookie') keeps every Set-Cookie), body (bytes).
    Unpacks as (status, headers, body)."""

    def __init__(self, status, reason, headers, body):
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body

    def __iter__(self):
        return iter((self.status, self.headers, self.body))

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def header(self, name, default=None):
        return self.headers.get(name, default)

    def set_cookies(self):
        return self.headers.get_all("Set-Cookie") or []

    def __repr__(self):
        return "<Response %s %r, %d bytes>" % (self.status, dict(self.headers.items()), len(self.body))


def parse_set_cookie(value):
    """'n=v; Path=/; HttpOnly' -> ('n', 'v', {'path': '/', 'httponly': True})"""
    parts = [p.strip() for p in value.split(";")]
    name, _, val = parts[0].partition("=")
    attrs = {}
    for p in parts[1:]:
        if not p:
            continue
        k, eq, v = p.partition("=")
        attrs[k.strip().lower()] = v.strip() if eq else True
    return name.strip(), val.strip(), attrs


_TLS_CLIENT = None


def tls_client_context():
    """The TLS context of the tests' https requests (the stack's certificate
    is self-signed: not verified), made once: ssl.create_default_context()
    loads the system's CA certificates, ~20 ms a request."""
    global _TLS_CLIENT
    if _TLS_CLIENT is None:
        _TLS_CLIENT = ssl.create_default_context()
        _TLS_CLIENT.check_hostname = False
        _TLS_CLIENT.verify_mode = ssl.CERT_NONE
    return _TLS_CLIENT


class Stack:
    LAUNCHERS = (None, "spawn-fcgi", "systemd")

    def __init__(self, name="stack", workers=2, https=True, app_env=None, ini_overrides=None, launcher=None,
                 bin=None, share_dir=None, site_file=None, db_args=None, web=None):
        if launcher not in self.LAUNCHERS:
            raise StackError("unknown launcher %r" % (launcher,))
        self.name = name
        self.web = web or os.environ.get("CONFSCHED_WEB_SERVER") or "nginx"
        if self.web not in ("nginx", "apache"):
            raise StackError("unknown web server %r (nginx or apache)" % self.web)
        self.launcher = launcher
        self.bin = bin or BIN
        self.demo_bin = (None if bin else os.environ.get("CONFSCHED_DEMO_BIN")) or os.path.join(
            os.path.dirname(self.bin), "confsched-demo")
        # templates/, static/ and sql/ as installed (share/confsched), or
        # the source tree's templates/, templates/static/ and sql/.
        if share_dir:
            self.template_dir, self.static_dir, self.sql_dir = (
                os.path.join(share_dir, d) for d in ("templates", "static", "sql"))
        else:
            self.template_dir = os.path.join(SOURCE_DIR, "templates")
            self.static_dir = os.path.join(SOURCE_DIR, "templates", "static")
            self.sql_dir = os.path.join(SOURCE_DIR, "sql")
        # The catalogues msgfmt compiled beside the binary ([site] language);
        # an installed binary finds the installed ones by itself.
        self.locale_dir = None if share_dir else os.path.join(os.path.dirname(self.bin), "locale")
        self.site_file = site_file
        self.workers = workers
        self.https = https
        self.app_env = dict(app_env or {})
        self.ini_overrides = ini_overrides or {}
        # Extra mariadbd options, after the defaults (a later option wins):
        # the binary log and TCP port of a replication primary (cluster.py).
        self.db_args = list(db_args or [])
        self.passwords = {DELEGATE_USER: "delegate-test-pw-1", STAFF_USER: "staff-test-pw-1"}
        self.tmp = None
        self.db_proc = None
        self.app_proc = None
        self.nginx_proc = None
        self.apache_proc = None
        self.static_nginx_proc = None
        self.app_children_seen = set()
        self.http_port = None
        self.https_port = None
        self._logs = []

    # ------------------------------------------------------------------ paths
    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    @property
    def db_socket(self):
        return self.path("run", "mysql.sock")

    @property
    def fcgi_socket(self):
        return self.path("run", "fcgi.sock")

    @property
    def ini(self):
        return self.path("confsched.ini")

    @property
    def origin(self):
        return "http://127.0.0.1:%d" % self.http_port

    @property
    def https_origin(self):
        return "https://127.0.0.1:%d" % self.https_port

    # -------------------------------------------------------------- lifecycle
    def start(self):
        if not os.access(self.bin, os.X_OK):
            raise StackError("confsched binary not found or not executable: %s" % self.bin)
        if not os.access(self.demo_bin, os.X_OK):
            raise StackError("confsched-demo not found or not executable: %s" % self.demo_bin)
        base = None
        # unix socket paths are limited to 107 bytes: prefer a short TMPDIR.
        if len(tempfile.gettempdir()) > 40:
            base = "/tmp"
        self.tmp = tempfile.mkdtemp(prefix="confsched-%s-" % self.name, dir=base)
        for d in ("run", "log", "mysql", "nginx", "nginx/cache", "nginx/temp", "apache", "apache/cache"):
            os.makedirs(self.path(d), exist_ok=True)
        atexit.register(self.stop)
        t0 = time.monotonic()
        try:
            self._install_db()
            self.start_db()
            self._create_db_user()
            self._choose_ports()
            self._write_secret_and_ini()
            self.cli("db", "migrate")
            self.demo()
            for role in (DELEGATE_USER, STAFF_USER):
                self.passwd(role, self.passwords[role])
            self.start_app()
            self._make_cert()
            if self.web == "apache":
                self._write_apache_conf()
                self.start_apache()
            else:
                self._write_nginx_conf()
                self.start_nginx()
            self._wait_http_ok()
        except BaseException:
            self.dump_logs()
            self.stop()
            raise
        sys.stderr.write("[stack %s] up in %.1fs in %s (http %d, https %s)\n" % (
            self.name, time.monotonic() - t0, self.tmp, self.http_port, self.https_port))
        return self

    # What AddressSanitizer and UBSan print; in a sanitized build
    # (scripts/test's second stage) any of it in the app's log fails the run.
    SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:")

    def sanitizer_reports(self):
        p = self.path("log", "confsched.log")
        if not os.path.exists(p):
            return []
        with open(p, errors="replace") as f:
            return [line.rstrip() for line in f if any(m in line for m in self.SANITIZER_MARKERS)]

    def stop(self):
        """Stops everything; raises StackError afterwards if the app's log
        holds a sanitizer report."""
        if self.tmp is None:
            return
        self.stop_nginx()
        self.stop_static_nginx()
        self.stop_apache()
        self.stop_app()
        self.stop_db()
        reports = self.sanitizer_reports()
        if reports:
            self.dump_logs(200)
        if os.environ.get("CONFSCHED_KEEP_TMP") == "1":
            sys.stderr.write("[stack %s] kept %s\n" % (self.name, self.tmp))
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)
        self.tmp = None
        if reports:
            raise StackError("sanitizer reports in confsched.log:\n" + "\n".join(reports[:20]))

    def dump_logs(self, lines=40):
        """Writes the end of each log to stderr (shown by ctest on failure)."""
        if self.tmp is None:
            return
        for name in ("mariadbd.log", "confsched.log", "nginx-error.log", "apache-error.log"):
            p = self.path("log", name)
            if os.path.exists(p):
                sys.stderr.write("----- %s: last %d lines of %s\n%s\n" % (self.name, lines, name, tail(p, lines)))

    @staticmethod
    def _terminate(proc, label, timeout):
        """TERM, wait up to timeout, KILL. Returns the exit code."""
        if proc is None:
            return None
        if proc.poll() is None:
            try:
                proc.send_signal(signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                return proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                sys.stderr.write("[stack] %s (pid %d) did not stop in %ss: SIGKILL\n" % (label, proc.pid, timeout))
                proc.kill()
                return proc.wait(timeout=10)
        return proc.returncode

    @staticmethod
    def _kill_leftovers(pids, label, timeout=5):
        """Children of a master we stopped that are still there: wait a
        little, then SIGKILL them, each by its own pid."""
        pids = [p for p in pids if pid_alive(p)]
        if not pids:
            return
        wait_until(lambda: not any(pid_alive(p) for p in pids), timeout)
        for p in pids:
            if pid_alive(p):
                sys.stderr.write("[stack] %s child %d left behind: SIGKILL\n" % (label, p))
                try:
                    os.kill(p, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def _spawn(self, argv, logname, env=None):
        log = open(self.path("log", logname), "ab")
        self._logs.append(log)
        return subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True, env=env, cwd=self.tmp, preexec_fn=_die_with_parent)

    # ---------------------------------------------------------------- mariadb
    def _install_db(self):
        user = _username()
        r = subprocess.run(
            [tool("mariadb-install-db"), "--no-defaults", "--datadir=" + self.path("mysql"), "--user=" + user,
             "--auth-root-authentication-method=socket", "--skip-test-db"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
        if r.returncode != 0:
            raise StackError("mariadb-install-db failed:\n" + r.stdout.decode("utf-8", "replace")[-3000:])

    def start_db(self, timeout=60):
        """Starts mariadbd on the stack's datadir and waits until it answers."""
        if self.db_proc is not None and self.db_proc.poll() is None:
            return
        try:
            os.unlink(self.db_socket)
        except FileNotFoundError:
            pass
        self.db_proc = self._spawn(
            [tool("mariadbd"), "--no-defaults", "--datadir=" + self.path("mysql"), "--socket=" + self.db_socket,
             "--skip-networking", "--pid-file=" + self.path("run", "mariadbd.pid"), "--user=" + _username(),
             "--log-error=" + self.path("log", "mariadbd.log"),
             "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
             "--innodb-buffer-pool-size=32M", "--innodb-log-file-size=16M",
             "--skip-name-resolve", "--performance-schema=OFF"] + self.db_args,
            "mariadbd.out")

        def ready():
            if self.db_proc.poll() is not None:
                raise StackError("mariadbd exited with %s:\n%s" % (
                    self.db_proc.returncode, tail(self.path("log", "mariadbd.log"))))
            return self.sql("SELECT 1", check=False).returncode == 0

        if not wait_until(ready, timeout, 0.1):
            raise StackError("MariaDB did not answer within %ss" % timeout)

    def stop_db(self, timeout=60):
        self._terminate(self.db_proc, "mariadbd", timeout)

    def db_running(self):
        return self.db_proc is not None and self.db_proc.poll() is None

    def sql(self, statements, check=True, user="root", database=None):
        """Runs SQL with the mariadb client (as root over the socket, unix
        socket authentication). Returns the CompletedProcess (text)."""
        argv = [tool("mariadb"), "--no-defaults", "--socket=" + self.db_socket, "--user=" + user,
                "--batch", "--skip-column-names"]
        if user != "root":
            argv.append("--password=" + self.db_password)
        if database:
            argv.append(database)
        r = subprocess.run(argv, input=statements, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=30)
        if check and r.returncode != 0:
            raise StackError("SQL failed (%s): %s\n%s" % (r.returncode, statements, r.stderr))
        return r

    def _create_db_user(self):
        self.db_password = os.urandom(18).hex()
        with open(self.path("db-password"), "w", opener=_private_opener) as f:
            f.write(self.db_password + "\n")
        self.sql(
            "CREATE DATABASE confsched CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
            "CREATE USER 'confsched'@'localhost' IDENTIFIED BY '%s';\n"
            "GRANT ALL PRIVILEGES ON confsched.* TO 'confsched'@'localhost';\n" % self.db_password)

    # ------------------------------------------------------------- confsched
    def _write_secret_and_ini(self):
        r = subprocess.run([tool("openssl"), "rand", "48"], stdout=subprocess.PIPE, check=True, timeout=30)
        with open(self.path("cookie-secret"), "wb", opener=_private_opener) as f:
            f.write(r.stdout)
        self.write_ini()

    def ini_text(self, **overrides):
        """The ini for this stack; overrides maps 'section.key' to a value
        (None drops the key)."""
        values = {
            "server.listen": "unix:" + self.fcgi_socket,
            "server.socket_mode": "0660",
            "server.workers": str(self.workers),
            "server.template_dir": self.template_dir,
            "server.static_dir": self.static_dir,
            "server.sql_dir": self.sql_dir,
            "server.locale_dir": self.locale_dir,
            "server.version_check_ms": "200",
            # As a hosting admin sets it: the feeds' links are absolute.
            "server.public_url": self.origin,
            "database.host": "localhost",
            "database.port": "3306",
            "database.socket": self.db_socket,
            "database.user": "confsched",
            "database.password": "",
            "database.password_file": self.path("db-password"),
            "database.name": "confsched",
            "database.timeout_s": "2",
            "auth.secret_file": self.path("cookie-secret"),
            "auth.delegate_user": DELEGATE_USER,
            "auth.staff_user": STAFF_USER,
            "auth.session_hours": "168",
        }
        values.update(self.ini_overrides)
        values.update(overrides)
        sections = {}
        for key, value in values.items():
            section, _, name = key.partition(".")
            sections.setdefault(section, [])
            if value is not None:
                sections[section].append("%s = %s" % (name, value))
        return "".join("[%s]\n%s\n\n" % (s, "\n".join(lines)) for s, lines in sections.items())

    def write_ini(self, path=None, **overrides):
        path = path or self.ini
        with open(path, "w", opener=_private_opener) as f:
            f.write(self.ini_text(**overrides))
        return path

    def cli(self, *args, input=None, check=True, env=None, config=None, timeout=120):
        """Runs `confsched --config INI ARGS...`; returns CompletedProcess
        (text, stdout and stderr captured)."""
        return self._run(self.bin, args, input, check, env, config, timeout)

    def demo(self, *args, check=True, env=None, config=None, timeout=120):
        """Runs `confsched-demo --config INI ARGS...` (loads the demo
        conference); returns CompletedProcess like cli()."""
        return self._run(self.demo_bin, args, None, check, env, config, timeout)

    def command_argv(self, binary, args, config):
        """How cli() and demo() run a program: with --config (unless config
        is False), then args. test_instances.py runs them as an instance."""
        argv = [binary]
        if config is not False:
            argv += ["--config", config or self.ini]
        return argv + list(args)

    def _run(self, binary, args, input, check, env, config, timeout):
        argv = self.command_argv(binary, args, config)
        full_env = dict(os.environ)
        full_env.update(env or {})
        r = subprocess.run(argv, input=input if input is not None else "", text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=full_env, timeout=timeout,
                           cwd=self.tmp)
        if check and r.returncode != 0:
            raise StackError("%s exited %s\nstdout: %s\nstderr: %s" % (" ".join(argv), r.returncode,
                                                                      r.stdout[-2000:], r.stderr[-4000:]))
        return r

    def passwd(self, role, password):
        """Sets the password of a role with `confsched passwd ROLE` (stdin)."""
        self.cli("passwd", role, input=password + "\n")
        self.passwords[role] = password

    def start_app(self, timeout=30):
        if self.app_proc is not None and self.app_proc.poll() is None:
            return
        try:
            os.unlink(self.fcgi_socket)
        except FileNotFoundError:
            pass
        env = dict(os.environ)
        env.update(self.app_env)
        self.app_proc = self._spawn(self.app_argv(), "confsched.log", env=env)

        def up():
            if self.app_proc.poll() is not None:
                raise StackError("confsched serve exited with %s:\n%s" % (
                    self.app_proc.returncode, tail(self.path("log", "confsched.log"))))
            if not os.path.exists(self.fcgi_socket):
                return False
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                try:
                    s.connect(self.fcgi_socket)
                    return True
                except OSError:
                    return False

        if not wait_until(up, timeout, 0.05):
            raise StackError("confsched serve did not listen on %s within %ss:\n%s" % (
                self.fcgi_socket, timeout, tail(self.path("log", "confsched.log"))))
        # workers may still be forking: wait (bounded) until they are there.
        wait_until(lambda: len(self.worker_pids()) >= self.workers, 10)
        self.app_children_seen.update(self.worker_pids())
        if self.web == "apache":
            self._open_socket_to_apache()

    def app_argv(self):
        """How confsched serve is started. Both launchers exec it in their
        own process, so app_proc's pid is the master's either way."""
        serve = [self.bin, "--config", self.ini, "serve", "--workers", str(self.workers)]
        if self.launcher is None:
            return serve + ["--listen", "unix:" + self.fcgi_socket]
        if self.launcher == "spawn-fcgi":
            # -n: no fork; the socket on fd 0, and no listen address.
            return [tool("spawn-fcgi"), "-n", "-s", self.fcgi_socket, "-M", "0660", "--"] + serve + ["--listen", ""]
        # systemd-socket-activate binds the socket, waits for the first
        # connection, then execs with LISTEN_FDS=1 (fd 3) and a clean
        # environment (-E passes what the app needs). The ini still names
        # the same socket path: the passed socket must win over it.
        env = ["-E" + k + "=" + v for k, v in self.app_env.items()]
        return [tool("systemd-socket-activate"), "-l", self.fcgi_socket] + env + serve

    def app_pid(self):
        return self.app_proc.pid if self.app_proc is not None else None

    def worker_pids(self):
        """The worker processes: children of the confsched master."""
        if self.app_proc is None or self.app_proc.poll() is not None:
            return []
        return child_pids(self.app_proc.pid)

    def stop_app(self, timeout=15):
        if self.app_proc is None:
            return None
        kids = set(self.worker_pids()) | self.app_children_seen
        code = self._terminate(self.app_proc, "confsched", timeout)
        self._kill_leftovers(kids, "confsched")
        self.app_children_seen = set()
        return code

    # ------------------------------------------------------------------ nginx
    def _make_cert(self):
        if not self.https:
            return
        r = subprocess.run(
            [tool("openssl"), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", self.path("nginx", "key.pem"), "-out", self.path("nginx", "cert.pem"), "-days", "2",
             "-subj", "/CN=127.0.0.1"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
        if r.returncode != 0:
            raise StackError("openssl req failed:\n" + r.stdout.decode("utf-8", "replace"))

    def render_site(self, listen_lines):
        """conf/nginx/confsched.conf with only the install paths and the
        listen line replaced."""
        # CONFSCHED_NGINX_SITE: another site file to render (to check that
        # the tests catch a broken configuration).
        site = (self.site_file or os.environ.get("CONFSCHED_NGINX_SITE")
                or os.path.join(SOURCE_DIR, "conf", "nginx", "confsched.conf"))
        with open(site) as f:
            conf = f.read()
        replacements = [
            ("/run/confsched/fcgi.sock", self.fcgi_socket),
            ("/usr/share/confsched/static", self.static_dir),
            ("/var/cache/nginx/", self.path("nginx", "cache") + "/"),
            # /var/log/nginx/access.log -> <tmp>/log/nginx-access.log
            ("/var/log/nginx/", self.path("log") + "/nginx-"),
        ]
        conf = _substitute(conf, replacements, "conf/nginx/confsched.conf")
        return _replace_unique(conf, "listen 80;", "\n    ".join(listen_lines), "conf/nginx/confsched.conf")

    def _choose_ports(self):
        # Before the ini is written: the app's public_url names the port.
        self.http_port = free_port()
        if self.https:
            self.https_port = free_port()
            while self.https_port == self.http_port:
                self.https_port = free_port()

    def _write_nginx_conf(self):
        listen = ["listen 127.0.0.1:%d;" % self.http_port]
        if self.https:
            listen += ["listen 127.0.0.1:%d ssl;" % self.https_port,
                       "ssl_certificate %s;" % self.path("nginx", "cert.pem"),
                       "ssl_certificate_key %s;" % self.path("nginx", "key.pem")]
        with open(self.path("nginx", "confsched-site.conf"), "w") as f:
            f.write(self.render_site(listen))
        n = self.path("nginx")
        main = """# written by tests/integration/stack.py
user root;
worker_processes 1;
daemon off;
pid {n}/nginx.pid;
error_log {log}/nginx-error.log info;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format cache '$remote_addr "$request" $status $body_bytes_sent cache=$upstream_cache_status '
                     'upstream=$upstream_status rt=$request_time id=$request_id';
    access_log {log}/nginx-access.log cache;
    client_body_temp_path {n}/temp/body;
    fastcgi_temp_path {n}/temp/fastcgi;
    proxy_temp_path {n}/temp/proxy;
    scgi_temp_path {n}/temp/scgi;
    uwsgi_temp_path {n}/temp/uwsgi;
    include {n}/confsched-site.conf;
}}
""".format(n=n, log=self.path("log"))
        with open(self.path("nginx", "nginx.conf"), "w") as f:
            f.write(main)

    def nginx_argv(self, *extra):
        return [tool("nginx"), "-p", self.path("nginx") + "/", "-e", self.path("log", "nginx-error.log"),
                "-c", self.path("nginx", "nginx.conf")] + list(extra)

    def start_nginx(self):
        r = subprocess.run(self.nginx_argv("-t", "-q"), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=30)
        if r.returncode != 0:
            raise StackError("nginx -t failed:\n%s\n%s" % (r.stdout.decode("utf-8", "replace"),
                                                           tail(self.path("log", "nginx-error.log"))))
        self.nginx_proc = self._spawn(self.nginx_argv(), "nginx.out")
        self._wait_web_server(self.nginx_proc, "nginx", "nginx-error.log")

    def _wait_web_server(self, proc, label, error_log):
        """Until the web server just spawned accepts on the http port."""
        def listening():
            if proc.poll() is not None:
                raise StackError("%s exited with %s:\n%s" % (label, proc.returncode,
                                                             tail(self.path("log", error_log))))
            try:
                with socket.create_connection(("127.0.0.1", self.http_port), timeout=1):
                    return True
            except OSError:
                return False

        if not wait_until(listening, 15, 0.05):
            raise StackError("%s did not listen on port %d" % (label, self.http_port))

    def _stop_web_server(self, proc, label):
        if proc is None:
            return
        kids = child_pids(proc.pid)
        self._terminate(proc, label, 10)
        self._kill_leftovers(kids, label)

    def stop_nginx(self):
        self._stop_web_server(self.nginx_proc, "nginx")

    # ----------------------------------------------------------- static nginx
    def start_static_nginx(self, root):
        """A second nginx that only serves the files under root, as a plain
        web server serves a static archive (`confsched export site`): no
        FastCGI, no cache, nothing of the site's configuration. Returns its
        loopback port; stopped with the stack."""
        port = free_port()
        d = self.path("static-nginx")
        os.makedirs(os.path.join(d, "temp"), exist_ok=True)
        conf = """# written by tests/integration/stack.py
user root;
worker_processes 1;
daemon off;
pid {d}/nginx.pid;
error_log {log}/static-nginx-error.log info;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {log}/static-nginx-access.log;
    client_body_temp_path {d}/temp/body;
    proxy_temp_path {d}/temp/proxy;
    fastcgi_temp_path {d}/temp/fastcgi;
    scgi_temp_path {d}/temp/scgi;
    uwsgi_temp_path {d}/temp/uwsgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
    }}
}}
""".format(d=d, log=self.path("log"), port=port, root=root)
        with open(os.path.join(d, "nginx.conf"), "w") as f:
            f.write(conf)
        argv = [tool("nginx"), "-p", d + "/", "-e", self.path("log", "static-nginx-error.log"),
                "-c", os.path.join(d, "nginx.conf")]
        self.static_nginx_proc = self._spawn(argv, "static-nginx.out")

        def listening():
            if self.static_nginx_proc.poll() is not None:
                raise StackError("static nginx exited with %s:\n%s" % (
                    self.static_nginx_proc.returncode, tail(self.path("log", "static-nginx-error.log"))))
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return True
            except OSError:
                return False

        if not wait_until(listening, 15, 0.05):
            raise StackError("static nginx did not listen on port %d" % port)
        return port

    def stop_static_nginx(self):
        self._stop_web_server(self.static_nginx_proc, "static nginx")
        self.static_nginx_proc = None

    # ----------------------------------------------------------------- apache
    # Apache's children drop root for this user (Debian's apache2 refuses to
    # serve as root); it must reach the app's socket as a hosting admin sets
    # it up: the socket's group is the web server's, mode 0660.
    APACHE_USER = "www-data"

    # Modules the site needs, loaded here (never a2enmod on the machine),
    # plus mod_cache/mod_cache_disk switched on server-wide as an admin
    # might: the site must keep delegate pages out of it (test_access).
    APACHE_MODULES = ("mpm_event", "authz_core", "authz_host", "alias", "mime", "headers", "expires",
                      "reqtimeout", "proxy", "proxy_fcgi", "ssl", "socache_shmcb", "cache", "cache_disk",
                      "unique_id", "setenvif")

    def _open_socket_to_apache(self):
        import grp
        import pwd
        gid = grp.getgrnam(self.APACHE_USER).gr_gid
        for d in (self.tmp, self.path("run")):
            os.chmod(d, 0o711)
        os.chown(self.fcgi_socket, -1, gid)
        os.chown(self.path("apache", "cache"), pwd.getpwnam(self.APACHE_USER).pw_uid, gid)

    def render_apache_site(self, port, https):
        """conf/apache/confsched.conf for one port, with only the install
        paths and the VirtualHost line replaced (and the TLS lines added for
        the https copy)."""
        with open(os.path.join(SOURCE_DIR, "conf", "apache", "confsched.conf")) as f:
            conf = f.read()
        replacements = [
            ("unix:/run/confsched/fcgi.sock", "unix:" + self.fcgi_socket),
            ("/usr/share/confsched/static", os.path.join(SOURCE_DIR, "templates", "static")),
            # /var/log/apache2/access.log -> <tmp>/log/apache-access.log
            ("/var/log/apache2/", self.path("log") + "/apache-"),
        ]
        conf = _substitute(conf, replacements, "conf/apache/confsched.conf")
        head = "<VirtualHost 127.0.0.1:%d>" % port
        if https:
            head += "\n    SSLEngine on\n    SSLCertificateFile %s\n    SSLCertificateKeyFile %s" % (
                self.path("nginx", "cert.pem"), self.path("nginx", "key.pem"))
        return _replace_unique(conf, "<VirtualHost *:80>", head, "conf/apache/confsched.conf")

    def _write_apache_conf(self):
        a = self.path("apache")
        ports = [(self.http_port, False)] + ([(self.https_port, True)] if self.https else [])
        sites = "\n".join(self.render_apache_site(port, https) for port, https in ports)
        modules = "\n".join("LoadModule %s_module /usr/lib/apache2/modules/mod_%s.so" % (m, m)
                             for m in self.APACHE_MODULES)
        main = """# written by tests/integration/stack.py
ServerRoot {a}
{modules}
{listen}
User {user}
Group {user}
PidFile {a}/apache2.pid
Mutex file:{a} default
DefaultRuntimeDir {a}
ErrorLog {log}/apache-error.log
LogLevel warn
LogFormat "%a \\"%r\\" %>s %b rt=%D id=%{{UNIQUE_ID}}e" site
CustomLog {log}/apache-access.log site
TypesConfig /etc/mime.types
ServerName 127.0.0.1
ServerTokens Prod
StartServers 1
ServerLimit 1
ThreadsPerChild 25
MinSpareThreads 5
MaxSpareThreads 25
MaxRequestWorkers 25
SSLSessionCache shmcb:{a}/ssl_scache(512000)
CacheRoot {a}/cache
CacheEnable disk /
CacheQuickHandler on
CacheIgnoreNoLastMod On
{sites}
""".format(a=a, modules=modules, user=self.APACHE_USER, log=self.path("log"),
           listen="\n".join("Listen 127.0.0.1:%d" % p for p, _ in ports), sites=sites)
        with open(self.path("apache", "apache2.conf"), "w") as f:
            f.write(main)

    def apache_argv(self, *extra):
        return [tool("apache2"), "-d", self.path("apache"), "-f", self.path("apache", "apache2.conf")] + list(extra)

    def start_apache(self):
        r = subprocess.run(self.apache_argv("-t"), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=30)
        if r.returncode != 0:
            raise StackError("apache2 -t failed:\n%s" % r.stdout.decode("utf-8", "replace"))
        self.apache_proc = self._spawn(self.apache_argv("-DFOREGROUND"), "apache.out")
        self._wait_web_server(self.apache_proc, "apache2", "apache-error.log")

    def stop_apache(self):
        self._stop_web_server(self.apache_proc, "apache2")
        self.apache_proc = None

    def _wait_http_ok(self, timeout=30):
        last = [None]

        def ok():
            try:
                r = self.get("/")
                last[0] = r.status
                return r.status == 200
            except OSError as e:
                last[0] = e
                return False

        if not wait_until(ok, timeout, 0.2):
            raise StackError("GET / did not answer 200 within %ss (last: %r)" % (timeout, last[0]))

    # ------------------------------------------------------------------- HTTP
    def request(self, method, path, body=None, headers=None, https=False, timeout=15):
        """One request on a fresh connection through nginx."""
        if https:
            conn = http.client.HTTPSConnection("127.0.0.1", self.https_port, timeout=timeout,
                                               context=tls_client_context())
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=timeout)
        try:
            hdrs = {"Connection": "close"}
            hdrs.update(headers or {})
            conn.request(method, path, body=body, headers=hdrs)
            resp = conn.getresponse()
            data = resp.read()
            return Response(resp.status, resp.reason, resp.headers, data)
        finally:
            conn.close()

    def get(self, path, headers=None, https=False, **kw):
        return self.request("GET", path, headers=headers, https=https, **kw)

    def head(self, path, headers=None, https=False, **kw):
        return self.request("HEAD", path, headers=headers, https=https, **kw)

    def post_form(self, path, fields, headers=None, https=False, same_origin=False, raw=None):
        """POSTs fields (dict or list of pairs) url-encoded; raw (str/bytes)
        replaces the encoded body. No Origin header unless same_origin is
        true (the site's own) or headers name one: the Origin rules have
        tests of their own."""
        body = raw if raw is not None else urllib.parse.urlencode(fields)
        if isinstance(body, str):
            body = body.encode("utf-8")
        hdrs = {"Content-Type": "application/x-www-form-urlencoded"}
        if same_origin:
            hdrs["Origin"] = self.https_origin if https else self.origin
        hdrs.update(headers or {})
        hdrs = {k: v for k, v in hdrs.items() if v is not None}
        return self.request("POST", path, body=body, headers=hdrs, https=https)

    def post_multipart(self, path, fields=(), files=(), headers=None, boundary=None, https=False):
        """POSTs a multipart/form-data body as a browser builds it (CRLF line
        ends, quoted names). fields: (name, value) pairs; files: (name,
        filename, content type, bytes) tuples. headers may replace the
        Content-Type (to send a wrong one)."""
        content_type, body = multipart_body(fields, files, boundary)
        hdrs = {"Content-Type": content_type}
        hdrs.update(headers or {})
        hdrs = {k: v for k, v in hdrs.items() if v is not None}
        return self.request("POST", path, body=body, headers=hdrs, https=https, timeout=60)

    def login(self, role=DELEGATE_USER, https=False, password=None):
        """Logs in through nginx; returns the Cookie header value
        ('confsched=TOKEN', or '__Host-confsched=TOKEN' over https)."""
        pw = password if password is not None else self.passwords[role]
        r = self.post_form("/login", {"username": role, "password": pw, "next": "/schedule"}, https=https)
        if r.status != 303:
            raise StackError("login as %s: expected 303, got %s: %s" % (role, r.status, r.text[:500]))
        for value in r.set_cookies():
            name, val, attrs = parse_set_cookie(value)
            if name in ("confsched", "__Host-confsched") and val:
                return "%s=%s" % (name, val)
        raise StackError("login as %s set no session cookie: %r" % (role, r.set_cookies()))

    # -------------------------------------------------------- FastCGI direct
    def fcgi(self, method, path, body=b"", headers=None, https=False, timeout=15, params=None):
        """One request straight to the app's FastCGI socket, bypassing nginx
        and its caches, with the parameters nginx's fastcgi_params would
        send (params overrides or adds some: REMOTE_ADDR, REQUEST_ID)."""
        return fcgi_request(self.fcgi_socket, method, path, body=body, headers=headers,
                            server_port=self.https_port if https else self.http_port, https=https,
                            timeout=timeout, params=params)


# --------------------------------------------------------------------- utils
def multipart_body(fields=(), files=(), boundary=None):
    """(Content-Type, body) of a multipart/form-data form (RFC 7578) as
    browsers write it: fields first, then files, each value as is."""
    boundary = boundary or "----confschedTest" + secrets.token_hex(12)
    b = boundary.encode("ascii")
    out = []
    for name, value in fields:
        value = value.encode("utf-8") if isinstance(value, str) else value
        out.append(b"--" + b + b'\r\nContent-Disposition: form-data; name="' + name.encode("utf-8")
                   + b'"\r\n\r\n' + value + b"\r\n")
    for name, filename, content_type, data in files:
        data = data.encode("utf-8") if isinstance(data, str) else data
        out.append(b"--" + b + b'\r\nContent-Disposition: form-data; name="' + name.encode("utf-8")
                   + b'"; filename="' + filename.encode("utf-8") + b'"\r\nContent-Type: '
                   + content_type.encode("ascii") + b"\r\n\r\n" + data + b"\r\n")
    out.append(b"--" + b + b"--\r\n")
    return "multipart/form-data; boundary=" + boundary, b"".join(out)


def tool(name):
    """Full path of a program: PATH first, then the sbin folders (mariadbd
    and nginx live in /usr/sbin, which a non-login PATH may lack)."""
    found = shutil.which(name) or shutil.which(name, path="/usr/local/sbin:/usr/sbin:/sbin:/usr/bin")
    if not found:
        raise StackError("%s not found: install the packages (scripts/test does)" % name)
    return found


def _die_with_parent():
    """In the child before exec: SIGTERM it when the test process dies
    (say, killed by ctest's timeout), so no server outlives its test."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except Exception:
        pass


def _username():
    import pwd
    return pwd.getpwuid(os.getuid()).pw_name


def _private_opener(path, flags):
    return os.open(path, flags, 0o600)


_FCGI_HEADER = struct.Struct(">BBHHBB")


def _fcgi_record(rtype, content, request_id=1):
    """content (non-empty) as records of at most 65535 bytes; the empty
    record that ends a stream is written by the caller."""
    out = b""
    for i in range(0, len(content), 65535):
        chunk = content[i:i + 65535]
        pad = (-len(chunk)) % 8
        out += _FCGI_HEADER.pack(1, rtype, request_id, len(chunk), pad, 0) + chunk + b"\0" * pad
    return out


def _fcgi_nv(name, value):
    def ln(n):
        return bytes([n]) if n < 128 else struct.pack(">I", n | 0x80000000)
    name = name.encode("latin-1")
    value = value.encode("latin-1") if isinstance(value, str) else value
    return ln(len(name)) + ln(len(value)) + name + value


def fcgi_request(sock_path, method, path, body=b"", headers=None, server_port=80, https=False, timeout=15,
                 params=None):
    """A minimal FastCGI responder client (one request per connection)."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    extra_params = params
    uri, _, query = path.partition("?")
    params = {
        "GATEWAY_INTERFACE": "CGI/1.1",
        "SERVER_SOFTWARE": "confsched-tests",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REQUEST_METHOD": method,
        "REQUEST_URI": path,
        "DOCUMENT_URI": urllib.parse.unquote(uri),
        "SCRIPT_NAME": urllib.parse.unquote(uri),
        "QUERY_STRING": query,
        "CONTENT_TYPE": "",
        "CONTENT_LENGTH": str(len(body)) if body else "",
        "REQUEST_SCHEME": "https" if https else "http",
        "SERVER_NAME": "_",
        "SERVER_ADDR": "127.0.0.1",
        "SERVER_PORT": str(server_port),
        "REMOTE_ADDR": "127.0.0.1",
        "REMOTE_PORT": "40000",
        "HTTP_HOST": "127.0.0.1",
    }
    if https:
        params["HTTPS"] = "on"
    params.update(extra_params or {})
    for k, v in (headers or {}).items():
        key = k.upper().replace("-", "_")
        if key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            params[key] = v
        else:
            params["HTTP_" + key] = v
    payload = b"".join(_fcgi_nv(k, v) for k, v in params.items())
    msg = (_FCGI_HEADER.pack(1, 1, 1, 8, 0, 0) + struct.pack(">HB5x", 1, 0)
           + _fcgi_record(4, payload) + _FCGI_HEADER.pack(1, 4, 1, 0, 0, 0)
           + (_fcgi_record(5, body) if body else b"") + _FCGI_HEADER.pack(1, 5, 1, 0, 0, 0))
    out = b""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        s.connect(sock_path)
        try:
            s.sendall(msg)
        except BrokenPipeError:
            pass  # the app may answer (e.g. 413) without reading everything
        buf = b""

        def need(n):
            nonlocal buf
            while len(buf) < n:
                chunk = s.recv(65536)
                if not chunk:
                    raise EOFError("FastCGI connection closed early")
                buf += chunk
            data, buf = buf[:n], buf[n:]
            return data

        while True:
            _, rtype, _, clen, plen, _ = _FCGI_HEADER.unpack(need(8))
            content = need(clen)
            need(plen)
            if rtype == 6:
                out += content
            elif rtype == 3:
                break
    head, sep, resp_body = out.partition(b"\r\n\r\n")
    if not sep:
        head, sep, resp_body = out.partition(b"\n\n")
    msg_headers = http.client.parse_headers(_BytesIO(head + b"\r\n\r\n"))
    status_line = msg_headers.get("Status", "200 OK")
    code = int(status_line.split()[0])
    # For HEAD the body is kept as the app sent it (it should be empty).
    return Response(code, status_line[4:], msg_headers, resp_body)


class _BytesIO:
    """The minimal file object http.client.parse_headers needs."""

    def __init__(self, data):
        self._lines = data.splitlines(keepends=True)

    def readline(self, limit=-1):
        return self._lines.pop(0) if self._lines else b""


# -------------------------------------------------------------- page helpers
SESSION_LINK = re.compile(r'href="/session/(\d+)"')


def session_ids(html):
    """Session ids linked from a schedule page, in page order, unique."""
    return linked_ids(SESSION_LINK, html)


# A speaker's entry on /speakers (templates/speakers.tpl).
LISTED_SPEAKER = re.compile(r'<a class="speaker" href="/speaker/(\d+)"')


def speaker_ids(html):
    """The ids of the speakers /speakers lists, in page order."""
    return linked_ids(LISTED_SPEAKER, html)


def linked_ids(link, html):
    seen = []
    for m in link.finditer(html):
        i = int(m.group(1))
        if i not in seen:
            seen.append(i)
    return seen


def location_path(stack, response):
    """The Location of a redirect as a local path (+query). An absolute
    Location must point at the stack's own origin."""
    loc = response.headers.get("Location")
    if loc is None:
        return None
    u = urllib.parse.urlsplit(loc)
    if u.scheme or u.netloc:
        allowed = {"127.0.0.1:%d" % stack.http_port}
        if stack.https_port:
            allowed.add("127.0.0.1:%d" % stack.https_port)
        if u.netloc not in allowed:
            return "FOREIGN:" + loc
    return u.path + ("?" + u.query if u.query else "")
