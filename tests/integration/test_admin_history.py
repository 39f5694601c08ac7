"""The history of every session under /admin/session/<id>/history, one-click
restore (optimistic locking, CSRF, values that no longer validate), and the
name the audit log records for the shared staff login."""

import html
import re
import time
import unittest

import stack as stackmod
from support import StackTestCase, cache_directives, poll_until, start_module_stack, stop_module_stack
from test_admin import escaped, form_fields, hidden

S = None
IDS = None
# What audit rows record for the shared staff login (model/staff_member.h).
SHARED_NAME = "staff (shared login)"


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("history")


def tearDownModule():
    stop_module_stack(S)


ENTRY = re.compile(r'<li class="history-entry action-(\w+)" id="entry-(\d+)">(.*?)</li>', re.S)
CHANGE = re.compile(r'<tr class="change-([a-z_]+)"><th scope="row">[^<]*</th><td class="before pre">(.*?)</td>'
                    r'<td class="arrow">→</td><td class="after pre">(.*?)</td></tr>', re.S)


def entries(page):
    """The history's entries, newest first: dicts with audit_id, raw html,
    staff_name (as shown, unescaped), client_addr, action, changes
    {key: (before, after)} and the restore forms' fields."""
    out = []
    for action, audit_id, body in ENTRY.findall(page):
        who = re.search(r'<span class="when">([^<]*)</span> · <strong class="staff-name">(.*?)</strong>'
                        r'.*?<span class="client-addr">([^<]*)</span>', body, re.S)
        forms = []
        for form in re.findall(r'<form method="post" action="([^"]*)" class="restore">(.*?)</form>', body, re.S):
            fields = {n: html.unescape(v) for n, v in re.findall(r'name="([a-z_]+)" value="([^"]*)"', form[1])}
            forms.append((form[0], fields))
        out.append({
            "audit_id": int(audit_id), "html": body, "time": who.group(1),
            "staff_name": html.unescape(who.group(2)), "client_addr": who.group(3), "action": action,
            "changes": {k: (html.unescape(b), html.unescape(a)) for k, b, a in CHANGE.findall(body)},
            "forms": forms,
        })
    return out


class HistoryTestCase(StackTestCase):
    def setUp(self):
        self.staff = S.login(role=stackmod.STAFF_USER)

    def get(self, path, cookie=None):
        return S.get(path, headers={"Cookie": cookie or self.staff})

    def edit(self, sid, cookie=None, **changes):
        cookie = cookie or self.staff
        page = self.get("/admin/session/%d" % sid, cookie)
        self.assertEqual(page.status, 200, page.text[:300])
        r = S.post_form("/admin/session/%d" % sid, dict(form_fields(page.text), **changes), headers={"Cookie": cookie})
        self.assertEqual(r.status, 303, r.text[:500])

    def history(self, sid, cookie=None):
        r = self.get("/admin/session/%d/history" % sid, cookie)
        self.assertEqual(r.status, 200, r.text[:500])
        self.assertIn("no-store", cache_directives(r))
        self.assertHtmlPage(r, "history")
        return r

    def restore(self, sid, fields, cookie=None):
        return S.post_form("/admin/session/%d/restore" % sid, fields, headers={"Cookie": cookie or self.staff})

    def stored(self, sid):
        row = S.sql("SELECT title, revision, room_id FROM sessions WHERE id = %d" % sid,
                    database="confsched").stdout.rstrip("\n").split("\t")
        return row[0], int(row[1]), int(row[2])

    def audit_count(self, sid):
        return int(S.sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'session' AND entity_id = %d" % sid,
                         database="confsched").stdout.strip())


