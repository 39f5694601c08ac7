"""The history of every session under /admin/session/<id>/history, one-click
restore (optimistic locking, CSRF, values that no longer validate), and the
staff display name that the audit log records."""

import html
import re
import time
import unittest
import urllib.parse

import stack as stackmod
from support import StackTestCase, cache_directives, poll_until, start_module_stack, stop_module_stack
from test_admin import escaped, form_fields, hidden

S = None
IDS = None
SESSION_HOURS = 5  # an unusual lifetime, so the name cookie's Max-Age is seen to follow it


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("history", ini_overrides={"auth.session_hours": str(SESSION_HOURS)})


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

    def set_name(self, name, cookie=None, https=False):
        """Posts the name form from /admin; returns the response."""
        cookie = cookie or self.staff
        page = S.get("/admin", headers={"Cookie": cookie}, https=https)
        self.assertEqual(page.status, 200)
        token = re.search(r'<form method="post" action="/admin/name" class="staff-name">\s*'
                          r'<input type="hidden" name="csrf" value="([^"]*)"', page.text).group(1)
        return S.post_form("/admin/name", {"csrf": html.unescape(token), "display_name": name},
                           headers={"Cookie": cookie}, https=https)

    def name_cookie(self, name):
        r = self.set_name(name)
        self.assertEqual(r.status, 303, r.text[:500])
        for value in r.set_cookies():
            n, v, _ = stackmod.parse_set_cookie(value)
            if n == "confsched_staff_name":
                return "%s; confsched_staff_name=%s" % (self.staff, v)
        self.fail("no name cookie set: %r" % r.set_cookies())

    def stored(self, sid):
        row = S.sql("SELECT title, revision, room_id FROM sessions WHERE id = %d" % sid,
                    database="confsched").stdout.rstrip("\n").split("\t")
        return row[0], int(row[1]), int(row[2])

    def audit_count(self, sid):
        return int(S.sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'session' AND entity_id = %d" % sid,
                         database="confsched").stdout.strip())


