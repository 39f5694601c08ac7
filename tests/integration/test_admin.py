"""Staff editing under /admin: access, CSRF, validation that keeps what
was typed, optimistic locking with a 409 that shows both versions, the
audit log, and delegates seeing a saved change within 3 s through nginx."""

import html
import re
import time
import unittest

import stack as stackmod
from support import StackTestCase, cache_directives, poll, start_module_stack, stop_module_stack

S = None
IDS = None


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("admin")


def tearDownModule():
    stop_module_stack(S)


def hidden(page, name):
    m = re.search(r'<input type="hidden" name="%s" value="([^"]*)"' % name, page)
    if not m:
        raise AssertionError("no hidden field %s in the form" % name)
    return html.unescape(m.group(1))


def escaped(text):
    """As ctemplate's HTML auto-escaping writes text."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def form_fields(page):
    """The edit form's current values, as a browser would submit them."""
    fields = {"csrf": hidden(page, "csrf"), "revision": hidden(page, "revision")}
    for name in ("title", "day", "start", "end"):
        m = re.search(r'name="%s" type="[a-z]+"[^>]* value="([^"]*)"' % name, page)
        fields[name] = html.unescape(m.group(1)) if m else ""
    m = re.search(r'<textarea id="abstract" name="abstract" rows="8">(.*?)</textarea>', page, re.S)
    fields["abstract"] = html.unescape(m.group(1)) if m else ""
    for name in ("room_id", "track_id", "kind", "status"):
        select = re.search(r'<select id="%s" name="%s">(.*?)</select>' % (name, name), page, re.S).group(1)
        chosen = re.search(r'<option value="([^"]*)" selected>', select)
        fields[name] = chosen.group(1) if chosen else ""
    return fields


class AdminTestCase(StackTestCase):
    def setUp(self):
        self.staff = S.login(role=stackmod.STAFF_USER)

    def edit_page(self, sid):
        r = S.get("/admin/session/%d" % sid, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 200, r.text[:300])
        return r

    def stored_title(self, sid):
        return S.sql("SELECT title FROM sessions WHERE id = %d" % sid, database="confsched").stdout.rstrip("\n")


class Access(AdminTestCase):
    def test_signed_out_goes_to_login_and_delegates_are_refused(self):
        r = S.get("/admin")
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/login?next=/admin")
        r = S.get("/admin", headers={"Cookie": S.login()})
        self.assertEqual(r.status, 403)
        r = S.get("/admin/session/%d" % IDS.take(), headers={"Cookie": S.login()})
        self.assertEqual(r.status, 403)

    def test_staff_sees_the_programme_list_never_stored(self):
        r = S.get("/admin", headers={"Cookie": self.staff})
        self.assertEqual(r.status, 200)
        self.assertIn("no-store", cache_directives(r))
        self.assertGreaterEqual(len(set(re.findall(r'href="/admin/session/(\d+)"', r.text))), 150)
        self.assertIsNone(r.header("X-Cache"), "admin pages must not go through the microcache")

    def test_staff_may_read_delegate_pages(self):
        self.assertEqual(S.get("/schedule", headers={"Cookie": self.staff}).status, 200)


