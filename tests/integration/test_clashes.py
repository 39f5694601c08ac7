"""Moving sessions while the event runs (issue 17).

Room and speaker clashes: one rule (src/model/clashes.h), and every path
that moves a session or changes its speakers warns with it: the staff form
(422 listing them, then "Save anyway"), running late, `confsched import
--dry-run` and the upload preview on /admin/import (listed; the import goes
ahead when confirmed).

Running late: a preview of every session that moves, then one save that
moves them all in one transaction (an audit row each), or nothing when one
of them changed since the preview. Figures: how long the save of a full
afternoon takes, and how long until a delegate sees it through nginx."""

import json
import re
import time
import unittest

import stack as stackmod

from support import (StackTestCase, escaped, figure, parse_page, poll_until, start_module_stack,
                     stop_module_stack, wait_for_feed_version)
from test_admin import form_fields

S = None


def setUpModule():
    global S
    S, _ = start_module_stack("clashes")


def tearDownModule():
    stop_module_stack(S)


def scalar(sql):
    return S.sql(sql, database="confsched").stdout.strip()


CSV_HEADER = "guid,title,day,start,end,room,track,kind,status,speakers,abstract\n"
BASE = [
    "g-1,Opening,2026-06-12,09:00,09:30,Hall,Core,keynote,,Ada,Welcome\n",
    "g-2,\"Parsing, safely\",2026-06-12,10:00,10:45,Hall,Core,talk,,Ada;Bob <b>,Two\n",
    "g-3,Night owls,2026-06-12,23:00,01:00,Club,,social,,,\n",
]
# Bob <b> speaks in g-2 (Hall, 10:00-10:45) as well.
CLASHING = "g-4,Clash <i>,2026-06-12,10:15,10:30,Club,,talk,,Bob <b>,\n"
BOB_LINE = "“Clash <i>” (2026-06-12 10:15, Club): Bob <b> is also in “Parsing, safely” (Hall, 10:00–10:45)"


