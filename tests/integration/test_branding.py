"""Issue 18, branding without forking templates: [site] logo, accent_colour
and stylesheet through the real stack (MariaDB, `confsched serve`, nginx
with conf/nginx/confsched.conf, or Apache with conf/apache/confsched.conf
as integration.apache.branding). The pages link the three files by
content-hashed names under /brand/, which the web server passes to the
app like any path, with no rule of its own; each
answers 200 with its type and a year-long immutable Cache-Control; a
changed file gets a new name after a restart (the old one is a 404, the
pages' ETags change); `confsched export site` holds them; and a
configuration with a colour below WCAG AA is refused by `confsched check`
and by a reload, which keeps the running site as it was."""

import os
import re
import shutil
import signal
import tempfile
import time

from support import StackTestCase, cache_directives, start_module_stack, stop_module_stack
import stack as stackmod

S = None
BRAND_DIR = None

LOGO = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50" width="2000" height="500">'
        b'<rect width="200" height="50" fill="#6b2c91"/></svg>\n')
EXTRA_CSS = b"/* the organisers' own rules */\nmain { letter-spacing: 0.01em; }\n"
ACCENT = "#6b2c91"
BRAND_URL = re.compile(r'"(/brand/(site|extra|logo)\.[0-9a-f]{16}\.(css|svg|png))"')
TYPES = {"css": "text/css;charset=utf-8", "svg": "image/svg+xml"}


def brand_path(name):
    return os.path.join(BRAND_DIR, name)


def setUpModule():
    global S, BRAND_DIR
    BRAND_DIR = tempfile.mkdtemp(prefix="confsched-brand-")
    with open(brand_path("logo.svg"), "wb") as f:
        f.write(LOGO)
    with open(brand_path("extra.css"), "wb") as f:
        f.write(EXTRA_CSS)
    try:
        S, _ = start_module_stack("branding", https=False, ini_overrides={
            "site.logo": brand_path("logo.svg"),
            # The US spelling: both are taken (README "Branding").
            "site.accent_color": ACCENT.upper(),
            "site.stylesheet": brand_path("extra.css"),
        })
    except BaseException:
        shutil.rmtree(BRAND_DIR, ignore_errors=True)
        raise


def tearDownModule():
    stop_module_stack(S)
    shutil.rmtree(BRAND_DIR, ignore_errors=True)


class Branding(StackTestCase):
    def setUp(self):
        self.cookie = S.login()

    def page(self, path):
        r = S.get(path, headers={"Cookie": self.cookie})
        self.assertEqual(r.status, 200, path)
        return r

    def brand_urls(self, path):
        """{kind: url} of the /brand/ files the page links."""
        found = BRAND_URL.findall(self.page(path).text)
        return {kind: url for url, kind, _ in found}

    def test_pages_link_the_three_files_in_order_with_the_event_name_as_alt(self):
        for path in ("/", "/schedule"):
            html = self.page(path).text
            urls = [u for u, _, _ in BRAND_URL.findall(html)]
            self.assertEqual([u.split(".")[0] for u in urls], ["/brand/site", "/brand/extra", "/brand/logo"], path)
            # Both stylesheets after the main one.
            self.assertLess(html.index("/static/style."), html.index(urls[0]), path)
            event = re.search(r'<footer class="site"><p>([^<]+)</p>', html).group(1)
            self.assertIn('<a class="home" href="/"><img class="logo" src="%s" alt="%s"></a>' % (urls[2], event),
                          html, path)
            self.assertNotIn("style=", html, path)  # the CSP allows no inline style

    def test_each_file_is_served_immutable_with_its_type_through_the_web_server(self):
        for kind, url in self.brand_urls("/schedule").items():
            with self.subTest(url):
                r = S.get(url)  # public: the login page shows the logo too
                self.assertEqual(r.status, 200, url)
                ext = url.rsplit(".", 1)[1]
                self.assertEqual((r.headers.get("Content-Type") or "").replace(" ", "").lower(), TYPES[ext])
                cc = cache_directives(r)
                self.assertIn("immutable", cc, url)
                self.assertIn("public", cc, url)
                self.assertEqual(cc.get("max-age"), "31536000", url)
                self.assertEqual(r.headers.get("X-Content-Type-Options"), "nosniff")
                if kind == "logo":
                    self.assertEqual(r.body, LOGO)
                elif kind == "extra":
                    self.assertEqual(r.body, EXTRA_CSS)
                else:
                    self.assertIn(b":root { --accent: " + ACCENT.encode() + b"; }", r.body)
                    self.assertIn(b"img.logo", r.body)
        self.assertEqual(S.get("/brand/site.0123456789abcdef.css").status, 404)

    def test_export_site_holds_the_files(self):
        urls = self.brand_urls("/")
        archive = S.path("archive-%d" % time.monotonic_ns())
        S.cli("export", "site", archive)
        for kind, url in urls.items():
            with self.subTest(url):
                with open(os.path.join(archive, url.lstrip("/")), "rb") as f:
                    self.assertEqual(f.read(), S.get(url).body)
        with open(os.path.join(archive, "index.html"), encoding="utf-8") as f:
            index = f.read()
        for url in urls.values():
            self.assertIn('"%s"' % url.lstrip("/"), index)

    def test_zz_a_changed_file_gets_a_new_name_after_a_restart(self):
        before = self.brand_urls("/schedule")
        etag = self.page("/schedule").headers.get("ETag")
        changed = EXTRA_CSS + b"footer.site { font-size: 0.8rem; }\n"
        with open(brand_path("extra.css"), "wb") as f:
            f.write(changed)
        S.stop_app()
        S.start_app()
        # nginx's microcache may hand out the old page for ~3 s (README
        # "Caching"); the app's own answer is new at once.
        self.assertTrue(stackmod.wait_until(lambda: self.brand_urls("/schedule")["extra"] != before["extra"], 10),
                        "the page still links the old stylesheet")
        after = self.brand_urls("/schedule")
        self.assertEqual(after["logo"], before["logo"])  # unchanged file, unchanged name
        self.assertEqual(after["site"], before["site"])
        self.assertEqual(S.get(after["extra"]).body, changed)
        self.assertEqual(S.get(before["extra"]).status, 404)
        self.assertNotEqual(self.page("/schedule").headers.get("ETag"), etag)

    def test_zz_a_low_contrast_colour_is_refused_and_a_reload_keeps_the_site(self):
        bad = S.write_ini(S.path("low-contrast.ini"), **{"site.accent_color": None, "site.accent_colour": "#ffcc00"})
        r = S.cli("check", config=bad, check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("accent_colour #ffcc00 is too light", r.stderr)
        self.assertIn("4.5:1", r.stderr)
        # The running site's own file with the bad colour, then SIGHUP: the
        # master refuses the reload and the workers go on as they were.
        good = open(S.ini).read()
        urls = self.brand_urls("/")
        workers = set(S.worker_pids())
        try:
            S.write_ini(**{"site.accent_color": None, "site.accent_colour": "#ffcc00"})
            os.kill(S.app_pid(), signal.SIGHUP)
            self.assertTrue(stackmod.wait_until(
                lambda: "reload refused" in open(S.path("log", "confsched.log")).read(), 10))
            self.assertEqual(set(S.worker_pids()), workers)
            self.assertEqual(self.brand_urls("/"), urls)
        finally:
            with open(S.ini, "w") as f:
                f.write(good)
