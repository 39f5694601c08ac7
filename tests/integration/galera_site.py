"""The site over a Galera cluster (README "Several servers"), on one
machine: galera.py's three nodes, two confsched servers, each with its own
nginx and `confsched serve`, and a front nginx (conf/nginx/front.conf)
over both. For test_galera.py and bench/galera.py.

GaleraSite.start() brings up:
  * the cluster (galera.GaleraCluster, three nodes);
  * server A, whose [database] galera_nodes lists node 1 first (its "own"
    node), then 2 and 3; it migrates the schema, loads the demo programme
    and sets the passwords, through node 1;
  * server B, with a copy of A's cookie secret, listing node 2 first, then
    3 and 1;
  * the front, round robin over A's and B's nginx.
Every server's connections go over TCP to 127.0.0.1 with the nodes'
ports. stop() stops everything by pid (front, B, A, then the nodes) and
removes the folders.

Run as a program (scripts/galera-demo does, README "Several servers"), it
starts the same site for a person to try, with the front on
127.0.0.1:--port (8081), prints where everything is, restarts a node that
died (after 5 s, as a service manager would; it catches up by itself),
and stops it all on Ctrl-C or SIGTERM.

Only the Python standard library is used.
"""

import argparse
import os
import shutil
import signal
import sys
import time

import cluster as clustermod
import galera as galeramod
import stack as stackmod

# A commit on a node waits while the cluster evicts a killed member (about
# 3 s with galera.py's evs timeouts): a read timeout below that would turn
# a commit that is merely slow into a lost answer (README: timeout_s above
# the cluster's eviction time).
TIMEOUT_S = 10
NODE_RETRY_S = 2


class GaleraServer(stackmod.Stack):
    """confsched serve + nginx over the cluster's nodes, in the given order
    (1-based; the first is the server's own)."""

    def __init__(self, name, galera, order, workers, version_check_ms, secret_from=None):
        super().__init__(name, workers=workers, https=False)
        self.galera = galera
        self.order = list(order)
        self.secret_from = secret_from
        self.ini_overrides = {
            "server.version_check_ms": str(version_check_ms),
            "database.host": "127.0.0.1",
            "database.port": str(galera.node(self.order[0]).port),
            "database.socket": None,
            "database.timeout_s": str(TIMEOUT_S),
            "database.galera_nodes": ", ".join("127.0.0.1:%d" % galera.node(i).port for i in self.order),
            "database.node_retry_s": str(NODE_RETRY_S),
        }

    def start(self):
        return clustermod._start_in_folder(self, ("run", "log", "nginx", "nginx/cache", "nginx/temp"),
                                           self._start_server)

    def _start_server(self):
        self.db_password = self.galera.db_password
        with open(self.path("db-password"), "w", opener=stackmod._private_opener) as f:
            f.write(self.db_password + "\n")
        self._choose_ports()
        if self.secret_from is None:
            self._write_secret_and_ini()
            self.cli("db", "migrate")
            self.demo()
            for role in (stackmod.DELEGATE_USER, stackmod.STAFF_USER):
                self.passwd(role, self.passwords[role])
        else:
            shutil.copyfile(self.secret_from.path("cookie-secret"), self.path("cookie-secret"))
            os.chmod(self.path("cookie-secret"), 0o600)
            self.passwords = self.secret_from.passwords
            self.write_ini()
        self.start_app()
        self._write_nginx_conf()
        self.start_nginx()
        self._wait_http_ok()

    def sql(self, statements, check=True, user="root", database=None):
        """On the server's own node (its first)."""
        return self.galera.node(self.order[0]).sql(statements, check=check, user=user, database=database)


class FixedPortFront(clustermod.Front):
    """The front on a given port (the demo's), not a free one."""

    def __init__(self, name, servers, port):
        super().__init__(name, servers)
        self.fixed_port = port

    def _choose_ports(self):
        self.http_port = self.fixed_port


