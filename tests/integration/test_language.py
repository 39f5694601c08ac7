"""Issue 18, the site in the event's language: [site] language = de through
the real stack (MariaDB, `confsched serve` with the catalogue msgfmt
compiled from po/de.po, nginx). Every delegate page says <html lang="de">;
no text the catalogue translates is left in English, neither the
templates' (translated as a worker loads them) nor the C++ code's (titles,
error pages, validation messages); dates and weekday names are German; the
static archive is German too; and a catalogue that is missing or that
would change a page's markup is refused by `confsched check`."""

import html
import html.parser
import os
import re
import subprocess
import time

from support import StackTestCase, start_module_stack, stop_module_stack
import stack as stackmod

S = None
IDS = None

WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")
WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
             "Oktober", "November", "Dezember")
# "Mittwoch, 16. Juni 2027": po/de.po's "{weekday}, {day}. {month} {year}".
GERMAN_DAY = re.compile(r"\b(%s), [1-9][0-9]?\. (%s) [0-9]{4}\b" % ("|".join(WEEKDAYS_DE), "|".join(MONTHS_DE)))


def po_entries(path):
    """{msgid: msgstr} of a .po file (gettext's quoting), header and
    obsolete entries left out."""
    entries, current, key = {}, {}, None

    def unquote(s):
        return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s.strip()[1:-1])

    def flush():
        if current.get("msgid"):
            entries[current["msgid"]] = current.get("msgstr", "")

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#~") or (line.startswith("#") and not line.startswith("#,")):
                continue
            if line.startswith("msgid "):
                flush()
                current, key = {"msgid": unquote(line[6:])}, "msgid"
            elif line.startswith("msgstr "):
                current["msgstr"], key = unquote(line[7:]), "msgstr"
            elif line.startswith("msgstr[0] "):
                current["msgstr"], key = unquote(line[10:]), "msgstr"
            elif line.startswith('"') and key:
                current[key] = current.get(key, "") + unquote(line)
            else:
                key = None if not line.startswith("msgid_plural") else None
    flush()
    return entries


CATALOGUE = None


def catalogue():
    global CATALOGUE
    if CATALOGUE is None:
        CATALOGUE = po_entries(os.path.join(stackmod.SOURCE_DIR, "po", "de.po"))
    return CATALOGUE


class TextOf(html.parser.HTMLParser):
    """What a reader reads: each text node (blanks squeezed) and the values
    of the attributes people read, outside <script> and <style>."""

    READ = ("aria-label", "title", "alt", "placeholder")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        for name, value in attrs:
            if name in self.READ and value:
                self.texts.append(" ".join(value.split()))

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self.skip:
            self.texts.append(text)


def texts_of(page):
    parser = TextOf()
    parser.feed(page)
    return parser.texts


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("language", https=False, ini_overrides={"site.language": "de"})


def tearDownModule():
    stop_module_stack(S)


