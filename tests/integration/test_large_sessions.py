"""Issue 15: a session imported at the largest size the schema holds (a
300-character Cyrillic title, a Cyrillic abstract of nearly 65,535 bytes)
can be saved again through the staff form, posted as a browser posts it,
and restored from its history. The importer took 300 characters and 65,535
bytes while the form took 300 bytes and 20,000 bytes (a 422), and the
form's own urlencoded body, three bytes for each byte of UTF-8 outside
ASCII, passed the 64 KiB request limit of the app and the web server (a
413). Runs through nginx and, as integration.apache.large_sessions,
through Apache."""

import hashlib
import html.parser
import re
import unittest

import stack as stackmod
from support import StackTestCase, start_module_stack, stop_module_stack

S = None

# Limits of sql/001_schema.sql (src/model/limits.h).
TITLE_CHARS = 300
TEXT_BYTES = 65535
COMMON_BODY_LIMIT = 64 * 1024


def setUpModule():
    global S
    S, _ = start_module_stack("large_sessions", https=False)


def tearDownModule():
    stop_module_stack(S)


def scalar(sql):
    return S.sql(sql, database="confsched").stdout.strip()


def cyrillic_title():
    """300 characters, 600 bytes: words, single spaces, none at either end
    (the importer collapses white space)."""
    words = "Расписание конференции и его долгое название для проверки ограничений".split()
    title = ""
    i = 0
    while len(title) < TITLE_CHARS:
        title += ("" if not title else " ") + words[i % len(words)]
        i += 1
    title = title[:TITLE_CHARS]
    if title.endswith(" "):
        title = title[:-1] + "я"
    assert len(title) == TITLE_CHARS and title == " ".join(title.split())
    return title


def cyrillic_abstract():
    """Paragraphs of two-byte characters, LF between them (as frab XML
    delivers them), of exactly TEXT_BYTES - 1 bytes of UTF-8."""
    paragraph = ("Этот доклад рассказывает о расписании, залах и докладчиках. " * 12).strip()
    text = ""
    n = 1
    while True:
        part = ("\n\n" if text else "") + "%d. %s" % (n, paragraph)
        if len((text + part).encode()) > TEXT_BYTES - 200:
            break
        text += part
        n += 1
    target = TEXT_BYTES - 1
    while len(text.encode()) < target - 1:
        text += "ж"
    if len(text.encode()) < target:
        text += "."
    assert len(text.encode()) == target and text == text.strip()
    return text


TITLE = cyrillic_title()
ABSTRACT = cyrillic_abstract()

FRAB = """<?xml version='1.0' encoding='utf-8'?>
<schedule><version>1</version>
<conference><title>Большая конференция</title><start>2026-06-12</start><end>2026-06-12</end>
<time_zone_name>Europe/Berlin</time_zone_name></conference>
<day date='2026-06-12' start='2026-06-12T09:00:00+02:00' end='2026-06-12T20:00:00+02:00' index='1'>
<room name='Зал А'>
<event id='901' guid='large-1'><start>10:00</start><duration>00:45</duration><room>Зал А</room>
<title>%s</title><type>lecture</type><abstract>%s</abstract>
<persons><person id='71'>Анна Каренина</person><person id='72'>Лев Толстой</person></persons>
<links><link href='https://example.org/slides/901'>Слайды доклада</link></links></event>
</room>
<room name='Зал Б'>
<event id='902' guid='small-2'><start>15:00</start><duration>00:30</duration><room>Зал Б</room>
<title>Короткий доклад</title><type>lecture</type></event>
</room></day></schedule>
""" % (TITLE, ABSTRACT)