class AuditName(HistoryTestCase):
    """Who the history names: the shared staff login as such (personal
    logins, whose names it records instead, are test_staff_people's)."""

    def test_edits_with_the_shared_login_are_recorded_as_such(self):
        sid = IDS.take()
        self.edit(sid, title="Shared edit %d" % sid)
        newest = entries(self.history(sid).text)[0]
        self.assertEqual(newest["staff_name"], SHARED_NAME)
        self.assertEqual(newest["client_addr"], "127.0.0.1")
        self.assertRegex(newest["time"], r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")
        self.assertEqual(S.sql("SELECT staff_name FROM audit_log WHERE entity_id = %d ORDER BY id DESC LIMIT 1"
                               % sid, database="confsched").stdout.strip(), SHARED_NAME)


class History(HistoryTestCase):
    def test_two_edits_show_newest_first_with_before_and_after(self):
        sid = IDS.take()
        original, _, _ = self.stored(sid)
        cookie = self.staff
        self.edit(sid, cookie, title="First edit %d" % sid)
        self.edit(sid, cookie, title="Second edit %d" % sid, status="moved", abstract="Now with <b>markup</b>.")
        page = self.history(sid).text
        self.assertIn('href="/admin/session/%d"' % sid, page, "a link back to the edit form")
        found = entries(page)
        self.assertEqual(len(found), 2)
        second, first = found
        self.assertGreater(second["audit_id"], first["audit_id"], "newest first")
        self.assertEqual(first["action"], "update")
        self.assertEqual(first["changes"], {"title": (original, "First edit %d" % sid)})
        self.assertEqual(second["changes"]["title"], ("First edit %d" % sid, "Second edit %d" % sid))
        self.assertEqual(second["changes"]["status"], ("scheduled", "moved"))
        self.assertEqual(second["changes"]["abstract"][1], "Now with <b>markup</b>.")
        self.assertNotIn("<b>markup</b>", page)
        self.assertEqual(set(second["changes"]), {"title", "status", "abstract"}, "unchanged fields are not listed")
        for e in found:
            self.assertEqual(e["staff_name"], SHARED_NAME)
            self.assertEqual(len([f for f in e["forms"] if "version" not in f[1]]), 1, "one restore button each")

    def test_the_edit_page_links_to_the_history(self):
        sid = IDS.take()
        r = self.get("/admin/session/%d" % sid)
        self.assertIn('<a href="/admin/session/%d/history">' % sid, r.text)
        self.assertIn("No change by staff has been recorded", self.history(sid).text)

    def test_unknown_session_is_404_and_other_methods_are_refused(self):
        self.assertEqual(self.get("/admin/session/999999/history").status, 404)
        self.assertEqual(self.get("/admin/session/0/history").status, 404)
        self.assertEqual(self.get("/admin/session/%d/history/" % IDS.take()).status, 404)
        sid = IDS.take()
        r = self.get("/admin/session/%d/restore" % sid)
        self.assertEqual(r.status, 405)
        self.assertEqual(r.header("Allow"), "POST")
        r = S.post_form("/admin/session/%d/history" % sid, {}, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 405)

    def test_delegates_are_refused_and_signed_out_users_sent_to_login(self):
        sid = IDS.take()
        self.edit(sid, title="Guarded %d" % sid)
        delegate = S.login()
        self.assertEqual(self.get("/admin/session/%d/history" % sid, delegate).status, 403)
        r = S.get("/admin/session/%d/history" % sid)
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/login?next=/admin/session/%d/history" % sid)
        # A delegate holding a staff form's fields still cannot restore.
        fields = entries(self.history(sid).text)[0]["forms"][0][1]
        before = self.stored(sid)
        self.assertEqual(self.restore(sid, fields, delegate).status, 403)
        self.assertEqual(self.stored(sid), before)


class Restore(HistoryTestCase):
    def test_restoring_the_first_version_reaches_the_edit_page_and_delegates(self):
        sid = IDS.take()
        original, _, _ = self.stored(sid)
        delegate = S.login()
        cookie = self.staff
        first_title = "Restorable <first> & %d" % sid
        self.edit(sid, cookie, title=first_title)
        self.edit(sid, cookie, title="Unwanted second %d" % sid, status="cancelled")
        for _ in range(2):  # fill the microcache and the workers with the second version
            self.assertIn(escaped("Unwanted second %d" % sid), S.get("/schedule", headers={"Cookie": delegate}).text)
        _, revision, _ = self.stored(sid)
        count = self.audit_count(sid)

        first = entries(self.history(sid).text)[-1]
        action, fields = [f for f in first["forms"] if "version" not in f[1]][0]
        self.assertEqual(action, "/admin/session/%d/restore" % sid)
        self.assertEqual(int(fields["revision"]), revision)
        r = self.restore(sid, fields, cookie)
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(r.header("Location"), "/admin/session/%d?saved=1" % sid)

        self.assertEqual(self.stored(sid)[:2], (first_title, revision + 1))
        self.assertEqual(self.audit_count(sid), count + 1)
        edit = self.get("/admin/session/%d?saved=1" % sid).text
        self.assertEqual(form_fields(edit)["title"], first_title)
        self.assertEqual(form_fields(edit)["status"], "scheduled")
        poll_until(lambda: escaped(first_title) in S.get("/schedule", headers={"Cookie": delegate}).text,
                   "admin_history.restored_title_on_schedule", "the restored title on /schedule")

        newest = entries(self.history(sid).text)[0]
        self.assertEqual(newest["action"], "restore")
        self.assertEqual(newest["staff_name"], SHARED_NAME)
        self.assertEqual(newest["changes"]["title"], ("Unwanted second %d" % sid, first_title))
        self.assertEqual(newest["changes"]["status"], ("cancelled", "scheduled"))
        row = S.sql("SELECT action, staff_name, JSON_VALUE(before_values, '$.title'), JSON_VALUE(after_values, '$.title')"
                    " FROM audit_log WHERE entity_id = %d ORDER BY id DESC LIMIT 1" % sid,
                    database="confsched").stdout.rstrip("\n").split("\t")
        self.assertEqual(row, ["restore", SHARED_NAME, "Unwanted second %d" % sid, first_title])

        # The oldest entry also offers the version before any staff change.
        oldest = entries(self.history(sid).text)[-1]
        before_forms = [f[1] for f in oldest["forms"] if f[1].get("version") == "before"]
        self.assertEqual(len(before_forms), 1)
        self.assertEqual(self.restore(sid, before_forms[0]).status, 303)
        self.assertEqual(self.stored(sid)[0], original)

    def test_a_stale_revision_is_409_and_changes_nothing(self):
        sid = IDS.take()
        self.edit(sid, title="Stale one %d" % sid)
        fields = entries(self.history(sid).text)[0]["forms"][0][1]
        self.edit(sid, title="Moved on %d" % sid)  # someone saves meanwhile
        before, count = self.stored(sid), self.audit_count(sid)
        r = self.restore(sid, fields)
        self.assertEqual(r.status, 409, r.text[:500])
        self.assertIn("no-store", cache_directives(r))
        self.assertIn("someone changed this session after you opened its history", r.text)
        self.assertIn('<a href="/admin/session/%d/history">' % sid, r.text)
        self.assertEqual(self.stored(sid), before)
        self.assertEqual(self.audit_count(sid), count)
        # The 409 page is the history as it is now: restoring from it works.
        again = [f[1] for f in entries(r.text)[-1]["forms"] if "version" not in f[1]][0]
        self.assertEqual(int(again["revision"]), before[1])
        self.assertEqual(self.restore(sid, again).status, 303)
        self.assertEqual(self.stored(sid)[0], "Stale one %d" % sid)

    def test_without_csrf_token_is_403_and_changes_nothing(self):
        sid = IDS.take()
        self.edit(sid, title="Token one %d" % sid)
        self.edit(sid, title="Token two %d" % sid)
        fields = entries(self.history(sid).text)[-1]["forms"][0][1]
        before, count = self.stored(sid), self.audit_count(sid)
        for token in (None, "", "forged" + fields["csrf"][6:]):
            f = dict(fields)
            if token is None:
                del f["csrf"]
            else:
                f["csrf"] = token
            self.assertEqual(self.restore(sid, f).status, 403, "csrf=%r" % token)
        self.assertEqual(self.stored(sid), before)
        self.assertEqual(self.audit_count(sid), count)

    def test_malformed_or_foreign_entries_are_refused(self):
        sid, other = IDS.take(), IDS.take()
        self.edit(sid, title="Mine %d" % sid)
        self.edit(other, title="Other %d" % other)
        fields = entries(self.history(sid).text)[0]["forms"][0][1]
        foreign = entries(self.history(other).text)[0]["audit_id"]
        before = self.stored(sid)
        self.assertEqual(self.restore(sid, dict(fields, audit_id=str(foreign))).status, 404,
                         "an entry of another session")
        self.assertEqual(self.restore(sid, dict(fields, audit_id="99999999")).status, 404)
        for bad in ({"audit_id": "x"}, {"audit_id": ""}, {"revision": "-1"}, {"version": "sideways"}):
            self.assertEqual(self.restore(sid, dict(fields, **bad)).status, 400, bad)
        self.assertEqual(self.restore(999999, fields).status, 404)
        self.assertEqual(self.stored(sid), before)

    def test_values_that_are_no_longer_valid_are_409_and_change_nothing(self):
        sid = IDS.take()
        room = "Temporary room %d" % sid
        S.sql("INSERT INTO rooms (name, position) VALUES ('%s', 99)" % room, database="confsched")
        room_id = int(S.sql("SELECT id FROM rooms WHERE name = '%s'" % room, database="confsched").stdout.strip())
        _, _, home_room = self.stored(sid)
        self.edit(sid, title="In the temporary room %d" % sid, room_id=str(room_id))
        self.edit(sid, title="Back home %d" % sid, room_id=str(home_room))
        S.sql("DELETE FROM rooms WHERE id = %d" % room_id, database="confsched")

        page = self.history(sid).text
        self.assertIn("room %d (deleted)" % room_id, page)
        fields = [f[1] for f in entries(page)[-1]["forms"] if "version" not in f[1]][0]
        before, count = self.stored(sid), self.audit_count(sid)
        r = self.restore(sid, fields)
        self.assertEqual(r.status, 409, r.text[:500])
        self.assertIn("This version cannot be restored: its room no longer exists.", r.text)
        self.assertIn("Nothing was changed.", r.text)
        self.assertIn('<a href="/admin/session/%d/history">' % sid, r.text)
        self.assertEqual(self.stored(sid), before)
        self.assertEqual(self.audit_count(sid), count)

    def test_a_version_holding_a_bidi_override_is_409_and_changes_nothing(self):
        """Entries written before the rule (or by hand) may hold what the
        form now refuses: restoring one is refused like any value that no
        longer validates, naming the character, and not a server error."""
        sid = IDS.take()
        self.edit(sid, title="Harmless first %d" % sid)
        self.edit(sid, title="Second %d" % sid)
        first = entries(self.history(sid).text)[-1]
        S.sql("UPDATE audit_log SET after_values = JSON_SET(after_values, '$.title', "
              "CONCAT('Evil', CHAR(0xE280AE USING utf8mb4), 'eman')) WHERE id = %d" % first["audit_id"],
              database="confsched")
        fields = [f[1] for f in entries(self.history(sid).text)[-1]["forms"] if "version" not in f[1]][0]
        before, count = self.stored(sid), self.audit_count(sid)
        r = self.restore(sid, fields)
        self.assertEqual(r.status, 409, r.text[:500])
        self.assertIn(html.escape("This version cannot be restored: its title is not valid any more (The title "
                                  "contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text display in a "
                                  "misleading order).", quote=False), r.text)
        self.assertIn("Nothing was changed.", r.text)
        self.assertEqual(self.stored(sid), before)
        self.assertEqual(self.audit_count(sid), count)


if __name__ == "__main__":
    unittest.main()
