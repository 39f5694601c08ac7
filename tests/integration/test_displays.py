"""Issue 6, "for the venue": staff manage the rooms' screen links on
/admin/displays. Turning a screen on gives a working link; "new link" makes
the old one 403 at once and the new one 200; "off" makes it 403; posts
without a valid CSRF token, for an unknown room or with odd values are
refused and change nothing; delegates never reach the page; every change
is in the audit log; `confsched display-token` prints the current link and
turns an off screen on."""

import html
import json
import re
import unittest

import stack as stackmod
from support import StackTestCase, login_form, start_module_stack, stop_module_stack
from test_admin import hidden

S = None
NASTY = "<script>alert(1)</script> \"Screen\" & 'room'"
PAGE = "/admin/displays"


def setUpModule():
    global S
    S, _ = start_module_stack("displays")


def tearDownModule():
    stop_module_stack(S)


def scalar(sql):
    return S.sql(sql, database="confsched").stdout.strip()


def new_room(name):
    """A room of its own per test (screen off, as new rooms start)."""
    S.sql("INSERT INTO rooms (name, position) VALUES ('%s', 900)" % name.replace("'", "''"),
          database="confsched")
    return int(scalar("SELECT id FROM rooms WHERE name = '%s'" % name.replace("'", "''")))


def stored_nonce(room):
    return scalar("SELECT IFNULL(display_nonce, 'off') FROM rooms WHERE id = %d" % room)


def audit_rows(room):
    """(staff_name, before, after) of the room's display audit rows, oldest first."""
    out = scalar("SELECT staff_name, before_values, after_values FROM audit_log"
                 " WHERE entity = 'display' AND entity_id = %d AND action = 'update' ORDER BY id" % room)
    rows = []
    for line in filter(None, out.split("\n")):
        name, before, after = line.split("\t")
        rows.append((name, json.loads(before), json.loads(after)))
    return rows


