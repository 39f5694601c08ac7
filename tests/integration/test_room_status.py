"""Room status for door volunteers (issue 17): one tap on
/admin/rooms/status says a room is full, starting late or moved; delegates
see it through nginx in the room's block on /now, in the banner of every
page and on the room's screen; it ends by itself when the session it is
about ends (no write, no request to trigger it), or with "Clear". Refusals
are 4xx and change nothing. How soon delegates see a tap is printed as a
figure ("figure: ...")."""

import datetime
import re
import time
import unittest
import zoneinfo

import stack as stackmod
from support import (StackTestCase, escaped, poll_until, start_module_stack, stop_module_stack,
                     wait_for_feed_version)

S = None


def setUpModule():
    global S
    S, _ = start_module_stack("roomstatus")


def tearDownModule():
    stop_module_stack(S)


def db(query):
    return S.sql(query, database="confsched").stdout.rstrip("\n")


def midday_zone():
    """A zone whose wall clock reads about noon now, so that the sessions
    this test puts around "now" never cross midnight, whenever it runs.
    (Etc/GMT-N is N hours ahead of UTC: POSIX signs.)"""
    ahead = 12 - datetime.datetime.now(datetime.timezone.utc).hour
    if ahead == 0:
        return "Etc/GMT"
    return "Etc/GMT%+d" % -ahead


CSV_HEADER = "guid,title,day,start,end,room,track,kind,status,speakers,abstract\n"


