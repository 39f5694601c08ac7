"""Several confsched servers over a MariaDB primary and a replica, behind a
front nginx: the multi-server layout of README "Several servers", on one
machine, for test_scaleout.py and bench/scaleout.py.

Cluster.start() brings up, each in its own temporary folder:
  * server A: a whole Stack (stack.py) whose MariaDB is the primary, with a
    binary log (ROW), server_id 1 and a loopback TCP port besides its
    socket;
  * the replica: a second mariadbd (own datadir, socket, port and pid file),
    server_id 2, read_only, replicating from the primary with
    MASTER_USE_GTID=slave_pos from the primary's first binary log, so that
    the schema, the demo programme and the confsched user reach it the way
    every later write does;
  * server B: `confsched serve` and nginx like A's, with a copy of A's cookie
    secret and database password file and no database of its own;
  * the front: nginx with conf/nginx/front.conf (only the server addresses
    and the listen line replaced), balancing between A's and B's nginx.
Both servers' ini name the primary as [database] and the replica as
[replica], over TCP. Cluster.stop() stops everything by pid (Stack.stop
for each part) and removes the folders.

Only the Python standard library is used.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import stack as stackmod

REPL_USER = "repl"


def _temp_folder(name):
    # unix socket paths are limited to 107 bytes: prefer a short TMPDIR.
    base = "/tmp" if len(tempfile.gettempdir()) > 40 else None
    return tempfile.mkdtemp(prefix="confsched-%s-" % name, dir=base)


def _start_in_folder(part, folders, steps):
    """A part's start(): its own temporary folder, then steps(); on any
    failure, its logs and a stop of what it started."""
    part.tmp = _temp_folder(part.name)
    for d in folders:
        os.makedirs(part.path(d), exist_ok=True)
    try:
        steps()
    except BaseException:
        part.dump_logs()
        part.stop()
        raise
    return part


def _tcp_db_args(server_id, port):
    return ["--skip-networking=0", "--bind-address=127.0.0.1", "--port=%d" % port,
            "--server-id=%d" % server_id]


class Replica(stackmod.Stack):
    """Only the MariaDB part of a Stack, started as a replica of primary."""

    def __init__(self, name, primary, port):
        super().__init__(name, https=False,
                         db_args=_tcp_db_args(2, port) + ["--read-only=ON", "--relay-log=relay-bin"])
        self.primary = primary
        self.port = port
        # The confsched user reaches the replica with the primary's data.
        self.db_password = primary.db_password

    def start(self):
        return _start_in_folder(self, ("run", "log", "mysql"), self._start_replica)

    def _start_replica(self):
        self._install_db()
        self.start_db()
        self.sql("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=%d, MASTER_USER='%s', "
                 "MASTER_PASSWORD='%s', MASTER_CONNECT_RETRY=1, MASTER_USE_GTID=slave_pos;\nSTART SLAVE;\n" % (
                     self.primary.db_port, REPL_USER, self.primary.repl_password))

    def data_version(self):
        r = self.sql("SELECT version FROM data_version", check=False, database="confsched")
        return r.stdout.strip() if r.returncode == 0 else None


class AppServer(stackmod.Stack):
    """confsched serve + nginx over another stack's database: a second
    machine of the same site."""

    def __init__(self, name, primary, ini_overrides, workers):
        super().__init__(name, workers=workers, https=False, ini_overrides=ini_overrides)
        self.primary = primary

    def start(self):
        return _start_in_folder(self, ("run", "log", "nginx", "nginx/cache", "nginx/temp"), self._start_server)

    def _start_server(self):
        # The cookie key is one file shared by every server: a copy.
        for name in ("cookie-secret", "db-password"):
            shutil.copyfile(self.primary.path(name), self.path(name))
            os.chmod(self.path(name), 0o600)
        self.db_password = self.primary.db_password
        self.passwords = self.primary.passwords
        self._choose_ports()
        self.write_ini()
        self.start_app()
        self._write_nginx_conf()
        self.start_nginx()
        self._wait_http_ok()

    def sql(self, statements, check=True, user="root", database=None):
        return self.primary.sql(statements, check=check, user=user, database=database)


class Front(stackmod.Stack):
    """The front nginx: conf/nginx/front.conf over the given servers, in
    the same nginx.conf as a Stack's site."""

    def __init__(self, name, servers):
        super().__init__(name, https=False)
        self.servers = servers
        self.passwords = servers[0].passwords

    def start(self):
        return _start_in_folder(self, ("log", "nginx", "nginx/temp"), self._start_front)

    def _start_front(self):
        self._choose_ports()
        self._write_nginx_conf()
        self.start_nginx()
        self._wait_http_ok()

    def render_site(self, listen_lines):
        """front.conf with its two example servers replaced by ours (same
        options) and its listen line by ours."""
        with open(os.path.join(stackmod.SOURCE_DIR, "conf", "nginx", "front.conf")) as f:
            conf = f.read()
        example = [l for l in conf.split("\n") if l.strip().startswith("server 10.0.0.")]
        if len(example) != 2 or conf.count("listen 80;") != 1:
            raise stackmod.StackError("conf/nginx/front.conf must hold two example 'server 10.0.0.N' lines "
                                      "and one 'listen 80;'")
        options = example[0].split(None, 2)[2]
        ours = "\n".join("    server 127.0.0.1:%d %s" % (s.http_port, options) for s in self.servers)
        conf = conf.replace(example[0], ours, 1).replace(example[1] + "\n", "", 1)
        return conf.replace("listen 80;", "\n    ".join(listen_lines))