class DisplayName(HistoryTestCase):
    def test_name_is_kept_in_a_cookie_shown_on_admin_and_recorded_in_the_history(self):
        r = self.set_name("  Ada Lovelace  ")
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(stackmod.location_path(S, r), "/admin")
        self.assertIn("no-store", cache_directives(r))
        cookies = [stackmod.parse_set_cookie(v) for v in r.set_cookies()]
        self.assertEqual(len(cookies), 1, r.set_cookies())
        name, value, attrs = cookies[0]
        self.assertEqual(name, "confsched_staff_name")
        self.assertEqual(urllib.parse.unquote(value), "Ada Lovelace")
        self.assertEqual(attrs.get("path"), "/")
        self.assertIs(attrs.get("httponly"), True)
        self.assertEqual(attrs.get("samesite"), "Lax")
        self.assertEqual(attrs.get("max-age"), str(SESSION_HOURS * 3600))
        self.assertNotIn("secure", attrs, "no Secure over plain http")

        cookie = "%s; confsched_staff_name=%s" % (self.staff, value)
        page = self.get("/admin", cookie).text
        self.assertIn("The history records your changes as <strong>Ada Lovelace</strong>.", page)
        self.assertRegex(page, r'name="display_name" type="text"[^>]* value="Ada Lovelace"')
        self.assertIn("show as “staff”", self.get("/admin").text, "without the cookie no name is shown")

        sid = IDS.take()
        self.edit(sid, cookie, title="Named edit %d" % sid)
        newest = entries(self.history(sid).text)[0]
        self.assertEqual(newest["staff_name"], "Ada Lovelace")
        self.assertEqual(newest["client_addr"], "127.0.0.1")
        self.assertRegex(newest["time"], r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")
        self.assertEqual(S.sql("SELECT staff_name FROM audit_log WHERE entity_id = %d ORDER BY id DESC LIMIT 1"
                               % sid, database="confsched").stdout.strip(), "Ada Lovelace")

    def test_over_https_the_name_cookie_is_secure(self):
        staff = S.login(role=stackmod.STAFF_USER, https=True)
        r = self.set_name("Grace", cookie=staff, https=True)
        self.assertEqual(r.status, 303, r.text[:500])
        _, _, attrs = stackmod.parse_set_cookie(r.set_cookies()[0])
        self.assertIs(attrs.get("secure"), True)

    def test_without_a_name_edits_are_recorded_as_staff(self):
        sid = IDS.take()
        self.edit(sid, title="Anonymous edit %d" % sid)
        self.assertEqual(entries(self.history(sid).text)[0]["staff_name"], "staff")

    def test_invalid_names_are_422_with_what_was_typed_and_set_nothing(self):
        for typed, message in (("", "Please give a name"), ("   ", "Please give a name"),
                               ("x" * 61, "at most 60 characters"),
                               ("two\nlines", "contains a line break (U+000A LINE FEED) but must be one line"),
                               ("evil\u202eeman", "contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text "
                                                   "display in a misleading order")):
            r = self.set_name(typed)
            self.assertEqual(r.status, 422, "%r: %s" % (typed, r.text[:300]))
            self.assertHtmlPage(r, "422 name")
            self.assertIn("no-store", cache_directives(r))
            self.assertEqual(r.set_cookies(), [], typed)
            self.assertIn(message, r.text)
            shown = re.search(r'name="display_name" type="text"[^>]* value="([^"]*)"', r.text).group(1)
            # A one-line <input> cannot hold a line break: the escaper writes it as a space.
            self.assertEqual(html.unescape(shown), typed.replace("\n", " "), "the typed value comes back")
        # Sixty characters of two bytes each are fine: characters, not bytes.
        self.assertEqual(self.set_name("é" * 60).status, 303)

    def test_name_post_without_csrf_is_403_and_sets_nothing(self):
        for fields in ({"display_name": "Mallory"}, {"display_name": "Mallory", "csrf": "forged"}):
            r = S.post_form("/admin/name", fields, headers={"Cookie": self.staff})
            self.assertEqual(r.status, 403)
            self.assertEqual(r.set_cookies(), [])

    def test_a_forged_name_cookie_is_recorded_as_staff(self):
        sid = IDS.take()
        self.edit(sid, "%s; confsched_staff_name=bad%%0Aname" % self.staff, title="Forged %d" % sid)
        self.assertEqual(entries(self.history(sid).text)[0]["staff_name"], "staff")

    def test_a_markup_name_is_escaped_in_the_history(self):
        payload = "<script>alert('x')</script><img src=x onerror=alert(1)>"
        cookie = self.name_cookie(payload)
        sid = IDS.take()
        self.edit(sid, cookie, title="XSS name %d" % sid)
        page = self.history(sid).text
        self.assertNotIn("<script>alert", page)
        self.assertNotIn("<img src=x", page)
        self.assertIn(escaped(payload), page)
        self.assertEqual(entries(page)[0]["staff_name"], payload)
        self.assertIn(escaped(payload), self.get("/admin", cookie).text)


class History(HistoryTestCase):
    def test_two_edits_show_newest_first_with_before_and_after(self):
        sid = IDS.take()
        original, _, _ = self.stored(sid)
        cookie = self.name_cookie("Editor One")
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
            self.assertEqual(e["staff_name"], "Editor One")
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
        # A delegate holding a staff form's fields still cannot restore or rename.
        fields = entries(self.history(sid).text)[0]["forms"][0][1]
        before = self.stored(sid)
        self.assertEqual(self.restore(sid, fields, delegate).status, 403)
        self.assertEqual(S.post_form("/admin/name", {"display_name": "x", "csrf": fields["csrf"]},
                                     headers={"Cookie": delegate}).status, 403)
        self.assertEqual(self.stored(sid), before)


class Restore(HistoryTestCase):
    def test_restoring_the_first_version_reaches_the_edit_page_and_delegates(self):
        sid = IDS.take()
        original, _, _ = self.stored(sid)
        delegate = S.login()
        cookie = self.name_cookie("Restorer")
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
        self.assertEqual(newest["staff_name"], "Restorer")
        self.assertEqual(newest["changes"]["title"], ("Unwanted second %d" % sid, first_title))
        self.assertEqual(newest["changes"]["status"], ("cancelled", "scheduled"))
        row = S.sql("SELECT action, staff_name, JSON_VALUE(before_values, '$.title'), JSON_VALUE(after_values, '$.title')"
                    " FROM audit_log WHERE entity_id = %d ORDER BY id DESC LIMIT 1" % sid,
                    database="confsched").stdout.rstrip("\n").split("\t")
        self.assertEqual(row, ["restore", "Restorer", "Unwanted second %d" % sid, first_title])

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
