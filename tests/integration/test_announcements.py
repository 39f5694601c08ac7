"""Announcements: staff post, edit and withdraw them under
/admin/announcements; delegates see the ones showing at the top of every
delegate page, through nginx, after a change, and after one ends by itself
(which changes no row). How soon is printed as a figure ("figure: ...");
the 3 s promise is measured by bench/ (issue 15: correctness tests assert
no wall-clock bound). CSRF, 422 that keeps what was typed, 409 on a stale
revision with both versions, the audit log, and access."""

import html
import re
import time
import unittest

import stack as stackmod
from support import StackTestCase, cache_directives, poll_until, start_module_stack, stop_module_stack

S = None
IDS = None


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("announce")


def tearDownModule():
    stop_module_stack(S)


def escaped(text):
    """As ctemplate's HTML escaping writes text."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def hidden(page, name):
    m = re.search(r'<input type="hidden" name="%s" value="([^"]*)"' % name, page)
    if not m:
        raise AssertionError("no hidden field %s in the page" % name)
    return html.unescape(m.group(1))


def selected(page, name):
    select = re.search(r'<select id="%s" name="%s"[^>]*>(.*?)</select>' % (name, name), page, re.S).group(1)
    chosen = re.search(r'<option value="([^"]*)" selected>', select)
    return chosen.group(1) if chosen else ""


def form_fields(page):
    """The announcement form's values, as a browser would submit them."""
    fields = {"csrf": hidden(page, "csrf")}
    m = re.search(r'<input type="hidden" name="revision" value="([^"]*)"', page)
    if m:
        fields["revision"] = m.group(1)
    m = re.search(r'<textarea id="body" name="body"[^>]*>(.*?)</textarea>', page, re.S)
    fields["body"] = html.unescape(m.group(1)) if m else None
    m = re.search(r'<input id="duration" name="duration" type="text"[^>]* value="([^"]*)"', page)
    fields["duration"] = html.unescape(m.group(1)) if m else None
    for name in ("level", "ends", "unit"):
        fields[name] = selected(page, name)
    return fields


def unbatch(text):
    """A value as the mariadb client's batch mode prints it, unescaped
    (tabs stay as column separators)."""
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "0": "\0", "\\": "\\"}.get(m.group(1), m.group(0)), text)


def banner(page):
    """The announcements section of a delegate page ("" when there is none)."""
    m = re.search(r'<section class="announcements".*?</section>', page, re.S)
    return m.group(0) if m else ""


def banner_items(page):
    """(class, inner html) of each announcement in the banner, in order."""
    return re.findall(r'<div class="announcement ([a-z-]+)">(.*?)</div>', banner(page), re.S)


class AnnouncementTestCase(StackTestCase):
    def setUp(self):
        self.staff = S.login(role=stackmod.STAFF_USER)
        self.delegate = S.login()

    # -- staff side ---------------------------------------------------------
    def list_page(self):
        r = S.get("/admin/announcements", headers={"Cookie": self.staff})
        self.assertEqual(r.status, 200, r.text[:300])
        return r

    def edit_page(self, aid):
        r = S.get("/admin/announcements/%d" % aid, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 200, r.text[:300])
        return r

    def post(self, path, fields, cookie=None):
        return S.post_form(path, fields, headers={"Cookie": cookie or self.staff})

    def create(self, body, level="info", ends="never", duration="", unit="minutes"):
        fields = dict(form_fields(self.list_page().text), body=body, level=level, ends=ends,
                      duration=duration, unit=unit)
        r = self.post("/admin/announcements", fields)
        self.assertEqual(r.status, 303, r.text[:600])
        self.assertEqual(r.header("Location"), "/admin/announcements?posted=1")
        return int(self.db("SELECT MAX(id) FROM announcements"))

    def withdraw_from_list(self, aid):
        page = self.list_page().text
        row = re.search(r'<tr class="state-[a-z]+" id="announcement-%d">.*?</tr>' % aid, page, re.S).group(0)
        fields = {"csrf": hidden(row, "csrf"), "revision": hidden(row, "revision"), "action": "withdraw"}
        return self.post("/admin/announcements/%d" % aid, fields)

    # -- database -----------------------------------------------------------
    def db(self, query):
        return S.sql(query, database="confsched").stdout.rstrip("\n")

    def stored(self, aid):
        row = unbatch(self.db("SELECT body, level, revision, COALESCE(expires_at, ''), COALESCE(withdrawn_at, '')"
                      " FROM announcements WHERE id = %d" % aid))
        return dict(zip(("body", "level", "revision", "expires_at", "withdrawn_at"), row.split("\t")))

    def data_version(self):
        return int(self.db("SELECT version FROM data_version"))

    # -- delegate side ------------------------------------------------------
    def schedule(self):
        r = S.get("/schedule", headers={"Cookie": self.delegate})
        self.assertEqual(r.status, 200)
        return r.text

    def wait_for_banner(self, predicate, what, name, since=None):
        """Polls /schedule through nginx until predicate(page) holds, within
        support.poll_until's generous limit (a guard against hanging only);
        prints the seconds since `since` (default: now) as `figure: <name>`."""
        poll_until(lambda: predicate(self.schedule()), name, what, since=since)

    def warm_caches(self, *paths):
        """Fill nginx's microcache and the workers' memory with the current pages."""
        for path in paths or ("/schedule",):
            for _ in range(3):
                self.assertEqual(S.get(path, headers={"Cookie": self.delegate}).status, 200)


