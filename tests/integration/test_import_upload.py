"""/admin/import takes a schedule file as multipart/form-data, through
nginx: a preview (a dry run that writes nothing), then the import of exactly
the file and choices previewed, byte for byte; a bad file (with its line),
a missing or wrong CSRF token, a body over the limit and a malformed form
are refused and change nothing; the real 31C3 schedule (shared test data,
skipped when absent) uploads whole."""
import base64
import hashlib
import html
import os
import time
import unittest

import stack as stackmod
from support import (FRAB_XML_31C3, StackTestCase, escaped, parse_page, poll_until,
                     start_module_stack, stop_module_stack)

S = None

DATA_FILE = FRAB_XML_31C3

# The limits the page and conf/nginx/confsched.conf promise.
MAX_FILE = 4 << 20
MAX_BODY = 6 << 20


def setUpModule():
    global S
    S, _ = start_module_stack("import_upload", https=False)


def tearDownModule():
    stop_module_stack(S)


def scalar(sql):
    return S.sql(sql, database="confsched").stdout.strip()


CSV_HEADER = "guid,title,day,start,end,room,track,kind,status,speakers,abstract\r\n"
ROWS = [
    "g-1,Opening,2026-06-12,09:00,09:30,Hall,Core,keynote,,Ada,Welcome\r\n",
    "g-2,\"Parsing, safely\",2026-06-12,10:00,10:45,Hall,Core,talk,,Ada;Bob,\"two\r\nlines\"\r\n",
    "g-3,Night owls,2026-06-12,23:00,01:00,Club,,social,,,\r\n",
]

FRAB = """<?xml version='1.0' encoding='utf-8'?>
<schedule><version>1</version>
<conference><title>Upload &amp; Test</title><start>2026-06-12</start><end>2026-06-12</end></conference>
<day date='2026-06-12' start='2026-06-12T09:00:00+02:00' end='2026-06-13T02:00:00+02:00' index='1'>
<room name='Hall'>
<event id='701' guid='x-1'><start>10:00</start><duration>00:30</duration><room>Hall</room>
<title>Parsing &lt;b&gt;x&lt;/b&gt; &amp; "co"</title><type>lecture</type></event>
<event id='702' guid='x-2'><start>11:00</start><duration>00:30</duration><room>Hall</room>
<title>Second upload</title><type>lecture</type></event>
</room></day></schedule>
"""


def snapshot():
    """Changes to the programme move the data version; every import writes
    audit rows."""
    return (scalar("SELECT version FROM data_version"), scalar("SELECT COUNT(*) FROM sessions"),
            scalar("SELECT COUNT(*) FROM audit_log"))


def confirm_form(text):
    """The hidden fields of the preview's Import form."""
    for form in parse_page(text).forms:
        if "content" in form["inputs"]:
            return {k: v for k, v in form["inputs"].items() if k}
    return None