class Cluster:
    """A (with the primary), the replica, B, and a front over both; and,
    with front_of_a, a second front over A alone (bench/scaleout.py)."""

    def __init__(self, workers=2, version_check_ms=200, front_of_a=False):
        self.workers = workers
        self.version_check_ms = version_check_ms
        self.front_of_a = front_of_a
        self.a = self.b = self.replica = self.front = self.front_a = None

    def ini_overrides(self):
        a = self.a
        return {
            "server.version_check_ms": str(self.version_check_ms),
            "database.host": "127.0.0.1",
            "database.port": str(a.db_port),
            "database.socket": None,
            "database.timeout_s": "2",
            "replica.host": "127.0.0.1",
            "replica.port": str(self.replica.port),
            "replica.retry_s": "2",
        }

    def start(self):
        t0 = time.monotonic()
        try:
            self._start_primary()
            self.replica = Replica("replica", self.a, stackmod.free_port()).start()
            self.wait_replicated(60)
            # A was started on its socket before the replica existed: now
            # the same ini as B's.
            self.a.ini_overrides.update(self.ini_overrides())
            self.a.write_ini()
            self.a.stop_app()
            self.a.start_app()
            self.b = AppServer("server-b", self.a, dict(self.ini_overrides()), self.workers).start()
            self.front = Front("front", [self.a, self.b]).start()
            if self.front_of_a:
                self.front_a = Front("front-a", [self.a]).start()
        except BaseException:
            self.stop()
            raise
        sys.stderr.write("[cluster] up in %.1fs: front %d -> A %d, B %d; primary :%d, replica :%d\n" % (
            time.monotonic() - t0, self.front.http_port, self.a.http_port, self.b.http_port, self.a.db_port,
            self.replica.port))
        return self

    def _start_primary(self):
        port = stackmod.free_port()
        self.a = stackmod.Stack("server-a", workers=self.workers, https=False,
                                db_args=_tcp_db_args(1, port) + [
                                    "--log-bin=binlog", "--binlog-format=ROW",
                                    # The schema's triggers (they move the data
                                    # version) are created by the confsched user,
                                    # which has no SUPER: with a binary log MariaDB
                                    # wants this to allow it (README).
                                    "--log-bin-trust-function-creators=1"])
        self.a.db_port = port
        self.a.start()
        self.a.repl_password = os.urandom(18).hex()
        # Over TCP the user is 'confsched'@'127.0.0.1' (no name resolution),
        # not the socket's 'confsched'@'localhost'.
        self.a.sql(
            "CREATE USER 'confsched'@'127.0.0.1' IDENTIFIED BY '%s';\n"
            "GRANT ALL PRIVILEGES ON confsched.* TO 'confsched'@'127.0.0.1';\n"
            "CREATE USER '%s'@'127.0.0.1' IDENTIFIED BY '%s';\n"
            "GRANT REPLICATION SLAVE ON *.* TO '%s'@'127.0.0.1';\n" % (
                self.a.db_password, REPL_USER, self.a.repl_password, REPL_USER))

    def primary_version(self):
        return self.a.sql("SELECT version FROM data_version", database="confsched").stdout.strip()

    def wait_replicated(self, timeout):
        """Until the replica holds the primary's current data version."""
        want = self.primary_version()
        if not stackmod.wait_until(lambda: self.replica.data_version() == want, timeout, 0.05):
            status = self.replica.sql("SHOW SLAVE STATUS\\G", check=False).stdout
            raise stackmod.StackError("the replica did not reach data version %s within %ss:\n%s" % (
                want, timeout, status[-3000:]))

    def parts(self):
        return [p for p in (self.front_a, self.front, self.b, self.a, self.replica) if p is not None]

    def dump_logs(self, lines=40):
        for p in self.parts():
            p.dump_logs(lines)

    def stop(self):
        errors = []
        for p in self.parts():
            try:
                p.stop()
            except stackmod.StackError as e:
                errors.append(str(e))
        if errors:
            raise stackmod.StackError("\n".join(errors))