class Access(AnnouncementTestCase):
    def test_delegates_are_refused_and_signed_out_visitors_sent_to_login(self):
        aid = self.create("Access check")
        for path in ("/admin/announcements", "/admin/announcements/%d" % aid):
            self.assertEqual(S.get(path, headers={"Cookie": self.delegate}).status, 403, path)
            r = S.get(path)
            self.assertEqual(r.status, 303, path)
            self.assertTrue(r.header("Location").startswith("/login?next="), path)
        token = form_fields(self.list_page().text)["csrf"]
        r = self.post("/admin/announcements", {"csrf": token, "body": "From a delegate", "level": "info",
                                               "ends": "never", "duration": "", "unit": "minutes"},
                      cookie=self.delegate)
        self.assertEqual(r.status, 403)
        r = self.post("/admin/announcements/%d" % aid, {"csrf": token, "action": "withdraw",
                                                        "revision": self.stored(aid)["revision"]},
                      cookie=self.delegate)
        self.assertEqual(r.status, 403)
        self.assertEqual(self.db("SELECT COUNT(*) FROM announcements WHERE body = 'From a delegate'"), "0")
        self.assertEqual(self.stored(aid)["withdrawn_at"], "")

    def test_staff_pages_are_never_stored_and_linked_from_admin(self):
        r = self.list_page()
        self.assertIn("no-store", cache_directives(r))
        self.assertIsNone(r.header("X-Cache"), "staff pages must not go through the microcache")
        admin = S.get("/admin", headers={"Cookie": self.staff})
        self.assertIn('href="/admin/announcements"', admin.text)

    def test_unknown_ids_are_404(self):
        self.assertEqual(S.get("/admin/announcements/999999", headers={"Cookie": self.staff}).status, 404)
        self.assertEqual(S.get("/admin/announcements/abc", headers={"Cookie": self.staff}).status, 404)
        token = form_fields(self.list_page().text)["csrf"]
        r = self.post("/admin/announcements/999999", {"csrf": token, "action": "withdraw", "revision": "1"})
        self.assertEqual(r.status, 404)


