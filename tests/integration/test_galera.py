"""The site over a three-node MariaDB Galera cluster (README "Several
servers"), on one machine with galera_site.py: nodes 1-3, server A (node 1
first), server B (node 2 first), each with its own nginx, and a front
nginx over both. The tests run in order, each leaving the cluster whole
for the next:

  1. one `db migrate` migrates every node (DDL in total order isolation),
     two at once through two nodes are serialised by the lock row, and
     `confsched check` reports each node;
  2. a staff member sees a save made through the other server (the other
     node) at once: staff reads wait for the cluster (wsrep_sync_wait),
     even when that node's applier is held back;
  3. two staff members saving at the same moment through two nodes
     conflict in certification (every edit moves the one data-version
     row): each save is run again and lands, none answers 409 or 500;
  4. under delegate load and a staff save every second through the front:
     node 1 is SIGKILLed, comes back, then node 2 is. Counted: delegate
     errors (0), saves acknowledged and then missing on any node (0),
     saves refused with the input kept; timed: writes flowing again
     after each kill, each node's catching up, each server's return to
     its own node;
  5. nodes 1 and 3 are killed at once: node 2 is left without quorum
     (non-Primary), staff get "nothing was saved" with their input,
     delegates are served what the workers hold; the save goes through
     once the nodes are back.

Figures go to stderr ("figure: <name> <seconds> s", "[galera] ..."),
shown by `ctest -V`; bench/galera.py measures throughput. Needs the
packages of scripts/lib/common.sh's install_cluster_packages; scripts/test
runs it in its cluster stage (CONFSCHED_CLUSTER=1).
"""

import os
import re
import subprocess
import sys
import threading
import time
import unittest

import galera as galeramod
import stack as stackmod
from faultload import Load, describe, failures
from galera_site import NODE_RETRY_S, GaleraSite
from support import POLL_LIMIT_S, figure, poll
from test_admin import form_fields

SITE = None
IDS = []
DELEGATE = None
STAFF = None


def note(text):
    print("[galera] " + text, file=sys.stderr, flush=True)


def setUpModule():
    global SITE, IDS, DELEGATE, STAFF
    missing = galeramod.missing_tools()
    if missing:
        raise unittest.SkipTest("no Galera here (%s): scripts/lib/common.sh install_cluster_packages "
                                "installs it" % ", ".join(missing))
    SITE = GaleraSite().start()
    try:
        DELEGATE = SITE.a.login()
        STAFF = SITE.a.login(stackmod.STAFF_USER)
        r = SITE.a.fcgi("GET", "/schedule", headers={"Cookie": DELEGATE})
        IDS = stackmod.session_ids(r.text)
        assert len(IDS) > 100, "the demo programme should have ~180 sessions"
    except BaseException:
        SITE.dump_logs()
        SITE.stop()
        raise


def tearDownModule():
    if SITE is not None:
        SITE.dump_logs(25)
        SITE.stop()


def node_sql(i, statement):
    """statement's rows on node i, read after the node applied every commit
    the cluster had made (wsrep_sync_wait), as tab-separated lines."""
    r = SITE.galera.node(i).sql("SET SESSION wsrep_sync_wait = 1;\n" + statement, database="confsched")
    return [line for line in r.stdout.split("\n") if line]


def save_title(server, sid, title, timeout=15):
    """Opens session sid's form through server and saves title; returns the
    POST's answer (its status, and its body for a refused save)."""
    form = server.get("/admin/session/%d" % sid, headers={"Cookie": STAFF}, timeout=timeout)
    if form.status != 200:
        return form
    fields = dict(form_fields(form.text), title=title)
    return server.post_form("/admin/session/%d" % sid, fields, headers={"Cookie": STAFF})


def audit_titles(i, marker):
    """The titles of marker's saves in node i's audit log."""
    rows = node_sql(i, "SELECT JSON_UNQUOTE(JSON_EXTRACT(after_values, '$.title')) FROM audit_log "
                       "WHERE entity = 'session' AND after_values LIKE '%%%s%%'" % marker)
    return set(rows)


def log_count(server, needle):
    with open(server.path("log", "confsched.log"), encoding="utf-8", errors="replace") as f:
        return sum(1 for line in f if needle in line)