class RoomStatus(StackTestCase):
    def setUp(self):
        zone_name = midday_zone()
        self.zone = zoneinfo.ZoneInfo(zone_name)
        now = datetime.datetime.now(self.zone).replace(tzinfo=None, second=0, microsecond=0)
        day = now.strftime("%Y-%m-%d")
        hm = lambda t: t.strftime("%H:%M")  # noqa: E731
        self.hall_end = now + datetime.timedelta(minutes=50)
        self.side_end = now + datetime.timedelta(minutes=90)
        rows = [
            # On now in the Hall; next (not yet begun) in the Side room;
            # nothing more today in the Annex (its session is tomorrow).
            "rs-1,Keynote <now>,%s,%s,%s,Hall,,keynote,,Ada,\n" % (
                day, hm(now - datetime.timedelta(minutes=10)), hm(self.hall_end)),
            "rs-2,Workshop later,%s,%s,%s,Side,,workshop,,Bob,\n" % (
                day, hm(now + datetime.timedelta(minutes=30)), hm(self.side_end)),
            "rs-3,Tomorrow's talk,%s,10:00,11:00,Annex,,talk,,Cy,\n" % (
                (now + datetime.timedelta(days=1)).strftime("%Y-%m-%d")),
        ]
        path = S.path("rooms.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(CSV_HEADER + "".join(rows))
        S.cli("import", path, "--replace", "--time-zone", zone_name)
        wait_for_feed_version(S)
        self.room = {name: int(db("SELECT id FROM rooms WHERE name = '%s'" % name))
                     for name in ("Hall", "Side", "Annex")}
        self.staff = S.login(role=stackmod.STAFF_USER)
        self.delegate = S.login()

    # -- staff side ---------------------------------------------------------
    def page(self):
        r = S.get("/admin/rooms/status", headers={"Cookie": self.staff})
        self.assertEqual(r.status, 200, r.text[:300])
        self.assertEqual(r.header("Cache-Control"), "no-store")
        return r.text

    def section(self, page, room):
        m = re.search(r'<section class="room-status" id="room-%d".*?</section>' % self.room[room], page, re.S)
        self.assertIsNotNone(m, "no section for %s" % room)
        return m.group(0)

    def tap(self, room, status, moved_to=None, csrf=None):
        fields = {"csrf": csrf if csrf is not None else self.token(), "room_id": str(self.room[room]),
                  "status": status}
        if moved_to is not None:
            fields["moved_to"] = str(self.room[moved_to]) if moved_to in self.room else moved_to
        return S.post_form("/admin/rooms/status", fields, headers={"Cookie": self.staff})

    def token(self):
        return re.search(r'name="csrf" value="([^"]*)"', self.page()).group(1)

    def showing(self):
        """(room name, body, room_status) of every status showing, by room."""
        rows = db("SELECT r.name, a.body, a.room_status FROM announcements a JOIN rooms r ON r.id = a.room_id"
                  " WHERE a.room_status IS NOT NULL AND a.withdrawn_at IS NULL"
                  " AND a.expires_at > UTC_TIMESTAMP() ORDER BY r.name")
        return [tuple(line.split("\t")) for line in rows.split("\n") if line]

    def snapshot(self):
        return db("SELECT version FROM data_version"), db("SELECT COUNT(*), MAX(revision) FROM announcements")

    # -- delegate side ------------------------------------------------------
    def now_block(self, page, name):
        for block in re.findall(r'<li class="room-now">.*?</li>\n', page, re.S):
            if "<h2>%s</h2>" % escaped(name) in block:
                return block
        raise AssertionError("no block for %s on /now" % name)

    def screen(self, room):
        return S.cli("display-token", str(self.room[room])).stdout.strip()

    def delegate_get(self, path):
        r = S.get(path, headers={"Cookie": self.delegate})
        self.assertEqual(r.status, 200)
        return r.text

    # -- tests ---------------------------------------------------------------
    def test_full_reaches_now_the_banner_and_the_screen_and_ends_with_its_session(self):
        hall_screen, side_screen = self.screen("Hall"), self.screen("Side")
        for path in ("/now", "/schedule"):  # warm nginx's microcache and the workers
            self.delegate_get(path)
        text = "Full: no seats left"
        t0 = time.monotonic()
        r = self.tap("Hall", "full")
        self.assertEqual(r.status, 303, r.text[:400])
        self.assertEqual(r.header("Location"), "/admin/rooms/status?done=%d#room-%d" % ((self.room["Hall"],) * 2))
        poll_until(lambda: text in self.now_block(self.delegate_get("/now"), "Hall"),
                   "room_status.on_now", "the status in the Hall's block on /now", since=t0)
        poll_until(lambda: escaped(text) in S.get(hall_screen).text, "room_status.on_screen",
                   "the status on the Hall's screen", since=t0)
        poll_until(lambda: '<strong class="announcement-room">Hall:</strong> %s' % text
                   in self.delegate_get("/schedule"), "room_status.in_banner",
                   "the status in the banner of /schedule, after the room's name", since=t0)
        self.assertNotIn(text, self.now_block(self.delegate_get("/now"), "Side"))
        for _ in range(4):  # several workers
            self.assertNotIn(text, S.get(side_screen).text, "shown on another room's screen")
        # Staff see it, and it ends with the keynote: its end on the event's
        # clock, stored in UTC.
        self.assertIn("<strong>%s</strong> until %s" % (text, self.hall_end.strftime("%H:%M")),
                      self.section(self.page(), "Hall"))
        end_utc = self.hall_end.replace(tzinfo=self.zone).astimezone(datetime.timezone.utc)
        self.assertEqual(db("SELECT expires_at FROM announcements WHERE id = (SELECT MAX(id) FROM announcements)"),
                         end_utc.strftime("%Y-%m-%d %H:%M:%S"))
        audit = db("SELECT staff_name, action, JSON_VALUE(after_values, '$.room_status') FROM audit_log"
                   " WHERE entity = 'announcement' ORDER BY id DESC LIMIT 1")
        # The stack has no personal logins: the shared staff login's name.
        self.assertEqual(audit.split("\t"), ["staff (shared login)", "create", "full"])

        # The keynote's end, brought forward to a few seconds from now (as
        # if the clock had reached it): the status leaves every page with no
        # write and no request to trigger it.
        db("UPDATE announcements SET expires_at = UTC_TIMESTAMP() + INTERVAL 3 SECOND"
           " WHERE room_status = 'full' AND withdrawn_at IS NULL")
        wait_for_feed_version(S)
        version = db("SELECT version FROM data_version")
        t_end = time.monotonic() + 3
        stackmod.wait_until(lambda: time.monotonic() >= t_end, 10, 0.05)
        poll_until(lambda: text not in self.delegate_get("/now"), "room_status.ended_off_now",
                   "the ended status gone from /now", since=t_end)
        poll_until(lambda: escaped(text) not in S.get(hall_screen).text, "room_status.ended_off_screen",
                   "the ended status gone from the Hall's screen", since=t_end)
        self.assertNotIn(text, self.delegate_get("/schedule"))
        self.assertEqual(db("SELECT version FROM data_version"), version, "nothing was written at the end")
        self.assertEqual(self.showing(), [])
        self.assertNotIn("until", self.section(self.page(), "Hall"))

    def test_a_new_tap_replaces_the_status_and_clear_ends_it(self):
        hall_screen = self.screen("Hall")
        self.assertEqual(self.tap("Hall", "moved", moved_to="Side").status, 303)
        poll_until(lambda: "Moved to Side" in S.get(hall_screen).text, "room_status.moved_on_screen",
                   "“Moved to Side” on the Hall's screen")
        self.assertEqual(self.tap("Hall", "late").status, 303)
        self.assertEqual(self.showing(), [("Hall", "Starting late", "late")], "one status per room")
        poll_until(lambda: "Starting late" in S.get(hall_screen).text and "Moved to Side"
                   not in S.get(hall_screen).text, "room_status.replaced_on_screen",
                   "the new status in the old one's place")
        # The Side room's workshop has not begun: a status there is about it
        # and ends with it.
        self.assertEqual(self.tap("Side", "late").status, 303)
        side = self.section(self.page(), "Side")
        self.assertIn("Next: Workshop later", side)
        self.assertIn("<strong>Starting late</strong> until %s" % self.side_end.strftime("%H:%M"), side)
        self.assertEqual(self.tap("Hall", "clear").status, 303)
        self.assertEqual(self.showing(), [("Side", "Starting late", "late")])
        poll_until(lambda: "Starting late" not in self.now_block(self.delegate_get("/now"), "Hall"),
                   "room_status.cleared_off_now", "the cleared status gone from /now")
        # Moved; late (withdrawing moved first); late in Side; clear.
        actions = db("SELECT action FROM audit_log WHERE entity = 'announcement' ORDER BY id").split("\n")
        self.assertEqual(actions[-5:], ["create", "delete", "create", "create", "delete"])

    def test_refusals_are_4xx_and_change_nothing(self):
        before = self.snapshot()
        # Nothing more on in the Annex today: a status would end at once.
        r = self.tap("Annex", "full")
        self.assertEqual(r.status, 422)
        self.assertIn("nothing is on in Annex for the rest of today", r.text)
        self.assertIn("Nothing more on here today.", self.section(r.text, "Annex"))
        # "Moved" needs another room.
        for moved_to in ("", "Hall", "999999"):
            r = self.tap("Hall", "moved", moved_to=moved_to)
            self.assertEqual(r.status, 422, moved_to)
            self.assertIn("choose the room it moved to", r.text)
        self.assertEqual(self.tap("Hall", "bogus").status, 400)
        self.assertEqual(self.tap("Hall", "full", moved_to="x").status, 400)
        r = S.post_form("/admin/rooms/status", {"csrf": self.token(), "room_id": "999999", "status": "full"},
                        headers={"Cookie": self.staff})
        self.assertEqual(r.status, 404)
        self.assertEqual(self.tap("Hall", "full", csrf="").status, 403, "no CSRF token")
        self.assertEqual(self.tap("Hall", "full", csrf="x" + self.token()).status, 403, "a wrong CSRF token")
        # Delegates and strangers never reach it.
        r = S.post_form("/admin/rooms/status", {"room_id": str(self.room["Hall"]), "status": "full"},
                        headers={"Cookie": self.delegate})
        self.assertIn(r.status, (403, 303))
        self.assertEqual(S.get("/admin/rooms/status", headers={"Cookie": self.delegate}).status, 403)
        self.assertIn(S.get("/admin/rooms/status").status, (303, 401, 403))
        self.assertEqual(self.snapshot(), before)
        self.assertEqual(self.showing(), [])


if __name__ == "__main__":
    unittest.main()