class Banner(AnnouncementTestCase):
    def test_posted_announcements_reach_delegates_escaped_important_first(self):
        sid = IDS.take()
        self.warm_caches("/schedule", "/session/%d" % sid)
        marker = "%d" % time.monotonic_ns()
        info_body = "Coffee is served in the foyer %s" % marker
        important_body = "<script>alert(1)</script> Fire drill & \"evacuate\" %s\nAssemble outside." % marker
        t0 = time.monotonic()
        self.create(info_body, level="info")
        self.create(important_body, level="important")

        def both_shown(page):
            text = banner(page)
            return escaped(info_body) in text and escaped(important_body) in text

        self.wait_for_banner(both_shown, "new announcements on /schedule", "announcements.posted_on_schedule",
                             since=t0)
        page = self.schedule()
        self.assertNotIn("<script>alert(1)</script>", page)
        # At the top, right after the page's one statement of the time zone
        # (the times staff type are the event's: issue 16), before the
        # programme.
        self.assertLess(page.index('data-time-zone="'), page.index('<section class="announcements"'),
                        "the zone is stated before the banner")
        self.assertLess(page.index('<section class="announcements"'), page.index('<nav class="days"'),
                        "the banner sits above the programme")
        items = banner_items(page)
        class_of = {body: cls for cls, inner in items for body in (info_body, important_body)
                    if escaped(body) in inner}
        self.assertEqual(class_of, {important_body: "announcement-important", info_body: "announcement-info"},
                         "the two levels are styled apart")
        order = [cls for cls, _ in items]
        self.assertEqual(order, sorted(order, key=lambda c: c != "announcement-important"),
                         "important announcements come first: %r" % order)
        # The same banner on a session page (seconds since the post printed).
        poll_until(lambda: escaped(important_body) in banner(
            S.get("/session/%d" % sid, headers={"Cookie": self.delegate}).text),
            "announcements.posted_on_session_page", "the banner on /session/%d" % sid, since=t0)
        # ... and the same for staff reading delegate pages: no per-user data.
        r = S.get("/schedule", headers={"Cookie": self.staff})
        self.assertEqual(banner(r.text), banner(page))

    def test_each_write_is_audited_in_its_transaction(self):
        aid = self.create("Audited announcement", level="important", ends="after", duration="2", unit="hours")
        row = self.db("SELECT action, before_values IS NULL, JSON_VALUE(after_values, '$.body'),"
                      " JSON_VALUE(after_values, '$.level'), client_addr FROM audit_log"
                      " WHERE entity = 'announcement' AND entity_id = %d ORDER BY id" % aid).split("\t")
        self.assertEqual(row, ["create", "1", "Audited announcement", "important", "127.0.0.1"])
        left = int(self.db("SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), expires_at) FROM announcements"
                           " WHERE id = %d" % aid))
        self.assertTrue(7100 <= left <= 7200, "two hours from now, in UTC: %d s left" % left)

        fields = dict(form_fields(self.edit_page(aid).text), body="Audited, edited", action="save")
        self.assertEqual(fields["ends"], "keep", "editing keeps the end unless told otherwise")
        r = self.post("/admin/announcements/%d" % aid, fields)
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(r.header("Location"), "/admin/announcements/%d?saved=1" % aid)
        self.assertNotEqual(self.stored(aid)["expires_at"], "", "the end was kept")
        row = self.db("SELECT action, JSON_VALUE(before_values, '$.body'), JSON_VALUE(after_values, '$.body')"
                      " FROM audit_log WHERE entity = 'announcement' AND entity_id = %d"
                      " ORDER BY id DESC LIMIT 1" % aid).split("\t")
        self.assertEqual(row, ["update", "Audited announcement", "Audited, edited"])

        self.assertEqual(self.withdraw_from_list(aid).status, 303)
        row = self.db("SELECT action, JSON_VALUE(before_values, '$.withdrawn_at') IS NULL,"
                      " JSON_VALUE(after_values, '$.withdrawn_at') IS NOT NULL FROM audit_log"
                      " WHERE entity = 'announcement' AND entity_id = %d ORDER BY id DESC LIMIT 1" % aid)
        self.assertEqual(row.split("\t"), ["delete", "1", "1"])

    def test_an_announcement_that_ends_leaves_without_any_write(self):
        body = "Ends by itself %d" % time.monotonic_ns()
        aid = self.create(body)
        self.wait_for_banner(lambda p: escaped(body) in banner(p), "the new announcement",
                             "announcements.to_end_on_schedule")
        # Give it an end a few seconds ahead (this write is seen as any other),
        # and learn from the database exactly when that is. The database
        # read its clock between t_asked and t_told, so the end, on this
        # process's clock, lies between not_before and not_after.
        t_asked = time.monotonic()
        remaining_us = int(self.db(
            "UPDATE announcements SET expires_at = UTC_TIMESTAMP() + INTERVAL 6 SECOND WHERE id = %d;"
            " SELECT TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(6), expires_at) FROM announcements"
            " WHERE id = %d" % (aid, aid)))
        t_told = time.monotonic()
        not_before, not_after = t_asked + remaining_us / 1e6, t_told + remaining_us / 1e6
        version = self.data_version()
        etag = S.fcgi("GET", "/schedule", headers={"Cookie": self.delegate}).headers["ETag"]
        # Still there shortly before its end: a page whose answer had
        # arrived a second before not_before was made before the end, so it
        # must show the banner, however slow the machine. (A page answered
        # later may already be without it: not checked.)
        checked = 0
        while time.monotonic() < not_before - 1.3:
            page = self.schedule()
            if time.monotonic() < not_before - 1.0:
                self.assertIn(escaped(body), banner(page), "gone before its end")
                checked += 1
            time.sleep(0.3)
        self.assertGreater(checked, 0, "no delegate page arrived in the %.1f s before the announcement's end, "
                           "so nothing checked that it was shown until then" % (not_before - t_told))
        stackmod.wait_until(lambda: time.monotonic() >= not_after, 10, 0.02)
        self.wait_for_banner(lambda p: escaped(body) not in p, "the ended announcement's removal",
                             "announcements.ended_off_schedule", since=not_after)
        self.assertEqual(self.data_version(), version, "nothing was written after the end was set")
        # Browsers revalidating with the old ETag get the new page, not a 304.
        r = S.fcgi("GET", "/schedule", headers={"Cookie": self.delegate, "If-None-Match": etag})
        self.assertEqual(r.status, 200)
        self.assertNotIn(escaped(body), r.text)
        self.assertIn("Ended", self.list_page().text)

    def test_withdrawn_announcements_leave(self):
        body = "Withdraw me %d" % time.monotonic_ns()
        aid = self.create(body, level="important")
        self.wait_for_banner(lambda p: escaped(body) in banner(p), "the new announcement",
                             "announcements.to_withdraw_on_schedule")
        t0 = time.monotonic()
        r = self.withdraw_from_list(aid)
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(r.header("Location"), "/admin/announcements?withdrawn=1")
        self.wait_for_banner(lambda p: escaped(body) not in p, "the withdrawal", "announcements.withdrawn_off_schedule",
                             since=t0)
        self.assertNotEqual(self.stored(aid)["withdrawn_at"], "")
        # The staff list still shows it, as withdrawn, without a withdraw button.
        page = self.list_page().text
        row = re.search(r'<tr class="state-([a-z]+)" id="announcement-%d">(.*?)</tr>' % aid, page, re.S)
        self.assertEqual(row.group(1), "withdrawn")
        self.assertIn("Withdrawn", row.group(2))
        self.assertNotIn('value="withdraw"', row.group(2))
        # Its page offers to post the text again, as a new announcement.
        edit = self.edit_page(aid).text
        self.assertIn('<form method="post" action="/admin/announcements" class="edit">', edit)
        self.assertEqual(form_fields(edit)["body"], body)
        # Withdrawing again is harmless: nothing new is written.
        audits = self.db("SELECT COUNT(*) FROM audit_log WHERE entity_id = %d AND entity = 'announcement'" % aid)
        fields = {"csrf": form_fields(edit)["csrf"], "action": "withdraw", "revision": self.stored(aid)["revision"]}
        self.assertEqual(self.post("/admin/announcements/%d" % aid, fields).status, 303)
        self.assertEqual(self.db("SELECT COUNT(*) FROM audit_log WHERE entity_id = %d"
                                 " AND entity = 'announcement'" % aid), audits)

    def test_the_staff_list_shows_every_state(self):
        showing = self.create("State: showing")
        ended = self.create("State: ended")
        later = self.create("State: later")
        self.db("UPDATE announcements SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id = %d;"
                " UPDATE announcements SET published_at = UTC_TIMESTAMP() + INTERVAL 1 HOUR WHERE id = %d"
                % (ended, later))
        page = self.list_page().text
        for aid, state in ((showing, "active"), (ended, "expired"), (later, "scheduled")):
            self.assertRegex(page, r'<tr class="state-%s" id="announcement-%d">' % (state, aid))
        self.wait_for_banner(lambda p: "State: showing" in p and "State: ended" not in p
                             and "State: later" not in p, "only the showing one", "announcements.states_on_schedule")