class Galera(unittest.TestCase):
    def assert_all_synced(self):
        for i in (1, 2, 3):
            SITE.galera.wait_synced(i, POLL_LIMIT_S)
        SITE.galera.wait_cluster_size(3, POLL_LIMIT_S)

    def test_1_one_migrate_migrates_every_node_and_two_at_once_wait_for_each_other(self):
        files = len([f for f in os.listdir(SITE.a.sql_dir) if re.match(r"\d{3}_.*\.sql$", f)])
        for i in (1, 2, 3):
            self.assertEqual(node_sql(i, "SELECT COUNT(*) FROM schema_migrations"), [str(files)], "node %d" % i)
            tables = node_sql(i, "SELECT t.table_name, t.engine, (SELECT COUNT(*) FROM "
                                 "information_schema.table_constraints c WHERE c.table_schema = t.table_schema "
                                 "AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY') "
                                 "FROM information_schema.tables t WHERE t.table_schema = 'confsched' "
                                 "AND t.table_type = 'BASE TABLE'")
            self.assertGreater(len(tables), 15)
            for row in tables:
                name, engine, keys = row.split("\t")
                self.assertEqual((engine, keys), ("InnoDB", "1"), "node %d table %s" % (i, name))

        results = {}

        def migrate(server):
            results[server.name] = server.cli("db", "migrate", check=False)

        threads = [threading.Thread(target=migrate, args=(s,)) for s in (SITE.a, SITE.b)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        for name, r in results.items():
            self.assertEqual(r.returncode, 0, "%s: %s %s" % (name, r.stdout, r.stderr))
        self.assertEqual(len(results), 2)
        self.assertEqual(node_sql(3, "SELECT COUNT(*) FROM schema_migration_lock"), ["0"],
                         "the lock row is released")

        r = SITE.b.cli("check", check=False)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(r.stdout.count("synced, cluster of 3"), 3, r.stdout)
        self.assertIn("reachable on node 127.0.0.1:%d" % SITE.galera.node(2).port, r.stdout)

    def test_2_staff_see_a_save_through_the_other_node_at_once(self):
        stale = 0
        for n, sid in enumerate(IDS[:10]):
            title = "Read-your-write %d" % n
            r = save_title(SITE.a, sid, title)
            self.assertEqual(r.status, 303, r.text[:300])
            page = SITE.b.get("/admin/session/%d" % sid, headers={"Cookie": STAFF})
            self.assertEqual(page.status, 200)
            if form_fields(page.text)["title"] != title:
                stale += 1
        note("staff form through B right after a save through A: %d of 10 stale" % stale)
        self.assertEqual(stale, 0)

    def test_2b_a_staff_read_waits_for_a_node_that_lags(self):
        """Node 2's applier is held back (a client holds FLUSH TABLES WITH
        READ LOCK there): a save through A (node 1) is acknowledged and node 2
        has not applied it. B's staff form (node 2 first) must show the save
        all the same: its read waits for the cluster, and when node 2 cannot
        catch up within repl.causal_read_timeout, moves to node 3. Without
        wsrep_sync_wait it would show the old title."""
        sid = IDS[15]
        before = node_sql(2, "SELECT title FROM sessions WHERE id = %d" % sid)
        node2 = SITE.galera.node(2)
        # B's workers open their connections (on node 2) now: a connection
        # opened under the lock would find node 2 desynced and go to node 3,
        # which shows nothing about the reads of a connection already there.
        for _ in range(12):
            self.assertEqual(SITE.b.fcgi("GET", "/admin/session/%d" % sid, headers={"Cookie": STAFF}).status, 200)
        holder = subprocess.Popen(
            [stackmod.tool("mariadb"), "--no-defaults", "--socket=" + node2.db_socket, "--user=root", "--batch"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            holder.stdin.write("FLUSH TABLES WITH READ LOCK;\nSELECT SLEEP(8);\nUNLOCK TABLES;\n")
            holder.stdin.close()
            held, _ = poll(lambda: "User sleep" in node2.sql("SHOW PROCESSLIST").stdout, POLL_LIMIT_S, 0.05)
            self.assertTrue(held, "the read lock on node 2 was not taken")
            title = "Lagging node %d" % os.getpid()
            r = save_title(SITE.a, sid, title)
            self.assertEqual(r.status, 303, r.text[:300])
            t_saved = time.monotonic()
            lag = node2.sql("SELECT title FROM sessions WHERE id = %d" % sid, database="confsched").stdout.strip()
            self.assertEqual([lag], before, "node 2 should not have applied the save yet: the test shows nothing")
            page = SITE.b.get("/admin/session/%d" % sid, headers={"Cookie": STAFF}, timeout=60)
            self.assertEqual(page.status, 200, page.text[:300])
            self.assertEqual(form_fields(page.text)["title"], title, "B's staff form showed what node 2 held")
            figure("galera.staff_read_past_a_lagging_node", time.monotonic() - t_saved,
                   "node 2 held back by a read lock; repl.causal_read_timeout 5 s")
        finally:
            holder.wait(timeout=60)
        self.assertEqual(holder.returncode, 0, holder.stderr.read())
        self.assertTrue(poll(lambda: node_sql(2, "SELECT title FROM sessions WHERE id = %d" % sid) == [title],
                             POLL_LIMIT_S)[0], "node 2 caught up after the lock")

    def test_3_saves_through_two_nodes_at_once_all_land(self):
        retried_before = sum(log_count(s, "conflict, running POST") for s in (SITE.a, SITE.b))
        outcomes = {"a": [], "b": []}
        marker = "Concurrent-%d" % os.getpid()
        saves = 12

        def saver(server, key, sids):
            for n in range(saves):
                title = "%s %s %d" % (marker, key, n)
                r = save_title(server, sids[n % len(sids)], title)
                outcomes[key].append((title, r.status, r.text[:200] if r.status != 303 else ""))

        threads = [threading.Thread(target=saver, args=(SITE.a, "a", IDS[20:24])),
                   threading.Thread(target=saver, args=(SITE.b, "b", IDS[30:34]))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(POLL_LIMIT_S)
        answers = outcomes["a"] + outcomes["b"]
        self.assertEqual(len(answers), 2 * saves)
        self.assertEqual([a for a in answers if a[1] != 303], [], "every save acknowledged")
        retried = sum(log_count(s, "conflict, running POST") for s in (SITE.a, SITE.b)) - retried_before
        note("%d concurrent saves through nodes 1 and 2: all 303; %d run again after a conflict" % (
            len(answers), retried))
        for i in (1, 2, 3):
            self.assertEqual(audit_titles(i, marker), {a[0] for a in answers}, "audit rows on node %d" % i)

    def kill_and_time_writes(self, node, server, marker, counter):
        """SIGKILLs node (server's own); returns (t_kill, seconds until a
        save through server is acknowledged again)."""
        t_kill = time.monotonic()
        SITE.galera.kill(node)
        while True:
            counter[0] += 1
            title = "%s probe %d" % (marker, counter[0])
            try:
                r = save_title(server, IDS[60 + counter[0] % 5], title, timeout=30)
                status = r.status
            except OSError as e:
                status = repr(e)
            if status == 303:
                self.acknowledged.append(title)
                return t_kill, time.monotonic() - t_kill
            self.refused.append((title, status))
            self.assertLess(time.monotonic() - t_kill, POLL_LIMIT_S, "writes never flowed again")
            time.sleep(0.05)

    def test_4_nodes_killed_under_load(self):
        marker = "Kill-%d" % os.getpid()
        self.acknowledged, self.refused = [], []
        errors = []
        stop = threading.Event()
        paths = ["/schedule", "/now", "/speakers", "/"] + ["/session/%d" % s for s in IDS[:40]]
        load = Load(SITE.front, paths, seconds=75, threads=4, headers={"Cookie": DELEGATE}, timeout=30).start()
        # And past every cache, straight to each server's FastCGI socket: each
        # of these requests is the app's, checking the cookie and reading.
        direct = [Load(server, paths, seconds=75, threads=0, direct=1, headers={"Cookie": DELEGATE},
                       timeout=30).start() for server in (SITE.a, SITE.b)]

        def staff_saver():
            n = 0
            while not stop.is_set():
                n += 1
                title = "%s front %d" % (marker, n)
                try:
                    r = save_title(SITE.front, IDS[40 + n % 10], title, timeout=30)
                    if r.status == 303:
                        self.acknowledged.append(title)
                    elif r.status in (409, 503) and "not saved" in r.text.lower().replace("nothing was", "not"):
                        self.assertIn(title, r.text, "the refused page keeps the input")
                        self.refused.append((title, r.status))
                    else:
                        errors.append((title, r.status, r.text[:300]))
                except Exception as e:  # noqa: BLE001 - counted, reported below
                    errors.append((title, repr(e)))
                stop.wait(1.0)

        saver = threading.Thread(target=staff_saver, daemon=True)
        saver.start()
        probes = [0]
        try:
            time.sleep(5)
            for node, server in ((1, SITE.a), (2, SITE.b)):
                back_before = log_count(server, "answers again: back on it")
                t_kill, writes_after = self.kill_and_time_writes(node, server, marker, probes)
                figure("galera.writes_again_after_kill_node%d" % node, writes_after,
                       "a save through the server whose own node was SIGKILLed")
                SITE.galera.wait_cluster_size(2, POLL_LIMIT_S)
                note("node %d out of the others' view %.2fs after the kill" % (node, time.monotonic() - t_kill))
                time.sleep(5)
                t_restart = time.monotonic()
                SITE.galera.restart(node, wait=False)
                SITE.galera.wait_synced(node, POLL_LIMIT_S)
                figure("galera.rejoin_node%d" % node, time.monotonic() - t_restart,
                       "restart to Synced, by %s" % SITE.galera.node(node).state_transfer())
                t_synced = time.monotonic()
                # Every worker of the server goes back to its own node within
                # node_retry_s of a request after the node is synced.
                back, _ = poll(lambda: log_count(server, "answers again: back on it") > back_before, POLL_LIMIT_S)
                self.assertTrue(back, "server %s never went back to node %d" % (server.name, node))
                figure("galera.back_on_own_node%d" % node, time.monotonic() - t_synced,
                       "first worker of %s back on it (node_retry_s %d)" % (server.name, NODE_RETRY_S))
                time.sleep(5)
        finally:
            stop.set()
            saver.join(60)
            load.join()
            for d in direct:
                d.join()

        delegate_failures = failures(load.outcomes) + [o for d in direct for o in failures(d.outcomes)]
        note(describe("delegate requests through the front", load.outcomes))
        for server, d in zip((SITE.a, SITE.b), direct):
            note(describe("delegate requests straight to %s's FastCGI socket" % server.name, d.outcomes))
        note("staff saves: %d acknowledged, %d refused with the input kept (%s), %d errors" % (
            len(self.acknowledged), len(self.refused), sorted({str(r[1]) for r in self.refused}), len(errors)))
        self.assertEqual(delegate_failures[:20], [], "delegate requests failed")
        self.assertEqual(errors, [], "no staff save may fail other than 'not saved, input kept'")
        self.assert_all_synced()
        lost = {}
        for i in (1, 2, 3):
            missing = set(self.acknowledged) - audit_titles(i, marker)
            if missing:
                lost[i] = sorted(missing)
        note("acknowledged saves missing at the end: %s" % (lost or "none, on every node"))
        self.assertEqual(lost, {}, "acknowledged saves lost")
        self.assertGreater(len(self.acknowledged), 20)
        # Each server logged its own node's outage once per connection (two per
        # worker: staff and delegate reads), not once per request.
        for node, server in ((1, SITE.a), (2, SITE.b)):
            lines = log_count(server, "database node 127.0.0.1:%d unavailable" % SITE.galera.node(node).port)
            note("%s: %d log lines for node %d's outage (%d workers)" % (server.name, lines, node, server.workers))
            self.assertGreaterEqual(lines, 1)
            self.assertLessEqual(lines, 2 * server.workers * 2)

    def test_5_without_quorum_staff_keep_their_input_and_delegates_read_on(self):
        self.assert_all_synced()
        sid = IDS[70]
        form = SITE.b.get("/admin/session/%d" % sid, headers={"Cookie": STAFF})
        fields = dict(form_fields(form.text), title="Typed <without> quorum")
        pages = ["/schedule", "/now", "/session/%d" % IDS[0], "/session/%d" % IDS[1]]
        for server in (SITE.a, SITE.b):
            for p in pages:
                self.assertEqual(server.get(p, headers={"Cookie": DELEGATE}).status, 200)

        SITE.galera.kill(1, 3)
        lost, _ = poll(lambda: SITE.galera.node(2).status().get("wsrep_cluster_status") == "non-Primary",
                       POLL_LIMIT_S)
        self.assertTrue(lost, "node 2 should lose quorum")
        r = SITE.b.post_form("/admin/session/%d" % sid, fields, headers={"Cookie": STAFF})
        self.assertEqual(r.status, 503, r.text[:500])
        self.assertIn("nothing was saved", r.text)
        self.assertIn("Typed &lt;without&gt; quorum", r.text)
        for server in (SITE.a, SITE.b):
            for p in pages:
                got = server.get(p, headers={"Cookie": DELEGATE})
                self.assertEqual(got.status, 200, "%s %s without quorum" % (server.name, p))

        t0 = time.monotonic()
        for i in (1, 3):
            SITE.galera.restart(i, wait=False)
        SITE.galera.recover_primary()
        self.assert_all_synced()
        figure("galera.primary_again_after_quorum_loss", time.monotonic() - t0, "two nodes restarted")
        saved = []

        def resend():
            saved.append(SITE.b.post_form("/admin/session/%d" % sid, fields, headers={"Cookie": STAFF}).status)
            return saved[-1] == 303

        self.assertTrue(poll(resend, POLL_LIMIT_S)[0], saved)
        figure("galera.resent_save_after_quorum_loss", time.monotonic() - t0, "answers %s" % saved)
        self.assertEqual(node_sql(3, "SELECT title FROM sessions WHERE id = %d" % sid), ["Typed <without> quorum"])


if __name__ == "__main__":
    unittest.main()
