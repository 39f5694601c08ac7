"""Keeping the programme in step with pretalx or frab (issue 18, README
"Keeping in step with pretalx or frab").

A plain static nginx (no FastCGI; stack.start_static_nginx) plays upstream, serving a
frab schedule.xml and a schedule JSON from a folder the tests rewrite; it
answers conditional requests as pretalx's and frab's web servers do (ETag,
Last-Modified, 304). `confsched sync` and `confsched import --url` fetch
from it. Shown here: new sessions arrive, changes apply and reach
delegates; a 304 changes nothing; a session staff edited here is kept,
upstream's change to it is listed on /admin/upstream and by `confsched
check` and taken with one click; a broken, oversized or missing file
changes nothing and is reported on /admin, /_status and by the command's
exit code. The real exports in ../shared/data (31C3's frab XML, pretalx's
democon JSON) are synced too where that folder is present."""

import json
import os
import re
import time
import unittest
import xml.etree.ElementTree as ET

import stack as stackmod

from support import StackTestCase, parse_page, poll_until, start_module_stack, stop_module_stack

S = None
UPSTREAM = None  # the static nginx: (port, folder, access log)
SHARED = os.path.join(stackmod.SOURCE_DIR, "..", "shared", "data")
BASE_XML = None  # the demo programme as frab XML, as `confsched export` writes it
EDITOR = "Ana Site"
EDITOR_PASSWORD = "correct-horse-sync-42"
# With staff members of their own, the shared staff login stops working.
ADMIN = "Sam Admin"
ADMIN_PASSWORD = "battery-staple-sync-17"
_mtime = [time.time() - 100000]


def setUpModule():
    global S, UPSTREAM, BASE_XML
    S, _ = start_module_stack("sync", https=False)
    try:
        UPSTREAM = start_upstream()
        path = S.path("demo-export.xml")
        S.cli("export", "frab-xml", path)
        with open(path, encoding="utf-8") as f:
            BASE_XML = f.read()
        S.cli("staff", "add", EDITOR, "--role", "editor", input=EDITOR_PASSWORD + "\n")
        S.cli("staff", "add", ADMIN, "--role", "admin", input=ADMIN_PASSWORD + "\n")
    except BaseException:
        stop_module_stack(S)
        raise


def tearDownModule():
    stop_module_stack(S)


def start_upstream():
    """The stack's plain static nginx (stack.start_static_nginx) on a
    folder of its own: (port, folder, access log). Stopped with the stack."""
    folder = S.path("upstream")
    os.makedirs(folder, exist_ok=True)
    port = S.start_static_nginx(folder)
    return port, folder, S.path("log", "static-nginx-access.log")


def url(name):
    return "http://127.0.0.1:%d/%s" % (UPSTREAM[0], name)


def publish(name, text):
    """Upstream publishes a new export: written whole, then renamed, with
    a modification time 10 s after the last one, so that its ETag and
    Last-Modified (nginx's: from mtime and size) are new even within one
    second."""
    files = UPSTREAM[1]
    tmp = os.path.join(files, "." + name + ".tmp")
    data = text.encode("utf-8") if isinstance(text, str) else text
    with open(tmp, "wb") as f:
        f.write(data)
    _mtime[0] += 10
    os.utime(tmp, (_mtime[0], _mtime[0]))
    os.rename(tmp, os.path.join(files, name))


def upstream_log():
    with open(UPSTREAM[2], encoding="utf-8") as f:
        return f.read().splitlines()


def db(query):
    return S.sql(query, database="confsched").stdout.strip()


def data_version():
    return int(db("SELECT version FROM data_version WHERE id = 1"))


def use_sync_url(name, **more):
    overrides = {"sync.url": url(name)}
    overrides.update(more)
    S.write_ini(**overrides)


def sync(*args, check=True):
    return S.cli("sync", *args, check=check)


# ----------------------------------------------------------------- frab XML
def events(root):
    return root.iter("event")


def event_by_guid(root, guid):
    for e in events(root):
        if e.get("guid") == guid:
            return e
    raise AssertionError("no event %s" % guid)


