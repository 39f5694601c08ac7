"""Feeds: /schedule.ics, /session/<id>.ics, /schedule.json, /schedule.xml,
their access rules (cookie or feed token, never the login redirect, never
nginx's shared microcache) and the formats' schemas.

The .ics files are read here without libical: lines unfolded (RFC 5545
§3.1), properties split and text unescaped (§3.3.11) by the few functions
below, and independently by Debian's python3-icalendar. The JSON is checked
against c3voc's schema.json by Debian's python3-jsonschema (draft-06, formats
asserted).
The XML is checked with `xmllint --schema` against c3voc's XSD and read back
with `confsched import frab-xml`. Schema files come from ../shared/data/formats;
those tests skip, saying so, when it is absent."""

import datetime
import json
import os
import re
import shutil
import subprocess
import unittest
import urllib.parse
import xml.etree.ElementTree as ET
import zoneinfo

import stack as stackmod
from support import (StackTestCase, poll_until, start_module_stack, stop_module_stack,
                     wait_for_feed_version)

S = None
IDS = None
FORMATS = os.path.join(stackmod.SOURCE_DIR, "..", "shared", "data", "formats")


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("feeds", https=False)


def tearDownModule():
    stop_module_stack(S)


def rows(sql):
    out = S.sql(sql, database="confsched").stdout
    return [line.split("\t") for line in out.splitlines() if line]


def scalar(sql):
    return S.sql(sql, database="confsched").stdout.strip()


# -- iCalendar without libical ---------------------------------------------

def unfold(text):
    """RFC 5545 §3.1: a CRLF followed by one space or tab continues the line."""
    return re.sub(r"\r\n[ \t]", "", text).split("\r\n")


def unescape(value):
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            n = value[i + 1]
            out.append("\n" if n in "nN" else n)
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse_ics(body):
    """[{'NAME': (params, raw value)}] per VEVENT, plus the calendar's own."""
    text = body.decode("utf-8")
    events, calendar, current = [], {}, None
    for line in unfold(text):
        if not line:
            continue
        if line == "BEGIN:VEVENT":
            current = {}
            continue
        if line == "END:VEVENT":
            events.append(current)
            current = None
            continue
        m = re.match(r"^([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$", line)
        assert m, "not a content line: %r" % line
        (current if current is not None else calendar)[m.group(1).upper()] = (m.group(2), m.group(3))
    return calendar, events


def utc_of(local_text, zone):
    local = datetime.datetime.strptime(local_text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=zoneinfo.ZoneInfo(zone))
    return local.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def feed_token():
    """The subscription link's token, as /feeds shows it to a delegate."""
    r = S.get("/feeds", headers={"Cookie": S.login()})
    assert r.status == 200, r
    m = re.search(r'value="[^"]*/schedule\.ics\?token=([^"&]+)"', r.text)
    assert m, "no subscription link on /feeds"
    return urllib.parse.unquote(m.group(1))


def wait_for_version():
    wait_for_feed_version(S)


