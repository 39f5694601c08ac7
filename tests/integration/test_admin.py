"""Staff editing under /admin: access, CSRF, validation that keeps what
was typed, optimistic locking with a 409 that shows both versions, the
audit log, and delegates seeing a saved change through nginx (the time it
took is printed as a figure; the 3 s promise is bench/freshness.py's and
bench/admin_save.py's to measure: issue 15)."""

import html
import re
import time
import unittest

import stack as stackmod
from support import (StackTestCase, cache_directives, escaped, poll, poll_until, start_module_stack,
                     stop_module_stack)

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


def form_fields(page):
    """The edit form's current values, as a browser would submit them."""
    fields = {"csrf": hidden(page, "csrf"), "revision": hidden(page, "revision")}
    for name in ("title", "day", "start", "end"):
        m = re.search(r'name="%s" type="[a-z]+"[^>]* value="([^"]*)"' % name, page)
        fields[name] = html.unescape(m.group(1)) if m else ""
    for name in ("abstract", "speakers", "materials"):
        m = re.search(r'<textarea id="%s" name="%s" rows="\d+">(.*?)</textarea>' % (name, name), page, re.S)
        fields[name] = html.unescape(m.group(1)) if m else ""
    for name in ("room_id", "track_id", "kind", "status"):
        select = re.search(r'<select id="%s" name="%s">(.*?)</select>' % (name, name), page, re.S).group(1)
        # As a browser does: the selected option, else the first one.
        chosen = re.search(r'<option value="([^"]*)" selected>', select) or re.search(r'<option value="([^"]*)"', select)
        fields[name] = html.unescape(chosen.group(1)) if chosen else ""
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

    def test_saved_change_reaches_delegates_and_is_escaped(self):
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

        poll_until(lambda: escaped(title) in S.get("/schedule", headers={"Cookie": delegate}).text,
                   "admin.saved_title_on_schedule", "the new title on /schedule", since=t0)
        page = S.get("/schedule", headers={"Cookie": delegate}).text
        self.assertNotIn("<script>alert(1)</script>", page)

    def test_invalid_values_are_422_with_what_was_typed(self):
        sid = IDS.take()
        before = self.stored_title(sid)
        fields = form_fields(self.edit_page(sid).text)
        # Regression: textareas were escaped with :h, which turns line breaks into
        # spaces, so a refused (or merely reopened) abstract lost its paragraphs.
        typed = dict(fields, title="Kept <title> as typed", start="14:00", end="13:00", day="1999-01-01",
                     abstract="First paragraph.\n\n  Second, indented.\n\tTabbed & <b>tagged</b>.")
        r = S.post_form("/admin/session/%d" % sid, typed, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 422)
        self.assertIn("no-store", cache_directives(r))
        self.assertIn("The end must be after the start.", r.text)
        self.assertIn("must be within the event", r.text)
        again = form_fields(r.text)
        self.assertEqual(again["title"], "Kept <title> as typed")
        self.assertEqual((again["day"], again["start"], again["end"]), ("1999-01-01", "14:00", "13:00"))
        self.assertEqual(again["abstract"], typed["abstract"])
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


