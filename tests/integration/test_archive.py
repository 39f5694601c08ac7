"""Issue 18, the static archive: `confsched export site DIR` writes the
delegate pages, the stylesheet and the feeds as files with relative links.
DIR is served by a plain static nginx (no FastCGI) and compared, page by
page, with the live site as a signed-in delegate sees it through the real
nginx and app; every link in it leads to a file it holds; no page loads a
script (no service worker) or carries a form; and the Nu HTML Checker
finds no error in it.

The comparison walks both sites in step from / (and from each room's and
track's schedule, which no page may link to): the n-th link of a live
page and the n-th link of its archived copy must lead to the same page,
so the walk pairs every archived file with one live URL, and each pair is
compared after normalising what legitimately differs:
  - on the live page only: the scripts in <head> (agenda, offline and
    service worker registration), data-pages-version (for that script),
    the logout form, the schedule's filter form (a search needs the
    server), the home page's "You are logged in" heading;
  - on the archived page only: its heading in place of that one;
  - in both: the values of href, src and action, once their pairing has
    been checked (an archived link is relative and leads to a file of
    DIR, or to not-archived.html where the live one leads to a page the
    archive leaves out).
The feeds must be byte for byte the live ones (iCalendar files but for
their DTSTAMP, the time of the request)."""

import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse

import stack as stackmod
from support import StackTestCase, files_under, start_module_stack, stop_module_stack

S = None
ARCHIVE = None
PORT = None
EXPORT_REPORT = ""


def setUpModule():
    global S, ARCHIVE, PORT, EXPORT_REPORT
    S, _ = start_module_stack("archive", https=False)
    try:
        ARCHIVE = S.path("archive")
        t0 = time.monotonic()
        EXPORT_REPORT = S.cli("export", "site", ARCHIVE).stderr
        sys.stderr.write("figure: export_site %.3f s  # %s" % (time.monotonic() - t0, EXPORT_REPORT))
        PORT = S.start_static_nginx(ARCHIVE)
    except BaseException:
        stop_module_stack(S)
        raise


def tearDownModule():
    stop_module_stack(S)


def archived_get(path):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=15)
    try:
        conn.request("GET", path, headers={"Connection": "close"})
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


LINK = re.compile(r'\s(href|src|action)="([^"]*)"')
# The live pages the archive leaves out (README "A static archive").
LEFT_OUT = re.compile(r"^/(now|login|logout|feeds|stars|admin|display/|my-sessions\.ics|_status|pages-version)")


def live_only_removed(page):
    page = re.sub(r'<script [^>]*></script>\n', "", page)
    page = re.sub(r' data-pages-version="[^"]*"', "", page)
    page = re.sub(r'\n<form method="post" action="/logout" class="inline">.*?</form>', "", page, flags=re.S)
    page = re.sub(r'<details class="filters".*?</details>', "", page, flags=re.S)
    return page.replace("<h2>You are logged in</h2>\n", "")


def without_link_values(page):
    return LINK.sub(lambda m: ' %s="LINK"' % m.group(1), page)


def without_dtstamp(ics):
    return re.sub(rb"DTSTAMP:[0-9TZ]+\r\n", b"", ics)



