"""A smoke run of galera.py's three-node cluster, with timings: bring-up,
writes through every node, a node SIGKILLed under load and rejoining (by
IST), the bootstrap node killed and rejoining without --wsrep-new-cluster,
a lost quorum (two nodes killed at once) and its recovery, and what some
statements do on a Galera node (GET_LOCK, wsrep_sync_wait, the status a
health check reads). Run it as `python3 galera_smoke.py`; exits non-zero
on a failed check.

Only the Python standard library is used.
"""

import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import galera  # noqa: E402
import stack as stackmod  # noqa: E402

HEALTH = ("SHOW GLOBAL STATUS WHERE Variable_name IN "
          "('wsrep_ready','wsrep_local_state','wsrep_cluster_status')")

failures = []


def say(msg):
    print(msg, flush=True)


def check(cond, what):
    say("  [%s] %s" % ("ok" if cond else "FAIL", what))
    if not cond:
        failures.append(what)


def q(node, sql, check=True):
    return node.sql(sql, check=check, database="smoke")


def row_state(c, indexes):
    """(count, checksum) of smoke.t on each node."""
    out = {}
    for i in indexes:
        n = c.node(i)
        count = q(n, "SET SESSION wsrep_sync_wait = 1; SELECT COUNT(*) FROM t").stdout.strip()
        checksum = q(n, "SET SESSION wsrep_sync_wait = 1; CHECKSUM TABLE t").stdout.split()[-1]
        out[i] = (count, checksum)
    return out


def same_rows(c, indexes, label):
    # A write through one node is committed on the others in order but
    # asynchronously: wsrep_sync_wait makes each read wait for it.
    state = row_state(c, indexes)
    say("  rows/checksum per node: %s" % ", ".join("node%d %s/%s" % (i, *state[i]) for i in indexes))
    check(len(set(state.values())) == 1, "%s: every node holds the same rows" % label)
    return state


class Writer(threading.Thread):
    """Inserts a row every 50 ms through each of the given nodes."""

    def __init__(self, c, indexes):
        super().__init__(daemon=True)
        self.c = c
        self.indexes = indexes
        self.stop_flag = threading.Event()
        self.ok = 0
        self.failed = []
        self.slowest = (0.0, None)

    def run(self):
        while not self.stop_flag.is_set():
            for i in self.indexes:
                t = time.monotonic()
                r = q(self.c.node(i), "INSERT INTO t (v) VALUES (%d)" % i, check=False)
                took = time.monotonic() - t
                if took > self.slowest[0]:
                    self.slowest = (took, t)
                if r.returncode == 0:
                    self.ok += 1
                else:
                    self.failed.append((time.monotonic(), i, error_line(r)))
            self.stop_flag.wait(0.05)

    def finish(self):
        self.stop_flag.set()
        self.join(30)


def kill_and_rejoin(c, victim, others):
    say("\n== SIGKILL node %d under writes through nodes %s" % (victim, others))
    w = Writer(c, others)
    w.start()
    time.sleep(0.5)
    t0 = time.monotonic()
    c.kill(victim)
    evicted = c.wait_cluster_size(2, 60)
    say("  node%d evicted (wsrep_cluster_size=2 on nodes %s) after %.2fs" % (victim, others, evicted))
    time.sleep(1)
    w.finish()
    say("  inserts while node%d died: %d ok, %d failed; slowest %.2fs (started %.2fs after the kill)" % (
        victim, w.ok, len(w.failed), w.slowest[0], (w.slowest[1] or t0) - t0))
    for f in w.failed[:10]:
        say("    failed at %.2fs after the kill, through node%d: %s" % (f[0] - t0, f[1], f[2]))
    grastate = open(c.node(victim).path("mysql", "grastate.dat")).read()
    say("  node%d grastate.dat after SIGKILL: %s" % (victim, " | ".join(
        l for l in grastate.splitlines() if l.startswith(("uuid", "seqno", "safe")))))
    took = c.restart(victim, timeout=120)
    n = c.node(victim)
    say("  restart: --wsrep-recover position %s:%d" % n.recovered)
    say("  node%d Synced %.2fs after its restart, by %s" % (victim, took, n.state_transfer()))
    for line in n.state_transfer_lines()[:8]:
        say("    log: " + line.strip()[:150])
    check(n.state_transfer() == "IST", "node%d rejoined by IST" % victim)
    check("--wsrep-new-cluster" not in " ".join(n.db_proc.args),
          "node%d restarted without --wsrep-new-cluster" % victim)
    c.wait_cluster_size(3, 30)
    same_rows(c, (1, 2, 3), "after node%d rejoined" % victim)
    return evicted, took


