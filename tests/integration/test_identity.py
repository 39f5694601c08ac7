"""Exports keep the programme's identity and its days (issue 18): what was imported goes
out in /schedule.xml, /schedule.json and `confsched export` with the guid,
id, slug and URL the source gave it, so that apps keeping favourites by
guid keep them when an event switches its feed to confsched; a session
made here gets a UUID of its own that stays the same across exports, data
changes and restarts.

Imports the 31C3 frab XML and the pretalx democon JSON from ../shared/data
(those tests skip, saying so, when it is absent) and a generated file with
known guids, slugs and URLs, and compares event by event. The exported
documents are also checked against the formats' XSD and JSON schema
(test_feeds's checks).

Days as the source defines them (ConferenceDays, and the 31C3 and pretalx
imports): a frab <day> that runs to 04:00 keeps its talk at 00:15, in the
exports (the same days, each with the same sessions, start and end), on
/schedule, its grid and the session's way back, on /admin, and in the
staff form, which saves a session across midnight; /admin/event sets the
day change for a programme made here."""

import json
import os
import re
import shutil
import subprocess
import time
import unittest
import xml.etree.ElementTree as ET

import stack as stackmod
from support import StackTestCase, poll_until, start_module_stack, stop_module_stack, wait_for_feed_version
from test_admin import form_fields
from test_admin_settings import find_form
from test_feeds import json_schema_errors, need_formats

S = None
DATA = os.path.join(stackmod.SOURCE_DIR, "..", "shared", "data")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def setUpModule():
    global S
    S, _ = start_module_stack("identity", https=False)


def tearDownModule():
    stop_module_stack(S)


def scalar(sql):
    return S.sql(sql, database="confsched").stdout.strip()


def need_data(name):
    path = os.path.join(DATA, name)
    if not os.path.exists(path):
        raise unittest.SkipTest("%s is absent (the shared test data is not next to this clone)" % path)
    return path


