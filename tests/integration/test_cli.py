"""The command line: --help, check (bad config, unreachable database,
environment overrides), db migrate (idempotent), passwd (stdin); and
confsched-demo (the demo conference, replacing the programme), which is no
command of confsched's."""

import os
import re
import subprocess
import unittest

import stack as stackmod
from support import StackTestCase, poll_until

S = None


def setUpModule():
    global S
    S = stackmod.Stack("cli", https=False).start()
    StackTestCase.s = S


def tearDownModule():
    if S is not None:
        S.dump_logs(25)
        S.stop()


def scalar(sql):
    return S.sql(sql, database="confsched").stdout.strip()


class Help(StackTestCase):
    def test_help_for_everything(self):
        r = S.cli("--help", config=False)
        self.assertEqual(r.returncode, 0)
        out = r.stdout + r.stderr
        for word in ("serve", "db migrate", "passwd", "check", "--config"):
            self.assertIn(word, out, "confsched --help should mention %s" % word)
        self.assertNotIn("seed-demo", out, "the demo conference is confsched-demo's")
        for args, word in ((("serve", "--help"), "--workers"), (("db", "migrate", "--help"), "migrate"),
                           (("passwd", "--help"), "delegate"), (("check", "--help"), "check")):
            r = S.cli(*args, config=False, check=False)
            self.assertEqual(r.returncode, 0, "confsched %s: %s" % (" ".join(args), r.stderr))
            self.assertIn(word, r.stdout + r.stderr, " ".join(args))

    def test_unknown_command_fails_with_usage(self):
        for args in (("frobnicate",), ("db", "frobnicate"), ("db", "seed-demo"), ("passwd", "nobody"), ()):
            r = S.cli(*args, check=False)
            self.assertNotEqual(r.returncode, 0, "confsched %s should fail" % " ".join(args))
            self.assertTrue(r.stderr.strip(), "confsched %s: no message on stderr" % " ".join(args))


class Check(StackTestCase):
    def assertCheckFails(self, config=None, env=None, mention=None, what=""):
        r = S.cli("check", check=False, config=config, env=env, timeout=30)
        self.assertNotEqual(r.returncode, 0, "check should fail: %s" % what)
        self.assertTrue(r.stderr.strip(), "check failed without saying why: %s" % what)
        if mention:
            self.assertRegex(r.stderr.lower(), mention, "%s: message %r" % (what, r.stderr))
        return r

    def test_check_passes_on_the_stack(self):
        r = S.cli("check", check=False)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_check_refuses_bad_configurations(self):
        self.assertCheckFails(config=S.path("missing.ini"), mention=r"missing\.ini", what="missing file")
        bad = S.write_ini(S.path("bad-key.ini"), **{"server.colour": "blue"})
        self.assertCheckFails(config=bad, mention="colour", what="unknown key")
        bad = S.write_ini(S.path("bad-workers.ini"), **{"server.workers": "many"})
        self.assertCheckFails(config=bad, mention="workers", what="workers = many")
        bad = S.write_ini(S.path("no-secret.ini"), **{"auth.secret_file": S.path("no-such-secret")})
        self.assertCheckFails(config=bad, mention="secret", what="missing secret file")
        short = S.path("short-secret")
        with open(short, "w", opener=lambda p, f: os.open(p, f, 0o600)) as f:
            f.write("too short")
        bad = S.write_ini(S.path("short-secret.ini"), **{"auth.secret_file": short})
        self.assertCheckFails(config=bad, mention="secret", what="secret under 32 bytes")
        bad = S.write_ini(S.path("no-templates.ini"), **{"server.template_dir": S.path("nope")})
        self.assertCheckFails(config=bad, mention="template|nope", what="missing template_dir")

    def test_check_reports_an_unreachable_database(self):
        bad = S.write_ini(S.path("no-db.ini"), **{"database.socket": S.path("no-such.sock")})
        self.assertCheckFails(config=bad, mention="database|mariadb|mysql|connect", what="socket not there")
        bad = S.write_ini(S.path("bad-pw.ini"), **{"database.password_file": None, "database.password": "wrong"})
        self.assertCheckFails(config=bad, mention="database|access|denied|password", what="wrong password")

    def test_environment_overrides_the_database_settings(self):
        bad = S.write_ini(S.path("env-pw.ini"), **{"database.password_file": None, "database.password": "wrong"})
        r = S.cli("check", config=bad, check=False, env={"CONFSCHED_DB_PASSWORD": S.db_password})
        self.assertEqual(r.returncode, 0, "CONFSCHED_DB_PASSWORD should override the file: %s" % r.stderr)
        self.assertCheckFails(env={"CONFSCHED_DB_SOCKET": S.path("nope.sock")}, what="CONFSCHED_DB_SOCKET")
        self.assertCheckFails(env={"CONFSCHED_DB_USER": "nobody"}, what="CONFSCHED_DB_USER")
        self.assertCheckFails(env={"CONFSCHED_DB_NAME": "nope"}, what="CONFSCHED_DB_NAME")
        self.assertCheckFails(env={"CONFSCHED_DB_PASSWORD": "wrong"}, what="CONFSCHED_DB_PASSWORD")
        # host/port: TCP to a closed loopback port (MariaDB here has no TCP at all)
        self.assertCheckFails(env={"CONFSCHED_DB_HOST": "127.0.0.1", "CONFSCHED_DB_PORT": str(stackmod.free_port())},
                              what="CONFSCHED_DB_HOST/PORT")
        moved = S.write_ini(S.path("moved.ini"), **{"database.socket": S.path("no-such.sock")})
        r = S.cli("check", config=moved, check=False, env={"CONFSCHED_DB_SOCKET": S.db_socket})
        self.assertEqual(r.returncode, 0, "CONFSCHED_DB_SOCKET should override the file: %s" % r.stderr)


