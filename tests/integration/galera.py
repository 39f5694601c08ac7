"""A three-node MariaDB Galera cluster on one machine, for the integration
tests and bench/ that need a multi-primary database.

GaleraCluster(nodes=3).start() brings up, each node in its own temporary
folder (mysql/ the datadir, run/ the socket and pid file, log/ the error
log), nodes mariadbd processes that all listen on 127.0.0.1 only, each on
four ports from stack.free_port():
  * port: the SQL port (node.port), besides the unix socket run/mysql.sock;
  * gcomm: Galera's group communication (gmcast.listen_addr and
    wsrep_node_address); wsrep_cluster_address lists every node's;
  * ist: where the node receives an incremental state transfer
    (ist.recv_addr);
  * sst: where wsrep_sst_rsync's rsync daemon listens when the node
    receives a full state transfer (wsrep_sst_receive_address).
Node 1's datadir is made by mariadb-install-db and node 1 bootstraps the
cluster (--wsrep-new-cluster); nodes 2 and 3 start on empty datadirs and
get node 1's by rsync SST (no SST user: wsrep_sst_rsync needs none). The
database confsched and the users 'confsched'@'localhost' and
'confsched'@'127.0.0.1' (password db_password, made here) are created
through node 1 and replicated. When the tests run as root, mariadbd runs
as the mysql user (mariadb-server makes it; the folders are given to it):
the rsync daemon of an SST, started by root, would drop to nobody.

kill(i) SIGKILLs a node by pid; restart(i) recovers its position the way
galera_recovery does (mariadbd --wsrep-recover, which reads it from InnoDB
when grastate.dat says seqno -1) and starts it with --wsrep-start-position,
so that a donor whose gcache (64M) still holds the missing writesets sends
them by IST; otherwise the donor falls back to SST. A restarted node never uses --wsrep-new-cluster.

recover_primary() brings a cluster that lost its quorum (two of three
nodes killed at once: the survivor is non-Primary and refuses reads and
writes of tables with error 1047) back to Primary once the nodes have been
restarted (restart(i, wait=False)): by Galera's own pc.recovery when every
member of the last Primary view comes back (nothing to do), else by
pc.bootstrap=YES on the most advanced node that still answers, else (a
full outage: no node answers before it is in a Primary component) by
starting the node with the highest recovered seqno with
--wsrep-new-cluster and safe_to_bootstrap, then the others.

stop() ends every node by pid (TERM, bounded wait, KILL) and removes the
folders. Needs the packages of install_cluster_packages (scripts/lib/
common.sh): galera-4 and mariadb-server (the wsrep_sst_* scripts), rsync.

Only the Python standard library is used.
"""

import atexit
import os
import re
import signal
import subprocess
import sys
import time

import cluster as clustermod
import stack as stackmod

PROVIDER = "/usr/lib/galera/libgalera_smm.so"
CLUSTER_NAME = "confsched-test"

# Galera's failure detection, shortened from the defaults (keepalive 1s,
# inactive check 1s, suspect 5s, inactive 15s, install 15s in the Galera
# parameter reference; 7.5s in this galera-4's log) so that a killed node
# is evicted within about 3 s on loopback, well below the 30 s of
# pc.wait_prim_timeout. The reference states no rule between them; these
# keep the defaults' order (keepalive <= inactive check < suspect <
# inactive, install <= inactive), and mariadbd's "Passing config to GCS"
# log line shows them taken as given.
EVS_OPTIONS = ("evs.keepalive_period=PT0.5S; evs.inactive_check_period=PT0.5S; evs.suspect_timeout=PT2S; "
               "evs.inactive_timeout=PT4S; evs.install_timeout=PT4S")

# How long a read that waits for the cluster (wsrep_sync_wait, which
# confsched sets for staff reads) may wait: 30 s by default, and on a node
# that lost its quorum such a read waits that long before it fails (error
# 1205) where other statements fail at once (1047). Above the eviction
# time, so that a staff read during a node's eviction waits rather than
# fails (README "Several servers").
CAUSAL_READ_OPTION = "repl.causal_read_timeout=PT5S"


def missing_tools():
    """What this machine lacks to run a cluster: the Galera library and the
    state-transfer script (packages galera-4, mariadb-server, rsync)."""
    missing = [] if os.path.exists(PROVIDER) else [PROVIDER]
    path = _child_env()["PATH"].split(os.pathsep)
    for tool_name in ("wsrep_sst_rsync", "rsync"):
        if not any(os.access(os.path.join(d, tool_name), os.X_OK) for d in path):
            missing.append(tool_name)
    return missing