def write(name, text):
    path = S.path(name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


# -- the identities in each format: {id: {"guid", "slug", "url"}} -------------

def xml_identities(body):
    out = {}
    for e in ET.fromstring(body).iter("event"):
        out[int(e.get("id"))] = {"guid": e.get("guid"), "slug": e.findtext("slug"),
                                 "url": e.findtext("url")}
    return out


def json_identities(body):
    conf = json.loads(body)["schedule"]["conference"]
    out = {}
    for day in conf["days"]:
        for events in day["rooms"].values():
            for e in events:
                out[int(e["id"])] = {"guid": e.get("guid"), "slug": e.get("slug"), "url": e.get("url")}
    return out


def exports():
    """The programme's four exports: (name, format, body) for /schedule.xml
    and /schedule.json through the stack's nginx as a delegate, and both
    written by `confsched export`."""
    wait_for_feed_version(S)
    cookie = S.login()
    out = []
    for fmt, path in (("xml", "/schedule.xml"), ("json", "/schedule.json")):
        r = S.get(path, headers={"Cookie": cookie})
        assert r.status == 200, (path, r.status)
        out.append((path, fmt, r.body))
    for fmt, name in (("xml", "frab-xml"), ("json", "schedule-json")):
        file = S.path("export." + fmt)
        S.cli("export", name, file)
        with open(file, "rb") as f:
            out.append(("confsched export " + name, fmt, f.read()))
    return out


# -- the days in each format: [(date, start, end, [event ids])] --------------

def xml_days(body):
    return [(d.get("date"), d.get("start"), d.get("end"), sorted(int(e.get("id")) for e in d.iter("event")))
            for d in ET.fromstring(body).iter("day")]


def json_days(body):
    return [(d["date"], d["day_start"], d["day_end"],
             sorted(int(e["id"]) for events in d["rooms"].values() for e in events))
            for d in json.loads(body)["schedule"]["conference"]["days"]]


def days_of(fmt, body):
    return xml_days(body) if fmt == "xml" else json_days(body)


def identities(fmt, body):
    return xml_identities(body) if fmt == "xml" else json_identities(body)


def check_schemas(test, documents, except_links=False):
    """Every exported document against its format's schema, as test_feeds
    checks the demo's (skipped without the tools or schemas). except_links:
    not the links' URLs, which 31C3 writes as IRIs (a “ in the path) that
    the JSON schema's "uri" refuses; the importer keeps them as they are,
    which is not this test's subject."""
    xmllint = shutil.which("xmllint")
    have_jsonschema = subprocess.run(["/usr/bin/python3", "-c", "import jsonschema"],
                                     capture_output=True).returncode == 0
    for name, fmt, body in documents:
        if fmt == "xml" and xmllint and os.path.exists(os.path.join(DATA, "formats", "schedule.xml.xsd")):
            path = S.path("check.xml")
            with open(path, "wb") as f:
                f.write(body)
            v = subprocess.run([xmllint, "--noout", "--schema", need_formats("schedule.xml.xsd"), path],
                               capture_output=True, text=True)
            test.assertEqual(v.returncode, 0, name + ": " + v.stderr[-2000:])
        if fmt == "json" and have_jsonschema and os.path.exists(os.path.join(DATA, "formats", "schema.json")):
            errors = [e for e in json_schema_errors(body, need_formats("schema.json"))
                      if not (except_links and "/links/" in e.split(": ")[0])]
            test.assertEqual(errors[:10], [], name)


def frab_source(path):
    with open(path, "rb") as f:
        root = ET.fromstring(f.read())
    return {int(e.get("id")): {"guid": e.get("guid"), "slug": e.findtext("slug"), "url": e.findtext("url")}
            for e in root.iter("event")}


def json_source(path):
    with open(path, "rb") as f:
        return json_identities(f.read())


class RealExports(StackTestCase):
    def compare(self, source, documents):
        """Each export lists every source event under its id, with the
        source's guid (lower case) where it is a UUID, slug and URL where
        it had them; else our UUID, the same in every export, and our
        /session link."""
        ours = {}
        for name, fmt, body in documents:
            got = identities(fmt, body)
            self.assertEqual(sorted(got), sorted(source), name + ": the source's ids")
            for i, want in source.items():
                have = got[i]
                self.assertRegex(have["guid"], UUID, "%s: event %d" % (name, i))
                if want["guid"] and UUID.match(want["guid"].lower()):
                    self.assertEqual(have["guid"], want["guid"].lower(), "%s: event %d" % (name, i))
                else:
                    self.assertEqual(ours.setdefault(i, have["guid"]), have["guid"],
                                     "%s: event %d: our guid differs between exports" % (name, i))
                if want["slug"]:
                    self.assertEqual(have["slug"], want["slug"], "%s: event %d" % (name, i))
                if want["url"]:
                    self.assertEqual(have["url"], want["url"], "%s: event %d" % (name, i))
                else:
                    self.assertEqual(have["url"], S.origin + "/session/%d" % i, "%s: event %d" % (name, i))
        return ours

    def test_31c3_frab_xml(self):
        path = need_data("31c3-schedule.xml")
        S.cli("import", "frab-xml", path, "--replace", "--time-zone", "Europe/Berlin")
        source = frab_source(path)
        self.assertEqual(len(source), 138)
        self.assertTrue(all(s["slug"] for s in source.values()))
        documents = exports()
        ours = self.compare(source, documents)
        # Of 31C3's guids 26 are UUIDs (kept); 112 ("hoqenib6g7m4hyfkfrkcmq")
        # are not, which both formats require: ours go out, one per event.
        self.assertEqual(len(ours), 112)
        self.assertEqual(len(set(ours.values())), len(ours))
        check_schemas(self, documents, except_links=True)
        # 31C3's days run to 04:00; four talks start at 00:00 or 00:15 and
        # stay on the day the file lists them under, each day with the
        # file's start and end.
        with open(path, "rb") as f:
            source_days = xml_days(f.read())
        self.assertEqual(len(source_days), 4)
        self.assertEqual(scalar("SELECT day_change FROM event"), "240")
        for name, fmt, body in documents:
            self.assertEqual(days_of(fmt, body), source_days, name)

    def test_pretalx_schedule_json(self):
        path = need_data(os.path.join("formats", "pretalx-democon.json"))
        S.cli("import", "schedule-json", path, "--replace")
        source = json_source(path)
        self.assertTrue(all(s["guid"] and s["slug"] and s["url"] for s in source.values()))
        documents = exports()
        self.compare(source, documents)
        check_schemas(self, documents)
        # pretalx's days run from 04:00 to 03:59: the same dates, each with
        # the same sessions and end. (Its day_start is the day change; ours
        # is the first session's, as frab writes it.)
        with open(path, "rb") as f:
            source_days = json_days(f.read())
        # (democon says its zone is UTC but writes +01:00 offsets; the
        # importer takes the wall clock, so the offsets differ.)
        self.assertEqual(scalar("SELECT day_change FROM event"), "239")
        for name, fmt, body in documents:
            self.assertEqual([(d, e[:19], ids) for d, _, e, ids in days_of(fmt, body)],
                             [(d, e[:19], ids) for d, _, e, ids in source_days], name)


# A generated frab XML: a guid in upper case, one that is no UUID with a
# slug and URL the exports cannot use (dropped), and one with a guid only.
GUID_A = "5B1E4C4E-0E5C-4B7E-9C1E-3C2D0B0A0F01"
GUID_C = "0f0e0d0c-0b0a-4909-8807-060504030201"
GUID_D = "9d7c1e0a-6b2f-4c55-8a3e-2f1d0c9b8a77"


def generated_xml(slug_a, url_a, with_d=False):
    def event(eid, guid, title, start, extra):
        return ("<event id='%d'%s><date>2027-06-15T%s:00+02:00</date><start>%s</start>"
                "<duration>00:30</duration><room>Hall</room><title>%s</title><type>lecture</type>"
                "%s</event>\n" % (eid, " guid='%s'" % guid if guid else "", start, start, title, extra))
    events = (event(501, GUID_A, "Alpha", "10:00", "<slug>%s</slug><url>%s</url>" % (slug_a, url_a)) +
              event(502, "talk-b", "Beta", "11:00",
                    "<slug>Not A Slug</slug><url>ftp://files.example.org/b</url>") +
              event(503, GUID_C, "Gamma", "12:00", ""))
    if with_d:
        events += event(504, GUID_D, "Delta", "13:00",
                        "<slug>genconf-504-delta</slug><url>https://cfp.example.org/talk/DDDD/</url>")
    return ("<?xml version='1.0' encoding='utf-8'?>\n<schedule><version>1</version><conference>"
            "<acronym>genconf</acronym><title>Generated Conf</title><start>2027-06-15</start>"
            "<end>2027-06-15</end><time_zone_name>Europe/Berlin</time_zone_name></conference>\n"
            "<day index='1' date='2027-06-15' start='2027-06-15T08:00:00+02:00' end='2027-06-16T04:00:00+02:00'>"
            "<room name='Hall'>\n" + events + "</room></day></schedule>\n")


class KnownIdentities(StackTestCase):
    def test_imported_replaced_and_merged_identities_go_out(self):
        S.cli("import", "frab-xml", write("gen.xml", generated_xml(
            "genconf-501-alpha", "https://cfp.example.org/talk/AAAA/")), "--replace")
        self.assertEqual(scalar("SELECT external_slug, external_url FROM sessions WHERE id = 501"),
                         "genconf-501-alpha\thttps://cfp.example.org/talk/AAAA/")
        # Dropped, not refused: nothing the exports could give back.
        self.assertEqual(scalar("SELECT external_slug IS NULL AND external_url IS NULL FROM sessions"
                                " WHERE id = 502"), "1")
        documents = exports()
        guid_b = None
        for name, fmt, body in documents:
            got = identities(fmt, body)
            self.assertEqual(sorted(got), [501, 502, 503], name)
            self.assertEqual(got[503]["guid"], GUID_C, name)
            self.assertEqual(got[503]["url"], S.origin + "/session/503", name)
            self.assertEqual(got[501]["guid"], GUID_A.lower(), name)
            self.assertEqual(got[501]["slug"], "genconf-501-alpha", name)
            self.assertEqual(got[501]["url"], "https://cfp.example.org/talk/AAAA/", name)
            # "talk-b" is no UUID: ours instead, the same in every export.
            self.assertRegex(got[502]["guid"], UUID, name)
            guid_b = guid_b or got[502]["guid"]
            self.assertEqual(got[502]["guid"], guid_b, name)
            self.assertEqual(got[502]["url"], S.origin + "/session/502", name)
            if fmt == "json":
                self.assertEqual(got[502]["slug"], "generated_conf-502-beta", name)
            else:
                self.assertIsNone(got[502]["slug"], name)  # the XSD wants no made-up slug
        check_schemas(self, documents)

        # A merge carries a changed slug and URL (an update) and a new
        # session's identity (an add), and leaves the rest as it was.
        r = S.cli("import", "frab-xml", write("gen2.xml", generated_xml(
            "genconf-501-alpha_renamed", "https://cfp.example.org/talk/AAAB/", with_d=True)))
        self.assertIn("1 added, 1 updated", r.stdout)
        for name, fmt, body in exports():
            got = identities(fmt, body)
            self.assertEqual(got[501]["guid"], GUID_A.lower(), name)
            self.assertEqual(got[501]["slug"], "genconf-501-alpha_renamed", name)
            self.assertEqual(got[501]["url"], "https://cfp.example.org/talk/AAAB/", name)
            self.assertEqual(got[504], {"guid": GUID_D, "slug": "genconf-504-delta",
                                        "url": "https://cfp.example.org/talk/DDDD/"}, name)
            self.assertEqual(got[502]["guid"], guid_b, name)

        # A save on the staff form keeps them (the form has no such fields),
        # and makes the session one edited here: the same file changes
        # nothing more.
        cookie = S.login(role=stackmod.STAFF_USER)
        page = S.get("/admin/session/501", headers={"Cookie": cookie}).text
        fields = form_fields(page)
        self.assertFalse([f for f in fields if "slug" in f or "external" in f], fields)
        fields.update(title="Alpha, edited here", accept_clash="1")
        r = S.post_form("/admin/session/501", fields, headers={"Cookie": cookie})
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(scalar("SELECT CONCAT(title, '|', external_slug, '|', external_url) FROM sessions"
                                " WHERE id = 501"),
                         "Alpha, edited here|genconf-501-alpha_renamed|https://cfp.example.org/talk/AAAB/")
        for name, fmt, body in exports():
            got = identities(fmt, body)[501]
            self.assertEqual(got, {"guid": GUID_A.lower(), "slug": "genconf-501-alpha_renamed",
                                   "url": "https://cfp.example.org/talk/AAAB/"}, name)
        r = S.cli("import", "frab-xml", S.path("gen2.xml"))
        self.assertIn("0 added, 0 updated", r.stdout)

    def test_a_session_made_here_keeps_its_guid(self):
        S.cli("import", "frab-xml", write("gen.xml", generated_xml(
            "genconf-501-alpha", "https://cfp.example.org/talk/AAAA/")), "--replace")
        S.sql("INSERT INTO sessions (id, title, abstract, starts_at, ends_at, room_id, kind, status)"
              " SELECT 900, 'Made here', '', '2027-06-15 15:00:00', '2027-06-15 15:30:00', MIN(id),"
              " 'talk', 'scheduled' FROM rooms", database="confsched")

        def guids():
            found = set()
            for name, fmt, body in exports():
                e = identities(fmt, body)[900]
                self.assertEqual(e["url"], S.origin + "/session/900", name)
                found.add(e["guid"])
            self.assertEqual(len(found), 1, found)
            return found.pop()
        first = guids()
        self.assertRegex(first, UUID)
        self.assertEqual(guids(), first, "a second round of exports")
        S.sql("UPDATE sessions SET title = 'Made here, renamed', starts_at = '2027-06-15 16:00:00',"
              " ends_at = '2027-06-15 16:30:00' WHERE id = 900", database="confsched")
        S.cli("import", "frab-xml", S.path("gen.xml"))  # a merge leaves it alone
        self.assertEqual(guids(), first, "after a change and an import")
        S.stop_app()
        S.start_app()
        self.assertEqual(guids(), first, "after a restart")


# A night programme: the first day runs to 04:00, with a talk at 00:15
# the next morning listed under it; each day starts at its first session,
# as frab writes them.
def night_xml():
    def event(eid, date, start, duration, title):
        return ("<event id='%d' guid='00000000-0000-4000-8000-000000000%d'><date>%s</date><start>%s</start>"
                "<duration>%s</duration><room>Hall</room><title>%s</title><type>lecture</type></event>\n"
                % (eid, eid, date, start, duration, title))
    return ("<?xml version='1.0' encoding='utf-8'?>\n<schedule><version>1</version><conference>"
            "<acronym>nightconf</acronym><title>Night Conf</title><start>2027-06-15</start>"
            "<end>2027-06-16</end><time_zone_name>Europe/Berlin</time_zone_name></conference>\n"
            "<day index='1' date='2027-06-15' start='2027-06-15T22:00:00+02:00' end='2027-06-16T04:00:00+02:00'>"
            "<room name='Hall'>\n" +
            event(601, "2027-06-15T22:00:00+02:00", "22:00", "01:00", "Late Talk") +
            event(602, "2027-06-16T00:15:00+02:00", "00:15", "00:45", "Small Hours Talk") +
            "</room></day>\n"
            "<day index='2' date='2027-06-16' start='2027-06-16T10:00:00+02:00' end='2027-06-17T04:00:00+02:00'>"
            "<room name='Hall'>\n" +
            event(603, "2027-06-16T10:00:00+02:00", "10:00", "01:00", "Morning Talk") +
            "</room></day></schedule>\n")


def section(page, day):
    """The text of /schedule's section for a conference day."""
    m = re.search(r'<section class="day" id="day-%s">(.*?)</section>' % day, page, re.S)
    return m.group(1) if m else ""


class ConferenceDays(StackTestCase):
    def setUp(self):
        self.source = write("night.xml", night_xml())
        S.cli("import", "frab-xml", self.source, "--replace")
        wait_for_feed_version(S)
        self.cookie = S.login()
        self.staff = S.login(role=stackmod.STAFF_USER)

    def page(self, path, cookie=None):
        r = S.get(path, headers={"Cookie": cookie or self.cookie})
        self.assertEqual(r.status, 200, (path, r.text[:300]))
        return r.text

    def test_exports_keep_the_source_days_and_read_back(self):
        self.assertEqual(scalar("SELECT day_change FROM event"), "240")
        with open(self.source, "rb") as f:
            source_days = xml_days(f.read())
        self.assertEqual(source_days[0][3], [601, 602])
        documents = exports()
        for name, fmt, body in documents:
            self.assertEqual(days_of(fmt, body), source_days, name)
        check_schemas(self, documents)
        # What confsched exports, imported again, has the same days.
        exported = write("night-export.xml", next(b for n, f, b in documents if f == "xml").decode())
        S.cli("import", "frab-xml", exported, "--replace")
        self.assertEqual(scalar("SELECT day_change FROM event"), "240")
        for name, fmt, body in exports():
            self.assertEqual(days_of(fmt, body), source_days, "after a round trip: " + name)

    def test_a_csv_import_keeps_the_events_day_change(self):
        # A CSV lists no days, so it says nothing about the day change:
        # merged or replacing, the event keeps its own.
        csv = write("night.csv", "guid,title,day,start,end,room\n"
                    "g-late,Later Still,2027-06-16,01:30,02:00,Hall\n")
        S.cli("import", "csv", csv, "--time-zone", "Europe/Berlin")
        self.assertEqual(scalar("SELECT day_change FROM event"), "240")
        S.cli("import", "csv", csv, "--replace", "--time-zone", "Europe/Berlin")
        self.assertEqual(scalar("SELECT day_change FROM event"), "240")

    def test_pages_group_by_the_conference_day(self):
        whole = self.page("/schedule?view=all")
        self.assertIn("Small Hours Talk", section(whole, "2027-06-15"))
        self.assertNotIn("Small Hours Talk", section(whole, "2027-06-16"))
        self.assertIn("Morning Talk", section(whole, "2027-06-16"))
        # Its heading says which morning it is.
        self.assertIn("Wednesday 16 June 2027, 00:15", section(whole, "2027-06-15"))
        self.assertIn("Small Hours Talk", self.page("/schedule?day=2027-06-15"))
        self.assertNotIn("Small Hours Talk", self.page("/schedule?day=2027-06-16"))
        self.assertIn("Small Hours Talk", self.page("/schedule?day=2027-06-15&view=grid"))
        self.assertNotIn("Small Hours Talk", self.page("/schedule?day=2027-06-16&view=grid"))
        session = self.page("/session/602")
        self.assertIn('href="/schedule#day-2027-06-15"', session)
        self.assertIn("Wednesday 16 June 2027", session)  # its date, with 00:15
        admin = self.page("/admin", self.staff)
        first = admin.split('href="/admin/day?day=2027-06-16"')[0]
        self.assertIn("Small Hours Talk", first)
        overview = self.page("/admin/day?day=2027-06-15", self.staff)
        self.assertIn("Small Hours Talk", overview)
        self.assertNotIn("Small Hours Talk", self.page("/admin/day?day=2027-06-16", self.staff))

    def test_the_small_hours_after_the_last_date_are_within_the_event(self):
        # With 603 gone, 15 June is the last conference day: its 00:15 talk
        # (on 16 June's date) keeps the event's last date at 15 June while
        # the day changes at 04:00, and not at midnight.
        S.sql("DELETE FROM sessions WHERE id = 603", database="confsched")
        fields = dict(find_form(self.page("/admin/event", self.staff), "/admin/event")["fields"])
        r = S.post_form("/admin/event", dict(fields, ends_on="2027-06-15", day_change="00:00"),
                        headers={"Cookie": self.staff})
        self.assertEqual(r.status, 422, r.text[:300])
        self.assertIn("1 session lies outside these dates", r.text)
        self.assertEqual(scalar("SELECT ends_on FROM event"), "2027-06-16")
        r = S.post_form("/admin/event", dict(fields, ends_on="2027-06-15"), headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:300])
        self.assertEqual(scalar("SELECT CONCAT(ends_on, '|', day_change) FROM event"), "2027-06-15|240")

    def test_the_staff_form_saves_sessions_across_midnight(self):
        def times(sid):
            return scalar("SELECT CONCAT(starts_at, '|', ends_at) FROM sessions WHERE id = %d" % sid)
        # The session at 00:15 saves unchanged, and a late one is moved
        # past midnight.
        fields = form_fields(self.page("/admin/session/602", self.staff))
        self.assertEqual((fields["day"], fields["start"], fields["end"]), ("2027-06-16", "00:15", "01:00"))
        r = S.post_form("/admin/session/602", dict(fields, accept_clash="1"), headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(times(602), "2027-06-16 00:15:00|2027-06-16 01:00:00")
        fields = form_fields(self.page("/admin/session/601", self.staff))
        fields.update(start="23:30", end="00:10", accept_clash="1")
        r = S.post_form("/admin/session/601", fields, headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(times(601), "2027-06-15 23:30:00|2027-06-16 00:10:00")
        # Reopened, the form shows it as saved, and saves it again as it is.
        fields = form_fields(self.page("/admin/session/601", self.staff))
        self.assertEqual((fields["day"], fields["start"], fields["end"]), ("2027-06-15", "23:30", "00:10"))
        # An end that would make it last more than 12 hours is refused,
        # and changes nothing.
        version = scalar("SELECT version FROM data_version")
        r = S.post_form("/admin/session/601", dict(fields, end="12:00", accept_clash="1"),
                        headers={"Cookie": self.staff})
        self.assertEqual(r.status, 422, r.text[:300])
        self.assertIn("at most 12 hours", r.text)
        self.assertEqual(times(601), "2027-06-15 23:30:00|2027-06-16 00:10:00")
        self.assertEqual(scalar("SELECT version FROM data_version"), version)

    def test_staff_set_the_day_change_for_a_programme_made_here(self):
        page = self.page("/admin/event", self.staff)
        fields = dict(find_form(page, "/admin/event")["fields"])
        self.assertEqual(fields["day_change"], "04:00")
        version = scalar("SELECT version FROM data_version")
        for bad in ("13:00", "4", "25:00", "midnight"):
            r = S.post_form("/admin/event", dict(fields, day_change=bad), headers={"Cookie": self.staff})
            self.assertEqual(r.status, 422, (bad, r.text[:300]))
            self.assertEqual(scalar("SELECT day_change FROM event"), "240", bad)
        self.assertEqual(scalar("SELECT version FROM data_version"), version)
        saved = time.monotonic()
        r = S.post_form("/admin/event", dict(fields, day_change="00:00"), headers={"Cookie": self.staff})
        self.assertEqual(r.status, 303, r.text[:300])
        self.assertEqual(scalar("SELECT day_change FROM event"), "0")
        # At midnight's day change the 00:15 talk is the next day's, on the
        # pages within the 3 s a change takes to reach delegates (a page
        # copy from an earlier test may be served until then).
        poll_until(lambda: "Small Hours Talk" in self.page("/schedule?day=2027-06-16") and
                   "Small Hours Talk" not in self.page("/schedule?day=2027-06-15"),
                   "day_change_on_pages", "the 00:15 talk on 16 June's page", since=saved)
        wait_for_feed_version(S)
        for name, fmt, body in exports():
            self.assertEqual([ids for _, _, _, ids in days_of(fmt, body)], [[601], [602, 603]], name)


if __name__ == "__main__":
    unittest.main()