class EditForm(html.parser.HTMLParser):
    """The staff edit form's successful controls as a browser collects them
    (HTML "constructing the entry list"): inputs with their value, each
    textarea's text (the newline right after <textarea> dropped, as the
    HTML parser does), each select's selected option (else its first), and
    the submit button pressed, action=save. An unchecked checkbox is not
    sent."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields = []  # [name, value] in document order
        self.in_form = False
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        # The first form.edit is the session's own; the running-late, swap
        # and move forms that follow it post elsewhere.
        if tag == "form" and "edit" in (a.get("class") or "").split() and not self.fields:
            self.in_form = True
        if not self.in_form:
            return
        if tag == "input" and a.get("name") and a.get("type") != "checkbox":
            self.fields.append([a["name"], a.get("value") or ""])
        elif tag == "textarea":
            self._textarea = [a["name"], ""]
            self.fields.append(self._textarea)
        elif tag == "select":
            self._select = {"field": [a["name"], None], "first": None}
            self.fields.append(self._select["field"])
        elif tag == "option" and self._select is not None:
            if self._select["first"] is None:
                self._select["first"] = a.get("value")
            if "selected" in a:
                self._select["field"][1] = a.get("value")

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea" and self._textarea is not None:
            if self._textarea[1].startswith("\n"):
                self._textarea[1] = self._textarea[1][1:]
            self._textarea = None
        elif tag == "select" and self._select is not None:
            if self._select["field"][1] is None:
                self._select["field"][1] = self._select["first"]
            self._select = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data


def edit_form(page):
    p = EditForm()
    p.feed(page)
    p.close()
    fields = [(n, v) for n, v in p.fields]
    assert fields, "no edit form on the page"
    return fields + [("action", "save")]


def browser_urlencoded(fields, textareas):
    """application/x-www-form-urlencoded as a browser writes it: a
    textarea's line breaks as CRLF (HTML), then the URL Standard's
    urlencoded serializer (§5.2): ASCII letters, digits and *-._ as they
    are, space as '+', every other byte of the UTF-8 as %XX."""
    def enc(text):
        out = []
        for b in text.encode("utf-8"):
            c = chr(b)
            if c.isascii() and (c.isalnum() or c in "*-._"):
                out.append(c)
            elif c == " ":
                out.append("+")
            else:
                out.append("%%%02X" % b)
        return "".join(out)
    pairs = []
    for name, value in fields:
        if name in textareas:
            value = re.sub(r"\r\n|\r|\n", "\r\n", value)
        pairs.append(enc(name) + "=" + enc(value))
    return "&".join(pairs).encode("ascii")


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class LargeImportedSession(StackTestCase):
    @classmethod
    def setUpClass(cls):
        path = S.path("large.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(FRAB)
        S.cli("import", "frab-xml", path, "--time-zone", "Europe/Berlin")
        cls.sid = int(scalar("SELECT id FROM sessions WHERE external_id = 'large-1'"))
        cls.rooms = dict(
            line.split("\t")[::-1] for line in scalar("SELECT id, name FROM rooms").splitlines())

    def stored(self):
        row = scalar("SELECT room_id, CHAR_LENGTH(title), LENGTH(abstract), SHA2(title, 256),"
                     " SHA2(abstract, 256), revision FROM sessions WHERE id = %d" % self.sid).split("\t")
        return {"room_id": row[0], "title_chars": int(row[1]), "abstract_bytes": int(row[2]),
                "title_sha": row[3], "abstract_sha": row[4], "revision": int(row[5])}

    def post(self, path, body, cookie):
        return S.request("POST", path, body=body, headers={
            "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded", "Origin": S.origin},
            timeout=60)

    def assertImportedValues(self, row, what):
        self.assertEqual(row["title_chars"], TITLE_CHARS, what)
        self.assertEqual(row["abstract_bytes"], len(ABSTRACT.encode()), what)
        self.assertEqual(row["title_sha"], sha256(TITLE), what + ": the title changed")
        self.assertEqual(row["abstract_sha"], sha256(ABSTRACT), what + ": the abstract changed")

    def test_staff_move_it_to_another_room_through_the_form_then_restore_it(self):
        before = self.stored()
        self.assertImportedValues(before, "as imported")
        hall_a, hall_b = self.rooms["Зал А"], self.rooms["Зал Б"]
        self.assertEqual(before["room_id"], hall_a)

        staff = S.login(role=stackmod.STAFF_USER)
        page = S.get("/admin/session/%d" % self.sid, headers={"Cookie": staff})
        self.assertEqual(page.status, 200, page.text[:500])
        fields = edit_form(page.text)
        shown = dict(fields)
        self.assertEqual(shown["title"], TITLE, "the form shows the whole title")
        self.assertEqual(shown["abstract"], ABSTRACT, "the form shows the whole abstract")
        self.assertEqual(shown["room_id"], hall_a)
        # Only the room changes, as a staff member would change it.
        fields = [(n, hall_b if n == "room_id" else v) for n, v in fields]
        body = browser_urlencoded(fields, {"abstract", "speakers", "materials"})
        print("large_sessions: the form's body is %d bytes" % len(body), flush=True)
        self.assertGreater(len(body), COMMON_BODY_LIMIT, "the case of issue 15: above the common limit")

        r = self.post("/admin/session/%d" % self.sid, body, staff)
        self.assertEqual(r.status, 303, "the save: %r %s" % (r, r.text[:1500]))
        self.assertEqual(stackmod.location_path(S, r), "/admin/session/%d?saved=1" % self.sid)
        moved = self.stored()
        self.assertEqual(moved["room_id"], hall_b, "the room did not move")
        self.assertEqual(moved["revision"], before["revision"] + 1)
        self.assertImportedValues(moved, "after the save")

        # The history holds the import's entry and the move; restoring the
        # import's version puts the session back in its room.
        hist = S.get("/admin/session/%d/history" % self.sid, headers={"Cookie": staff})
        self.assertEqual(hist.status, 200, hist.text[:500])
        created = re.search(r'<li class="history-entry action-create" id="entry-(\d+)">(.*?)</li>',
                            hist.text, re.S)
        self.assertIsNotNone(created, "no entry of the import in the history")
        form = re.search(r'<form method="post" action="([^"]*)" class="restore">(.*?)</form>',
                         created.group(2), re.S)
        self.assertIsNotNone(form, "no restore button on the import's entry")
        restore_fields = [(n, html.unescape(v))
                          for n, v in re.findall(r'name="([a-z_]+)" value="([^"]*)"', form.group(2))]
        self.assertEqual(form.group(1), "/admin/session/%d/restore" % self.sid)
        r = self.post(form.group(1), browser_urlencoded(restore_fields, ()), staff)
        self.assertEqual(r.status, 303, "the restore: %r %s" % (r, r.text[:1500]))
        self.assertEqual(stackmod.location_path(S, r), "/admin/session/%d?saved=1" % self.sid)
        restored = self.stored()
        self.assertEqual(restored["room_id"], hall_a, "the restore did not move the session back")
        self.assertImportedValues(restored, "after the restore")
        self.assertEqual(scalar("SELECT action FROM audit_log WHERE entity = 'session' AND entity_id = %d"
                                " ORDER BY id DESC LIMIT 1" % self.sid), "restore")

        # Only staff may send such a body (nginx asks the app before it
        # reads one; under Apache the app refuses it on the request's head).
        r = self.post("/admin/session/%d" % self.sid, body, S.login())
        self.assertEqual(r.status, 403, "a delegate's save: %r %s" % (r, r.text[:300]))
        self.assertEqual(self.stored()["revision"], restored["revision"], "a delegate's save changed it")


if __name__ == "__main__":
    unittest.main()
