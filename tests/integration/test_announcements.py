"""Announcements: staff post, edit and withdraw them under
/admin/announcements; delegates see the ones showing at the top of every
delegate page, through nginx, after a change, after one starts or ends by
itself (which changes no row), and a room's own on its screen and beside
it on /now (issue 17). How soon is printed as a figure ("figure: ...");
the 3 s promise is measured by bench/ (issue 15: correctness tests assert
no wall-clock bound). CSRF, 422 that keeps what was typed, 409 on a stale
revision with both versions, the audit log, access, times typed in the
event's zone, and a room kept while an announcement for it is not over."""

import datetime
import html
import re
import time
import unittest
import zoneinfo

import stack as stackmod
from support import (StackTestCase, cache_directives, event_now, poll_until, start_module_stack,
                     stop_module_stack)
from test_admin_settings import find_form

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
    for name in ("duration", "start_day", "start_time", "end_day", "end_time"):
        m = re.search(r'<input id="%s" name="%s" type="[a-z]+"[^>]* value="([^"]*)"' % (name, name), page)
        fields[name] = html.unescape(m.group(1)) if m else None
    for name in ("level", "room", "starts", "ends", "unit"):
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

    def create(self, body, level="info", ends="never", duration="", unit="minutes", **more):
        """Posts the list page's form with these values (more: room, starts,
        start_day, ... as the form names them); returns the new id."""
        fields = dict(form_fields(self.list_page().text), body=body, level=level, ends=ends,
                      duration=duration, unit=unit, **more)
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


def event_zone():
    return zoneinfo.ZoneInfo(S.sql("SELECT time_zone FROM event WHERE id = 1", database="confsched").stdout.strip())


def utc_text(local):
    """The UTC DATETIME the database stores for a naive local time of the
    event's zone (zoneinfo's reading, to check the app's own against)."""
    at = local.replace(tzinfo=event_zone()).astimezone(datetime.timezone.utc)
    return at.strftime("%Y-%m-%d %H:%M:%S")


