"""The Debian package and the installed layout. cpack builds the .deb from
this build folder; its control fields, conffiles and maintainer scripts are
checked; it is unpacked with dpkg-deb -x into a temporary folder (never
installed into this machine's system) and the unpacked binary is started
from there the way confsched.socket starts it (systemd-socket-activate),
behind nginx with the unpacked site file and static files. Only the paths
differ from a real install: the stack's ini points template_dir, static_dir
and sql_dir at the unpacked share/confsched, since the compiled-in default
(/usr/share/confsched) is not there on a test machine.

Also `cmake --install` with DESTDIR: the same layout, and a configuration
file that exists is kept."""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

import stack as stackmod
from support import files_under

BUILD = os.environ.get("CONFSCHED_BUILD_DIR") or os.path.join(stackmod.SOURCE_DIR, "build")
PREFIX = os.environ.get("CONFSCHED_INSTALL_PREFIX", "/usr")

TMP = None
DEB = None
ROOT = None


def run(argv, **kw):
    r = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                       timeout=kw.pop("timeout", 300), **kw)
    if r.returncode != 0:
        raise AssertionError("%s exited %s\n%s\n%s" % (" ".join(argv), r.returncode, r.stdout[-3000:],
                                                        r.stderr[-3000:]))
    return r.stdout


def build_and_unpack(name):
    """cpack's .deb of this build folder, unpacked with dpkg-deb -x into a
    new temporary folder: (the folder, the .deb, the unpacked root). Raises
    SkipTest where no package can be made. test_instances.py uses it too."""
    if PREFIX != "/usr":
        raise unittest.SkipTest("the build is configured with CMAKE_INSTALL_PREFIX=%s; the Debian package "
                                "needs /usr" % PREFIX)
    for tool in ("cpack", "dpkg-deb", "dpkg-shlibdeps"):
        if shutil.which(tool) is None:
            raise unittest.SkipTest("%s is not installed (cmake, dpkg-dev)" % tool)
    tmp = tempfile.mkdtemp(prefix="confsched-%s-" % name, dir="/tmp")
    run(["cpack", "--config", os.path.join(BUILD, "CPackConfig.cmake"), "-B", os.path.join(tmp, "out")])
    debs = [f for f in os.listdir(os.path.join(tmp, "out")) if f.endswith(".deb")]
    assert len(debs) == 1, debs
    deb = os.path.join(tmp, "out", debs[0])
    root = os.path.join(tmp, "root")
    run(["dpkg-deb", "-x", deb, root])
    return tmp, deb, root


def setUpModule():
    global TMP, DEB, ROOT
    TMP, DEB, ROOT = build_and_unpack("package")


def tearDownModule():
    if TMP and os.environ.get("CONFSCHED_KEEP_TMP") != "1":
        shutil.rmtree(TMP, ignore_errors=True)


def field(name):
    return run(["dpkg-deb", "-f", DEB, name]).strip()


def control_file(name):
    d = os.path.join(TMP, "control")
    if not os.path.isdir(d):
        run(["dpkg-deb", "-e", DEB, d])
    with open(os.path.join(d, name)) as f:
        return f.read()


def depends_names():
    """Package names in Depends (alternatives included)."""
    return {re.split(r"[ (:]", alt.strip())[0] for dep in field("Depends").split(",") for alt in dep.split("|")}


class Control(unittest.TestCase):
    def test_fields(self):
        self.assertEqual(field("Package"), "confsched")
        self.assertRegex(field("Version"), r"^\d+\.\d+\.\d+$")
        self.assertEqual(field("Architecture"), run(["dpkg", "--print-architecture"]).strip())
        self.assertIn("nginx | apache2", field("Recommends"))

    def test_depends_names_the_package_of_every_library_the_binary_links(self):
        deps = depends_names()
        for name in ("adduser", "tzdata", "mariadb-client"):
            self.assertIn(name, deps)
        needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]",
                            run(["readelf", "-d", os.path.join(ROOT, "usr", "bin", "confsched")]))
        self.assertIn("libmariadb.so.3", needed)
        for lib in needed:
            # Several packages may hold a file of that name (libc6 and
            # libc6-i386 both have a libm.so.6): one of them must be named.
            owners = {pkg.strip().split(":")[0]
                      for line in run(["dpkg", "-S", "*/" + lib]).splitlines()
                      for pkg in line.rsplit(": ", 1)[0].split(",")}
            self.assertTrue(owners & deps, "%s (%s) is missing from Depends: %s" % (
                lib, ", ".join(sorted(owners)), field("Depends")))

    def test_everything_under_etc_is_a_conffile(self):
        conffiles = set(control_file("conffiles").split())
        etc = {f for f in files_under(ROOT) if f.startswith("/etc/")}
        self.assertEqual(conffiles, etc)
        self.assertIn("/etc/confsched/confsched.ini", conffiles)
        self.assertIn("/etc/confsched/nginx/confsched.conf", conffiles)

    def test_maintainer_scripts_make_the_user_and_start_nothing(self):
        for name in ("postinst", "prerm", "postrm"):
            # What runs, not what the comments say.
            text = "\n".join(line for line in control_file(name).splitlines()
                              if not line.lstrip().startswith("#"))
            run(["sh", "-n", os.path.join(TMP, "control", name)])
            self.assertTrue(os.access(os.path.join(TMP, "control", name), os.X_OK), name)
            for word in ("systemctl start", "systemctl enable", "systemctl restart", "deb-systemd-invoke start",
                         "--now"):
                self.assertNotIn(word, text, "%s starts or enables something" % name)
        postinst = control_file("postinst")
        self.assertRegex(postinst, r"adduser --system --group\b.* confsched")
        self.assertIn("cookie-secret", postinst)
        self.assertIn("chmod 0600", postinst)