class GaleraSite:
    def __init__(self, workers=2, version_check_ms=200, front_port=None):
        self.workers = workers
        self.version_check_ms = version_check_ms
        self.front_port = front_port
        self.galera = self.a = self.b = self.front = None

    def start(self):
        t0 = time.monotonic()
        try:
            self.galera = galeramod.GaleraCluster(3).start()
            self.a = GaleraServer("galera-a", self.galera, (1, 2, 3), self.workers,
                                  self.version_check_ms).start()
            self.b = GaleraServer("galera-b", self.galera, (2, 3, 1), self.workers, self.version_check_ms,
                                  secret_from=self.a).start()
            servers = [self.a, self.b]
            self.front = (FixedPortFront("front", servers, self.front_port) if self.front_port
                          else clustermod.Front("front", servers)).start()
        except BaseException:
            self.stop()
            raise
        sys.stderr.write("[galera-site] up in %.1fs: front %d -> A %d (node 1 first), B %d (node 2 first)\n" % (
            time.monotonic() - t0, self.front.http_port, self.a.http_port, self.b.http_port))
        return self

    def parts(self):
        return [p for p in (self.front, self.b, self.a) if p is not None]

    def dump_logs(self, lines=40):
        for p in self.parts():
            p.dump_logs(lines)
        if self.galera is not None:
            self.galera.dump_logs(lines)

    def stop(self):
        errors = []
        for p in self.parts():
            try:
                p.stop()
            except stackmod.StackError as e:
                errors.append(str(e))
        if self.galera is not None:
            try:
                self.galera.stop()
            except stackmod.StackError as e:
                errors.append(str(e))
        if errors:
            raise stackmod.StackError("\n".join(errors))


def serve(argv=None):
    ap = argparse.ArgumentParser(description="The demo site over a three-node Galera cluster, on loopback.")
    ap.add_argument("--port", type=int, default=8081, help="the front's port on 127.0.0.1 (default 8081)")
    ap.add_argument("--workers", type=int, default=2, help="confsched workers per server (default 2)")
    args = ap.parse_args(argv)
    stopping = []
    # Set here, not inherited: a shell that starts this in the background
    # leaves SIGINT ignored, and a closed terminal sends SIGHUP.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, lambda *_: stopping.append(True))
    site = GaleraSite(workers=args.workers, version_check_ms=500, front_port=args.port).start()
    try:
        g = site.galera
        print("\nconfsched over a Galera cluster: http://127.0.0.1:%d/" % site.front.http_port)
        print("  delegate login: %s / %s    staff login: %s / %s" % (
            stackmod.DELEGATE_USER, site.a.passwords[stackmod.DELEGATE_USER],
            stackmod.STAFF_USER, site.a.passwords[stackmod.STAFF_USER]))
        for n in g.nodes:
            print("  node %d: pid %d, SQL 127.0.0.1:%d, datadir %s, log %s" % (
                n.index, n.pid, n.port, n.path("mysql"), n.log_path))
        for s in (site.a, site.b):
            print("  server %s: %s (nodes %s), log %s" % (
                s.name, s.ini, ", ".join(str(i) for i in s.order), s.path("log", "confsched.log")))
        print("Try: kill -9 <a node's pid>, then save a session as staff; the node comes back by itself.")
        print("     %s --config %s check" % (site.a.bin, site.a.ini))
        print("Ctrl-C stops everything.\n", flush=True)
        dead_since = {}
        while not stopping:
            time.sleep(1)
            for n in g.nodes:
                if n.alive():
                    dead_since.pop(n.index, None)
                    continue
                since = dead_since.setdefault(n.index, time.monotonic())
                if time.monotonic() - since >= 5:
                    print("node %d is down: restarting it (it catches up by IST or SST)" % n.index, flush=True)
                    g.restart(n.index, wait=False)
                    dead_since.pop(n.index, None)
    finally:
        print("stopping the site and the cluster", flush=True)
        site.stop()
    return 0


if __name__ == "__main__":
    sys.exit(serve())