class Ical(StackTestCase):
    def fetch(self, path):
        r = S.get(path, headers={"Cookie": S.login()})
        self.assertEqual(r.status, 200, "%s: %r %s" % (path, r, r.text[:300]))
        self.assertEqual((r.headers.get("Content-Type") or "").replace(" ", "").lower(), "text/calendar;charset=utf-8")
        self.assertTrue(r.body.startswith(b"BEGIN:VCALENDAR\r\n"), r.body[:80])
        # §3.1: no line longer than 75 octets, CRLF only.
        for line in r.body.split(b"\r\n"):
            self.assertLessEqual(len(line), 75, line)
            self.assertNotIn(b"\n", line)
            line.decode("utf-8")  # folding never splits a character
        return parse_ics(r.body)

    def test_one_vevent_per_session_with_the_database_times(self):
        wait_for_version()
        zone = scalar("SELECT time_zone FROM event")
        db = {int(i): (s, e, st) for i, s, e, st in rows("SELECT id, starts_at, ends_at, status FROM sessions")}
        calendar, events = self.fetch("/schedule.ics")
        self.assertEqual(calendar["VERSION"][1], "2.0")
        self.assertEqual(len(events), len(db), "one VEVENT per session")
        for ev in events:
            sid = int(re.match(r"session-(\d+)@", ev["UID"][1]).group(1))
            starts, ends, status = db[sid]
            self.assertEqual(ev["DTSTART"][1], utc_of(starts, zone), "DTSTART of session %d" % sid)
            self.assertEqual(ev["DTEND"][1], utc_of(ends, zone), "DTEND of session %d" % sid)
            self.assertEqual(ev["STATUS"][1], "CANCELLED" if status == "cancelled" else "CONFIRMED")

    def test_an_independent_parser_reads_the_calendar(self):
        """Debian's python3-icalendar (a widely used parser, not ours) reads
        /schedule.ics: every VEVENT with a UID, a start before its end and a
        summary. It runs under the system Python, where Debian installs it."""
        system_python = "/usr/bin/python3"
        probe = subprocess.run([system_python, "-c", "import icalendar"], capture_output=True)
        if probe.returncode != 0:
            self.skipTest("python3-icalendar is not installed (scripts/test installs it)")
        r = S.get("/schedule.ics", headers={"Cookie": S.login()})
        self.assertEqual(r.status, 200, r)
        check = (
            "import sys, icalendar\n"
            "cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())\n"
            "events = [c for c in cal.walk('VEVENT')]\n"
            "for e in events:\n"
            "    assert e.get('UID') and e.get('SUMMARY') is not None, e\n"
            "    assert e.decoded('DTSTART') < e.decoded('DTEND'), e.get('UID')\n"
            "print(len(events), len(set(str(e.get('UID')) for e in events)))\n")
        out = subprocess.run([system_python, "-c", check], input=r.body, capture_output=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr.decode()[-2000:])
        events, uids = (int(x) for x in out.stdout.split())
        self.assertEqual(events, int(scalar("SELECT COUNT(*) FROM sessions")))
        self.assertEqual(uids, events, "UIDs are unique")

    def test_uid_stable_across_fetches_and_edits_and_sequence_follows_revision(self):
        sid = IDS.take()
        path = "/session/%d.ics" % sid
        _, first = self.fetch(path)
        _, again = self.fetch(path)
        self.assertEqual(len(first), 1)
        self.assertEqual(first[0]["UID"], again[0]["UID"])
        revision = int(scalar("SELECT revision FROM sessions WHERE id = %d" % sid))
        self.assertEqual(first[0]["SEQUENCE"][1], str(revision - 1))
        S.sql("UPDATE sessions SET title = CONCAT(title, ' (edited)'), revision = revision + 1, "
              "updated_at = updated_at + INTERVAL 1 MINUTE WHERE id = %d" % sid, database="confsched")
        wait_for_version()
        _, edited = self.fetch(path)
        self.assertEqual(edited[0]["UID"], first[0]["UID"], "UID after an edit")
        self.assertEqual(edited[0]["SEQUENCE"][1], str(revision))
        self.assertNotEqual(edited[0]["LAST-MODIFIED"], first[0]["LAST-MODIFIED"])
        self.assertTrue(unescape(edited[0]["SUMMARY"][1]).endswith(" (edited)"))

    def test_text_is_escaped_and_folded(self):
        sid = IDS.take()
        title = "Commas, semi;colons \\ back\\slashes and a very long title to force folding: ünïcödé ünïcödé"
        abstract = "Line one, with; all\\ of it\nline two"
        S.sql("UPDATE sessions SET title = '%s', abstract = '%s' WHERE id = %d"
              % (title.replace("\\", "\\\\"), abstract.replace("\\", "\\\\").replace("\n", "\\n"), sid),
              database="confsched")
        wait_for_version()
        _, events = self.fetch("/session/%d.ics" % sid)
        raw = events[0]["SUMMARY"][1]
        self.assertIn("Commas\\, semi\\;colons \\\\ back\\\\slashes", raw)
        self.assertEqual(unescape(raw), title)
        self.assertTrue(unescape(events[0]["DESCRIPTION"][1]).endswith(abstract))

    def test_cancelled_session_is_status_cancelled(self):
        sid = IDS.take()
        S.sql("UPDATE sessions SET status = 'cancelled' WHERE id = %d" % sid, database="confsched")
        wait_for_version()
        _, events = self.fetch("/session/%d.ics" % sid)
        self.assertEqual(events[0]["STATUS"][1], "CANCELLED")

    def test_unknown_session_is_404(self):
        r = S.get("/session/999999999.ics", headers={"Cookie": S.login()})
        self.assertEqual(r.status, 404)

    def test_etag_and_304(self):
        wait_for_version()
        cookie = S.login()
        r = S.get("/schedule.ics", headers={"Cookie": cookie})
        etag = r.headers.get("ETag")
        self.assertTrue(etag)
        again = S.get("/schedule.ics", headers={"Cookie": cookie, "If-None-Match": etag})
        self.assertEqual(again.status, 304)