class Displays(StackTestCase):
    def setUp(self):
        self.staff = S.login(role=stackmod.STAFF_USER)

    def page(self):
        r = S.get(PAGE, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 200, r.text[:300])
        return r

    def row(self, text, room):
        m = re.search(r'<li id="room-%d">(.*?)</li>' % room, text, re.S)
        self.assertIsNotNone(m, "room %d is not listed on %s" % (room, PAGE))
        return m.group(1)

    def link_of(self, room):
        """The room's link as the page shows it, or None when it is off."""
        m = re.search(r'<a class="display-link" href="([^"]*)">([^<]*)</a>', self.row(self.page().text, room))
        if not m:
            return None
        path = html.unescape(m.group(1))
        self.assertTrue(html.unescape(m.group(2)).endswith(path), "the shown address is not the link")
        self.assertRegex(path, r"^/display/%d\?token=[A-Za-z0-9_-]{43}$" % room)
        return path

    def post(self, room, action, csrf=None, cookie=None):
        fields = {"room": str(room), "action": action}
        fields["csrf"] = csrf if csrf is not None else hidden(self.page().text, "csrf")
        return S.post_form(PAGE, fields, headers={"Cookie": cookie or self.staff})

    def assertOpens(self, path, room_name):
        # Several times: each request may reach another worker.
        for _ in range(6):
            r = S.get(path)
            self.assertEqual(r.status, 200, "%s: %r" % (path, r))
            self.assertIn(html.escape(room_name, quote=False), r.text)
            self.assertNoCookie(r, path)

    def assertRefused(self, path):
        for _ in range(6):
            r = S.get(path)
            self.assertEqual(r.status, 403, "%s: %r" % (path, r))
            self.assertIsNone(login_form(r.text), "%s offers a login form" % path)

    def test_the_page_lists_every_room_for_staff_and_is_never_stored(self):
        room = new_room(NASTY)
        r = self.page()
        self.assertHtmlPage(r, PAGE)
        self.assertNoStore(r, PAGE)
        listed = set(int(i) for i in re.findall(r'<li id="room-(\d+)">', r.text))
        every = set(int(i) for i in scalar("SELECT id FROM rooms").split())
        self.assertEqual(listed, every)
        row = self.row(r.text, room)
        self.assertNotIn("<script>alert(1)", r.text)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", row)
        self.assertIn('value="link">Turn on</button>', row)
        self.assertNotIn("display-link", row)
        self.assertIn('href="/admin/displays"', S.get("/admin", headers={"Cookie": self.staff}).text)

    def test_turn_on_new_link_and_off(self):
        name = "Screen test hall"
        room = new_room(name)
        self.assertIsNone(self.link_of(room))
        r = self.post(room, "link")
        self.assertRedirectTo(r, "/admin/displays?done=link", "turn on")
        self.assertTrue(r.header("Location").endswith("#room-%d" % room), r.header("Location"))
        first = self.link_of(room)
        self.assertIsNotNone(first, "turned on but no link shown")
        self.assertIn("New link", self.row(self.page().text, room))
        self.assertOpens(first, name)

        # A new link: the old one is refused as soon as staff see the answer.
        self.assertEqual(self.post(room, "link").status, 303)
        second = self.link_of(room)
        self.assertNotEqual(first, second)
        self.assertRefused(first)
        self.assertOpens(second, name)

        self.assertEqual(self.post(room, "off").status, 303)
        self.assertIsNone(self.link_of(room))
        self.assertEqual(stored_nonce(room), "off")
        self.assertRefused(second)
        self.assertRefused(first)

        # On again: a link never seen before, not one of the old ones.
        self.assertEqual(self.post(room, "link").status, 303)
        third = self.link_of(room)
        self.assertNotIn(third, (first, second))
        self.assertOpens(third, name)
        self.assertRefused(second)

        rows = audit_rows(room)
        self.assertEqual([(b["screen"], a["screen"]) for _, b, a in rows],
                         [("off", "on"), ("on", "on"), ("on", "off"), ("off", "on")])
        self.assertTrue(all(n == "staff (shared login)" and b["room"] == name for n, b, _ in rows), rows)
        self.assertNotEqual(rows[1][1]["link"], rows[1][2]["link"], "a new link kept its nonce")

        # Off twice: the second changes nothing and writes no audit row.
        self.assertEqual(self.post(room, "off").status, 303)
        self.assertEqual(self.post(room, "off").status, 303)
        self.assertEqual(len(audit_rows(room)), 5)

    def test_posts_without_a_valid_csrf_token_change_nothing(self):
        room = new_room("CSRF room")
        self.post(room, "link")
        before = stored_nonce(room)
        page = self.page().text
        token = hidden(page, "csrf")
        for csrf in ("", "x" * len(token), token[:-1] + ("A" if token[-1] != "A" else "B")):
            for action in ("link", "off"):
                r = self.post(room, action, csrf=csrf)
                self.assertEqual(r.status, 403, "csrf %r: %r" % (csrf, r))
        r = S.post_form(PAGE, {"room": str(room), "action": "off"}, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 403)
        self.assertEqual(stored_nonce(room), before)
        self.assertEqual(len(audit_rows(room)), 1)

    def test_unknown_rooms_and_odd_values_are_refused(self):
        room = new_room("Odd values room")
        missing = int(scalar("SELECT MAX(id) FROM rooms")) + 1000
        for action in ("link", "off"):
            self.assertEqual(self.post(missing, action).status, 404, action)
        self.assertEqual(scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'display'"
                                " AND entity_id = %d" % missing), "0")
        for room_field, action in ((str(room), "on"), (str(room), ""), ("abc", "link"), ("", "link"),
                                   ("-1", "link"), ("0", "link"), (str(room) + " ", "link")):
            r = S.post_form(PAGE, {"room": room_field, "action": action,
                                   "csrf": hidden(self.page().text, "csrf")},
                            headers={"Cookie": self.staff})
            self.assertEqual(r.status, 400, "room %r action %r: %r" % (room_field, action, r))
        self.assertEqual(stored_nonce(room), "off")
        self.assertEqual(audit_rows(room), [])
        # A screen of an unknown room is a 403 like any bad link, never a
        # hint which room ids exist.
        self.assertRefused("/display/%d?token=%s" % (missing, "A" * 43))

    def test_delegates_and_strangers_never_reach_the_page(self):
        room = new_room("Access room")
        delegate = S.login()
        self.assertEqual(S.get(PAGE, headers={"Cookie": delegate}).status, 403)
        self.assertLoginRedirect(S.get(PAGE), PAGE, "signed out")
        token = hidden(self.page().text, "csrf")
        for cookie in (delegate, None):
            r = S.post_form(PAGE, {"room": str(room), "action": "link", "csrf": token},
                            headers={"Cookie": cookie})
            self.assertIn(r.status, (303, 403), r)
            if r.status == 303:
                self.assertEqual(stackmod.location_path(S, r).split("?")[0], "/login")
        self.assertEqual(stored_nonce(room), "off")

    def test_the_command_prints_the_current_link_and_turns_a_screen_on(self):
        name = "Command room"
        room = new_room(name)
        out = S.cli("display-token", str(room))
        path = out.stdout.strip()
        self.assertIn("was off; it is on now", out.stderr)
        self.assertEqual(path, self.link_of(room))
        self.assertOpens(path, name)
        again = S.cli("display-token", str(room))
        self.assertEqual(again.stdout.strip(), path, "asking again must not change the link")
        self.assertEqual(again.stderr, "")
        rows = audit_rows(room)
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][0], "command line: display-token")
        missing = S.cli("display-token", str(room + 1000), check=False)
        self.assertEqual(missing.returncode, 1)
        self.assertEqual(missing.stdout, "")
        self.assertIn("no room", missing.stderr)


if __name__ == "__main__":
    unittest.main()