class CreateAndDelete(AdminTestCase):
    def test_create_then_delete_a_session_reaches_delegates(self):
        delegate = S.login()
        page = S.get("/admin/session/new", headers={"Cookie": self.staff})
        self.assertEqual(page.status, 200)
        self.assertIn("no-store", cache_directives(page))
        fields = form_fields(page.text)
        title = "Brand new <b>session</b> %d" % time.time_ns()
        # 22:00 on the last day: no room clash with the demo programme.
        fields.update(title=title, day="2027-06-17", start="22:00", end="22:30",
                      speakers="Zoë Ångström\nA Brand New Speaker", materials="Slides | https://example.org/new")
        t_post = time.monotonic()
        r = S.post_form("/admin/session/new", fields, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:400])
        sid = int(re.match(r"/admin/session/(\d+)\?saved=1$", r.header("Location")).group(1))
        poll_until(lambda: escaped(title) in S.get("/schedule", headers={"Cookie": delegate}).text,
                   "admin.created_session_on_schedule", "a created session on /schedule", since=t_post)
        detail = S.get("/session/%d" % sid, headers={"Cookie": delegate}).text
        self.assertIn("A Brand New Speaker", detail)
        self.assertIn('href="https://example.org/new"', detail)
        self.assertEqual(S.sql("SELECT action FROM audit_log WHERE entity_id = %d ORDER BY id" % sid,
                               database="confsched").stdout.split(), ["create"])

        fields = form_fields(self.edit_page(sid).text)
        stale = dict(fields, revision=str(int(fields["revision"]) - 1), action="delete")
        self.assertEqual(S.post_form("/admin/session/%d" % sid, stale, headers={"Cookie": self.staff}).status, 409)
        t_post = time.monotonic()
        r = S.post_form("/admin/session/%d" % sid, dict(fields, action="delete"), headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/admin?deleted=1")
        poll_until(lambda: escaped(title) not in S.get("/schedule", headers={"Cookie": delegate}).text,
                   "admin.deleted_session_off_schedule", "a deleted session gone from /schedule", since=t_post)
        self.assertEqual(S.fcgi("GET", "/session/%d" % sid, headers={"Cookie": delegate}).status, 404)
        self.assertEqual(S.get("/admin/session/%d" % sid, headers={"Cookie": self.staff}).status, 404)


class MoveAndCancel(AdminTestCase):
    def test_a_move_and_a_cancellation_reach_delegates(self):
        sid = IDS.take()
        delegate = S.login()
        fields = form_fields(self.edit_page(sid).text)
        rooms = re.findall(r'<option value="(\d+)"', re.search(
            r'<select id="room_id" name="room_id">(.*?)</select>', self.edit_page(sid).text, re.S).group(1))
        other_room = next(r for r in rooms if r != fields["room_id"])
        S.get("/session/%d" % sid, headers={"Cookie": delegate})  # the old page is cached
        # Moved to another room at 21:00, when nothing else runs there.
        t0 = time.monotonic()
        r = S.post_form("/admin/session/%d" % sid, dict(fields, room_id=other_room, start="21:00", end="21:40",
                                                        status="moved"), headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:300])
        poll_until(lambda: "21:00" in S.get("/session/%d" % sid, headers={"Cookie": delegate}).text,
                   "admin.move_on_session_page", "the move on /session/%d" % sid, since=t0)
        page = S.get("/session/%d" % sid, headers={"Cookie": delegate}).text
        self.assertIn("This session is Moved.", page)

        fields = form_fields(self.edit_page(sid).text)
        t0 = time.monotonic()
        r = S.post_form("/admin/session/%d" % sid, dict(fields, status="cancelled"), headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303)
        poll_until(lambda: "This session is Cancelled." in S.get(
            "/session/%d" % sid, headers={"Cookie": delegate}).text,
            "admin.cancellation_on_session_page", "the cancellation on /session/%d" % sid, since=t0)
        on_schedule = re.compile(r'status-cancelled"[^>]*>\s*<p class="meta"><span class="time">21:00')
        poll_until(lambda: on_schedule.search(S.get("/schedule", headers={"Cookie": delegate}).text),
                   "admin.cancellation_on_schedule", "/schedule showing the session cancelled at its new time",
                   since=t0)


class SpeakersLinksMarkdown(AdminTestCase):
    def test_bad_links_are_refused_and_everything_typed_is_kept(self):
        sid = IDS.take()
        fields = form_fields(self.edit_page(sid).text)
        typed = dict(fields, speakers="Someone <New>\nZoë Ångström",
                     materials="Slides | https://example.org/ok\nEvil | javascript:alert(1)")
        r = S.post_form("/admin/session/%d" % sid, typed, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 422)
        self.assertIn("Line 2", r.text)
        again = form_fields(r.text)
        self.assertEqual(again["speakers"], typed["speakers"])
        self.assertEqual(again["materials"], typed["materials"])

    def test_speakers_links_and_markdown_abstract_reach_the_session_page(self):
        sid = IDS.take()
        delegate = S.login()
        fields = form_fields(self.edit_page(sid).text)
        fields.update(speakers="Someone <New> %d\nZoë Ångström" % sid,
                      materials="Video & slides | https://example.org/v?a=1&b=2",
                      abstract="A **bold** claim.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))")
        r = S.post_form("/admin/session/%d" % sid, fields, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:400])
        # Any worker may answer: each sees the new data version within
        # version_check_ms, so wait for it (the 3 s promise is bench/'s).
        page, _ = poll_until(lambda: (lambda t: t if "Someone &lt;New&gt; %d" % sid in t else None)(
            S.fcgi("GET", "/session/%d" % sid, headers={"Cookie": delegate}).text),
            "admin.speakers_on_session_page_direct", "the edit on /session/%d" % sid)
        self.assertIn("Zoë Ångström", page)
        self.assertIn('href="https://example.org/v?a=1&amp;b=2"', page)
        self.assertIn("Video &amp; slides", page)
        self.assertIn("<strong>bold</strong>", page)
        self.assertNotIn("<script>alert(1)", page)
        self.assertNotIn("javascript:", page)
        # Billing order is the order typed.
        self.assertLess(page.index("Someone &lt;New&gt;"), page.index("Zoë Ångström"))