def error_line(r):
    """The client's ERROR line (in batch mode it also echoes the statement)."""
    lines = [l for l in r.stderr.splitlines() if l.startswith("ERROR")]
    return lines[-1] if lines else r.stderr.strip()


def health(node):
    r = node.sql(HEALTH, check=False)
    return r.returncode, (r.stdout.strip().replace("\n", "; ").replace("\t", "=") or error_line(r))


def main():
    c = galera.GaleraCluster(3)
    t0 = time.monotonic()
    c.start()
    up = time.monotonic() - t0
    times = {"bring-up": up}
    try:
        say("== cluster up in %.1fs" % up)
        for n in c.nodes:
            say("  node%d: sql 127.0.0.1:%d gcomm :%d ist :%d sst :%d pid %d, joined by %s" % (
                n.index, n.port, n.gcomm_port, n.ist_port, n.sst_port, n.pid,
                n.state_transfer() or "bootstrap"))
        s = c.status(1)
        check(s.get("wsrep_cluster_size") == "3" and s.get("wsrep_cluster_status") == "Primary",
              "node1: wsrep_cluster_size=3, Primary")
        r = c.node(2).sql("SELECT CURRENT_USER()", user="confsched", database="confsched")
        check(r.stdout.strip() == "confsched@localhost", "the confsched user (replicated) logs in on node2")

        say("\n== writes through each node")
        c.node(1).sql("CREATE DATABASE smoke;\n"
                      "CREATE TABLE smoke.t (id INT PRIMARY KEY AUTO_INCREMENT, v INT);")
        for i in (1, 2, 3):
            q(c.node(i), "INSERT INTO t (v) VALUES (%d), (%d)" % (i, i))
        state = same_rows(c, (1, 2, 3), "writes through each node")
        check(state[1][0] == "6", "6 rows")
        ids = q(c.node(1), "SELECT GROUP_CONCAT(id ORDER BY id) FROM t").stdout.strip()
        say("  ids (auto_increment_increment=%s per node offsets): %s" % (
            q(c.node(1), "SELECT @@auto_increment_increment").stdout.strip(), ids))

        say("\n== statements on a Galera node")
        r = q(c.node(1), "SELECT GET_LOCK('x', 1)", check=False)
        say("  SELECT GET_LOCK('x', 1): exit %d, %s" % (r.returncode, (r.stdout.strip() or error_line(r))))
        r = q(c.node(1), "SET SESSION wsrep_sync_wait = 1; SELECT COUNT(*) FROM t", check=False)
        say("  SET SESSION wsrep_sync_wait = 1; SELECT COUNT(*) FROM t: exit %d, %s" % (
            r.returncode, (r.stdout.strip() or error_line(r))))
        # Is a named lock cluster-wide? Held by one session on node1 for 3s:
        holder = threading.Thread(target=q, args=(c.node(1), "SELECT GET_LOCK('x', 1), SLEEP(3)"),
                                  daemon=True)
        holder.start()
        time.sleep(1)
        probe = "SELECT IS_FREE_LOCK('x'), GET_LOCK('x', 0)"
        seen = {i: q(c.node(i), probe).stdout.strip().replace("\t", ",") for i in (1, 2)}
        holder.join(10)
        say("  while a session on node1 holds GET_LOCK('x'): IS_FREE_LOCK, GET_LOCK('x', 0) on node1 -> %s, "
            "on node2 -> %s (%s)" % (seen[1], seen[2], "node-local: not replicated" if seen[2] == "1,1"
                                     else "cluster-wide"))
        rc, text = health(c.node(1))
        say("  health SHOW on a synced node: exit %d: %s" % (rc, text))

        evicted, took = kill_and_rejoin(c, 2, (1, 3))
        times["eviction after SIGKILL of node2"] = evicted
        times["node2 rejoin (IST)"] = took
        evicted, took = kill_and_rejoin(c, 1, (2, 3))
        times["eviction after SIGKILL of node1 (bootstrap)"] = evicted
        times["node1 rejoin (IST)"] = took

        say("\n== quorum lost: SIGKILL nodes 1 and 2 at once")
        c.kill(1, 2)
        t1 = time.monotonic()
        n3 = c.node(3)
        stackmod.wait_until(lambda: n3.status().get("wsrep_cluster_status") == "non-Primary", 30, 0.1)
        s = n3.status()
        times["survivor non-Primary"] = time.monotonic() - t1
        say("  node3 after %.2fs: wsrep_cluster_status=%s, wsrep_cluster_size=%s, wsrep_ready=%s, "
            "wsrep_local_state_comment=%s" % (times["survivor non-Primary"], s.get("wsrep_cluster_status"),
                                              s.get("wsrep_cluster_size"), s.get("wsrep_ready"),
                                              s.get("wsrep_local_state_comment")))
        check(s.get("wsrep_cluster_status") == "non-Primary", "node3 is non-Primary")
        r = q(n3, "INSERT INTO t (v) VALUES (3)", check=False)
        say("  INSERT on node3: exit %d: %s" % (r.returncode, error_line(r)))
        check(r.returncode != 0 and "1047" in r.stderr, "INSERT refused with error 1047")
        r = q(n3, "SELECT 1", check=False)
        say("  SELECT 1 on node3: exit %d: %s" % (r.returncode, r.stdout.strip() or error_line(r)))
        r = q(n3, "SELECT * FROM t LIMIT 2", check=False)
        say("  SELECT * FROM t on node3: exit %d: %s" % (r.returncode, r.stdout.strip().replace("\n", "; ")
                                                         or error_line(r)))
        rc, text = health(n3)
        say("  health SHOW on the non-Primary node: exit %d: %s" % (rc, text))
        check(rc == 0, "the health SHOW works on a non-Primary node")

        say("\n== bring nodes 1 and 2 back and recover a Primary component")
        t1 = time.monotonic()
        for i in (1, 2):
            c.restart(i, wait=False)
            say("  node%d restarted at --wsrep-recover position %s:%d" % ((i,) + c.node(i).recovered))
        how = c.recover_primary(auto_wait=30, timeout=120)
        times["Primary again after the restarts"] = time.monotonic() - t1
        say("  Primary again (%s) %.2fs after the restarts" % (
            how, times["Primary again after the restarts"]))
        for i in (1, 2):
            say("  node%d joined by %s" % (i, c.node(i).state_transfer()))
        c.wait_cluster_size(3, 60)
        same_rows(c, (1, 2, 3), "after the quorum recovery")
        r = q(c.node(3), "INSERT INTO t (v) VALUES (3)", check=False)
        check(r.returncode == 0, "node3 accepts writes again")

        say("\n== quorum lost, forced: pc.bootstrap=YES on the survivor before the others return")
        c.kill(1, 3)
        n2 = c.node(2)
        stackmod.wait_until(lambda: n2.status().get("wsrep_cluster_status") == "non-Primary", 30, 0.1)
        t1 = time.monotonic()
        how = c.recover_primary(auto_wait=0, timeout=120)
        times["forced Primary + 2 restarts Synced"] = time.monotonic() - t1
        say("  %s; nodes 1 and 3 restarted and Synced %.2fs later, by %s and %s" % (
            how, times["forced Primary + 2 restarts Synced"], c.node(1).state_transfer(),
            c.node(3).state_transfer()))
        check(how == "pc.bootstrap on node 2", "pc.bootstrap on the survivor, node2")
        c.wait_cluster_size(3, 60)
        same_rows(c, (1, 2, 3), "after the forced bootstrap")

        say("\n== full outage: nodes 1 and 2 SIGKILLed, then the non-Primary node3 stopped cleanly")
        c.kill(1, 2)
        stackmod.wait_until(lambda: n3.status().get("wsrep_cluster_status") == "non-Primary", 30, 0.1)
        c.shutdown(3)
        for n in c.nodes:
            gra = open(n.path("mysql", "grastate.dat")).read()
            say("  node%d: gvwstate.dat %s; grastate.dat %s" % (
                n.index, "present" if os.path.exists(n.path("mysql", "gvwstate.dat")) else "absent",
                " | ".join(l for l in gra.splitlines() if l.startswith(("seqno", "safe")))))
        t1 = time.monotonic()
        for i in (1, 2, 3):
            c.restart(i, wait=False)
            say("  node%d restarted at --wsrep-recover position %s:%d" % ((i,) + c.node(i).recovered))
        how = c.recover_primary(auto_wait=10, timeout=120)
        times["Primary again after a full outage"] = time.monotonic() - t1
        say("  Primary again (%s) %.2fs after the restarts" % (
            how, times["Primary again after a full outage"]))
        for i in (1, 2, 3):
            say("  node%d joined by %s" % (
                i, c.node(i).state_transfer() or "no transfer (bootstrap or same position)"))
        c.wait_cluster_size(3, 60)
        same_rows(c, (1, 2, 3), "after the full outage")
        r = q(c.node(2), "INSERT INTO t (v) VALUES (2)", check=False)
        check(r.returncode == 0, "node2 accepts writes again")

        say("\n== timings")
        for k, v in times.items():
            say("  %-45s %6.2fs" % (k, v))
    except BaseException:
        c.dump_logs(60)
        raise
    finally:
        c.stop()
    if failures:
        say("\nFAILED: %s" % "; ".join(failures))
        return 1
    say("\nsmoke passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