def later(hhmm, minutes):
    h, m = map(int, hhmm.split(":"))
    total = h * 60 + m + minutes
    return "%02d:%02d" % (total // 60, total % 60)


def shifted_date(text, minutes):
    """An ISO date-time with its clock moved (same day; the demo's sessions
    are daytime)."""
    m = re.match(r"(\d{4}-\d\d-\d\dT)(\d\d:\d\d)(.*)$", text)
    return m.group(1) + later(m.group(2), minutes) + m.group(3)


def move_event(e, minutes):
    e.find("start").text = later(e.find("start").text, minutes)
    if e.find("date") is not None and e.find("date").text:
        e.find("date").text = shifted_date(e.find("date").text, minutes)


def xml_text(root):
    return ET.tostring(root, encoding="unicode")


def guids():
    return [e.get("guid") for e in events(ET.fromstring(BASE_XML))]


def stored(guid, column):
    return db("SELECT %s FROM sessions WHERE external_id = '%s'" % (column, guid))


def stored_start(guid):
    return stored(guid, "DATE_FORMAT(starts_at, '%H:%i')")


class SyncTestCase(StackTestCase):
    def setUp(self):
        # Every test starts from the demo programme as upstream publishes
        # it, imported with --replace (as scripts/quickstart --sync does):
        # every session came from upstream, none edited here.
        publish("schedule.xml", BASE_XML)
        use_sync_url("schedule.xml")
        S.cli("import", "--url", url("schedule.xml"), "--replace")
        self.staff = S.login(role=ADMIN, password=ADMIN_PASSWORD)


class FromFrab(SyncTestCase):
    def test_changes_arrive_and_a_304_changes_nothing(self):
        first = sync()
        # The import above stored the validators: the timer's next run is
        # a conditional request, answered 304, and writes nothing.
        self.assertIn("not modified (304)", first.stdout)
        self.assertIn('"GET /schedule.xml HTTP/1.1" 304 0 ', upstream_log()[-1])
        version, audit = data_version(), db("SELECT COUNT(*) FROM audit_log")

        root = ET.fromstring(BASE_XML)
        g = guids()
        moved, renamed, dropped = g[0], g[1], g[2]
        move_event(event_by_guid(root, moved), 30)
        event_by_guid(root, renamed).find("title").text = "Renamed <upstream> & co"
        room = next(r for r in root.iter("room") if list(r.iter("event")))
        gone = event_by_guid(root, dropped)
        for r in root.iter("room"):
            if gone in list(r):
                r.remove(gone)
        new = ET.fromstring(ET.tostring(next(iter(room.iter("event")))))
        new.set("guid", "5e1f0000-0000-4000-8000-00000000c0de")
        new.set("id", "990001")
        new.find("title").text = "Arrived from upstream"
        room.append(new)
        before_start = stored_start(moved)
        last_audit = db("SELECT MAX(id) FROM audit_log")
        publish("schedule.xml", xml_text(root))

        t0 = time.monotonic()
        r = sync()
        self.assertIn("1 added, 2 updated, 1 deleted", r.stdout)
        self.assertEqual(stored_start(moved), later(before_start, 30))
        self.assertEqual(stored(renamed, "title"), "Renamed <upstream> & co")
        self.assertEqual(stored(dropped, "COUNT(*)"), "0")
        self.assertEqual(db("SELECT title FROM sessions WHERE external_id ="
                            " '5e1f0000-0000-4000-8000-00000000c0de'"), "Arrived from upstream")
        self.assertGreater(data_version(), version)
        # Delegates see it through nginx, escaped.
        delegate = S.login()
        poll_until(lambda: "Renamed &lt;upstream&gt; &amp; co" in
                   S.get("/schedule", headers={"Cookie": delegate}).text,
                   "sync.frab_change_on_schedule", "upstream's new title on /schedule", since=t0)
        poll_until(lambda: "Arrived from upstream" in
                   S.get("/schedule", headers={"Cookie": delegate}).text,
                   "sync.frab_new_session_on_schedule", "upstream's new session on /schedule")
        # One audit row per session changed, named "sync", and one for the
        # import.
        self.assertEqual(db("SELECT GROUP_CONCAT(entity, ':', action, ':', staff_name"
                            " ORDER BY entity, action) FROM audit_log WHERE id > %s" % last_audit),
                         "programme:update:sync,session:create:sync,session:update:sync,"
                         "session:update:sync,session:delete:sync")

        # Unchanged since: 304 again; nothing written.
        version, audit = data_version(), db("SELECT COUNT(*) FROM audit_log")
        again = sync()
        self.assertIn("not modified (304)", again.stdout)
        self.assertEqual(data_version(), version)
        self.assertEqual(db("SELECT COUNT(*) FROM audit_log"), audit)

    def test_the_same_body_without_validators_is_not_imported_twice(self):
        # --force sends no validators: upstream answers 200 with the same
        # bytes, which merge to nothing; a plain run after it is a 304.
        version = data_version()
        r = sync("--force")
        self.assertIn("0 added, 0 updated, 0 deleted", r.stdout)
        self.assertEqual(data_version(), version)
        self.assertIn("not modified (304)", sync().stdout)

    def test_a_dry_run_lists_and_writes_nothing(self):
        root = ET.fromstring(BASE_XML)
        g = guids()[0]
        move_event(event_by_guid(root, g), 15)
        before = stored_start(g)
        publish("schedule.xml", xml_text(root))
        version = data_version()
        state = db("SELECT CONCAT(etag, '|', digest) FROM sync_state")
        r = sync("--dry-run")
        self.assertIn("1 to update", r.stdout)
        self.assertIn("dry run, nothing written", r.stdout)
        self.assertEqual(stored_start(g), before)
        self.assertEqual(data_version(), version)
        self.assertEqual(db("SELECT CONCAT(etag, '|', digest) FROM sync_state"), state)
        # The real run after it still sees the change.
        self.assertIn("1 updated", sync().stdout)


class LocalEditsWin(SyncTestCase):
    def edit_start(self, sid, new_start, new_end, cookie):
        page = S.get("/admin/session/%d" % sid, headers={"Cookie": cookie}).text
        fields = {f: v for f, v in form_fields(page).items()}
        fields.update(start=new_start, end=new_end, accept_clash="1")
        r = S.post_form("/admin/session/%d" % sid, fields, headers={"Cookie": cookie})
        self.assertEqual(r.status, 303, r.text[:500])

    def test_an_edit_here_is_kept_listed_and_taken_with_one_click(self):
        g = guids()[3]
        sid = int(stored(g, "id"))
        ana = S.login(role=EDITOR, password=EDITOR_PASSWORD)
        start = stored_start(g)
        # Staff move it by 30 minutes here ...
        end = stored(g, "DATE_FORMAT(ends_at, '%H:%i')")
        here_start, here_end = later(start, 30), later(end, 30)
        self.edit_start(sid, here_start, here_end, ana)
        # ... and upstream moves it by 60 minutes, and renames another.
        root = ET.fromstring(BASE_XML)
        move_event(event_by_guid(root, g), 60)
        other = guids()[4]
        event_by_guid(root, other).find("title").text = "Only upstream changed this"
        publish("schedule.xml", xml_text(root))
        r = sync()
        self.assertIn("1 updated", r.stdout)  # the other one
        self.assertIn("1 with an upstream change waiting", r.stdout)
        self.assertEqual(stored_start(g), here_start, "the edit here is kept")
        self.assertEqual(stored(other, "title"), "Only upstream changed this")

        # Listed for staff, naming who set the time here, and by check.
        page = S.get("/admin/upstream", headers={"Cookie": self.staff})
        self.assertEqual(page.status, 200)
        self.assertNoStore(page)
        line = "upstream moved “%s” to" % html_text(stored(g, "title"))
        self.assertIn(line, page.text)
        day = stored(g, "DATE(starts_at)")
        self.assertIn("to %s %s–%s; kept %s %s–%s set here by %s" % (
            day, later(start, 60), later(end, 60), day, here_start, here_end, EDITOR), page.text)
        check = S.cli("check")
        self.assertIn("warn upstream moved", check.stdout)
        self.assertIn("(session %d;" % sid, check.stdout)
        self.assertIn("confsched_upstream_changes_waiting 1", status_text())
        admin = S.get("/admin", headers={"Cookie": self.staff}).text
        self.assertIn("1 upstream change waiting", admin)

        # A second sync of the same file parks nothing new and keeps ours.
        sync("--force")
        self.assertEqual(stored_start(g), here_start)

        # Bad choices change nothing.
        token = csrf_of(page.text)
        bad = S.post_form("/admin/upstream", {"csrf": token, "session_id": str(sid), "choice": "merge"},
                          headers={"Cookie": self.staff})
        self.assertEqual(bad.status, 400)
        no_csrf = S.post_form("/admin/upstream", {"session_id": str(sid), "choice": "take"},
                              headers={"Cookie": self.staff})
        self.assertEqual(no_csrf.status, 403)
        delegate = S.post_form("/admin/upstream", {"csrf": token, "session_id": str(sid), "choice": "take"},
                               headers={"Cookie": S.login()})
        self.assertIn(delegate.status, (303, 403))
        self.assertNotEqual(delegate.header("Location") or "", "/admin/upstream?done=taken")
        self.assertEqual(stored_start(g), here_start)

        # One click takes upstream's version.
        t0 = time.monotonic()
        take = S.post_form("/admin/upstream", {"csrf": token, "session_id": str(sid), "choice": "take"},
                           headers={"Cookie": self.staff})
        self.assertEqual(take.status, 303, take.text[:300])
        self.assertEqual(take.header("Location"), "/admin/upstream?done=taken")
        self.assertEqual(stored_start(g), later(start, 60))
        self.assertEqual(db("SELECT COUNT(*) FROM session_upstream WHERE pending_kind IS NOT NULL"), "0")
        self.assertEqual(db("SELECT COUNT(*) FROM audit_log WHERE entity = 'upstream'"
                            " AND entity_id = %d" % sid), "1")
        after = S.get("/admin/upstream?done=taken", headers={"Cookie": self.staff}).text
        self.assertIn("No upstream change is waiting", after)
        delegate_cookie = S.login()
        poll_until(lambda: later(start, 60) in session_page(sid, delegate_cookie),
                   "sync.taken_change_on_session_page", "upstream's time on the session page",
                   since=t0)
        # Taken: the session is upstream's again, and its next change applies.
        move_event(event_by_guid(root, g), 15)
        publish("schedule.xml", xml_text(root))
        sync()
        self.assertEqual(stored_start(g), later(start, 75))

    def moved_here_by_five_minutes(self, g):
        """Staff move session g by 5 minutes here; its id and old start."""
        sid = int(stored(g, "id"))
        start = stored_start(g)
        end = stored(g, "DATE_FORMAT(ends_at, '%H:%i')")
        self.edit_start(sid, later(start, 5), later(end, 5), self.staff)
        return sid, start

    def choose(self, page, sid, choice):
        return S.post_form("/admin/upstream", {"csrf": csrf_of(page), "session_id": str(sid),
                                               "choice": choice}, headers={"Cookie": self.staff})

    def test_keeping_ours_sets_upstreams_change_aside_for_good(self):
        g = guids()[5]
        sid, start = self.moved_here_by_five_minutes(g)
        root = ET.fromstring(BASE_XML)
        move_event(event_by_guid(root, g), 45)
        publish("schedule.xml", xml_text(root))
        sync()
        page = S.get("/admin/upstream", headers={"Cookie": self.staff}).text
        keep = self.choose(page, sid, "keep")
        self.assertEqual(keep.status, 303)
        self.assertEqual(stored_start(g), later(start, 5))
        sync("--force")
        self.assertEqual(stored_start(g), later(start, 5))
        self.assertEqual(db("SELECT COUNT(*) FROM session_upstream WHERE pending_kind IS NOT NULL"), "0")
        # A second click on the stale page: nothing waits any more.
        again = self.choose(page, sid, "take")
        self.assertEqual(again.header("Location"), "/admin/upstream?done=gone")
        self.assertEqual(stored_start(g), later(start, 5))

    def test_sessions_made_here_stay_and_dropped_edited_ones_wait(self):
        g = guids()[6]
        sid, _ = self.moved_here_by_five_minutes(g)
        made_here = S.sql("INSERT INTO sessions (title, abstract, starts_at, ends_at, room_id, kind,"
                          " status) SELECT 'Made here', '', starts_at, ends_at, room_id, 'talk',"
                          " 'scheduled' FROM sessions WHERE id = %d; SELECT LAST_INSERT_ID()" % sid,
                          database="confsched").stdout.strip()
        root = ET.fromstring(BASE_XML)
        for r in root.iter("room"):
            for e in list(r):
                if e.tag == "event" and e.get("guid") == g:
                    r.remove(e)
        publish("schedule.xml", xml_text(root))
        sync()
        self.assertEqual(stored(g, "COUNT(*)"), "1", "edited here: kept")
        self.assertEqual(db("SELECT COUNT(*) FROM sessions WHERE id = %s" % made_here), "1")
        self.assertEqual(db("SELECT pending_kind FROM session_upstream WHERE session_id = %d" % sid),
                         "removal")
        page = S.get("/admin/upstream", headers={"Cookie": self.staff}).text
        self.assertIn("upstream removed", page)
        take = self.choose(page, sid, "take")
        self.assertEqual(take.status, 303)
        self.assertEqual(stored(g, "COUNT(*)"), "0")
        self.assertEqual(db("SELECT COUNT(*) FROM sessions WHERE id = %s" % made_here), "1")
        S.sql("DELETE FROM sessions WHERE id = %s" % made_here, database="confsched")


class Failures(SyncTestCase):
    def programme(self):
        return (data_version(), db("SELECT COUNT(*) FROM sessions"),
                db("SELECT MD5(GROUP_CONCAT(id, title, starts_at ORDER BY id)) FROM sessions"))

    def assertFailedAndUnchanged(self, expected_error):
        before = self.programme()
        r = sync(check=False)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("failed, the programme is unchanged", r.stdout)
        self.assertIn(expected_error, r.stdout)
        self.assertEqual(self.programme(), before)
        self.assertIn(expected_error, db("SELECT last_error FROM sync_state"))
        metrics = status_text()
        success = int(re.search(r"confsched_sync_last_success_timestamp_seconds (\d+)", metrics).group(1))
        error = int(re.search(r"confsched_sync_last_error_timestamp_seconds (\d+)", metrics).group(1))
        self.assertGreaterEqual(error, success)
        admin = S.get("/admin", headers={"Cookie": self.staff}).text
        self.assertIn("The last attempt failed", admin)
        upstream = S.get("/admin/upstream", headers={"Cookie": self.staff}).text
        self.assertIn("Last error", upstream)
        return r

    def test_a_broken_file_changes_nothing_and_is_reported(self):
        publish("schedule.xml", BASE_XML[: len(BASE_XML) // 2])
        self.assertFailedAndUnchanged("127.0.0.1:%d/schedule.xml" % UPSTREAM[0])
        # The next good file goes through, and the error is history.
        root = ET.fromstring(BASE_XML)
        event_by_guid(root, guids()[0]).find("title").text = "After the breakage"
        publish("schedule.xml", xml_text(root))
        self.assertIn("1 updated", sync().stdout)
        self.assertIn("ok  sync from", S.cli("check").stdout)

    def test_an_oversized_file_is_refused_unread(self):
        use_sync_url("schedule.xml", **{"sync.max_bytes": "4096"})
        try:
            root = ET.fromstring(BASE_XML)
            event_by_guid(root, guids()[0]).find("title").text = "Too big to take"
            publish("schedule.xml", xml_text(root))
            self.assertFailedAndUnchanged("larger than 4096 bytes")
        finally:
            use_sync_url("schedule.xml")

    def test_a_missing_file_and_a_refused_scheme(self):
        use_sync_url("nothing-here.xml")
        try:
            self.assertFailedAndUnchanged("HTTP 404")
        finally:
            use_sync_url("schedule.xml")
        bad = S.write_ini(path=S.path("bad-sync.ini"), **{"sync.url": "ftp://127.0.0.1/x.xml"})
        r = S.cli("sync", config=bad, check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("[sync] url must start with", r.stderr)


class FromScheduleJson(SyncTestCase):
    def test_schedule_json_changes_arrive(self):
        path = S.path("demo-export.json")
        S.cli("export", "schedule-json", path)
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        publish("schedule.json", json.dumps(doc))
        S.cli("import", "--url", url("schedule.json"), "--replace")
        use_sync_url("schedule.json")
        self.assertIn("not modified (304)", sync().stdout)
        talk = first_talk(doc)
        talk["title"] = "JSON upstream renamed this"
        publish("schedule.json", json.dumps(doc))
        self.assertIn("1 updated", sync().stdout)
        self.assertEqual(stored(talk["guid"], "title"), "JSON upstream renamed this")


class RealExports(SyncTestCase):
    def shared(self, *parts):
        path = os.path.join(SHARED, *parts)
        if not os.path.exists(path):
            raise unittest.SkipTest("%s is absent (the shared test data is not next to this clone)" % path)
        with open(path, "rb") as f:
            return f.read()

    def replace_from(self, name, body):
        """Upstream publishes `body`; it replaces the programme and becomes
        the sync URL, whose next run is a 304. Returns the session count."""
        publish(name, body)
        S.cli("import", "--url", url(name), "--replace")
        use_sync_url(name)
        self.assertIn("not modified (304)", sync().stdout)
        return int(db("SELECT COUNT(*) FROM sessions"))

    def test_pretalx_democon_export(self):
        body = self.shared("formats", "pretalx-democon.json")
        count = self.replace_from("pretalx.json", body)
        self.assertGreater(count, 0)
        doc = json.loads(body)
        talk = first_talk(doc)
        talk["title"] = "pretalx changed this"
        publish("pretalx.json", json.dumps(doc))
        self.assertIn("1 updated", sync().stdout)
        self.assertEqual(stored(talk["guid"], "title"), "pretalx changed this")
        print("figure sync.pretalx_democon_sessions %d" % count)

    def test_31c3_frab_export(self):
        body = self.shared("31c3-schedule.xml")
        count = self.replace_from("31c3.xml", body)
        self.assertGreater(count, 100)
        root = ET.fromstring(body)
        e = next(iter(root.iter("event")))
        move_event(e, 5)
        publish("31c3.xml", ET.tostring(root, encoding="unicode"))
        self.assertIn("1 updated", sync().stdout)
        self.assertEqual(stored(e.get("guid"), "DATE_FORMAT(starts_at, '%H:%i')"), e.find("start").text)
        print("figure sync.31c3_sessions %d" % count)


# -------------------------------------------------------------------- helpers
def first_talk(doc):
    for day in doc["schedule"]["conference"]["days"]:
        for talks in day["rooms"].values():
            for talk in talks:
                return talk
    raise AssertionError("no talk in the export")


def status_text():
    r = S.fcgi("GET", "/_status")
    assert r.status == 200, r.status
    return r.text


def session_page(sid, cookie):
    return S.get("/session/%d" % sid, headers={"Cookie": cookie}).text


def html_text(text):
    import html
    return html.escape(text, quote=False)


def form_fields(page):
    from test_admin import form_fields as admin_form_fields
    return admin_form_fields(page)


def csrf_of(text):
    for f in parse_page(text).forms:
        if f["inputs"].get("csrf"):
            return f["inputs"]["csrf"]
    raise AssertionError("no CSRF token on the page")


if __name__ == "__main__":
    unittest.main()