class Editing(AdminTestCase):
    def test_post_without_csrf_token_is_403_and_changes_nothing(self):
        sid = IDS.take()
        before = self.stored_title(sid)
        fields = form_fields(self.edit_page(sid).text)
        for token in (None, "", "forged" + fields["csrf"][6:]):
            f = dict(fields, title="Changed without a token")
            if token is None:
                del f["csrf"]
            else:
                f["csrf"] = token
            r = S.post_form("/admin/session/%d" % sid, f, headers={"Cookie": self.staff})
            self.assertEqual(r.status, 403, "csrf=%r" % token)
        self.assertEqual(self.stored_title(sid), before)

    def test_a_token_from_another_staff_session_is_refused(self):
        sid = IDS.take()
        fields = form_fields(self.edit_page(sid).text)
        other = S.login(role=stackmod.STAFF_USER)
        time.sleep(1.1)  # a later expiry, so a different cookie
        other = S.login(role=stackmod.STAFF_USER)
        self.assertNotEqual(other, self.staff)
        r = S.post_form("/admin/session/%d" % sid, dict(fields, title="x"), headers={"Cookie": other})
        self.assertEqual(r.status, 403)

    def test_saved_change_reaches_delegates_within_3_s_and_is_escaped(self):
        sid = IDS.take()
        delegate = S.login()
        # Fill nginx's microcache and the workers' memory with the old page.
        for _ in range(3):
            self.assertEqual(S.get("/schedule", headers={"Cookie": delegate}).status, 200)
        title = "<script>alert(1)</script> ' OR 1=1; -- \"quoted\" & %d" % sid
        fields = form_fields(self.edit_page(sid).text)
        t0 = time.monotonic()
        r = S.post_form("/admin/session/%d" % sid, dict(fields, title=title, status="moved"),
                        headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(r.header("Location"), "/admin/session/%d?saved=1" % sid)
        self.assertEqual(self.stored_title(sid), title, "stored verbatim")

        seen, took = poll(lambda: escaped(title) in S.get("/schedule", headers={"Cookie": delegate}).text, 5, 0.1)
        self.assertTrue(seen, "the new title did not reach /schedule within 5 s")
        elapsed = time.monotonic() - t0
        self.assertLessEqual(elapsed, 3.0, "visible to delegates only after %.1f s" % elapsed)
        page = S.get("/schedule", headers={"Cookie": delegate}).text
        self.assertNotIn("<script>alert(1)</script>", page)

    def test_invalid_values_are_422_with_what_was_typed(self):
        sid = IDS.take()
        before = self.stored_title(sid)
        fields = form_fields(self.edit_page(sid).text)
        typed = dict(fields, title="Kept <title> as typed", start="14:00", end="13:00", day="1999-01-01")
        r = S.post_form("/admin/session/%d" % sid, typed, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 422)
        self.assertIn("no-store", cache_directives(r))
        self.assertIn("The end must be after the start.", r.text)
        self.assertIn("must be within the event", r.text)
        again = form_fields(r.text)
        self.assertEqual(again["title"], "Kept <title> as typed")
        self.assertEqual((again["day"], again["start"], again["end"]), ("1999-01-01", "14:00", "13:00"))
        self.assertEqual(self.stored_title(sid), before)

    def test_concurrent_edits_conflict_with_409_keeping_both_versions(self):
        sid = IDS.take()
        first = form_fields(self.edit_page(sid).text)
        second = dict(first)
        r = S.post_form("/admin/session/%d" % sid, dict(first, title="Alice's title"),
                        headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303)
        r = S.post_form("/admin/session/%d" % sid, dict(second, title="Bob's title", abstract="Bob typed this."),
                        headers={"Cookie": self.staff})
        self.assertEqual(r.status, 409)
        self.assertEqual(self.stored_title(sid), "Alice's title", "the second save must not win silently")
        self.assertIn("Their version", r.text)
        conflict = r.text[r.text.index("Their version"):r.text.index("<form method=\"post\" action=\"/admin")]
        self.assertIn(escaped("Alice's title"), conflict)
        mine = form_fields(r.text)
        self.assertEqual(mine["title"], "Bob's title")
        self.assertEqual(mine["abstract"], "Bob typed this.")
        # Resubmitting the merged form now saves: its revision is theirs.
        r = S.post_form("/admin/session/%d" % sid, mine, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303)
        self.assertEqual(self.stored_title(sid), "Bob's title")

    def test_every_save_writes_an_audit_row_with_before_and_after(self):
        sid = IDS.take()
        before = self.stored_title(sid)
        fields = form_fields(self.edit_page(sid).text)
        r = S.post_form("/admin/session/%d" % sid, dict(fields, title="Audited title"),
                        headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303)
        row = S.sql("SELECT action, JSON_VALUE(before_values, '$.title'), JSON_VALUE(after_values, '$.title'),"
                    " client_addr FROM audit_log WHERE entity = 'session' AND entity_id = %d"
                    " ORDER BY id DESC LIMIT 1" % sid, database="confsched").stdout.rstrip("\n").split("\t")
        self.assertEqual(row[:3], ["update", before, "Audited title"])
        self.assertEqual(row[3], "127.0.0.1")

    def test_unknown_session_is_404(self):
        self.assertEqual(S.get("/admin/session/999999", headers={"Cookie": self.staff}).status, 404)


if __name__ == "__main__":
    unittest.main()