def field_error(page, field):
    """The message shown right after the field (input or textarea)."""
    m = re.search(r'(?:<input id="%s"[^>]*>|<textarea id="%s".*?</textarea>)\s*<p class="field-error">([^<]*)</p>'
                  % (field, field), page, re.S)
    return html.unescape(m.group(1)) if m else None


class TextRules(AdminTestCase):
    """Bidirectional controls ("Trojan Source") and line separators in the
    form's one-line text, and links that carry a user name or password:
    422 next to the field, everything typed kept, nothing stored."""

    def materials(self, sid):
        return S.sql("SELECT GROUP_CONCAT(url) FROM materials WHERE session_id = %d" % sid,
                     database="confsched").stdout.strip()

    def test_bidi_controls_are_422_next_to_their_field_with_what_was_typed(self):
        sid = IDS.take()
        before = self.stored_title(sid)
        fields = form_fields(self.edit_page(sid).text)
        typed = dict(fields, title="Invoice \u202egnp.exe %d" % sid, abstract="Fine.\n\nNot \u2066fine\u2069.",
                     speakers="Ada Lovelace\nGrace\u2028Hopper")
        r = S.post_form("/admin/session/%d" % sid, typed, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 422, r.text[:500])
        self.assertIn("no-store", cache_directives(r))
        self.assertEqual(field_error(r.text, "title"),
                         "The title contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text display in a "
                         "misleading order.")
        self.assertEqual(field_error(r.text, "abstract"),
                         "The abstract contains U+2066 LEFT-TO-RIGHT ISOLATE, which can make text display in a "
                         "misleading order.")
        self.assertEqual(field_error(r.text, "speakers"),
                         "Line 2: the name contains a line break (U+2028 LINE SEPARATOR) but must be one line.")
        again = form_fields(r.text)
        for key in ("title", "abstract", "speakers"):
            self.assertEqual(again[key], typed[key], key)
        self.assertEqual(self.stored_title(sid), before)
        # Right-to-left text with its marks, and separators in the abstract, save.
        fine = dict(again, title="\u05e9\u05dc\u05d5\u05dd \u200f%d\u200e" % sid, abstract="One\u2028two",
                    speakers="Ada Lovelace")
        r = S.post_form("/admin/session/%d" % sid, fine, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(self.stored_title(sid), fine["title"])

    def test_links_with_a_user_name_or_password_are_422_and_kept(self):
        sid = IDS.take()
        before = self.materials(sid)
        fields = form_fields(self.edit_page(sid).text)
        for links in ("Slides | https://alice:s3cret@example.org/slides", "Video | https://bob@example.org/v",
                      "Odd | http://example.org@evil.example/"):
            typed = dict(fields, materials="Ok | https://example.org/@ok?at=@\n" + links)
            r = S.post_form("/admin/session/%d" % sid, typed, headers={"Cookie": self.staff})
            self.assertEqual(r.status, 422, r.text[:500])
            self.assertEqual(field_error(r.text, "materials"),
                             "Line 2: links must not carry a user name or password.")
            self.assertEqual(form_fields(r.text)["materials"], typed["materials"])
            self.assertEqual(self.materials(sid), before, "nothing stored")


class Injection(AdminTestCase):
    def test_sql_and_markup_in_every_text_field_are_stored_verbatim_and_shown_as_text(self):
        sid = IDS.take()
        delegate = S.login()
        hostile = "x'); DROP TABLE sessions; -- \\' OR '1'='1 \"<b onmouseover=alert(1)>\" %d" % sid
        fields = form_fields(self.edit_page(sid).text)
        fields.update(title="T " + hostile, speakers="S " + hostile,
                      materials="M %s | https://example.org/?q=%%27%%3B" % hostile.replace("|", ""),
                      abstract="A " + hostile)
        r = S.post_form("/admin/session/%d" % sid, fields, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:400])

        def stored(column, source):
            # HEX: the mariadb client's batch output escapes backslashes.
            out = S.sql("SELECT HEX(%s) FROM %s = %d" % (column, source, sid), database="confsched").stdout
            return bytes.fromhex(out.strip()).decode("utf-8")
        self.assertEqual(stored("title", "sessions WHERE id"), "T " + hostile)
        self.assertEqual(stored("abstract", "sessions WHERE id"), "A " + hostile)
        self.assertEqual(stored("sp.name", "speakers sp JOIN session_speakers ss ON ss.speaker_id = sp.id"
                                " WHERE ss.session_id"), "S " + hostile)
        self.assertEqual(stored("label", "materials WHERE session_id"), "M " + hostile)
        self.assertTrue(S.sql("SELECT COUNT(*) FROM sessions", database="confsched").stdout.strip() != "0")

        # Workers see the new data version within version_check_ms.
        page, _ = poll_until(lambda: (lambda t: t if escaped("T " + hostile) in t else None)(
            S.fcgi("GET", "/session/%d" % sid, headers={"Cookie": delegate}).text),
            "admin.hostile_text_on_session_page_direct", "the edit on /session/%d" % sid)
        for shown in ("T " + hostile, "S " + hostile, "M " + hostile):
            self.assertIn(escaped(shown), page)
        self.assertNotIn("<b onmouseover", page)
        # The staff form shows every field back exactly as stored.
        again = form_fields(self.edit_page(sid).text)
        self.assertEqual(again["title"], "T " + hostile)
        self.assertEqual(again["abstract"], "A " + hostile)
        self.assertEqual(again["speakers"].rstrip("\n"), "S " + hostile)  # one name a line


