"""Operating a site: `confsched db backup FILE` / `db restore FILE` through
the real mariadb-dump and mariadb (credentials in a private option file,
never on their command line), and `confsched export`, which writes the
programme as the site's /schedule.json or /schedule.xml and which
`confsched import` reads back into an empty database unchanged."""

import json
import os
import stat
import unittest

import stack as stackmod
from support import (StackTestCase, poll_until, programme_of_schedule_json, start_module_stack,
                     stop_module_stack, wait_for_feed_version)

S = None


def setUpModule():
    global S
    S, _ = start_module_stack("backup", https=False)


def tearDownModule():
    stop_module_stack(S)


def scalar(sql, database="confsched"):
    return S.sql(sql, database=database).stdout.strip()


# Stands in front of the real tool on PATH: records the arguments it was
# given and the mode of the option file they name, then execs the real one.
RECORDER = """#!/bin/sh
log={log}
printf '%s\\n' "$0 $*" >>"$log"
case "$1" in
  --defaults-extra-file=*) stat -c 'mode %a' "${{1#--defaults-extra-file=}}" >>"$log" ;;
esac
exec {real} "$@"
"""


class BackupRestore(StackTestCase):
    def recording_env(self):
        """PATH with recorders for mariadb-dump and mariadb in front."""
        d = S.path("recorders")
        os.makedirs(d, exist_ok=True)
        log = S.path("recorders.log")
        for name in ("mariadb-dump", "mariadb"):
            p = os.path.join(d, name)
            with open(p, "w") as f:
                f.write(RECORDER.format(log=log, real=stackmod.tool(name)))
            os.chmod(p, 0o755)
        if os.path.exists(log):
            os.unlink(log)
        return {"PATH": d + ":" + os.environ.get("PATH", "/usr/bin:/bin")}, log

    def session(self, sid):
        return scalar("SELECT CONCAT(title, '|', room_id, '|', revision) FROM sessions WHERE id = %d" % sid)

    def test_backup_change_restore_brings_the_data_back(self):
        ids = [int(x) for x in scalar("SELECT id FROM sessions ORDER BY id LIMIT 2").split()]
        kept, dropped = ids
        before = {"kept": self.session(kept), "dropped": self.session(dropped),
                  "count": scalar("SELECT COUNT(*) FROM sessions"),
                  "audit": scalar("SELECT COUNT(*) FROM audit_log")}
        env, log = self.recording_env()
        dump = S.path("backup.sql")
        r = S.cli("db", "backup", dump, env=env)
        self.assertIn("backed up", r.stdout)
        self.assertEqual(stat.S_IMODE(os.stat(dump).st_mode), 0o600, "the dump holds password hashes")
        with open(dump) as f:
            self.assertIn("-- MariaDB dump", f.read(200))
        self.assertFalse(os.path.exists(dump + ".partial"))
        with open(log) as f:
            recorded = f.read()
        self.assertIn("--single-transaction", recorded)
        self.assertIn("mode 600", recorded)
        self.assertNotIn(S.db_password, recorded, "the password reached mariadb-dump's command line")

        # Change things: a title, a session gone, an audit row more.
        S.sql("UPDATE sessions SET title = 'Changed after the backup' WHERE id = %d;"
              "DELETE FROM session_speakers WHERE session_id = %d; DELETE FROM materials WHERE session_id = %d;"
              "DELETE FROM sessions WHERE id = %d;" % (kept, dropped, dropped, dropped), database="confsched")
        self.assertNotEqual(self.session(kept), before["kept"])
        version_changed = int(scalar("SELECT version FROM data_version"))

        env, log = self.recording_env()
        r = S.cli("db", "restore", dump, env=env)
        self.assertIn("restored", r.stdout)
        with open(log) as f:
            recorded = f.read()
        self.assertIn("mode 600", recorded)
        self.assertNotIn(S.db_password, recorded, "the password reached mariadb's command line")
        self.assertEqual(self.session(kept), before["kept"])
        self.assertEqual(self.session(dropped), before["dropped"])
        self.assertEqual(scalar("SELECT COUNT(*) FROM sessions"), before["count"])
        self.assertEqual(scalar("SELECT COUNT(*) FROM audit_log"), before["audit"])
        # Past every version seen, so no cache keeps a page of the changed data.
        self.assertGreater(int(scalar("SELECT version FROM data_version")), version_changed)
        # And the site shows it again, without a restart.
        cookie = S.login()
        title = before["kept"].split("|")[0]
        poll_until(lambda: title in S.get("/session/%d" % kept, headers={"Cookie": cookie}).text,
                   "backup.restored_title_on_session_page", "the restored title on /session/%d" % kept)
        poll_until(lambda: S.get("/session/%d" % dropped, headers={"Cookie": cookie}).status == 200,
                   "backup.restored_session_back", "the restored session %d back" % dropped)

    def test_restore_refuses_a_file_that_is_no_dump(self):
        path = S.path("not-a-dump.sql")
        with open(path, "w") as f:
            f.write("DROP TABLE sessions;\n")
        count = scalar("SELECT COUNT(*) FROM sessions")
        r = S.cli("db", "restore", path, check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn("does not start like a mariadb-dump file", r.stderr)
        self.assertEqual(scalar("SELECT COUNT(*) FROM sessions"), count)

    def test_failed_backup_leaves_the_old_file(self):
        dump = S.path("kept.sql")
        with open(dump, "w") as f:
            f.write("-- MariaDB dump (an older one)\n")
        r = S.cli("db", "backup", dump, check=False, env={"CONFSCHED_DB_NAME": "no_such_database"})
        self.assertEqual(r.returncode, 1)
        self.assertIn("is unchanged", r.stderr)
        with open(dump) as f:
            self.assertEqual(f.read(), "-- MariaDB dump (an older one)\n")
        self.assertFalse(os.path.exists(dump + ".partial"))


class Export(StackTestCase):
    COPY = "confsched_copy"

    def test_export_is_what_the_site_serves(self):
        S.demo()
        wait_for_feed_version(S)
        cookie = S.login()
        for fmt, path in (("schedule-json", "/schedule.json"), ("frab-xml", "/schedule.xml")):
            out = S.path("export." + fmt)
            S.cli("export", fmt, out)
            with open(out, "rb") as f:
                exported = f.read()
            self.assertEqual(exported, S.get(path, headers={"Cookie": cookie}).body, fmt)

    def test_export_import_into_an_empty_database_export_again(self):
        S.demo()
        first = S.path("before.json")
        S.cli("export", first)
        S.sql("DROP DATABASE IF EXISTS %s; CREATE DATABASE %s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
              "GRANT ALL PRIVILEGES ON %s.* TO 'confsched'@'localhost';" % (self.COPY, self.COPY, self.COPY))
        copy = {"CONFSCHED_DB_NAME": self.COPY}
        S.cli("db", "migrate", env=copy)
        self.assertEqual(scalar("SELECT COUNT(*) FROM sessions", database=self.COPY), "0")
        r = S.cli("import", first, env=copy)
        self.assertIn("0 updated, 0 deleted", r.stdout)
        second = S.path("after.json")
        S.cli("export", second, env=copy)
        with open(first, "rb") as f:
            raw = f.read()
            a = programme_of_schedule_json(raw)
        # The demo's rooms have details, and the export carries them (the
        # comparison below leaves them out: import does not read them back).
        self.assertTrue(any("description" in room for room in json.loads(raw)["schedule"]["conference"]["rooms"]))
        with open(second, "rb") as f:
            b = programme_of_schedule_json(f.read())
        self.assertGreater(sum(len(ev) for d in a["conference"]["days"] for ev in d["rooms"].values()), 100)
        self.assertEqual(json.dumps(a, sort_keys=True, indent=1).splitlines(),
                         json.dumps(b, sort_keys=True, indent=1).splitlines())


if __name__ == "__main__":
    unittest.main()