RECOVERED = re.compile(r"WSREP: Recovered position: ([0-9a-f-]{36}):(-?\d+)")


def _child_env():
    """The SST scripts (wsrep_sst_rsync, in /usr/bin) and what they run
    (rsync, my_print_defaults, ss/lsof, ...) are found through PATH."""
    env = dict(os.environ)
    path = env.get("PATH", "").split(":")
    for d in ("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"):
        if d not in path:
            path.append(d)
    env["PATH"] = ":".join(p for p in path if p)
    return env


def _db_user():
    """The user mariadbd runs as. Not root when the tests run as root:
    wsrep_sst_rsync starts an rsync daemon, which, started by root, drops to
    nobody and then cannot write the joiner's datadir; as the mysql user of
    the mariadb-server package (whose SST scripts the cluster needs anyway),
    as Debian runs it, rsync keeps its user."""
    if os.getuid() != 0:
        return stackmod._username()
    import pwd
    try:
        pwd.getpwnam("mysql")
    except KeyError:
        raise stackmod.StackError("running as root needs the mysql user: install mariadb-server "
                                  "(install_cluster_packages in scripts/lib/common.sh)")
    return "mysql"


def _chown_tree(path, user):
    import pwd
    pw = pwd.getpwnam(user)
    if os.getuid() != 0:
        return
    for root, dirs, files in os.walk(path):
        os.chown(root, pw.pw_uid, pw.pw_gid)
        for f in files:
            os.chown(os.path.join(root, f), pw.pw_uid, pw.pw_gid, follow_symlinks=False)


def session_pids(sid):
    """Every process of the session sid: mariadbd is started in a session of
    its own (stack.Stack._spawn), so this is it and what it started (the
    SST script and its rsync daemon), even once they outlive it."""
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if len(fields) > 3 and fields[3] == str(sid) and fields[0] not in ("Z", "X"):
            out.append(int(d))
    return out