class Database(StackTestCase):
    def test_migrate_is_idempotent(self):
        sessions = scalar("SELECT COUNT(*) FROM sessions")
        version = scalar("SELECT version FROM data_version")
        for _ in range(2):
            r = S.cli("db", "migrate", check=False)
            self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(scalar("SELECT COUNT(*) FROM sessions"), sessions)
        self.assertEqual(scalar("SELECT version FROM data_version"), version, "migrate changed the data")

    def test_every_table_suits_a_galera_cluster(self):
        """Galera replicates only InnoDB, and a table without a primary key
        replicates with a full scan per row on every node (README "Several
        servers"): every table the migrations create must be InnoDB with a
        primary key."""
        rows = S.sql("SELECT t.table_name, t.engine, (SELECT COUNT(*) FROM information_schema.table_constraints c "
                     "WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name "
                     "AND c.constraint_type = 'PRIMARY KEY') FROM information_schema.tables t "
                     "WHERE t.table_schema = 'confsched' AND t.table_type = 'BASE TABLE'").stdout.split("\n")
        tables = [r.split("\t") for r in rows if r.strip()]
        self.assertGreater(len(tables), 15, tables)
        for name, engine, keys in tables:
            self.assertEqual(engine, "InnoDB", "table %s" % name)
            self.assertEqual(keys, "1", "table %s has no primary key" % name)

    def test_no_statement_galera_refuses(self):
        """The statements Galera refuses or cannot replicate appear nowhere in
        the migrations or the code, except where migrate.cc keeps MariaDB's
        named lock for a server that is not a Galera node."""
        refused = re.compile(r"LOCK\s+TABLES?\b|GET_LOCK|RELEASE_LOCK|CREATE\s+TABLE\s+\w+\s+(AS\s+)?SELECT|"
                             r"ENGINE\s*=\s*(?!InnoDB\b)[A-Za-z]|FLUSH\s+TABLES\s+WITH\s+READ\s+LOCK|"
                             r"CREATE\s+TEMPORARY\s+TABLE|XA\s+START", re.IGNORECASE)
        found = []
        for top in ("sql", "src"):
            for folder, _, names in os.walk(os.path.join(stackmod.SOURCE_DIR, top)):
                for name in names:
                    path = os.path.join(folder, name)
                    with open(path, encoding="utf-8") as f:
                        for number, line in enumerate(f, 1):
                            if refused.search(line) and not line.lstrip().startswith("//"):
                                found.append("%s:%d: %s" % (os.path.relpath(path, stackmod.SOURCE_DIR),
                                                            number, line.strip()))
        allowed = [f for f in found
                   if f.startswith("src/store/migrate.cc:") and "_LOCK('confsched_migrate'" in f]
        self.assertEqual(len(allowed), 2, found)
        self.assertEqual([f for f in found if f not in allowed], [])

    def test_demo_conference(self):
        self.assertEqual(scalar("SELECT COUNT(*) FROM event"), "1")
        self.assertEqual(scalar("SELECT time_zone FROM event"), "Europe/London")
        self.assertEqual(scalar("SELECT DATEDIFF(ends_on, starts_on) FROM event"), "2", "3 days")
        self.assertEqual(scalar("SELECT COUNT(DISTINCT DATE(starts_at)) FROM sessions"), "3")
        self.assertEqual(scalar("SELECT COUNT(*) FROM rooms"), "8")
        self.assertEqual(scalar("SELECT COUNT(*) FROM tracks"), "5")
        n = int(scalar("SELECT COUNT(*) FROM sessions"))
        self.assertTrue(150 <= n <= 210, "about 180 sessions, got %d" % n)

    def test_demo_conference_moves_to_a_first_day_or_to_today(self):
        """`confsched-demo --first-day` and `--today` (scripts/quickstart
        --today): the same programme on other days; the default after."""
        import datetime
        import zoneinfo

        def demo(*args):
            return subprocess.run([S.demo_bin, "--config", S.ini, *args], capture_output=True, text=True,
                                  timeout=120)
        try:
            sessions = scalar("SELECT COUNT(*) FROM sessions")
            self.assertEqual(demo("--first-day", "2030-02-27").returncode, 0)
            self.assertEqual(scalar("SELECT CONCAT(starts_on, ' ', ends_on) FROM event"), "2030-02-27 2030-03-01")
            self.assertEqual(scalar("SELECT GROUP_CONCAT(DISTINCT DATE(starts_at) ORDER BY 1) FROM sessions"),
                             "2030-02-27,2030-02-28,2030-03-01", "over the end of February")
            self.assertEqual(scalar("SELECT COUNT(*) FROM sessions"), sessions)
            london = lambda: datetime.datetime.now(zoneinfo.ZoneInfo("Europe/London")).strftime("%Y-%m-%d")  # noqa: E731
            before = london()
            r = demo("--today")
            self.assertEqual(r.returncode, 0, r.stderr)
            # Either side of midnight in London, should the run straddle it.
            self.assertIn(scalar("SELECT starts_on FROM event"), (before, london()))
            for bad in (["--first-day", "2030-02-30"], ["--first-day", "2030-02-27 09:00"], ["--first-day"]):
                r = demo(*bad)
                self.assertEqual(r.returncode, 2, bad)
        finally:
            self.assertEqual(demo().returncode, 0)
        self.assertEqual(scalar("SELECT starts_on FROM event"), "2027-06-15")

    def test_schedule_page_shows_the_whole_programme(self):
        cookie = S.login()
        r = S.get("/schedule", headers={"Cookie": cookie})
        self.assertEqual(r.status, 200)
        ids = set(stackmod.session_ids(r.text))
        db_ids = set(int(x) for x in scalar("SELECT id FROM sessions").split())
        self.assertEqual(ids, db_ids, "every session linked from /schedule, and only those")
        days = re.findall(r'<section[^>]*class="day"', r.text)
        self.assertEqual(len(days), 3, "one section per day")

    def test_session_page_shows_abstract_speakers_materials(self):
        import html
        row = scalar("SELECT s.id FROM sessions s JOIN materials m ON m.session_id = s.id "
                     "JOIN session_speakers ss ON ss.session_id = s.id ORDER BY s.id LIMIT 1")
        self.assertTrue(row, "the demo should have a session with speakers and materials")
        sid = int(row)
        title = scalar("SELECT title FROM sessions WHERE id = %d" % sid)
        abstract = scalar("SELECT abstract FROM sessions WHERE id = %d" % sid).replace("\\n", "\n")
        speakers = scalar("SELECT sp.name FROM speakers sp JOIN session_speakers ss ON ss.speaker_id = sp.id "
                          "WHERE ss.session_id = %d" % sid).splitlines()
        urls = scalar("SELECT url FROM materials WHERE session_id = %d" % sid).splitlines()
        r = S.get("/session/%d" % sid, headers={"Cookie": S.login()})
        self.assertEqual(r.status, 200)
        text = html.unescape(r.text)
        self.assertIn(title, text)
        self.assertIn(abstract.strip().splitlines()[0][:60], text)
        for name in speakers:
            self.assertIn(name, text, "speaker")
        for url in urls:
            self.assertIn('href="%s"' % html.escape(url), r.text, "material link")

    def test_confsched_demo_replaces_the_programme_and_moves_the_etag(self):
        cookie = S.login()
        etag = S.fcgi("GET", "/schedule", headers={"Cookie": cookie}).headers.get("ETag")
        counts = [scalar("SELECT COUNT(*) FROM %s" % t) for t in ("event", "rooms", "tracks", "sessions")]
        # --config=FILE, the other spelling of the option (demo() passes
        # --config FILE).
        r = S.demo("--config=" + S.ini, config=False)
        self.assertRegex(r.stdout, r"^demo conference loaded: 3 days, 8 rooms, 5 tracks, %s sessions, \d+ speakers\n$"
                         % counts[3])
        self.assertEqual([scalar("SELECT COUNT(*) FROM %s" % t) for t in ("event", "rooms", "tracks", "sessions")],
                         counts, "loading the demo twice must replace, not add")
        poll_until(lambda: S.fcgi("GET", "/schedule", headers={"Cookie": cookie}).headers.get("ETag") != etag,
                   "cli.etag_moved_after_demo_load_direct", "a new ETag after the programme was replaced")
        poll_until(lambda: S.get("/schedule", headers={"Cookie": cookie}).headers.get("ETag") != etag,
                   "cli.etag_moved_after_demo_load_nginx", "nginx serving the new page after the data changed")
        self.assertEqual(S.cli("check", check=False).returncode, 0, "confsched-demo keeps the passwords")

    def test_confsched_demo_usage_and_failures(self):
        r = S.demo("--help", config=False)
        self.assertEqual(r.returncode, 0)
        self.assertIn("--config", r.stdout)
        r = S.demo("seed", check=False)
        self.assertEqual(r.returncode, 2, "an argument it does not take is a usage error")
        self.assertIn("usage: confsched-demo", r.stderr)
        r = S.demo(check=False, config=S.path("missing.ini"))
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr, r"^confsched-demo: .*missing\.ini")
        bad = S.write_ini(S.path("demo-no-db.ini"), **{"database.socket": S.path("no-such.sock")})
        r = S.demo(check=False, config=bad, timeout=30)
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr, r"^confsched-demo: ")
        self.assertEqual(r.stdout, "")


class Passwd(StackTestCase):
    def test_passwd_reads_stdin(self):
        r = S.cli("passwd", "staff", input="a staff pw with spaces\n", check=False)
        self.assertEqual(r.returncode, 0, r.stderr)
        S.passwords["staff"] = "a staff pw with spaces"
        S.login("staff")
        r = S.cli("passwd", "nobody", input="x\n", check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertTrue(r.stderr.strip())


if __name__ == "__main__":
    unittest.main()