class Access(StackTestCase):
    FEEDS = ("/schedule.ics", "/schedule.json", "/schedule.xml")

    def session_feed(self):
        return "/session/%d.ics" % int(scalar("SELECT MIN(id) FROM sessions"))

    def test_no_cookie_no_token_is_401_not_the_login_redirect(self):
        for path in self.FEEDS + (self.session_feed(),):
            r = S.get(path)
            self.assertEqual(r.status, 401, "%s: %r" % (path, r))
            self.assertIsNone(r.headers.get("Location"))
            self.assertNotIn(b"BEGIN:VEVENT", r.body)

    def test_token_without_cookie_through_nginx(self):
        token = urllib.parse.quote(feed_token(), safe="")
        for path in self.FEEDS + (self.session_feed(),):
            r = S.get("%s?token=%s" % (path, token))
            self.assertEqual(r.status, 200, "%s with a token: %r %s" % (path, r, r.text[:200]))
            # Never from the shared microcache.
            self.assertNotIn(r.headers.get("X-Cache"), ("HIT", "STALE", "UPDATING"))
        self.assertIn(b"BEGIN:VEVENT", S.get("/schedule.ics?token=" + token).body)

    def test_forged_token_is_403(self):
        token = feed_token()
        role, epoch, mac = token.split(".")
        forged = "%s.%s.%s" % (role, epoch, ("A" if mac[0] != "A" else "B") + mac[1:])
        for bad in (forged, "delegate.1", "x" * 300, token + "."):
            r = S.get("/schedule.ics?token=" + urllib.parse.quote(bad, safe=""))
            self.assertEqual(r.status, 403, "%r: %r" % (bad, r))

    def test_session_cookie_is_not_a_feed_token(self):
        cookie = S.login()
        value = cookie.split("=", 1)[1]
        r = S.get("/schedule.ics?token=" + urllib.parse.quote(value, safe=""))
        self.assertEqual(r.status, 403)

    def test_schedule_and_session_pages_link_the_feeds(self):
        cookie = S.login()
        text = S.get("/schedule", headers={"Cookie": cookie}).text
        self.assertIn('href="/feeds"', text)
        sid = int(scalar("SELECT MIN(id) FROM sessions"))
        self.assertIn('href="/session/%d.ics"' % sid, S.get("/session/%d" % sid, headers={"Cookie": cookie}).text)
        r = S.get("/feeds")
        self.assertEqual(r.status, 303, "/feeds needs a login")

    def test_token_revoked_by_password_change(self):
        token = urllib.parse.quote(feed_token(), safe="")
        mine = my_sessions_link() + "&ids=%d" % IDS.take()
        self.assertEqual(S.get("/schedule.ics?token=" + token).status, 200)
        self.assertEqual(S.get(mine).status, 200)
        S.passwd("delegate", "delegate-new-password")
        poll_until(lambda: S.get("/schedule.ics?token=" + token).status == 403,
                   "feeds.old_token_refused_after_passwd", "the old feed token refused after a password change")
        self.assertEqual(S.get(mine).status, 403, "the starred sessions' link dies with it")
        fresh = urllib.parse.quote(feed_token(), safe="")
        self.assertNotEqual(fresh, token)
        self.assertEqual(S.get("/schedule.ics?token=" + fresh).status, 200)


# -- My sessions as a calendar (issue 16) ------------------------------------

def my_sessions_link():
    """The base of the starred sessions' address, token included, as /feeds
    hands it to agenda.js (which appends &ids= and &alarm=)."""
    r = S.get("/feeds", headers={"Cookie": S.login()})
    assert r.status == 200, r
    m = re.search(r'data-my-feed="([^"]+)"', r.text)
    assert m, "no starred-sessions address on /feeds"
    link = m.group(1).replace("&amp;", "&")
    return link[link.index("/my-sessions.ics"):]