class Node(stackmod.Stack):
    """One mariadbd of the cluster: the database part of a Stack."""

    def __init__(self, index, ports):
        super().__init__("galera-n%d" % index, https=False)
        self.index = index
        self.port, self.gcomm_port, self.ist_port, self.sst_port = ports
        self.cluster_address = None
        self.log_offset = 0
        # (uuid, seqno) of the last mariadbd --wsrep-recover.
        self.recovered = None

    @property
    def log_path(self):
        return self.path("log", "mariadbd.log")

    @property
    def pid(self):
        return self.db_proc.pid if self.db_proc is not None else None

    def mariadbd_args(self):
        """Every option but the ones of a given start (bootstrap, start
        position, --wsrep-recover)."""
        return [
            stackmod.tool("mariadbd"), "--no-defaults", "--datadir=" + self.path("mysql"),
            "--socket=" + self.db_socket, "--pid-file=" + self.path("run", "mariadbd.pid"),
            "--user=" + _db_user(),
            "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
            "--innodb-buffer-pool-size=32M", "--innodb-log-file-size=16M",
            "--skip-name-resolve", "--performance-schema=OFF",
            "--skip-networking=0", "--bind-address=127.0.0.1", "--port=%d" % self.port,
            "--server-id=%d" % self.index,
            "--binlog-format=ROW", "--default-storage-engine=InnoDB", "--innodb-autoinc-lock-mode=2",
            # The schema's triggers are created by the confsched user, which
            # has no SUPER: Galera's binlog emulation wants this, as a
            # binary log does (cluster.py).
            "--log-bin-trust-function-creators=1",
            "--wsrep-on=ON", "--wsrep-provider=" + PROVIDER, "--wsrep-cluster-name=" + CLUSTER_NAME,
            "--wsrep-cluster-address=" + self.cluster_address,
            "--wsrep-node-name=node%d" % self.index,
            "--wsrep-node-address=127.0.0.1:%d" % self.gcomm_port,
            "--wsrep-node-incoming-address=127.0.0.1:%d" % self.port,
            "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:%d; ist.recv_addr=127.0.0.1:%d; "
            "gcache.size=64M; %s; %s" % (self.gcomm_port, self.ist_port, EVS_OPTIONS, CAUSAL_READ_OPTION),
            "--wsrep-sst-method=rsync", "--wsrep-sst-receive-address=127.0.0.1:%d" % self.sst_port,
        ]

    def spawn(self, extra):
        try:
            os.unlink(self.db_socket)
        except FileNotFoundError:
            pass
        try:
            self.log_offset = os.path.getsize(self.log_path)
        except OSError:
            self.log_offset = 0
        self.db_proc = self._spawn(self.mariadbd_args() + ["--log-error=" + self.log_path] + extra,
                                   "mariadbd.out", env=_child_env())

    def install_db(self):
        r = subprocess.run(
            [stackmod.tool("mariadb-install-db"), "--no-defaults", "--datadir=" + self.path("mysql"),
             "--user=" + _db_user(), "--auth-root-authentication-method=socket", "--skip-test-db"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
        if r.returncode != 0:
            raise stackmod.StackError("mariadb-install-db failed:\n" +
                                      r.stdout.decode("utf-8", "replace")[-3000:])

    def kill_leftovers(self):
        """What the node's mariadbd started and left behind (an SST script,
        its rsync daemon), by pid, from the session it was started in."""
        if self.db_proc is not None:
            self._kill_leftovers(session_pids(self.db_proc.pid), "node %d" % self.index, timeout=2)

    def alive(self):
        return self.db_proc is not None and self.db_proc.poll() is None

    def check_alive(self):
        if self.db_proc is not None and self.db_proc.poll() is not None:
            raise stackmod.StackError("node %d: mariadbd exited with %s:\n%s" % (
                self.index, self.db_proc.returncode, stackmod.tail(self.log_path)))

    def status(self):
        """The wsrep_% status variables ({} while the node does not answer)."""
        if not self.alive() or not os.path.exists(self.db_socket):
            return {}
        try:
            r = self.sql("SHOW GLOBAL STATUS LIKE 'wsrep_%'", check=False)
        except subprocess.TimeoutExpired:
            return {}
        if r.returncode != 0:
            return {}
        out = {}
        for line in r.stdout.splitlines():
            name, _, value = line.partition("\t")
            out[name] = value
        return out

    def log_since_start(self):
        """The error log written since the last start."""
        try:
            with open(self.log_path, "rb") as f:
                f.seek(self.log_offset)
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def recover_position(self, timeout=120):
        """mariadbd --wsrep-recover, as galera_recovery runs it: the last
        committed position from InnoDB (uuid, seqno), or None."""
        log = self.path("log", "wsrep-recover.log")
        try:
            os.unlink(log)
        except FileNotFoundError:
            pass
        r = subprocess.run(self.mariadbd_args() + ["--log-error=" + log, "--wsrep-recover"],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout, env=_child_env(), cwd=self.tmp)
        with open(log, errors="replace") if os.path.exists(log) else open(os.devnull) as f:
            text = f.read()
        m = RECOVERED.search(text)
        if r.returncode != 0 or not m:
            raise stackmod.StackError("node %d: mariadbd --wsrep-recover found no position (exit %s):\n%s" % (
                self.index, r.returncode, text[-3000:]))
        return m.group(1), int(m.group(2))

    def state_transfer(self):
        """How the node got its state at its last start, from its error log:
        'SST' (wsrep_sst_rsync copied the datadir; an IST of what was
        written meanwhile may follow), 'IST' (the donor's gcache sent the
        missing writesets; the SST script then only runs in its IST mode),
        or None (none needed, as when a Primary component is restored with
        every node at the same position, or none yet)."""
        log = self.log_since_start()
        if "SST completed on joiner" in log or "SST succeeded for position" in log and \
                "IST completed on joiner" not in log:
            return "SST"
        if re.search(r"IST completed on joiner|IST received|Receiving IST", log):
            return "IST"
        return None

    def state_transfer_lines(self):
        keys = ("IST received", "Receiving IST", "State transfer required", "SST completed", "IST completed",
                "SST received", "SST succeeded", "SST started")
        return [l for l in self.log_since_start().splitlines() if any(k in l for k in keys)]


class GaleraCluster:
    def __init__(self, nodes=3):
        if nodes < 1:
            raise stackmod.StackError("a cluster needs at least one node")
        self.nodes = []
        self.db_password = None
        self._count = nodes
        self.bootstrapped = False

    # -------------------------------------------------------------- helpers
    def node(self, i):
        """Node i, 1-based."""
        return self.nodes[i - 1]

    def live(self):
        return [n for n in self.nodes if n.alive()]

    def status(self, i):
        return self.node(i).status()

    # ------------------------------------------------------------ lifecycle
    def start(self, timeout=120):
        t0 = time.monotonic()
        try:
            self._make_nodes()
            atexit.register(self.stop)
            first = self.node(1)
            first.install_db()
            first.spawn(["--wsrep-new-cluster"])
            self._wait(lambda: first.status().get("wsrep_cluster_status") == "Primary" and
                       first.status().get("wsrep_ready") == "ON", timeout,
                       "node 1 to bootstrap a Primary component", first)
            self.bootstrapped = True
            for n in self.nodes[1:]:
                n.spawn([])
                self.wait_synced(n.index, timeout)
            self.wait_cluster_size(len(self.nodes), timeout)
            self._create_db_user()
        except BaseException:
            self.dump_logs()
            self.stop()
            raise
        sys.stderr.write("[galera] %d nodes up in %.1fs: %s\n" % (
            len(self.nodes), time.monotonic() - t0,
            ", ".join("node%d sql :%d gcomm :%d ist :%d sst :%d" % (
                n.index, n.port, n.gcomm_port, n.ist_port, n.sst_port) for n in self.nodes)))
        return self

    def _make_nodes(self):
        used = set()

        def port():
            for _ in range(100):
                p = stackmod.free_port()
                if p not in used:
                    used.add(p)
                    return p
            raise stackmod.StackError("no free port")

        for i in range(1, self._count + 1):
            node = Node(i, (port(), port(), port(), port()))
            node.tmp = clustermod._temp_folder(node.name)
            for d in ("run", "log", "mysql"):
                os.makedirs(node.path(d), exist_ok=True)
            _chown_tree(node.tmp, _db_user())
            self.nodes.append(node)
        address = "gcomm://" + ",".join("127.0.0.1:%d" % n.gcomm_port for n in self.nodes)
        for n in self.nodes:
            n.cluster_address = address

    def _create_db_user(self):
        self.db_password = os.urandom(18).hex()
        self.node(1).sql(
            "CREATE DATABASE confsched CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
            "CREATE USER 'confsched'@'localhost' IDENTIFIED BY '%s';\n"
            "GRANT ALL PRIVILEGES ON confsched.* TO 'confsched'@'localhost';\n"
            "CREATE USER 'confsched'@'127.0.0.1' IDENTIFIED BY '%s';\n"
            "GRANT ALL PRIVILEGES ON confsched.* TO 'confsched'@'127.0.0.1';\n" % (
                self.db_password, self.db_password))
        for n in self.nodes:
            n.db_password = self.db_password
        # Replicated before the harness says it is up.
        for n in self.nodes[1:]:
            self._wait(lambda: n.sql("SELECT COUNT(*) FROM mysql.user WHERE user='confsched'",
                                     check=False).stdout.strip() == "2", 30,
                       "node %d to see the confsched users" % n.index, n)

    def _wait(self, predicate, timeout, what, node=None):
        def check():
            for n in ([node] if node is not None else []):
                n.check_alive()
            return predicate()

        t0 = time.monotonic()
        if not stackmod.wait_until(check, timeout, 0.1):
            raise stackmod.StackError("timed out after %ss waiting for %s" % (timeout, what))
        return time.monotonic() - t0

    def wait_synced(self, i, timeout=120):
        """Seconds until node i reports Synced and is ready."""
        n = self.node(i)
        return self._wait(lambda: (lambda s: s.get("wsrep_local_state_comment") == "Synced" and
                                   s.get("wsrep_ready") == "ON")(n.status()),
                          timeout, "node %d to be Synced" % i, n)

    def wait_cluster_size(self, size, timeout=60):
        """Seconds until every live node reports wsrep_cluster_size=size
        (and, when size > 0, a Primary component)."""
        def ok():
            live = self.live()
            if not live:
                return False
            for n in live:
                s = n.status()
                if s.get("wsrep_cluster_size") != str(size) or s.get("wsrep_cluster_status") != "Primary":
                    return False
            return True

        return self._wait(ok, timeout, "cluster size %d on the live nodes" % size)

    def kill(self, *indexes, timeout=30):
        """SIGKILL the nodes (all at once), by pid; waits until each is gone."""
        nodes = [self.node(i) for i in indexes]
        for n in nodes:
            if n.alive():
                try:
                    os.kill(n.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        for n in nodes:
            if n.db_proc is not None:
                n.db_proc.wait(timeout=timeout)
                n.kill_leftovers()

    def shutdown(self, i, timeout=60):
        """A clean stop of node i: SIGTERM by pid, then SIGKILL after timeout."""
        n = self.node(i)
        n.stop_db(timeout)
        n.kill_leftovers()

    def restart(self, i, wait=True, timeout=120):
        """Starts a killed (or stopped) node again at its recovered position:
        IST when a donor's gcache holds what it misses, else SST. Never
        bootstraps. With wait, returns the seconds until Synced."""
        n = self.node(i)
        if n.alive():
            raise stackmod.StackError("node %d is running" % i)
        extra = []
        if os.path.exists(n.path("mysql", "ibdata1")):
            uuid, seqno = n.recover_position()
            n.recovered = (uuid, seqno)
            extra.append("--wsrep-start-position=%s:%d" % (uuid, seqno))
        t0 = time.monotonic()
        n.spawn(extra)
        if not wait:
            return None
        self.wait_synced(i, timeout)
        return time.monotonic() - t0

    def recover_primary(self, auto_wait=10, timeout=120):
        """After a loss of quorum, with every node started again (restart(i,
        wait=False)): a Primary component, as automatically as Galera
        allows. Returns how:
          * 'automatic': pc.recovery (on by default) re-formed the last
            Primary component by itself once every member of it was back
            (their gvwstate.dat; a node killed or still running keeps it);
          * 'pc.bootstrap on node N': some node still answers SQL (one that
            kept running as non-Primary): SET GLOBAL wsrep_provider_options=
            'pc.bootstrap=YES' on the most advanced of them (the highest
            wsrep_last_committed); the others join it;
          * 'new cluster from node N': no node answers (a node that starts
            into a non-Primary component waits for one without opening its
            socket, and gives up after pc.wait_prim_timeout, 30s): the node
            with the highest recovered seqno is killed, marked
            safe_to_bootstrap in grastate.dat and started with
            --wsrep-new-cluster (what galera_new_cluster does); the others,
            killed too, are started again once it is Primary and join it
            (by IST, or with nothing to transfer)."""
        def primary():
            return any(n.status().get("wsrep_cluster_status") == "Primary" for n in self.live())

        if stackmod.wait_until(primary, auto_wait, 0.2):
            how = "automatic"
        else:
            best = None
            for n in self.live():
                s = n.status()
                if s:
                    seqno = int(s.get("wsrep_last_committed") or -1)
                    if best is None or seqno > best[0]:
                        best = (seqno, n)
            if best is not None:
                best[1].sql("SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'")
                how = "pc.bootstrap on node %d" % best[1].index
            else:
                how = "new cluster from node %d" % self.bootstrap_most_advanced(timeout)
        for n in self.nodes:
            if not n.alive():
                self.restart(n.index, wait=False)
        for n in self.nodes:
            self.wait_synced(n.index, timeout)
        return how

    def bootstrap_most_advanced(self, timeout=120):
        """A full outage: the node with the highest recovered position
        (mariadbd --wsrep-recover; the lowest index on a tie) bootstraps a
        new Primary component. Returns its index."""
        positions = []
        for n in self.nodes:
            if n.alive():
                self.kill(n.index)
            n.recovered = n.recover_position()
            positions.append((n.recovered[1], -n.index, n))
        positions.sort(key=lambda p: p[:2], reverse=True)
        n = positions[0][2]
        grastate = n.path("mysql", "grastate.dat")
        with open(grastate) as f:
            text = f.read()
        with open(grastate, "w") as f:
            f.write(re.sub(r"(?m)^safe_to_bootstrap:.*$", "safe_to_bootstrap: 1", text))
        uuid, seqno = n.recovered
        n.spawn(["--wsrep-new-cluster", "--wsrep-start-position=%s:%d" % (uuid, seqno)])
        self._wait(lambda: n.status().get("wsrep_cluster_status") == "Primary", timeout,
                   "node %d to bootstrap a new Primary component" % n.index, n)
        return n.index

    def dump_logs(self, lines=40):
        for n in self.nodes:
            n.dump_logs(lines)

    def stop(self, timeout=60):
        """Every node by pid: TERM, bounded wait, KILL; then the folders."""
        for n in reversed(self.nodes):
            if n.alive():
                try:
                    n.db_proc.send_signal(signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for n in reversed(self.nodes):
            try:
                n.stop_db(timeout)
                n.kill_leftovers()
            finally:
                n.stop()
        for n in self.nodes:
            for f in n._logs:
                f.close()
            n._logs = []
