"""Exports keep the programme's identity (issue 18): what was imported goes
out in /schedule.xml, /schedule.json and `confsched export` with the guid,
id, slug and URL the source gave it, so that apps keeping favourites by
guid keep them when an event switches its feed to confsched; a session
made here gets a UUID of its own that stays the same across exports, data
changes and restarts.

Imports the 31C3 frab XML and the pretalx democon JSON from ../shared/data
(those tests skip, saying so, when it is absent) and a generated file with
known guids, slugs and URLs, and compares event by event. The exported
documents are also checked against the formats' XSD and JSON schema
(test_feeds's checks)."""

import json
import os
import re
import shutil
import subprocess
import unittest
import xml.etree.ElementTree as ET

import stack as stackmod
from support import StackTestCase, start_module_stack, stop_module_stack, wait_for_feed_version
from test_admin import form_fields
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

    def test_pretalx_schedule_json(self):
        path = need_data(os.path.join("formats", "pretalx-democon.json"))
        S.cli("import", "schedule-json", path, "--replace")
        source = json_source(path)
        self.assertTrue(all(s["guid"] and s["slug"] and s["url"] for s in source.values()))
        documents = exports()
        self.compare(source, documents)
        check_schemas(self, documents)


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


if __name__ == "__main__":
    unittest.main()