# Read by Debian's python3-icalendar: per VEVENT its UID, SEQUENCE, STATUS
# and each VALARM's trigger in minutes before the start.
MY_SESSIONS_CHECK = (
    "import json, sys, icalendar\n"
    "cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())\n"
    "out = {'name': str(cal.get('X-WR-CALNAME')), 'events': []}\n"
    "for e in cal.walk('VEVENT'):\n"
    "    alarms = [a.decoded('TRIGGER') for a in e.walk('VALARM')]\n"
    "    assert all(str(a.get('ACTION')) == 'DISPLAY' and a.get('DESCRIPTION') for a in e.walk('VALARM'))\n"
    "    out['events'].append({'uid': str(e.get('UID')), 'sequence': int(e.get('SEQUENCE')),\n"
    "        'status': str(e.get('STATUS')), 'summary': str(e.get('SUMMARY')),\n"
    "        'alarms': [-t.total_seconds() / 60 for t in alarms]})\n"
    "print(json.dumps(out))\n")


class MySessions(StackTestCase):
    def read(self, body):
        probe = subprocess.run([SYSTEM_PYTHON, "-c", "import icalendar"], capture_output=True)
        if probe.returncode != 0:
            self.skipTest("python3-icalendar is not installed (scripts/test installs it)")
        out = subprocess.run([SYSTEM_PYTHON, "-c", MY_SESSIONS_CHECK], input=body, capture_output=True,
                             timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr.decode()[-2000:])
        return json.loads(out.stdout)

    def test_the_starred_sessions_with_a_reminder_and_the_whole_feeds_identities(self):
        link = my_sessions_link()
        picked = sorted({IDS.take(), IDS.take()})
        cancelled = int(scalar("SELECT MIN(id) FROM sessions WHERE status = 'cancelled'"))
        gone = int(scalar("SELECT MAX(id) FROM sessions")) + 1000  # names no session
        ids = picked + [cancelled, gone, picked[0]]  # any order, a repeat
        r = S.get("%s&ids=%s&alarm=15" % (link, ",".join(map(str, ids))))
        self.assertEqual(r.status, 200, "%r %s" % (r, r.text[:300]))
        self.assertEqual((r.headers.get("Content-Type") or "").replace(" ", "").lower(),
                         "text/calendar;charset=utf-8")
        # One calendar per set of stars: kept by nobody.
        self.assertIn("no-store", r.headers.get("Cache-Control", ""))
        self.assertIsNone(r.headers.get("ETag"))
        self.assertNotIn(r.headers.get("X-Cache"), ("HIT", "STALE", "UPDATING"))
        mine = self.read(r.body)
        self.assertIn("my sessions", mine["name"])
        whole = {e["uid"]: e for e in self.read(S.get("/schedule.ics", headers={"Cookie": S.login()}).body)["events"]}
        by_uid = {e["uid"]: e for e in mine["events"]}
        self.assertEqual(len(mine["events"]), 3, "the two picked and the cancelled one, once each")
        expect_uids = {uid for uid in whole if int(uid.split("@")[0].split("-")[1]) in picked + [cancelled]}
        self.assertEqual(set(by_uid), expect_uids, "the whole feed's UIDs, so phones update the same events")
        for uid, e in by_uid.items():
            self.assertEqual(e["sequence"], whole[uid]["sequence"], uid)
            self.assertEqual(e["summary"], whole[uid]["summary"], uid)
            if e["status"] == "CANCELLED":
                self.assertEqual(e["alarms"], [], "no reminder for a cancelled session")
            else:
                self.assertEqual(e["alarms"], [15.0], uid)
        self.assertEqual(sum(e["status"] == "CANCELLED" for e in mine["events"]), 1)
        # Without a reminder, no VALARM.
        plain = self.read(S.get("%s&ids=%d" % (link, picked[0])).body)
        self.assertEqual([e["alarms"] for e in plain["events"]], [[]])

    def test_bad_lists_and_reminders_are_a_clear_400(self):
        link = my_sessions_link()
        for query in ("ids=1,,2", "ids=01", "ids=abc", "ids=1,", "ids=-3", "ids=1%2C2x",
                      "ids=" + ",".join(str(i) for i in range(1, 302)),
                      "ids=1&alarm=-5", "ids=1&alarm=1441", "ids=1&alarm=ten"):
            r = S.get("%s&%s" % (link, query))
            self.assertEqual(r.status, 400, "%s: %r" % (query, r))
            self.assertNotIn(b"BEGIN:VCALENDAR", r.body)
            self.assertIn("no-store", r.headers.get("Cache-Control", ""))
        self.assertEqual(S.get("%s&ids=1,2&alarm=0" % link).status, 200)
        self.assertEqual(S.get("%s&ids=" % link).status, 200, "no stars: an empty calendar")

    def test_without_a_token_or_cookie_it_is_refused(self):
        self.assertEqual(S.get("/my-sessions.ics?ids=1").status, 401)
        self.assertEqual(S.get("/my-sessions.ics?ids=1&token=delegate.1").status, 403)