def vnu_jar(test):
    """The Nu HTML Checker's jar: CONFSCHED_VNU_JAR, else the browser tests'
    copy in this build folder, installed there now as they install it
    (npm ci of tests/browser/package-lock.json) when this module runs
    first, as it does in ctest's order."""
    jar = os.environ.get("CONFSCHED_VNU_JAR")
    if jar:
        return jar
    build = os.environ.get("CONFSCHED_BUILD_DIR")
    if not build:
        test.skipTest("CONFSCHED_BUILD_DIR is not set (ctest sets it), nor CONFSCHED_VNU_JAR")
    node_dir = os.path.join(build, "tests", "browser", "node")
    jar = os.path.join(node_dir, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
    if not os.path.isfile(jar):
        if not (shutil.which("node") and shutil.which("npm")):
            test.skipTest("node or npm not found (Debian packages nodejs npm; scripts/test "
                          "installs them), needed to install vnu-jar")
        sys.path.insert(0, os.path.join(stackmod.SOURCE_DIR, "tests", "browser"))
        import run_browser_tests as browser
        browser.ensure_playwright(node_dir, shutil.which("npm"))
    return jar

class StaticArchive(StackTestCase):
    @classmethod
    def setUpClass(cls):
        cls.cookie = S.login()

    def live(self, target):
        r = S.get(target, headers={"Cookie": self.cookie})
        self.assertEqual(r.status, 200, "live %s" % target)
        return r.body

    def archived(self, path):
        status, body = archived_get(path)
        self.assertEqual(status, 200, "archived %s" % path)
        return body

    def pair_links(self, live_target, archive_path, live_page, archive_page):
        """The links of one page pair, paired in order; returns the
        (live target, archive path) pairs that lead to archived pages."""
        live_links = LINK.findall(live_page)
        archive_links = LINK.findall(archive_page)
        what = "%s / %s" % (live_target, archive_path)
        self.assertEqual([a for a, _ in live_links], [a for a, _ in archive_links], what)
        pairs = []
        for (_, lv), (_, av) in zip(live_links, archive_links):
            lv, av = lv.replace("&amp;", "&"), av.replace("&amp;", "&")
            if not lv.startswith("/") or lv.startswith("//"):
                self.assertEqual(lv, av, what + ": a link off the site changed")
                continue
            self.assertFalse(av.startswith("/") or "://" in av, what + ": %s is not relative" % av)
            resolved = urllib.parse.urlsplit(urllib.parse.urljoin("http://archive" + archive_path, av))
            self.assertTrue(os.path.isfile(os.path.join(ARCHIVE, resolved.path.lstrip("/"))),
                            what + ": %s (for %s) leads to no file of the archive" % (av, lv))
            live_split = urllib.parse.urlsplit(lv)
            self.assertEqual(live_split.fragment, resolved.fragment, what + ": " + lv)
            if resolved.path == "/not-archived.html":
                self.assertRegex(lv, LEFT_OUT, what + ": an archived page was left out")
                continue
            self.assertNotRegex(lv, LEFT_OUT, what)
            target = live_split.path + ("?" + live_split.query if live_split.query else "")
            pairs.append((target, resolved.path))
        return pairs

    def assertSamePage(self, live_target, archive_path, live_page, archive_page):
        live_page = without_link_values(live_only_removed(live_page))
        archive_page = without_link_values(
            archive_page.replace("<h2>The programme as it was</h2>\n", ""))
        if live_page != archive_page:
            a, b = live_page.splitlines(), archive_page.splitlines()
            first = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            self.fail("%s differs from %s at line %d:\nlive:     %r\narchived: %r" % (
                archive_path, live_target, first + 1, a[first] if first < len(a) else None,
                b[first] if first < len(b) else None))

    def schedule_filter_targets(self):
        """Each room's and track's schedule, as the live filter form names
        them, with the file the README gives it: pages no page need link
        to, like the whole programme (above)."""
        page = self.live("/schedule").decode("utf-8")
        out = []
        for name in ("room", "track"):
            select = re.search(r'<select name="%s">(.*?)</select>' % name, page, re.S).group(1)
            for value in re.findall(r'<option value="([0-9]+)"', select):
                out.append(("/schedule?%s=%s" % (name, value), "/schedule/%s-%s.html" % (name, value)))
        self.assertTrue(out)
        return out

    def test_every_archived_page_matches_the_live_one(self):
        queue = [("/", "/index.html"), ("/schedule?view=all", "/schedule/all.html")]
        queue += self.schedule_filter_targets()
        live_of = {}     # archive path -> live target
        archive_of = {}  # live target -> archive path
        seen = set()
        pages = 0
        while queue:
            live_target, archive_path = queue.pop(0)
            self.assertEqual(live_of.setdefault(archive_path, live_target), live_target,
                             "one file for two pages: " + archive_path)
            self.assertEqual(archive_of.setdefault(live_target, archive_path), archive_path,
                             "two files for one page: " + live_target)
            if archive_path in seen:
                continue
            seen.add(archive_path)
            live, archived = self.live(live_target), self.archived(archive_path)
            if archive_path.endswith(".html"):
                pages += 1
                live_page, archive_page = live.decode("utf-8"), archived.decode("utf-8")
                self.assertNotIn("<script", archive_page, archive_path)
                self.assertNotIn("sw.js", archive_page, archive_path)
                self.assertNotIn("<form", archive_page, archive_path)
                queue += self.pair_links(live_target, archive_path, live_only_removed(live_page), archive_page)
                self.assertSamePage(live_target, archive_path, live_page, archive_page)
            elif archive_path.endswith(".ics"):
                self.assertEqual(without_dtstamp(live), without_dtstamp(archived), archive_path)
            else:
                self.assertEqual(live, archived, archive_path)  # the stylesheet, JSON, XML
        # Every file of the archive was compared, but the note on what it
        # leaves out.
        self.assertEqual(files_under(ARCHIVE) - {"/not-archived.html"}, seen)
        for path in ("/schedule.json", "/schedule.xml", "/schedule.ics", "/changes.html", "/speakers.html"):
            self.assertIn(path, seen)
        sessions = json.loads(self.archived("/schedule.json"))["schedule"]["conference"]["days"]
        session_ids = {e["id"] for d in sessions for room in d["rooms"].values() for e in room}
        for sid in session_ids:
            self.assertIn("/session/%s.html" % sid, seen)
        total = sum(os.path.getsize(os.path.join(ARCHIVE, p.lstrip("/"))) for p in files_under(ARCHIVE))
        html_pages = sum(1 for p in files_under(ARCHIVE) if p.endswith(".html"))
        sys.stderr.write("figure: archive %d HTML pages (%d compared with the live site, and "
                         "not-archived.html), %d files, %d bytes\n"
                         % (html_pages, pages, len(files_under(ARCHIVE)), total))
        self.assertIn("%d bytes" % total, EXPORT_REPORT)


    def test_the_note_links_only_into_the_archive(self):
        page = self.archived("/not-archived.html").decode("utf-8")
        self.assertIn("Not in this archive", page)
        self.assertNotIn("<script", page)
        for _, value in LINK.findall(page):
            path = urllib.parse.urlsplit(urllib.parse.urljoin("http://archive/not-archived.html", value)).path
            self.assertTrue(os.path.isfile(os.path.join(ARCHIVE, path.lstrip("/"))), value)

    def test_a_non_empty_folder_is_kept_unless_forced(self):
        d = S.path("archive-again")
        os.makedirs(d)
        with open(os.path.join(d, "keep.txt"), "w") as f:
            f.write("mine")
        r = S.cli("export", "site", d, check=False)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("not empty", r.stderr)
        self.assertEqual(os.listdir(d), ["keep.txt"])
        S.cli("export", "site", d, "--force")
        self.assertFalse(os.path.exists(os.path.join(d, "keep.txt")))
        self.assertTrue(os.path.isfile(os.path.join(d, "index.html")))
        self.assertFalse(os.path.exists(d + ".partial"))
        shutil.rmtree(d)

    def test_the_nu_html_checker_finds_no_error(self):
        java = shutil.which("java")
        if not java:
            self.skipTest("java not found (Debian package openjdk-17-jre-headless; scripts/test "
                          "installs it)")
        jar = vnu_jar(self)
        files = sorted(os.path.join(ARCHIVE, p.lstrip("/")) for p in files_under(ARCHIVE)
                       if p.endswith((".html", ".css")))
        r = subprocess.run([java, "-jar", jar, "--format", "json", "--also-check-css",
                            "--exit-zero-always"] + files,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=600)
        messages = json.loads(r.stderr or r.stdout)["messages"]
        errors = ["%s:%s: %s" % (os.path.relpath(urllib.parse.urlsplit(m.get("url", "")).path, ARCHIVE),
                                 m.get("lastLine"), m.get("message"))
                  for m in messages if m.get("type") in ("error", "non-document-error")]
        sys.stderr.write("figure: vnu %d documents, %d errors, %d other messages\n"
                         % (len(files), len(errors), len(messages) - len(errors)))
        self.assertEqual(errors, [])