class Timing(AnnouncementTestCase):
    """Issue 17: a start and an end at set times, typed on the event's wall
    clock; neither needs a request or a write to take effect."""

    def test_a_start_typed_ahead_is_stored_in_utc_and_listed_as_scheduled(self):
        # Minutes ahead, on the event's clock, as staff type it.
        start = (event_now(S) + datetime.timedelta(minutes=90)).replace(second=0)
        end = start + datetime.timedelta(minutes=45)
        body = "Typed start %d" % time.monotonic_ns()
        aid = self.create(body, starts="at", start_day=start.strftime("%Y-%m-%d"),
                          start_time=start.strftime("%H:%M"), ends="at", end_day=end.strftime("%Y-%m-%d"),
                          end_time=end.strftime("%H:%M"))
        self.assertEqual(self.db("SELECT published_at, expires_at FROM announcements WHERE id = %d" % aid).split("\t"),
                         [utc_text(start), utc_text(end)])
        page = self.list_page().text
        row = re.search(r'<tr class="state-([a-z]+)" id="announcement-%d">(.*?)</tr>' % aid, page, re.S)
        self.assertEqual(row.group(1), "scheduled")
        self.assertIn("Scheduled: starts %s %d %s, %s" % (start.strftime("%A"), start.day,
                                                         start.strftime("%B %Y"), start.strftime("%H:%M")),
                      row.group(2), "on the event's wall clock, as typed")
        self.assertIn("<td>Everywhere</td>", row.group(2))
        # "After a duration" counts from a start still to come.
        aid = self.create(body + " for 20 minutes", starts="at", start_day=start.strftime("%Y-%m-%d"),
                          start_time=start.strftime("%H:%M"), ends="after", duration="20", unit="minutes")
        self.assertEqual(self.db("SELECT TIMESTAMPDIFF(MINUTE, published_at, expires_at) FROM announcements"
                                 " WHERE id = %d" % aid), "20")
        self.assertNotIn(escaped(body), banner(self.schedule()))
        row = self.db("SELECT JSON_VALUE(after_values, '$.published_at'), JSON_VALUE(after_values, '$.room_id')"
                      " IS NULL FROM audit_log WHERE entity = 'announcement' AND entity_id = %d" % aid)
        self.assertEqual(row.split("\t"), [utc_text(start), "1"], "the audit row has the start and no room")

    def test_a_future_start_shows_without_any_write_then_its_end_removes_it(self):
        body = "Starts by itself %d" % time.monotonic_ns()
        start = (event_now(S) + datetime.timedelta(minutes=30)).replace(second=0)
        aid = self.create(body, starts="at", start_day=start.strftime("%Y-%m-%d"),
                          start_time=start.strftime("%H:%M"), ends="after", duration="30", unit="minutes")
        # Typed times have minutes only: bring the start to 5 s ahead and
        # the end 9 s after it (this write is seen as any other), and learn
        # from the database exactly when they fall. The database read its
        # clock between t_asked and t_told, so each time, on this process's
        # clock, lies between its not_before and not_after.
        t_asked = time.monotonic()
        start_us, end_us = (int(v) for v in self.db(
            "UPDATE announcements SET published_at = UTC_TIMESTAMP() + INTERVAL 5 SECOND,"
            " expires_at = UTC_TIMESTAMP() + INTERVAL 14 SECOND WHERE id = %d;"
            " SELECT TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(6), published_at),"
            " TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(6), expires_at) FROM announcements"
            " WHERE id = %d" % (aid, aid)).split("\t"))
        t_told = time.monotonic()
        start_not_before, start_not_after = t_asked + start_us / 1e6, t_told + start_us / 1e6
        end_not_before, end_not_after = t_asked + end_us / 1e6, t_told + end_us / 1e6
        # Let every worker see that write; after it nothing is written.
        stackmod.wait_until(lambda: time.monotonic() >= t_told + 1.5, 10, 0.05)
        version = self.data_version()

        def watch_until(deadline, shown_before):
            """Asks for /schedule through nginx every 0.2 s until deadline, so
            that its caches stay as warm as in use, and checks each page that
            arrived a second before shown_before's instant was made without
            the announcement (an answer that arrived then was made before
            it). Returns how many were checked."""
            checked = 0
            while time.monotonic() < deadline:
                page = self.schedule()
                if time.monotonic() < shown_before - 1.0:
                    self.assertNotIn(escaped(body), banner(page), "shown before its start")
                    checked += 1
                time.sleep(0.2)
            return checked

        self.assertGreater(watch_until(start_not_after, start_not_before), 0,
                           "no delegate page arrived before the start, so nothing checked it was absent")
        self.wait_for_banner(lambda p: escaped(body) in banner(p), "the start taking effect on /schedule",
                             "announcements.scheduled_start_on_schedule", since=start_not_after)
        # Shown until shortly before its end (watched as closely), then gone.
        while time.monotonic() < end_not_after:
            page = self.schedule()
            if time.monotonic() < end_not_before - 1.0:
                self.assertIn(escaped(body), banner(page), "gone before its end")
            time.sleep(0.2)
        self.wait_for_banner(lambda p: escaped(body) not in p, "the scheduled end's removal",
                             "announcements.scheduled_end_off_schedule", since=end_not_after)
        self.assertEqual(self.data_version(), version, "nothing was written after the times were set")

    def test_invalid_times_are_422_with_what_was_typed_and_nothing_stored(self):
        count = self.db("SELECT COUNT(*) FROM announcements")
        fields = form_fields(self.list_page().text)
        today = event_now(S)
        day = today.strftime("%Y-%m-%d")
        later, sooner = today + datetime.timedelta(hours=2), today + datetime.timedelta(hours=1)
        cases = (
            (dict(starts="at", start_day="2026-02-30", start_time="14:00"),
             "Give the start as a day (YYYY-MM-DD) and a time (HH:MM)."),
            (dict(starts="at", start_day=day, start_time="25:61"),
             "Give the start as a day (YYYY-MM-DD) and a time (HH:MM)."),
            (dict(starts="at", start_day=later.strftime("%Y-%m-%d"), start_time=later.strftime("%H:%M"),
                  ends="at", end_day=sooner.strftime("%Y-%m-%d"), end_time=sooner.strftime("%H:%M")),
             "The end must be after the start."),
            (dict(ends="at", end_day=(today + datetime.timedelta(days=15)).strftime("%Y-%m-%d"),
                  end_time=today.strftime("%H:%M")),
             "An announcement can show for at most 14 days (336 hours) from its start."),
            (dict(ends="at", end_day="tomorrow", end_time="noon"),
             "Give the end as a day (YYYY-MM-DD) and a time (HH:MM)."),
            (dict(room="999999"), "Choose a room from the list."),
        )
        for typed, message in cases:
            sent = dict(fields, body="Kept <b>as typed</b> %s" % typed, level="important", ends="never",
                        duration="", unit="minutes")
            sent.update(typed)
            r = self.post("/admin/announcements", sent)
            self.assertEqual(r.status, 422, typed)
            self.assertIn("no-store", cache_directives(r))
            if message:
                self.assertIn(message, r.text, typed)
            again = form_fields(r.text)
            for name, value in typed.items():
                if name != "room":  # an unknown room cannot be offered again
                    self.assertEqual(again[name], value, "%s kept as typed" % name)
            self.assertEqual(again["body"], sent["body"])
        self.assertEqual(self.db("SELECT COUNT(*) FROM announcements"), count, "nothing was stored")