def write(name, text):
    path = S.path(name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def snapshot():
    return (scalar("SELECT version FROM data_version"), scalar("SELECT COUNT(*) FROM sessions"),
            scalar("SELECT COUNT(*) FROM audit_log"))


class Clashes(StackTestCase):
    def setUp(self):
        S.cli("import", write("base.csv", CSV_HEADER + "".join(BASE)), "--replace", "--time-zone", "Europe/Berlin")
        self.staff = S.login(role=stackmod.STAFF_USER)

    def sid(self, guid):
        return int(scalar("SELECT id FROM sessions WHERE external_id = '%s'" % guid))

    # -- the staff form ----------------------------------------------------
    def test_the_form_lists_a_speaker_in_two_places_and_saves_only_when_accepted(self):
        sid = self.sid("g-1")
        page = S.get("/admin/session/%d" % sid, headers={"Cookie": self.staff})
        self.assertEqual(page.status, 200)
        club = re.search(r'<option value="(\d+)"[^>]*>Club</option>', page.text).group(1)
        # Ada, typed in another case (the save would take her as the same
        # speaker: the speakers table compares names case-insensitively).
        moved = dict(form_fields(page.text), start="10:15", end="10:30", room_id=club, speakers="ada")
        before = snapshot()
        r = S.post_form("/admin/session/%d" % sid, moved, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 422, r.text[:500])
        self.assertIn("<li>Ada is also in “Parsing, safely” (Hall, 10:00–10:45)</li>", r.text)
        self.assertNotIn("Room clash", r.text)
        self.assertIn('name="accept_clash"', r.text)
        # What was typed comes back as typed.
        self.assertRegex(r.text, r'name="start" type="time"[^>]* value="10:15"')
        self.assertEqual(snapshot(), before, "a warned save changed something")
        r = S.post_form("/admin/session/%d" % sid, dict(moved, accept_clash="1"), headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(scalar("SELECT DATE_FORMAT(starts_at, '%%H:%%i') FROM sessions WHERE id = %d" % sid),
                         "10:15")

    def test_a_room_clash_and_a_cancelled_session(self):
        sid = self.sid("g-3")
        page = S.get("/admin/session/%d" % sid, headers={"Cookie": self.staff})
        hall = re.search(r'<option value="(\d+)"[^>]*>Hall</option>', page.text).group(1)
        moved = dict(form_fields(page.text), start="10:30", end="11:00", room_id=hall)
        moved["day"] = "2026-06-12"
        r = S.post_form("/admin/session/%d" % sid, moved, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 422, r.text[:500])
        self.assertIn("<li>Room clash with “Parsing, safely” (Hall, 10:00–10:45)</li>", r.text)
        # Cancelled, it holds no room: saved without a word.
        r = S.post_form("/admin/session/%d" % sid, dict(moved, status="cancelled"), headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:500])

    # -- importing -----------------------------------------------------------
    def test_import_dry_run_lists_the_clashes_the_file_brings(self):
        before = snapshot()
        dry = S.cli("import", write("clash.csv", CSV_HEADER + "".join(BASE) + CLASHING), "--dry-run")
        self.assertIn("! clash: " + BOB_LINE + "\n", dry.stdout)
        self.assertIn("1 clash of a room or a speaker after the import", dry.stdout)
        self.assertEqual(snapshot(), before)
        # The same file without the new row: the programme's own clashes
        # (none here) are not the import's, so nothing is listed.
        same = S.cli("import", write("same.csv", CSV_HEADER + "".join(BASE)), "--dry-run")
        self.assertNotIn("clash", same.stdout)

    def test_the_upload_preview_lists_them_escaped_and_imports_when_confirmed(self):
        r = S.get("/admin/import", headers={"Cookie": self.staff})
        token = [f for f in parse_page(r.text).forms if f["action"] == "/admin/import"][0]["inputs"]["csrf"]
        data = CSV_HEADER + "".join(BASE) + CLASHING
        r = S.post_multipart("/admin/import", [("csrf", token), ("format", "auto"), ("action", "preview")],
                             [("schedule", "clash.csv", "text/csv", data)], headers={"Cookie": self.staff})
        self.assertEqual(r.status, 200, r.text[:800])
        self.assertIn(escaped("! clash: " + BOB_LINE), r.text)
        self.assertNotIn("Bob <b>", r.text)
        self.assertNotIn("<i>", r.text)
        hidden = None
        for form in parse_page(r.text).forms:
            if "content" in form["inputs"]:
                hidden = {k: v for k, v in form["inputs"].items() if k}
        self.assertIsNotNone(hidden)
        r = S.post_multipart("/admin/import", [(k, v) for k, v in hidden.items()] + [("action", "import")],
                             headers={"Cookie": self.staff})
        self.assertEqual(r.status, 200, r.text[:800])
        self.assertIn("Imported.", r.text)
        self.assertEqual(scalar("SELECT COUNT(*) FROM sessions WHERE external_id = 'g-4'"), "1")


# A full afternoon in the Hall after the morning: ten sessions of 20 minutes
# from 13:00, five minutes apart, Cy speaking in the last (and at 17:05 in
# the Club, so that a delay of 10 minutes makes a clash).
AFTERNOON = ["g-a%d,Afternoon %d,2026-06-12,%s,%s,Hall,Core,talk,,%s,\n" % (
    i, i, "%02d:%02d" % (13 + (i * 25) // 60, (i * 25) % 60),
    "%02d:%02d" % (13 + (i * 25 + 20) // 60, (i * 25 + 20) % 60), "Cy" if i == 9 else "Dee") for i in range(10)]
CLUB = "g-c,Club talk,2026-06-12,17:10,17:40,Club,,talk,,Cy,\n"


class RunningLate(StackTestCase):
    def setUp(self):
        S.cli("import", write("afternoon.csv", CSV_HEADER + "".join(BASE + AFTERNOON) + CLUB), "--replace",
              "--time-zone", "Europe/Berlin")
        self.staff = S.login(role=stackmod.STAFF_USER)
        self.first = int(scalar("SELECT id FROM sessions WHERE external_id = 'g-a0'"))

    def token(self):
        page = S.get("/admin/session/%d" % self.first, headers={"Cookie": self.staff})
        self.assertIn('action="/admin/session/%d/delay"' % self.first, page.text, "the running-late form")
        return re.search(r'<input type="hidden" name="csrf" value="([^"]*)"', page.text).group(1)

    def delay(self, **fields):
        fields.setdefault("csrf", self.token())
        return S.post_form("/admin/session/%d/delay" % self.first, fields, headers={"Cookie": self.staff})

    def times(self):
        return scalar("SELECT GROUP_CONCAT(DATE_FORMAT(starts_at, '%H:%i') ORDER BY starts_at) FROM sessions"
                      " WHERE external_id LIKE 'g-a%'")

    def test_preview_then_save_moves_the_afternoon_in_one_save(self):
        r = self.delay(minutes="10", following="1", action="preview")
        self.assertEqual(r.status, 200, r.text[:800])
        self.assertNoStore(r, "preview")
        rows = re.findall(r"<tr><td><a href=\"/admin/session/\d+\">([^<]*)</a></td><td>([^<]*)</td><td>([^<]*)</td></tr>",
                          r.text)
        self.assertEqual(len(rows), 10, rows)
        self.assertEqual(rows[0], ("Afternoon 0", "13:00–13:20", "13:10–13:30"))
        self.assertEqual(rows[9], ("Afternoon 9", "16:45–17:05", "16:55–17:15"))
        # The only clash it causes: Cy, in the Club at 17:10.
        self.assertIn("<li>“Afternoon 9” at 16:55: Cy is also in “Club talk” (Club, 17:10–17:40)</li>", r.text)
        previewed = re.search(r'name="previewed" value="([^"]*)"', r.text).group(1)
        announcement = html_text(re.search(r'<textarea id="announcement" name="announcement" rows="3">\n(.*?)</textarea>',
                                           r.text, re.S).group(1))
        self.assertEqual(announcement, "Hall is running 10 minutes late: “Afternoon 0” starts at 13:10, and the "
                                       "sessions after it there start 10 minutes later.")
        before_times, audit = self.times(), int(scalar("SELECT COUNT(*) FROM audit_log"))
        last_audit = int(scalar("SELECT COALESCE(MAX(id), 0) FROM audit_log"))

        # Without "Save anyway": 422, nothing moves.
        r = self.delay(minutes="10", following="1", previewed=previewed, action="save")
        self.assertEqual(r.status, 422, r.text[:500])
        self.assertEqual(self.times(), before_times)

        delegate = S.login()
        t0 = time.monotonic()
        r = self.delay(minutes="10", following="1", previewed=previewed, accept_clash="1", announce="1",
                       announcement=announcement, action="save")
        saved_s = time.monotonic() - t0
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(stackmod.location_path(S, r), "/admin/session/%d?delayed=10" % self.first)
        figure("clashes.running_late_save_10_sessions", saved_s, "POST to 303, one transaction")
        self.assertEqual(self.times(), ",".join("%02d:%02d" % (13 + (i * 25 + 10) // 60, (i * 25 + 10) % 60)
                                                for i in range(10)))
        # One audit row per session, each restorable; and the announcement.
        self.assertEqual(int(scalar("SELECT COUNT(*) FROM audit_log")), audit + 11)
        self.assertEqual(scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'session' AND id > %d"
                                " AND staff_name = 'staff (shared login)' AND action = 'update'"
                                " AND JSON_VALUE(after_values, '$.starts_at') LIKE '2026-06-12 %%:%%'"
                                " AND entity_id IN (SELECT id FROM sessions WHERE external_id LIKE 'g-a%%')"
                                % last_audit), "10")
        self.assertEqual(scalar("SELECT body FROM announcements ORDER BY id DESC LIMIT 1"), announcement)
        history = S.get("/admin/session/%d/history" % self.first, headers={"Cookie": self.staff})
        self.assertIn("Restore", history.text)
        # Delegates see the last session's new time through nginx.
        last = int(scalar("SELECT id FROM sessions WHERE external_id = 'g-a9'"))
        poll_until(lambda: "16:55" in S.get("/session/%d" % last, headers={"Cookie": delegate}).text,
                   "clashes.running_late_seen_by_delegates", "the new time on /session/<id> through nginx",
                   since=t0)

    def test_a_session_changed_since_the_preview_stops_the_save(self):
        r = self.delay(minutes="5", following="1", action="preview")
        self.assertEqual(r.status, 200, r.text[:500])
        previewed = re.search(r'name="previewed" value="([^"]*)"', r.text).group(1)
        # Meanwhile someone renames the fifth (its revision moves on).
        fifth = int(scalar("SELECT id FROM sessions WHERE external_id = 'g-a4'"))
        page = S.get("/admin/session/%d" % fifth, headers={"Cookie": self.staff})
        r = S.post_form("/admin/session/%d" % fifth, dict(form_fields(page.text), title="Renamed meanwhile"),
                        headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:300])
        before, audit = self.times(), scalar("SELECT COUNT(*) FROM audit_log")
        r = self.delay(minutes="5", following="1", previewed=previewed, accept_clash="1", action="save")
        self.assertEqual(r.status, 409, r.text[:500])
        self.assertIn("Nothing was moved", r.text)
        self.assertIn("Renamed meanwhile", r.text, "the preview again, as the programme is now")
        self.assertEqual(self.times(), before)
        self.assertEqual(scalar("SELECT COUNT(*) FROM audit_log"), audit)
        # A session added to the room after the preview stops it too.
        r = self.delay(minutes="5", following="1", action="preview")
        previewed = re.search(r'name="previewed" value="([^"]*)"', r.text).group(1)
        S.sql("INSERT INTO sessions (title, abstract, starts_at, ends_at, room_id, kind, status) SELECT 'Late addition', '',"
              " '2026-06-12 18:00:00', '2026-06-12 18:20:00', room_id, 'talk', 'scheduled' FROM sessions"
              " WHERE id = %d" % self.first, database="confsched")
        r = self.delay(minutes="5", following="1", previewed=previewed, accept_clash="1", action="save")
        self.assertEqual(r.status, 409, r.text[:500])
        self.assertIn("Late addition", r.text)
        self.assertEqual(self.times(), before)

    def test_bad_minutes_and_past_midnight_are_422_and_change_nothing(self):
        before = snapshot()
        for minutes in ("0", "241", "ten", ""):
            r = self.delay(minutes=minutes, action="preview")
            self.assertEqual(r.status, 422, "%r: %s" % (minutes, r.text[:300]))
            self.assertIn("whole number of minutes", r.text)
        # Night owls runs 23:00-01:00: its end may move on into the night,
        # but its start may not pass midnight (onto the next date).
        night = int(scalar("SELECT id FROM sessions WHERE external_id = 'g-3'"))
        r = S.post_form("/admin/session/%d/delay" % night, {"csrf": self.token(), "minutes": "60",
                                                             "following": "1", "action": "preview"},
                        headers={"Cookie": self.staff})
        self.assertEqual(r.status, 422, r.text[:300])
        self.assertIn("would start after midnight", r.text)
        r = S.post_form("/admin/session/%d/delay" % night, {"csrf": self.token(), "minutes": "59",
                                                             "following": "1", "action": "preview"},
                        headers={"Cookie": self.staff})
        self.assertEqual(r.status, 200, r.text[:300])
        self.assertIn("23:59–01:59", r.text)
        r = S.post_form("/admin/session/%d/delay" % self.first, {"minutes": "5", "action": "preview"},
                        headers={"Cookie": self.staff})
        self.assertEqual(r.status, 403, "no CSRF token")
        self.assertEqual(snapshot(), before)


class SwapAndMove(StackTestCase):
    """Swap and move commit every end in one transaction: a delegate reading
    the whole programme while staff swap two sessions again and again sees
    each in exactly one of the two slots, never both in one or one missing."""

    def setUp(self):
        S.cli("import", write("swap.csv", CSV_HEADER + "".join(BASE + AFTERNOON) + CLUB), "--replace",
              "--time-zone", "Europe/Berlin")
        self.staff = S.login(role=stackmod.STAFF_USER)
        self.a = int(scalar("SELECT id FROM sessions WHERE external_id = 'g-a0'"))  # Hall 13:00-13:20
        self.b = int(scalar("SELECT id FROM sessions WHERE external_id = 'g-a2'"))  # Hall 13:50-14:10

    def token(self):
        page = S.get("/admin/session/%d" % self.a, headers={"Cookie": self.staff})
        self.assertIn('action="/admin/session/%d/move"' % self.a, page.text, "the swap form")
        return re.search(r'<input type="hidden" name="csrf" value="([^"]*)"', page.text).group(1)

    def post(self, sid, **fields):
        return S.post_form("/admin/session/%d/move" % sid, fields, headers={"Cookie": self.staff})

    def swap(self, token):
        r = self.post(self.a, csrf=token, action="preview", **{"with": str(self.b)})
        self.assertEqual(r.status, 200, r.text[:500])
        previewed = re.search(r'name="previewed" value="([^"]*)"', r.text).group(1)
        r = self.post(self.a, csrf=token, action="save", previewed=previewed, accept_clash="1",
                      **{"with": str(self.b)})
        self.assertEqual(r.status, 303, r.text[:500])

    def slots(self, body):
        found = {}
        for day in json.loads(body)["schedule"]["conference"]["days"]:
            for room, events in day["rooms"].items():
                for e in events:
                    if e["id"] in (self.a, self.b):
                        found.setdefault(e["id"], []).append((room, e["start"]))
        return found

    def test_a_delegate_never_sees_half_a_swap(self):
        import threading
        delegate = S.login()
        seen, bad = [], []
        stop = threading.Event()

        def poll():
            deadline = time.monotonic() + 60
            while not stop.is_set() and time.monotonic() < deadline:
                r = S.fcgi("GET", "/schedule.json", headers={"Cookie": delegate})
                if r.status != 200:
                    bad.append("status %d" % r.status)
                    continue
                found = self.slots(r.body)
                starts = sorted(start for places in found.values() for _, start in places)
                seen.append(tuple(starts))
                if sorted(found) != sorted([self.a, self.b]) or any(len(p) != 1 for p in found.values()) \
                        or starts != ["13:00", "13:50"]:
                    bad.append((found, "data version %s" % json.loads(r.body)["schedule"]["version"]))

        token = self.token()
        # The workers look at the data version every version_check_ms: until
        # they have seen setUp's import, they serve the programme from before
        # it (consistent, but with other times than the ones checked below).
        wait_for_feed_version(S)
        poller = threading.Thread(target=poll)
        poller.start()
        try:
            for _ in range(20):
                self.swap(token)
        finally:
            stop.set()
            poller.join(70)
        self.assertEqual(bad, [], "a delegate saw a half-done swap")
        self.assertGreater(len(seen), 20, "the delegate polled too rarely to tell")
        print("clashes: %d reads of the programme during 20 swaps, each with both sessions once" % len(seen))
        # Twenty swaps: back where they were, with 20 audit rows each.
        self.assertEqual(scalar("SELECT DATE_FORMAT(starts_at, '%%H:%%i') FROM sessions WHERE id = %d" % self.a),
                         "13:00")

    def test_move_to_a_room_and_a_stale_preview(self):
        token = self.token()
        club = scalar("SELECT id FROM rooms WHERE name = 'Club'")
        r = self.post(self.a, csrf=token, room_id=club, action="preview")
        self.assertEqual(r.status, 200, r.text[:500])
        self.assertIn("2026-06-12 13:00–13:20, Club", r.text)
        previewed = re.search(r'name="previewed" value="([^"]*)"', r.text).group(1)
        # Someone saves the session meanwhile: 409, nothing moves.
        page = S.get("/admin/session/%d" % self.a, headers={"Cookie": self.staff})
        self.assertEqual(S.post_form("/admin/session/%d" % self.a, dict(form_fields(page.text), title="Retitled"),
                                     headers={"Cookie": self.staff}).status, 303)
        r = self.post(self.a, csrf=token, room_id=club, previewed=previewed, action="save")
        self.assertEqual(r.status, 409, r.text[:500])
        self.assertEqual(scalar("SELECT r.name FROM sessions s JOIN rooms r ON r.id = s.room_id WHERE s.id = %d"
                                % self.a), "Hall")
        r = self.post(self.a, csrf=token, room_id=club, action="preview")
        previewed = re.search(r'name="previewed" value="([^"]*)"', r.text).group(1)
        r = self.post(self.a, csrf=token, room_id=club, previewed=previewed, action="save")
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(scalar("SELECT r.name FROM sessions s JOIN rooms r ON r.id = s.room_id WHERE s.id = %d"
                                % self.a), "Club")


def html_text(escaped_text):
    import html
    return html.unescape(escaped_text)


if __name__ == "__main__":
    unittest.main()