class Layout(unittest.TestCase):
    def test_files_are_in_the_standard_places(self):
        files = files_under(ROOT)
        for f in ("/usr/bin/confsched", "/usr/bin/confsched-demo", "/usr/share/confsched/templates/layout.tpl",
                  "/usr/share/confsched/static/style.css", "/usr/share/confsched/sql/001_schema.sql",
                  "/usr/lib/systemd/system/confsched.service", "/usr/lib/systemd/system/confsched.socket",
                  "/usr/share/doc/confsched/README.md", "/etc/confsched/confsched.ini"):
            self.assertIn(f, files)
        # Several events on one host: the template units and sites
        # (test_instances.py runs them).
        for f in ("/usr/lib/systemd/system/confsched@.service", "/usr/lib/systemd/system/confsched@.socket",
                  "/usr/share/confsched/instance/nginx/confsched@.conf",
                  "/usr/share/confsched/instance/apache/confsched@.conf"):
            self.assertIn(f, files)
        source_sql = sorted(os.listdir(os.path.join(stackmod.SOURCE_DIR, "sql")))
        self.assertEqual(sorted(os.listdir(os.path.join(ROOT, "usr/share/confsched/sql"))), source_sql)
        self.assertFalse(any("/static/" in f and f.endswith(".tpl") for f in files))
        # The parent of the nginx site's cache folders (Debian's nginx lacks it).
        with open(os.path.join(ROOT, "etc/confsched/nginx/confsched.conf")) as f:
            for parent in set(re.findall(r"fastcgi_cache_path (\S+)/[^/\s]+ ", f.read())):
                self.assertTrue(os.path.isdir(os.path.join(ROOT, parent.lstrip("/"))), parent)

    def test_the_binary_looks_in_the_installed_share_folder_by_default(self):
        if os.path.exists("/usr/share/confsched/templates"):
            self.skipTest("/usr/share/confsched is installed on this machine")
        ini = os.path.join(TMP, "defaults.ini")
        with open(ini, "w") as f:
            f.write("[server]\nlisten = unix:%s\n" % os.path.join(TMP, "defaults.sock"))
        r = subprocess.run([os.path.join(ROOT, "usr/bin/confsched"), "--config", ini, "serve"],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("/usr/share/confsched/templates", r.stderr)

    def test_systemd_units_verify_and_are_hardened(self):
        if shutil.which("systemd-analyze") is None:
            self.skipTest("systemd-analyze is not installed")
        units = os.path.join(TMP, "units")
        os.makedirs(units, exist_ok=True)
        for name in ("confsched.service", "confsched.socket"):
            with open(os.path.join(ROOT, "usr/lib/systemd/system", name)) as f:
                text = f.read()
            # Point ExecStart at the unpacked binary so verify can check it.
            with open(os.path.join(units, name), "w") as f:
                f.write(text.replace("/usr/bin/confsched", os.path.join(ROOT, "usr/bin/confsched")))
        r = subprocess.run(["systemd-analyze", "verify", "--man=no", "confsched.socket", "confsched.service"],
                           cwd=units, capture_output=True, text=True, timeout=60)
        self.assertEqual((r.returncode, r.stdout + r.stderr), (0, ""))
        with open(os.path.join(units, "confsched.service")) as f:
            service = f.read()
        for line in ("User=confsched", "NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes",
                     "ProtectHome=yes", "CapabilityBoundingSet=", "Requires=confsched.socket",
                     "ExecReload=/bin/kill -HUP $MAINPID"):
            self.assertIn("\n" + line + "\n", service)
        with open(os.path.join(units, "confsched.socket")) as f:
            socket_unit = f.read()
        # The socket the shipped nginx site connects to.
        with open(os.path.join(ROOT, "etc/confsched/nginx/confsched.conf")) as f:
            site = f.read()
        path = re.search(r"^ListenStream=(\S+)$", socket_unit, re.M).group(1)
        self.assertIn("server unix:%s " % path, site)
        self.assertIn("SocketGroup=www-data", socket_unit)


    def test_sync_timer_verifies_and_runs_the_sync_command(self):
        unit_dir = os.path.join(ROOT, "usr/lib/systemd/system")
        with open(os.path.join(unit_dir, "confsched-sync.service")) as f:
            service = f.read()
        with open(os.path.join(unit_dir, "confsched-sync.timer")) as f:
            timer = f.read()
        self.assertIn("\nExecStart=/usr/bin/confsched --config /etc/confsched/confsched.ini sync\n",
                      service)
        for line in ("Type=oneshot", "User=confsched", "NoNewPrivileges=yes", "ProtectSystem=strict"):
            self.assertIn("\n" + line + "\n", service)
        self.assertIn("\nOnUnitActiveSec=3min\n", timer)
        # The template runs the instance's sync (README "Several events on
        # one host"): the same unit but for the configuration it names.
        with open(os.path.join(unit_dir, "confsched-sync@.service")) as f:
            template = f.read()
        with open(os.path.join(unit_dir, "confsched-sync@.timer")) as f:
            template_timer = f.read()
        self.assertIn("\nExecStart=/usr/bin/confsched --instance %i sync\n", template)
        self.assertEqual(template.replace("--instance %i", "--config /etc/confsched/confsched.ini")
                         .replace(", instance %i", ""), service)
        self.assertEqual(template_timer.replace(", instance %i", ""), timer)
        if shutil.which("systemd-analyze") is None:
            self.skipTest("systemd-analyze is not installed")
        units = os.path.join(TMP, "sync-units")
        os.makedirs(units, exist_ok=True)
        with open(os.path.join(units, "confsched-sync.service"), "w") as f:
            f.write(service.replace("/usr/bin/confsched", os.path.join(ROOT, "usr/bin/confsched")))
        with open(os.path.join(units, "confsched-sync.timer"), "w") as f:
            f.write(timer)
        r = subprocess.run(["systemd-analyze", "verify", "--man=no", "confsched-sync.timer",
                            "confsched-sync.service"], cwd=units, capture_output=True, text=True,
                           timeout=60)
        self.assertEqual((r.returncode, r.stdout + r.stderr), (0, ""))


class Installed(unittest.TestCase):
    def test_the_unpacked_program_serves_through_nginx(self):
        share = os.path.join(ROOT, "usr", "share", "confsched")
        # The stack loads the demo conference with the unpacked
        # usr/bin/confsched-demo, the one beside `bin`.
        s = stackmod.Stack("package", workers=2, https=False, launcher="systemd",
                           bin=os.path.join(ROOT, "usr", "bin", "confsched"), share_dir=share,
                           site_file=os.path.join(ROOT, "etc", "confsched", "nginx", "confsched.conf"))
        s.start()
        try:
            self.assertEqual(s.get("/").status, 200)
            cookie = s.login()
            r = s.get("/schedule", headers={"Cookie": cookie})
            self.assertEqual(r.status, 200)
            self.assertGreater(len(stackmod.session_ids(r.text)), 10)
            css = re.search(r'href="(/static/style\.[0-9a-f]+\.css)"', r.text)
            self.assertIsNotNone(css, "no hashed stylesheet link")
            got = s.get(css.group(1))
            self.assertEqual(got.status, 200)
            with open(os.path.join(share, "static", "style.css"), "rb") as f:
                self.assertEqual(got.body, f.read())
        finally:
            s.stop()


class CmakeInstall(unittest.TestCase):
    def test_destdir_install_matches_the_package_and_keeps_existing_config(self):
        dest = os.path.join(TMP, "destdir")
        env = dict(os.environ, DESTDIR=dest)
        run(["cmake", "--install", BUILD], env=env)
        self.assertEqual(files_under(dest), files_under(ROOT))
        ini = os.path.join(dest, "etc", "confsched", "confsched.ini")
        with open(ini, "a") as f:
            f.write("; edited by the admin\n")
        out = run(["cmake", "--install", BUILD], env=env)
        self.assertIn("Kept (exists): %s" % ini, out)
        with open(ini) as f:
            self.assertTrue(f.read().endswith("; edited by the admin\n"))


if __name__ == "__main__":
    unittest.main()
