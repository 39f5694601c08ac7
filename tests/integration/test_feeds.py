"""Feeds: /schedule.ics, /session/<id>.ics, /schedule.json, /schedule.xml,
their access rules (cookie or feed token, never the login redirect, never
nginx's shared microcache) and the formats' schemas.

The .ics files are read here without libical: lines unfolded (RFC 5545
§3.1), properties split and text unescaped (§3.3.11) by the few functions
below. The JSON is checked against c3voc's schema.json by a small validator
of the JSON Schema keywords that file uses (type, properties, required,
additionalProperties, patternProperties, items, $ref, pattern, enum, const,
oneOf, minimum); "format" is not asserted, as most validators do by default.
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
import zoneinfo

import stack as stackmod
from support import (StackTestCase, poll, start_module_stack, stop_module_stack,
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
        self.assertEqual(S.get("/schedule.ics?token=" + token).status, 200)
        S.passwd("delegate", "delegate-new-password")
        ok, _ = poll(lambda: S.get("/schedule.ics?token=" + token).status == 403, 10)
        self.assertTrue(ok, "the old token still works after a password change")
        fresh = urllib.parse.quote(feed_token(), safe="")
        self.assertNotEqual(fresh, token)
        self.assertEqual(S.get("/schedule.ics?token=" + fresh).status, 200)


# -- JSON Schema, the subset schema.json uses --------------------------------

def validate(instance, schema, root, path="$"):
    """Errors (strings) of instance against schema; [] when valid."""
    if schema is True:
        return []
    if schema is False:
        return ["%s: not allowed" % path]
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return validate(instance, target, root, path)
    errors = []
    types = schema.get("type")
    if types is not None:
        types = types if isinstance(types, list) else [types]
        checks = {"object": lambda v: isinstance(v, dict), "array": lambda v: isinstance(v, list),
                  "string": lambda v: isinstance(v, str), "null": lambda v: v is None,
                  "boolean": lambda v: isinstance(v, bool),
                  "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
                  "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)}
        if not any(checks[t](instance) for t in types):
            return ["%s: %r is not of type %s" % (path, instance, types)]
    if "const" in schema and instance != schema["const"]:
        errors.append("%s: not %r" % (path, schema["const"]))
    if "enum" in schema and instance not in schema["enum"]:
        errors.append("%s: %r not in enum" % (path, instance))
    if isinstance(instance, str) and "pattern" in schema and not re.search(schema["pattern"], instance):
        errors.append("%s: %r does not match %s" % (path, instance, schema["pattern"]))
    if isinstance(instance, (int, float)) and "minimum" in schema and instance < schema["minimum"]:
        errors.append("%s: below minimum" % path)
    if isinstance(instance, dict):
        for key in schema.get("required", []):
            if key not in instance:
                errors.append("%s: %s is required" % (path, key))
        props = schema.get("properties", {})
        patterns = schema.get("patternProperties", {})
        for key, value in instance.items():
            matched = False
            if key in props:
                matched = True
                errors += validate(value, props[key], root, "%s.%s" % (path, key))
            for pattern, sub in patterns.items():
                if re.search(pattern, key):
                    matched = True
                    errors += validate(value, sub, root, "%s.%s" % (path, key))
            if not matched and schema.get("additionalProperties", True) is False:
                errors.append("%s: unexpected property %s" % (path, key))
    if isinstance(instance, list) and "items" in schema:
        for i, item in enumerate(instance):
            errors += validate(item, schema["items"], root, "%s[%d]" % (path, i))
    if "oneOf" in schema:
        passing = sum(1 for sub in schema["oneOf"] if not validate(instance, sub, root, path))
        if passing != 1:
            errors.append("%s: matches %d of oneOf, not exactly 1" % (path, passing))
    return errors


class Validator(unittest.TestCase):
    """The validator itself finds what it should."""

    def test_catches_missing_and_wrong(self):
        schema = {"type": "object", "required": ["a"], "additionalProperties": False,
                  "properties": {"a": {"type": "string", "pattern": "^x"}}}
        self.assertEqual(validate({"a": "xy"}, schema, schema), [])
        self.assertTrue(validate({}, schema, schema))
        self.assertTrue(validate({"a": "y"}, schema, schema))
        self.assertTrue(validate({"a": "x", "b": 1}, schema, schema))
        self.assertTrue(validate({"a": 1}, schema, schema))


def need_formats(name):
    path = os.path.join(FORMATS, name)
    if not os.path.exists(path):
        raise unittest.SkipTest("%s is absent (the shared test data is not next to this clone)" % path)
    return path


class ExchangeFormats(StackTestCase):
    def test_json_follows_the_c3voc_schema_and_the_database(self):
        with open(need_formats("schema.json")) as f:
            schema = json.load(f)
        wait_for_version()
        r = S.get("/schedule.json", headers={"Cookie": S.login()})
        self.assertEqual(r.status, 200)
        self.assertEqual(r.headers.get("Content-Type"), "application/json")
        doc = json.loads(r.body)
        self.assertEqual(validate(doc, schema, schema)[:10], [])
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


if __name__ == "__main__":
    unittest.main()
