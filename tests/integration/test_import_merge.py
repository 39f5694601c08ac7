"""`confsched import FILE` as a merge: sessions matched by guid are updated
in place (same id, revision + 1, audit rows), a second import of the same
file changes nothing, --prune deletes what the file lacks, --dry-run lists
the plan and writes nothing, a database failure halfway leaves nothing; and
the round trip: /schedule.json of the demo, imported into an emptied
database, exports the same programme again."""
import json
import unittest

from support import (StackTestCase, programme_of_schedule_json, start_module_stack,
                     stop_module_stack, wait_for_feed_version)

S = None


def setUpModule():
    global S
    S, _ = start_module_stack("import_merge", https=False)


def tearDownModule():
    stop_module_stack(S)


def scalar(sql):
    return S.sql(sql, database="confsched").stdout.strip()


CSV_HEADER = "guid,title,day,start,end,room,track,kind,status,speakers,abstract\n"
ROWS = [
    "g-1,Opening,2026-06-12,09:00,09:30,Hall,Core,keynote,,Ada,Welcome\n",
    "g-2,\"Parsing, safely\",2026-06-12,10:00,10:45,Hall,Core,talk,,Ada;Bob,\"=1+1\"\n",
    "g-3,Night owls,2026-06-12,23:00,01:00,Club,,social,,,\n",
]


def write(name, text):
    path = S.path(name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def wait_for_version():
    wait_for_feed_version(S)


class Merge(StackTestCase):
    def setUp(self):
        # A known start: the CSV programme replacing whatever was there.
        S.cli("import", write("base.csv", CSV_HEADER + "".join(ROWS)), "--replace",
              "--time-zone", "Europe/Berlin")

    def ids(self):
        return scalar("SELECT GROUP_CONCAT(CONCAT(external_id, '=', id) ORDER BY external_id)"
                      " FROM sessions")

    def test_second_import_of_the_same_file_changes_nothing(self):
        path = write("same.csv", CSV_HEADER + "".join(ROWS))
        ids, audit = self.ids(), scalar("SELECT COUNT(*) FROM audit_log")
        r = S.cli("import", path)
        self.assertIn("0 added, 0 updated, 0 deleted, 3 unchanged", r.stdout)
        self.assertEqual(self.ids(), ids)
        self.assertEqual(int(scalar("SELECT COUNT(*) FROM sessions")), 3)
        # Only the import's own row: no session rows for unchanged sessions.
        self.assertEqual(int(scalar("SELECT COUNT(*) FROM audit_log")), int(audit) + 1)

    def test_changed_row_updates_in_place_with_history(self):
        S.cli("import", write("first.csv", CSV_HEADER + "".join(ROWS)))
        sid = scalar("SELECT id FROM sessions WHERE external_id = 'g-2'")
        rev = int(scalar("SELECT revision FROM sessions WHERE id = %s" % sid))
        changed = ROWS[1].replace("Parsing, safely", "Parsing, carefully")
        path = write("changed.csv", CSV_HEADER + ROWS[0] + changed + ROWS[2])
        dry = S.cli("import", path, "--dry-run")
        self.assertIn("~ update #%s Parsing, carefully" % sid, dry.stdout)
        self.assertIn(": title", dry.stdout)
        self.assertEqual(scalar("SELECT title FROM sessions WHERE id = %s" % sid), "Parsing, safely")
        r = S.cli("import", path)
        self.assertIn("0 added, 1 updated", r.stdout)
        self.assertEqual(scalar("SELECT title FROM sessions WHERE external_id = 'g-2'"),
                         "Parsing, carefully")
        self.assertEqual(scalar("SELECT id FROM sessions WHERE external_id = 'g-2'"), sid)
        self.assertEqual(int(scalar("SELECT revision FROM sessions WHERE id = %s" % sid)), rev + 1)
        row = scalar("SELECT CONCAT(action, ' ', JSON_VALUE(before_values, '$.title'), ' -> ',"
                     " JSON_VALUE(after_values, '$.title')) FROM audit_log WHERE entity = 'session'"
                     " AND entity_id = %s ORDER BY id DESC LIMIT 1" % sid)
        self.assertEqual(row, "update Parsing, safely -> Parsing, carefully")
        # The formula-looking abstract is stored as the text it is.
        self.assertEqual(scalar("SELECT abstract FROM sessions WHERE id = %s" % sid), "=1+1")

    def test_prune_deletes_only_when_asked(self):
        S.cli("import", write("all.csv", CSV_HEADER + "".join(ROWS)))
        path = write("two.csv", CSV_HEADER + ROWS[0] + ROWS[1])
        r = S.cli("import", path)
        self.assertIn("1 kept", r.stdout)
        self.assertEqual(int(scalar("SELECT COUNT(*) FROM sessions")), 3)
        dry = S.cli("import", path, "--prune", "--dry-run")
        self.assertIn("- delete #", dry.stdout)
        self.assertIn("Night owls", dry.stdout)
        self.assertEqual(int(scalar("SELECT COUNT(*) FROM sessions")), 3)
        r = S.cli("import", path, "--prune")
        self.assertIn("1 deleted", r.stdout)
        self.assertEqual(int(scalar("SELECT COUNT(*) FROM sessions WHERE external_id = 'g-3'")), 0)
        self.assertEqual(scalar("SELECT action FROM audit_log WHERE entity = 'session'"
                                " ORDER BY id DESC LIMIT 1"), "delete")

    def test_bad_row_names_its_line_and_nothing_changes(self):
        before = (scalar("SELECT version FROM data_version"), self.ids())
        path = write("bad.csv", CSV_HEADER + ROWS[0] + ROWS[1].replace("10:45", "10h45") + ROWS[2])
        r = S.cli("import", path, check=False)
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr.strip(), r"^confsched import: .*bad\.csv: line 3: end \"10h45\"")
        self.assertEqual((scalar("SELECT version FROM data_version"), self.ids()), before)

    def test_database_failure_halfway_rolls_back(self):
        # Two guids the parser sees as distinct but the UNIQUE key (case-
        # insensitive collation) as one: the second INSERT fails after the
        # first went through, and the transaction must undo it.
        before = (scalar("SELECT version FROM data_version"), self.ids(),
                  scalar("SELECT COUNT(*) FROM audit_log"))
        rows = ROWS[0].replace("g-1", "new-x") + ROWS[1].replace("g-2", "NEW-X")
        r = S.cli("import", write("clash.csv", CSV_HEADER + rows), check=False)
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertRegex(r.stderr, r"(?i)duplicate")
        self.assertEqual((scalar("SELECT version FROM data_version"), self.ids(),
                          scalar("SELECT COUNT(*) FROM audit_log")), before)