# -- JSON Schema --------------------------------------------------------------

# Run under the system Python, where Debian installs python3-jsonschema (the
# tests themselves may run under another interpreter). Prints one line per
# error, nothing when the document is valid. The validator class follows the
# schema's own "$schema" (draft-06 for c3voc's); formats are asserted too
# where jsonschema can check them ("uri" through python3-rfc3987, which
# scripts/test installs: without it the Validator test below fails).
JSON_SCHEMA_CHECK = (
    "import json, sys, jsonschema\n"
    "schema = json.load(open(sys.argv[1]))\n"
    "doc = json.load(sys.stdin)\n"
    "cls = jsonschema.validators.validator_for(schema)\n"
    "cls.check_schema(schema)\n"
    "v = cls(schema, format_checker=jsonschema.FormatChecker())\n"
    "for e in sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path)):\n"
    "    print('/'.join(map(str, e.absolute_path)) + ': ' + e.message[:300])\n")
SYSTEM_PYTHON = "/usr/bin/python3"


def json_schema_errors(document, schema_path):
    """Lines of errors of document (bytes) against the schema file."""
    out = subprocess.run([SYSTEM_PYTHON, "-c", JSON_SCHEMA_CHECK, schema_path], input=document,
                         capture_output=True, timeout=120)
    if out.returncode != 0:
        raise AssertionError("jsonschema failed: " + out.stderr.decode()[-2000:])
    return out.stdout.decode().splitlines()


def need_jsonschema():
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import jsonschema"], capture_output=True)
    if probe.returncode != 0:
        raise unittest.SkipTest("python3-jsonschema is not installed (scripts/test installs it)")


class Validator(unittest.TestCase):
    """The validator finds what it should: a document broken in three ways
    (wrong pattern, unexpected property, relative "uri") gives three errors."""

    def test_catches_missing_wrong_and_unexpected(self):
        need_jsonschema()
        schema = {"$schema": "http://json-schema.org/draft-06/schema#", "type": "object",
                  "required": ["a"], "additionalProperties": False,
                  "properties": {"a": {"type": "string", "pattern": "^x"},
                                 "link": {"type": "string", "format": "uri"}}}
        path = S.path("tiny-schema.json")
        with open(path, "w") as f:
            json.dump(schema, f)
        self.assertEqual(json_schema_errors(b'{"a": "xy", "link": "https://conf.example.org/session/1"}', path), [])
        self.assertEqual(len(json_schema_errors(b'{}', path)), 1)
        self.assertEqual(len(json_schema_errors(b'{"a": "y", "b": 1, "link": "/session/1"}', path)), 3)


def need_formats(name):
    path = os.path.join(FORMATS, name)
    if not os.path.exists(path):
        raise unittest.SkipTest("%s is absent (the shared test data is not next to this clone)" % path)
    return path