class Forms(AnnouncementTestCase):
    def test_posts_without_a_valid_csrf_token_are_403_and_change_nothing(self):
        aid = self.create("CSRF target")
        before = self.stored(aid)
        count = self.db("SELECT COUNT(*) FROM announcements")
        create = dict(form_fields(self.list_page().text), body="Forged", level="important")
        edit = dict(form_fields(self.edit_page(aid).text), body="Forged edit", action="save")
        withdraw = {"csrf": edit["csrf"], "revision": edit["revision"], "action": "withdraw"}
        for token in (None, "", "forged" + create["csrf"][6:]):
            for path, fields in (("/admin/announcements", create), ("/admin/announcements/%d" % aid, edit),
                                 ("/admin/announcements/%d" % aid, withdraw)):
                f = dict(fields)
                if token is None:
                    del f["csrf"]
                else:
                    f["csrf"] = token
                r = self.post(path, f)
                self.assertEqual(r.status, 403, "%s csrf=%r" % (path, token))
        self.assertEqual(self.db("SELECT COUNT(*) FROM announcements"), count)
        self.assertEqual(self.stored(aid), before)

    def test_invalid_values_are_422_with_what_was_typed(self):
        count = self.db("SELECT COUNT(*) FROM announcements")
        fields = form_fields(self.list_page().text)
        typed = dict(fields, body="Kept <b>as typed</b>\nline two", level="loud", ends="after",
                     duration="soon", unit="minutes")
        r = self.post("/admin/announcements", typed)
        self.assertEqual(r.status, 422)
        self.assertIn("no-store", cache_directives(r))
        self.assertIn("Choose a level from the list.", r.text)
        self.assertIn("Give the duration as a whole number", r.text)
        again = form_fields(r.text)
        self.assertEqual(again["body"], "Kept <b>as typed</b>\nline two", "typed text and line breaks kept")
        self.assertEqual(again["duration"], "soon")
        self.assertEqual(again["ends"], "after")
        for body, message in (("", "needs some text"), ("x" * 2001, "longer than 2,000 bytes"),
                              ("bell\x07", "contains the control character U+0007"),
                              ("Room \u202echanged", "contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make "
                                                     "text display in a misleading order.")):
            r = self.post("/admin/announcements", dict(fields, body=body, level="info", ends="never",
                                                       duration="", unit="minutes"))
            self.assertEqual(r.status, 422, repr(body[:20]))
            self.assertIn(message, r.text)
            self.assertEqual(form_fields(r.text)["body"], body)
        r = self.post("/admin/announcements", dict(fields, body="Too long", level="info", ends="after",
                                                   duration="337", unit="hours"))
        self.assertEqual(r.status, 422)
        self.assertIn("at most 14 days", r.text)
        self.assertEqual(self.db("SELECT COUNT(*) FROM announcements"), count, "nothing was stored")

        aid = self.create("Valid before")
        before = self.stored(aid)
        edit = dict(form_fields(self.edit_page(aid).text), body="Edited <i>badly</i>", ends="sometime",
                    action="save")
        r = self.post("/admin/announcements/%d" % aid, edit)
        self.assertEqual(r.status, 422)
        self.assertIn("Choose when the announcement ends.", r.text)
        self.assertEqual(form_fields(r.text)["body"], "Edited <i>badly</i>")
        self.assertEqual(self.stored(aid), before)

    def test_a_stale_revision_is_409_showing_both_versions(self):
        aid = self.create("Original text")
        first = dict(form_fields(self.edit_page(aid).text), action="save")
        second = dict(first)
        r = self.post("/admin/announcements/%d" % aid, dict(first, body="Alice's <text>", level="important"))
        self.assertEqual(r.status, 303, r.text[:500])
        r = self.post("/admin/announcements/%d" % aid, dict(second, body="Bob's text\nwith two lines"))
        self.assertEqual(r.status, 409)
        self.assertEqual(self.stored(aid)["body"], "Alice's <text>", "the stale save must not win")
        start = r.text.index("Their version")
        conflict = r.text[start:r.text.index('<form method="post"', start)]
        self.assertIn(escaped("Alice's <text>"), conflict)
        self.assertIn("Important", conflict)
        mine = form_fields(r.text)
        self.assertEqual(mine["body"], "Bob's text\nwith two lines")
        self.assertEqual(mine["level"], "info")
        # Sending the merged form again saves: its revision is theirs now.
        r = self.post("/admin/announcements/%d" % aid, dict(mine, action="save"))
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(self.stored(aid)["body"], "Bob's text\nwith two lines")
        # A withdrawal from a stale page is refused the same way.
        stale = {"csrf": first["csrf"], "revision": first["revision"], "action": "withdraw"}
        r = self.post("/admin/announcements/%d" % aid, stale)
        self.assertEqual(r.status, 409)
        self.assertIn("Their version", r.text)
        self.assertEqual(self.stored(aid)["withdrawn_at"], "")

    def test_an_edit_withdrawn_meanwhile_is_409_and_keeps_the_typed_text(self):
        aid = self.create("Soon withdrawn")
        fields = dict(form_fields(self.edit_page(aid).text), body="My careful rewrite", action="save")
        self.assertEqual(self.withdraw_from_list(aid).status, 303)
        r = self.post("/admin/announcements/%d" % aid, fields)
        self.assertEqual(r.status, 409)
        self.assertIn("withdrawn meanwhile", r.text)
        self.assertEqual(form_fields(r.text)["body"], "My careful rewrite")
        self.assertEqual(self.stored(aid)["body"], "Soon withdrawn")


if __name__ == "__main__":
    unittest.main()