class RoomClash(AdminTestCase):
    def test_a_room_clash_is_a_warning_that_can_be_accepted(self):
        a, b = IDS.take(), IDS.take()
        target = form_fields(self.edit_page(a).text)
        if target["status"] == "cancelled":
            target = form_fields(self.edit_page(IDS.take()).text)
        fields = form_fields(self.edit_page(b).text)
        moved = dict(fields, day=target["day"], start=target["start"], end=target["end"],
                     room_id=target["room_id"], status="scheduled")
        r = S.post_form("/admin/session/%d" % b, moved, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 422)
        self.assertIn("Room clash", r.text)
        self.assertIn(escaped(target["title"]), r.text)
        self.assertEqual(form_fields(r.text)["start"], target["start"], "typed values kept")
        r = S.post_form("/admin/session/%d" % b, dict(moved, accept_clash="1"), headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303)


class ResendWhenDatabaseDown(AdminTestCase):
    def test_any_staff_form_comes_back_to_be_sent_again(self):
        """Pages without a form of their own for the outage (here: a new
        announcement) get the generic resend page: every field as sent."""
        page = S.get("/admin/announcements", headers={"Cookie": self.staff})
        self.assertEqual(page.status, 200)
        for _ in range(10):  # every worker knows the epochs
            S.fcgi("GET", "/admin/announcements", headers={"Cookie": self.staff})
        body = "Typed during the outage:\n<b>keep</b> & \"all\" of it"
        fields = {"csrf": hidden(page.text, "csrf"), "body": body, "level": "important",
                  "starts": "now", "ends": "never", "duration": "", "unit": "minutes"}
        S.stop_db()
        try:
            r = S.post_form("/admin/announcements", fields, headers={"Cookie": self.staff})
        finally:
            S.start_db()
        self.assertEqual(r.status, 503)
        self.assertIn("no-store", cache_directives(r))
        self.assertIn("nothing was saved", r.text)
        self.assertEqual(hidden(r.text, "csrf"), fields["csrf"])
        m = re.search(r'<textarea name="body" rows="\d+">(.*?)</textarea>', r.text, re.S)
        self.assertIsNotNone(m, "the typed body must come back in the form")
        self.assertEqual(html.unescape(m.group(1)), body)
        self.assertNotIn("<b>keep</b>", r.text)
        resent = {name: html.unescape(v) for name, v in re.findall(
            r'<textarea name="([a-z_]+)" rows="\d+">(.*?)</textarea>', r.text, re.S)}
        resent["csrf"] = hidden(r.text, "csrf")
        ok, _ = poll(lambda: S.post_form("/admin/announcements", resent,
                                         headers={"Cookie": self.staff}).status == 303, 20, 0.5)
        self.assertTrue(ok, "sending the form again once the database is back must save it")
        self.assertIn(escaped("<b>keep</b>"), S.get("/admin/announcements", headers={"Cookie": self.staff}).text)

    def test_passwords_are_never_written_back(self):
        page = S.get("/admin/passwords", headers={"Cookie": self.staff})
        self.assertEqual(page.status, 200)
        for _ in range(10):
            S.fcgi("GET", "/admin/passwords", headers={"Cookie": self.staff})
        secret = "outage-pw-%d" % time.time_ns()
        S.stop_db()
        try:
            r = S.post_form("/admin/passwords", {"csrf": hidden(page.text, "csrf"), "role": "delegate",
                                                 "password": secret, "password_again": secret},
                            headers={"Cookie": self.staff})
        finally:
            S.start_db()
        self.assertEqual(r.status, 503)
        self.assertNotIn(secret, r.text)


if __name__ == "__main__":
    unittest.main()