class ExchangeFormats(StackTestCase):
    def test_json_follows_the_c3voc_schema_and_the_database(self):
        wait_for_version()
        r = S.get("/schedule.json", headers={"Cookie": S.login()})
        self.assertEqual(r.status, 200)
        self.assertEqual(r.headers.get("Content-Type"), "application/json")
        need_jsonschema()
        self.assertEqual(json_schema_errors(r.body, need_formats("schema.json"))[:10], [])
        doc = json.loads(r.body)
        events = [e for d in doc["schedule"]["conference"]["days"] for room in d["rooms"].values() for e in room]
        listed = int(scalar("SELECT COUNT(*) FROM sessions WHERE status <> 'cancelled'"))
        self.assertEqual(len(events), listed)
        titles = {int(i): t for i, t in rows("SELECT id, title FROM sessions")}
        for e in events:
            self.assertEqual(e["title"], titles[e["id"]])

    def test_xml_follows_the_xsd_and_round_trips_through_the_importer(self):
        xsd = need_formats("schedule.xml.xsd")
        xmllint = shutil.which("xmllint")
        if not xmllint:
            self.skipTest("xmllint is not installed (Debian libxml2-utils)")
        wait_for_version()
        r = S.get("/schedule.xml", headers={"Cookie": S.login()})
        self.assertEqual(r.status, 200)
        self.assertEqual(r.headers.get("Content-Type"), "application/xml")
        path = S.path("export.xml")
        with open(path, "wb") as f:
            f.write(r.body)
        v = subprocess.run([xmllint, "--noout", "--schema", xsd, path], capture_output=True, text=True)
        self.assertEqual(v.returncode, 0, v.stderr[-2000:])

        def programme():
            return sorted(tuple(x) for x in rows(
                "SELECT s.title, s.starts_at, s.ends_at, r.name FROM sessions s JOIN rooms r ON r.id = s.room_id "
                "WHERE s.status <> 'cancelled'"))
        before = programme()
        S.cli("import", "frab-xml", path, "--replace")
        self.assertEqual(programme(), before, "titles, times and rooms after the round trip")
        wait_for_version()



class PlainTextAbstracts(StackTestCase):
    """The abstract is Markdown; DESCRIPTION (RFC 5545 §3.8.1.5) and the
    exchange formats' abstract are plain text. Each feed carries the
    abstract's text: no Markdown markers, no raw HTML (a calendar that
    renders DESCRIPTION as HTML would run it), links as "text (URL)"."""

    MARKDOWN = ("Some **bold** and `code` <script>alert(1)</script>, see [the slides](https://example.org/s).\n\n"
                "<img src=x onerror=alert(2)>\n\n"
                "- one\n- two &amp; <b>three</b>\n\n"
                "[click](javascript:alert(3)) ![a diagram](https://example.org/d.png)")
    PLAIN = ("Some bold and code alert(1), see the slides (https://example.org/s).\n\n"
             "- one\n- two & three\n\n"
             "click a diagram")

    def test_ics_json_and_xml_carry_the_abstract_as_plain_text(self):
        sid = IDS.take()
        S.sql("UPDATE sessions SET status = 'scheduled', abstract = '%s' WHERE id = %d"
              % (self.MARKDOWN.replace("\\", "\\\\").replace("'", "''").replace("\n", "\\n"), sid),
              database="confsched")
        self.assertEqual(scalar("SELECT abstract FROM sessions WHERE id = %d" % sid).replace("\\n", "\n"),
                         self.MARKDOWN)
        wait_for_version()
        cookie = S.login()

        r = S.get("/session/%d.ics" % sid, headers={"Cookie": cookie})
        self.assertEqual(r.status, 200)
        _, events = parse_ics(r.body)
        description = unescape(events[0]["DESCRIPTION"][1])
        self.assertTrue(description.endswith("\n\n" + self.PLAIN) or description == self.PLAIN, description)

        r = S.get("/schedule.json", headers={"Cookie": cookie})
        self.assertEqual(r.status, 200)
        doc = json.loads(r.body)
        found = [e for d in doc["schedule"]["conference"]["days"] for room in d["rooms"].values() for e in room
                 if e["id"] == sid]
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["abstract"], self.PLAIN)

        r = S.get("/schedule.xml", headers={"Cookie": cookie})
        self.assertEqual(r.status, 200)
        root = ET.fromstring(r.body)
        event = root.find(".//event[@id='%d']" % sid)
        self.assertIsNotNone(event)
        self.assertEqual(event.findtext("abstract"), self.PLAIN)

        for path, body in (("ics", events[0]["DESCRIPTION"][1].encode()), ("json", json.dumps(found[0]).encode()),
                           ("xml", ET.tostring(event))):
            for gone in (b"<script", b"&lt;script", b"onerror", b"javascript:", b"**", b"<b>", b"&lt;b&gt;"):
                self.assertNotIn(gone, body, "%s in the %s feed" % (gone, path))


if __name__ == "__main__":
    unittest.main()