class RoundTrip(StackTestCase):
    def test_export_import_into_an_empty_database_export_again(self):
        S.demo()
        wait_for_version()
        cookie = S.login()
        first = S.get("/schedule.json", headers={"Cookie": cookie})
        self.assertEqual(first.status, 200)
        path = S.path("export.json")
        with open(path, "wb") as f:
            f.write(first.body)
        # Empty the programme (children first), keeping the event's texts
        # out of the comparison: the JSON does not carry them.
        S.sql("DELETE FROM materials; DELETE FROM session_speakers; DELETE FROM sessions;"
              " DELETE FROM speakers; DELETE FROM tracks; DELETE FROM rooms;"
              " DELETE FROM announcements; DELETE FROM event;", database="confsched")
        self.assertEqual(scalar("SELECT COUNT(*) FROM sessions"), "0")
        r = S.cli("import", path)
        self.assertIn("0 updated, 0 deleted", r.stdout)
        wait_for_version()
        second = S.get("/schedule.json", headers={"Cookie": cookie})
        self.assertEqual(second.status, 200)
        a, b = programme_of_schedule_json(first.body), programme_of_schedule_json(second.body)
        self.assertGreater(sum(len(ev) for d in a["conference"]["days"]
                               for ev in d["rooms"].values()), 0)
        self.assertEqual(json.dumps(a, sort_keys=True, indent=1).splitlines(),
                         json.dumps(b, sort_keys=True, indent=1).splitlines())
        # And a second import of the same export changes nothing.
        again = S.cli("import", path)
        self.assertIn("0 added, 0 updated, 0 deleted", again.stdout)


if __name__ == "__main__":
    unittest.main()