class UploadCase(StackTestCase):
    """Helpers: a staff session, its token, uploads and confirmations."""

    def setUp(self):
        # A known start: the CSV programme replacing whatever was there.
        path = S.path("base.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(CSV_HEADER + "".join(ROWS))
        S.cli("import", path, "--replace", "--time-zone", "Europe/Berlin")
        self.staff = S.login(role=stackmod.STAFF_USER)

    def token(self):
        r = S.get("/admin/import", headers={"Cookie": self.staff})
        self.assertEqual(r.status, 200, r)
        forms = [f for f in parse_page(r.text).forms if f["action"] == "/admin/import"]
        self.assertTrue(forms, "no form posting to /admin/import")
        self.assertIn('enctype="multipart/form-data"', r.text)
        self.assertIn('<input type="file" id="schedule" name="schedule" accept=".xml,.json,.csv" required>',
                      r.text)
        self.assertNotIn("<textarea", r.text)
        return forms[0]["inputs"]["csrf"]

    def upload(self, data, filename="schedule.xml", fields=(), csrf=None, cookie=None, **kw):
        fields = [("csrf", csrf if csrf is not None else self.token())] + list(fields)
        return S.post_multipart("/admin/import", fields, [("schedule", filename, "application/octet-stream", data)],
                                headers={"Cookie": cookie or self.staff}, **kw)

    def confirm(self, hidden, **changes):
        fields = dict(hidden)
        fields.update(changes)
        return S.post_multipart("/admin/import", [(k, v) for k, v in fields.items() if v is not None]
                                + [("action", "import")], headers={"Cookie": self.staff})

    def assertUnchanged(self, before, what):
        self.assertEqual(snapshot(), before, "%s changed the programme" % what)


class Upload(UploadCase):
    # -- the flow ------------------------------------------------------------
    def test_frab_xml_preview_then_import(self):
        before = snapshot()
        r = self.upload(FRAB, "talks.xml", [("format", "auto"), ("action", "preview")])
        self.assertEqual(r.status, 200, r.text[:800])
        self.assertHtmlPage(r, "preview")
        self.assertNoStore(r, "preview")
        self.assertIn("What importing talks.xml would do", r.text)
        self.assertIn("2 to add", r.text)
        title = 'Parsing <b>x</b> & "co"'
        self.assertIn(escaped(title), r.text)
        self.assertNotIn(title, r.text)
        self.assertNotIn("<b>x</b>", r.text)
        self.assertUnchanged(before, "a preview")
        hidden = confirm_form(r.text)
        self.assertIsNotNone(hidden, "the preview has no Import form")
        self.assertEqual(hidden["filename"], "talks.xml")
        self.assertEqual(hidden["format"], "auto")
        self.assertNotIn("prune", hidden)

        r = self.confirm(hidden)
        self.assertEqual(r.status, 200, r.text[:800])
        self.assertIn("Imported.", r.text)
        self.assertIn("2 to add", r.text)
        self.assertEqual(scalar("SELECT title FROM sessions WHERE external_id = 'x-1'"), title)
        row = scalar("SELECT CONCAT(staff_name, ' ', JSON_VALUE(after_values, '$.file'), ' ',"
                     " JSON_VALUE(after_values, '$.digest')) FROM audit_log WHERE entity = 'programme'"
                     " ORDER BY id DESC LIMIT 1")
        self.assertEqual(row, "staff (shared login) /admin/import: talks.xml sha256:" + hashlib.sha256(FRAB.encode()).hexdigest())
        # Delegates see it like any edit.
        cookie = S.login()
        poll_until(lambda: escaped(title) in S.get("/schedule", headers={"Cookie": cookie}).text,
                   "import_upload.uploaded_programme_on_schedule", "the uploaded programme on /schedule")

    def test_the_import_is_only_of_what_was_previewed(self):
        r = self.upload(FRAB, "talks.xml", [("action", "preview")])
        hidden = confirm_form(r.text)
        before = snapshot()
        # Another file with the first one's digest: previewed, not imported.
        other = FRAB.replace("Second upload", "Sneaked in")
        sneaked = base64.urlsafe_b64encode(other.encode()).decode().rstrip("=")
        r = self.confirm(hidden, content=sneaked)
        self.assertEqual(r.status, 200, r.text[:500])
        self.assertIn("This is not what was previewed", r.text)
        self.assertIn("Sneaked in", r.text)
        self.assertUnchanged(before, "an import of a file other than the previewed one")
        # Prune ticked after the preview: the plan seen had no deletions.
        r = self.confirm(hidden, prune="1")
        self.assertIn("This is not what was previewed", r.text)
        self.assertIn("- delete #", r.text)
        self.assertUnchanged(before, "an import with prune not previewed")
        # A damaged hidden field.
        r = self.confirm(hidden, content="!!")
        self.assertEqual(r.status, 422)
        self.assertUnchanged(before, "a damaged confirmation")

    def test_csv_upload_keeps_the_files_bytes(self):
        # The second row's abstract holds a CRLF inside quotes; a textarea
        # would have rewritten it, the file and its confirmation keep it.
        text = (CSV_HEADER + ROWS[0] + ROWS[1].replace("Parsing, safely", "Parsing <again>")
                + "g-4,Added,2026-06-12,12:00,12:30,Hall,,,,,\"a\r\nb\"\r\n")
        r = self.upload(text.encode(), "talks.csv", [("format", "csv"), ("action", "preview")])
        self.assertEqual(r.status, 200, r.text[:800])
        self.assertIn("~ update #", r.text)
        self.assertIn("+ add Added", r.text)
        self.assertIn(html.escape("Parsing <again>"), r.text)
        r = self.confirm(confirm_form(r.text))
        self.assertEqual(r.status, 200, r.text[:800])
        self.assertIn("1 to add, 1 to update", r.text)
        self.assertEqual(scalar("SELECT abstract = CONCAT('a', CHAR(13), CHAR(10), 'b') FROM sessions"
                                " WHERE external_id = 'g-4'"), "1")
        # The same file through the CLI finds nothing to do: the upload
        # imported exactly its bytes.
        path = S.path("same.csv")
        with open(path, "wb") as f:
            f.write(text.encode())
        dry = S.cli("import", path, "--dry-run")
        self.assertIn("0 to add, 0 to update, 0 to delete", dry.stdout)

    # -- refusals --------------------------------------------------------------
    def test_a_bad_file_names_its_line_and_changes_nothing(self):
        before = snapshot()
        bad = CSV_HEADER + ROWS[0] + "g-9,T,2026-06-12,<b>9,10:00,R,,,,,\r\n"
        r = self.upload(bad, "bad<1>.csv", [("action", "preview")])
        self.assertEqual(r.status, 422, r.text[:500])
        self.assertHtmlPage(r, "refused file")
        self.assertIn("Nothing was imported from", r.text)
        self.assertIn("line 3: start", r.text)
        self.assertIn(escaped("<b>9"), r.text)
        self.assertNotIn("<b>9", r.text)
        self.assertIn(escaped("bad<1>.csv"), r.text)
        self.assertNotIn("bad<1>", r.text)
        self.assertIsNone(confirm_form(r.text), "a refused file offered an Import button")
        r = self.upload("<?xml version='1.0'?>\n<!DOCTYPE schedule [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n"
                        "<schedule>&x;</schedule>\n", "xxe.xml", [("action", "preview")])
        self.assertEqual(r.status, 422)
        self.assertIn("DOCTYPE", r.text)
        r = self.upload("", "", [("action", "preview")])
        self.assertEqual(r.status, 422)
        self.assertIn("Choose a schedule file first.", r.text)
        self.assertUnchanged(before, "a refused file")

    def test_a_bidi_control_or_a_password_in_a_link_is_422_with_its_line(self):
        before = snapshot()
        bad = CSV_HEADER + ROWS[0] + "g-9,Invoice \u202egnp.exe,2026-06-12,10:00,10:30,Hall,,,,,\r\n"
        r = self.upload(bad.encode("utf-8"), "bidi.csv", [("action", "preview")])
        self.assertEqual(r.status, 422, r.text[:500])
        self.assertIn("line 3: the title contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text display "
                      "in a misleading order", r.text)
        self.assertIsNone(confirm_form(r.text), "a refused file offered an Import button")
        links = FRAB.replace("<title>Second upload</title>", "<title>Second upload</title><links>"
                             "<link href='https://bob:hunter2@example.org/'>Slides</link></links>")
        r = self.upload(links, "links.xml", [("action", "preview")])
        self.assertEqual(r.status, 422, r.text[:500])
        self.assertRegex(r.text, r"line 9: event 702 \(&quot;Second upload&quot;\): links must not carry a user "
                                 r"name or password")
        self.assertNotIn("hunter2", r.text)
        self.assertUnchanged(before, "a refused file")

    def test_csrf_token_missing_or_wrong_is_403(self):
        before = snapshot()
        r = S.post_multipart("/admin/import", [("action", "preview")],
                             [("schedule", "a.xml", "text/xml", FRAB)], headers={"Cookie": self.staff})
        self.assertEqual(r.status, 403, r.text[:300])
        r = self.upload(FRAB, fields=[("action", "preview")], csrf="x" * 43)
        self.assertEqual(r.status, 403)
        # A confirmation with the token of another staff session (a login
        # a second later: the expiry in the cookie differs).
        time.sleep(1.1)
        other = S.login(role=stackmod.STAFF_USER)
        self.assertNotEqual(other, self.staff)
        r = self.upload(FRAB, fields=[("action", "preview")])
        hidden = confirm_form(r.text)
        r = S.post_multipart("/admin/import", list(hidden.items()) + [("action", "import")],
                             headers={"Cookie": other})
        self.assertEqual(r.status, 403)
        # Delegates never get that far.
        r = self.upload(FRAB, fields=[("action", "import")], cookie=S.login())
        self.assertEqual(r.status, 403)
        self.assertUnchanged(before, "a post without a valid token")

    def test_over_the_limits_is_413(self):
        before = snapshot()
        # Over nginx's limit for the path: its own 413 page, with the way round.
        big = b"<" + b"x" * (MAX_BODY + 1)
        r = self.upload(big, "huge.xml", [("action", "preview")])
        self.assertEqual(r.status, 413, r.text[:300])
        self.assertIn("up to 4 MiB", r.text)
        self.assertIn("confsched import FILE", r.text)
        # Under nginx's limit but over the page's: the app's 413, the same words.
        r = self.upload(b"<" + b"x" * (MAX_FILE + (MAX_FILE >> 3)), "big.xml", [("action", "preview")])
        self.assertEqual(r.status, 413, r.text[:300])
        self.assertHtmlPage(r, "app 413")
        self.assertIn("The file is 4.5 MiB; this page takes files up to 4 MiB", r.text)
        # The app refuses a larger body itself, unread, behind any server.
        r = S.fcgi("POST", "/admin/import", body=b"x",
                   headers={"Cookie": self.staff, "Content-Length": str(MAX_BODY + 1),
                            "Content-Type": "multipart/form-data; boundary=b"})
        self.assertEqual(r.status, 413)
        self.assertUnchanged(before, "an upload over the limit")
        # Every other path keeps the 64 KiB limit, in nginx and in the app.
        r = S.post_form("/admin/event", {"csrf": "x", "name": "n" * (70 << 10)}, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 413)
        r = S.fcgi("POST", "/admin/event", body=b"x",
                   headers={"Cookie": self.staff, "Content-Length": str((64 << 10) + 1)})
        self.assertEqual(r.status, 413)
        self.assertIn("64 KiB for most forms", r.text)

    def test_wrong_content_type_or_boundary(self):
        before = snapshot()
        csrf = self.token()
        # The old urlencoded form: not the encoding this page takes.
        r = S.post_form("/admin/import", {"csrf": csrf, "schedule": FRAB, "action": "preview"},
                        headers={"Cookie": self.staff})
        self.assertEqual(r.status, 415, r.text[:300])
        self.assertIn("not sent as multipart/form-data", r.text)
        # The boundary missing, not the body's, twice, too long.
        content_type, body = stackmod.multipart_body([("csrf", csrf)], [("schedule", "a.xml", "text/xml", FRAB)],
                                                     boundary="abc123")
        for wrong, reason in [("multipart/form-data", "names no boundary"),
                              ("multipart/form-data; boundary=other", "holds no line with the boundary"),
                              ("multipart/form-data; boundary=abc123; boundary=abc123", "gives its boundary twice"),
                              ("multipart/form-data; boundary=" + "a" * 71, "1 to 70")]:
            r = S.request("POST", "/admin/import", body=body,
                          headers={"Cookie": self.staff, "Content-Type": wrong})
            self.assertEqual(r.status, 400, "%s: %s" % (wrong, r.text[:300]))
            self.assertHtmlPage(r, wrong)
            self.assertIn(reason, r.text, wrong)
        # LF line ends, and no closing boundary line.
        for broken, reason in [(body.replace(b"\r\n", b"\n"), "bare LF"),
                               (body[:body.rindex(b"--abc123--")], "without its closing boundary line")]:
            r = S.request("POST", "/admin/import", body=broken,
                          headers={"Cookie": self.staff, "Content-Type": content_type})
            self.assertEqual(r.status, 400, r.text[:300])
            self.assertIn(reason, r.text)
        self.assertUnchanged(before, "a malformed form")


@unittest.skipUnless(os.path.exists(DATA_FILE),
                     "shared test data absent, 31C3 upload not tested: %s" % DATA_FILE)
class RealSchedule(UploadCase):
    def test_31c3_schedule_xml_uploads_whole(self):
        with open(DATA_FILE, "rb") as f:
            data = f.read()
        self.assertLess(len(data), MAX_FILE, "the size reference must fit the page's limit")
        events = data.count(b"<event ")
        before = int(scalar("SELECT COUNT(*) FROM sessions"))
        r = self.upload(data, "31c3-schedule.xml", [("action", "preview")])
        self.assertEqual(r.status, 200, r.text[:800])
        self.assertIn("%d to add" % events, r.text)
        r = self.confirm(confirm_form(r.text))
        self.assertEqual(r.status, 200, r.text[:800])
        self.assertIn("Imported.", r.text)
        self.assertEqual(int(scalar("SELECT COUNT(*) FROM sessions")), before + events)
        self.assertEqual(scalar("SELECT JSON_VALUE(after_values, '$.digest') FROM audit_log"
                                " WHERE entity = 'programme' ORDER BY id DESC LIMIT 1"),
                         "sha256:" + hashlib.sha256(data).hexdigest())


if __name__ == "__main__":
    unittest.main()