class German(StackTestCase):
    def setUp(self):
        self.cookie = S.login()

    def page(self, path, status=200, cookie=True):
        r = S.get(path, headers={"Cookie": self.cookie} if cookie else None)
        self.assertEqual(r.status, status, path)
        return r.text

    def delegate_pages(self):
        session = IDS.take()
        speaker = re.search(r'href="/speaker/([0-9]+)"', self.page("/session/%d" % session))
        paths = ["/", "/schedule", "/schedule?view=all", "/session/%d" % session, "/speakers", "/now",
                 "/changes", "/feeds", "/stars?ids=%d" % session]
        if speaker:
            paths.append("/speaker/" + speaker.group(1))
        return paths

    def test_every_page_says_lang_de(self):
        for path in self.delegate_pages():
            with self.subTest(path):
                self.assertTrue('<html lang="de"' in self.page(path), path)
        self.assertTrue('<html lang="de"' in self.page("/login", cookie=False), "/login")
        self.assertTrue('<html lang="de"' in self.page("/no-such-page", status=404), "404")

    def test_no_translated_text_is_left_in_english(self):
        # A message of two words or more that German translates differently
        # must not stand as a text of its own on any page (a one-word one
        # can be a session's title, "Break"; text with blanks to fill is
        # matched by its filled-in words on the pages, not here).
        english = {msgid for msgid, msgstr in catalogue().items()
                   if msgstr and msgstr != msgid and " " in msgid.strip() and "{" not in msgid}
        german = {msgstr for msgid, msgstr in catalogue().items() if msgstr and msgstr != msgid and "{" not in msgstr}
        pages = [(p, self.page(p)) for p in self.delegate_pages()]
        pages.append(("/login", self.page("/login", cookie=False)))
        pages.append(("404", self.page("/no-such-page", status=404)))
        for path, page in pages:
            with self.subTest(path):
                texts = texts_of(page)
                left = [t for t in texts if t in english]
                self.assertEqual(left, [], "English text on %s" % path)
                self.assertTrue(any(t in german for t in texts), "no German text at all on %s" % path)

    def test_staff_pages_are_german_too(self):
        # The staff pages' own text (titles, notes, choices the code writes)
        # comes from the same catalogue.
        english = {msgid for msgid, msgstr in catalogue().items()
                   if msgstr and msgstr != msgid and " " in msgid.strip() and "{" not in msgid}
        staff = S.login(role=stackmod.STAFF_USER)
        session = IDS.take()
        paths = ["/admin", "/admin/session/new", "/admin/session/%d" % session,
                 "/admin/session/%d/history" % session, "/admin/rooms", "/admin/tracks",
                 "/admin/speakers", "/admin/announcements", "/admin/event", "/admin/passwords",
                 "/admin/people", "/admin/import", "/admin/displays", "/admin/checkin", "/admin/day",
                 "/admin/upstream", "/admin/rooms/status"]
        for path in paths:
            with self.subTest(path):
                r = S.get(path, headers={"Cookie": staff})
                self.assertEqual(r.status, 200, path)
                self.assertTrue('<html lang="de"' in r.text, path)
                left = [t for t in texts_of(r.text) if t in english]
                self.assertEqual(left, [], "English text on %s" % path)
        self.assertIn("<title>Verwaltung", S.get("/admin", headers={"Cookie": staff}).text)
        r = S.get("/admin/day?day=1999-01-01", headers={"Cookie": staff})
        self.assertEqual(r.status, 400)
        self.assertIn("Diesen Tag gibt es in dieser Veranstaltung nicht", html.unescape(r.text))

    def test_dates_and_weekdays_are_german(self):
        page = self.page("/schedule?view=all")
        days = GERMAN_DAY.findall(page)
        self.assertTrue(days, "no German date on the whole programme")
        texts = " ".join(texts_of(page))
        for word in WEEKDAYS_EN + tuple(m for m in MONTHS_EN if m not in MONTHS_DE):
            self.assertNotRegex(texts, r"\b%s\b" % word)
        # The grid's day title and the day filter's choices.
        grid = self.page(re.search(r'href="(/schedule\?day=[0-9-]+&amp;view=grid)"', page).group(1).replace("&amp;", "&"))
        self.assertRegex(re.search(r"<title>([^<]*)</title>", grid).group(1), GERMAN_DAY.pattern + " als Raster")
        # The landing page names the event's dates as a German range.
        landing = " ".join(texts_of(self.page("/")))
        self.assertRegex(landing, r"[1-9][0-9]?\.(–[1-9][0-9]?\.)? (%s) [0-9]{4}" % "|".join(MONTHS_DE))

    def test_refusals_are_german(self):
        self.assertIn("Seite nicht gefunden", self.page("/no-such-page", status=404))
        r = S.get("/schedule?day=1999-01-01", headers={"Cookie": self.cookie})
        self.assertEqual(r.status, 400)
        self.assertIn("Diesen Konferenztag gibt es nicht.", html.unescape(r.text))
        self.assertIn("Bitte aus den Listen im Zeitplan wählen.", html.unescape(r.text))
        r = S.post_form("/login", {"username": stackmod.DELEGATE_USER, "password": "wrong"}, same_origin=True,
                        headers={"Cookie": ""})
        self.assertIn("Benutzername und Passwort passen nicht zusammen.", html.unescape(r.text))
        r = S.get("/feeds/my.ics")
        self.assertIn(r.status, (401, 404))

    def test_export_site_is_german(self):
        archive = S.path("archive-%d" % time.monotonic_ns())
        S.cli("export", "site", archive)
        with open(os.path.join(archive, "schedule", "all.html"), encoding="utf-8") as f:
            page = f.read()
        self.assertTrue('<html lang="de"' in page, "the archive's lang")
        self.assertTrue(GERMAN_DAY.search(page), "no German date in the archive's schedule")

    def test_a_missing_or_markup_changing_catalogue_is_refused(self):
        r = S.cli("check", config=S.write_ini(S.path("fr.ini"), **{"site.language": "fr"}), check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("no catalogue for [site] language fr", r.stderr + r.stdout)
        r = S.cli("check", config=S.write_ini(S.path("bad-code.ini"), **{"site.language": "Deutsch"}), check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("[site] language must be a language code", r.stderr + r.stdout)
        # A translation that would add markup: msgfmt accepts it, the site
        # does not.
        locale = S.path("bad-locale")
        os.makedirs(os.path.join(locale, "de", "LC_MESSAGES"), exist_ok=True)
        po = os.path.join(locale, "bad.po")
        with open(po, "w", encoding="utf-8") as f:
            f.write('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgid "Log in"\nmsgstr "<script>alert(1)</script>Anmelden"\n')
        subprocess.run(["msgfmt", "-o", os.path.join(locale, "de", "LC_MESSAGES", "confsched.mo"), po], check=True)
        r = S.cli("check", config=S.write_ini(S.path("bad-catalogue.ini"), **{"server.locale_dir": locale}),
                  check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("would change the page's markup or variables", r.stderr + r.stdout)
        self.assertIn('"Log in"', r.stderr + r.stdout)