class Rooms(AnnouncementTestCase):
    """Issue 17: an announcement for one room shows on that room's screen
    and beside it on /now, and with its name in every banner."""

    def rooms(self):
        rows = self.db("SELECT id, name FROM rooms ORDER BY position, id LIMIT 2").split("\n")
        return [(int(r.split("\t")[0]), r.split("\t")[1]) for r in rows]

    def screen(self, room):
        return S.cli("display-token", str(room)).stdout.strip()

    def now_block(self, page, name):
        """The room's block on /now."""
        for block in re.findall(r'<li class="room-now">.*?</li>\n', page, re.S):
            if "<h2>%s</h2>" % escaped(name) in block:
                return block
        raise AssertionError("no block for %s on /now" % name)

    def test_a_room_announcement_shows_on_its_screen_and_now_and_not_on_another(self):
        (room, name), (other, other_name) = self.rooms()
        here, there = self.screen(room), self.screen(other)
        body = "Closing session moved to the foyer %d" % time.monotonic_ns()
        everywhere = "For everybody %d" % time.monotonic_ns()
        t0 = time.monotonic()
        aid = self.create(body, level="important", room=str(room))
        self.create(everywhere)
        poll_until(lambda: escaped(body) in S.get(here).text, "announcements.room_on_its_screen",
                   "the room announcement on /display/%d" % room, since=t0)
        screen = S.get(here).text
        self.assertIn('<div class="announcements display-announcements">', screen)
        self.assertNotIn(escaped(everywhere), screen, "announcements for everywhere stay off the screens")
        self.assertNotIn("announcement-room", screen, "the screen is the room's: no name before the text")
        for _ in range(4):  # several workers
            self.assertNotIn(escaped(body), S.get(there).text, "shown on another room's screen")

        def on_now():
            r = S.get("/now", headers={"Cookie": self.delegate})
            return r.text if escaped(body) in r.text else None
        page, _ = poll_until(on_now, "announcements.room_on_now", "the room announcement on /now", since=t0)
        self.assertIn(escaped(body), self.now_block(page, name))
        self.assertNotIn(escaped(body), self.now_block(page, other_name))
        self.wait_for_banner(lambda p: '<strong class="announcement-room">%s:</strong> %s' % (escaped(name), escaped(body))
                             in banner(p), "the room announcement in the banner, after the room's name",
                             "announcements.room_in_banner", since=t0)
        row = self.db("SELECT JSON_VALUE(after_values, '$.room_id'), JSON_VALUE(after_values, '$.room')"
                      " FROM audit_log WHERE entity = 'announcement' AND entity_id = %d" % aid)
        self.assertEqual(row.split("\t"), [str(room), name], "the audit row names the room")

    def test_a_room_is_kept_while_an_announcement_for_it_is_not_over(self):
        room_name = "Announced room %d" % time.monotonic_ns()
        self.db("INSERT INTO rooms (name, position) VALUES ('%s', 950)" % room_name)
        room = int(self.db("SELECT id FROM rooms WHERE name = '%s'" % room_name))
        ended = self.create("Over already", room=str(room))
        self.db("UPDATE announcements SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id = %d" % ended)
        aid = self.create("Room closed for cleaning", room=str(room), starts="at",
                          start_day=(event_now(S) + datetime.timedelta(days=1)).strftime("%Y-%m-%d"),
                          start_time="09:00")

        def delete():
            page = S.get("/admin/rooms", headers={"Cookie": self.staff}).text
            return self.post("/admin/rooms", dict(find_form(page, "/admin/rooms", id=str(room))["fields"],
                                                   action="delete"))
        r = delete()
        self.assertEqual(r.status, 409, r.text[:500])
        self.assertIn("Not deleted: 1 announcement that shows or will show is for this room.", r.text)
        self.assertEqual(self.db("SELECT COUNT(*) FROM rooms WHERE id = %d" % room), "1")
        self.assertEqual(self.withdraw_from_list(aid).status, 303)
        r = delete()
        self.assertEqual(r.status, 303, r.text[:500])
        # The foreign key forgets the room of the ones that are over.
        self.assertEqual(self.db("SELECT COUNT(*) FROM announcements WHERE id IN (%d, %d) AND room_id IS NULL"
                                 % (ended, aid)), "2")


if __name__ == "__main__":
    unittest.main()
