"""Several events on one host (README "Several events on one host"): two
instances, "spring" and "autumn", run from the built package the way its
template units run them, and share nothing.

The .deb is built with cpack and unpacked with dpkg-deb -x into a
temporary folder (test_package.build_and_unpack), never installed. Each
instance's `confsched serve` is started with the words of the unpacked
confsched@.service's ExecStart (`/usr/bin/confsched --instance %i serve`,
%i its name) under systemd-socket-activate on the path of
confsched@.socket's ListenStream (/run/confsched/%i/fcgi.sock, moved into
the temporary folder), so the binary finds its configuration where a real
host keeps it: /etc/confsched/NAME.ini. That file, and the instance's
cookie key, are shown to it (and to the CLI commands run the same way)
in a private mount namespace, where /etc is a read-only overlay of this
machine's /etc and the test's etc/ (unshare -m; the machine's /etc is
never written). Each ini names only what the test machine needs (its
MariaDB socket and password file, the unpacked share folder, a port in
public_url): the socket, the database (confsched_NAME) and the cookie key
(/etc/confsched/NAME.cookie-secret) are the instance's defaults.

One MariaDB holds both databases; one nginx loads both sites, each made
from the unpacked share/confsched/instance/nginx/confsched@.conf with the
README's sed and only the paths and listen line changed, as stack.py
renders the single site.
"""

import atexit
import json
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import unittest

import stack as stackmod
import test_package

NAMES = ("spring", "autumn")
EVENT_NAMES = {"spring": "Spring Instance Conference", "autumn": "Autumn Instance Forum"}
UNIT_DIR = "usr/lib/systemd/system"
SITE_TEMPLATE = "usr/share/confsched/instance/nginx/confsched@.conf"

TMP = None
ROOT = None
HOST = None


def read(path):
    with open(path) as f:
        return f.read()


def unit_value(text, key):
    """The value of the one line KEY=VALUE of a unit file."""
    values = re.findall(r"^%s=(.*)$" % re.escape(key), text, re.M)
    if len(values) != 1:
        raise AssertionError("%s: expected one line, found %r" % (key, values))
    return values[0]


def render_site(template, name, server_name):
    """The README's sed: the instance's name and host name for the
    template's placeholders."""
    return template.replace("@INSTANCE@", name).replace("@SERVER_NAME@", server_name)


def without_header(template):
    """A rendered instance site without the lines the template puts first."""
    return template[template.index("\n\n") + 2:]


class Host(stackmod.Stack):
    """What the instances share on a real host, and only that: a MariaDB
    server, an nginx and /etc/confsched (here the overlay's etc/)."""

    def __init__(self):
        super().__init__("instances", https=False, bin=os.path.join(ROOT, "usr", "bin", "confsched"),
                         share_dir=os.path.join(ROOT, "usr", "share", "confsched"))
        self.instances = []

    @property
    def etc(self):
        return self.path("etc")

    def namespace(self):
        """The words that run a program with the test's etc/ over /etc."""
        return [stackmod.tool("unshare"), "-m", "--propagation", "private", "sh", "-c",
                'mount -t overlay confsched-test -o ro,lowerdir="$0":/etc /etc && exec "$@"', self.etc]

    def start(self):
        self.tmp = tempfile.mkdtemp(prefix="confsched-instances-", dir="/tmp")
        atexit.register(self.stop)
        for d in ("run", "log", "mysql", "nginx", "nginx/cache", "nginx/temp", "etc/confsched"):
            os.makedirs(self.path(d), exist_ok=True)
        probe = subprocess.run(self.namespace() + ["true"], stdin=subprocess.DEVNULL, capture_output=True,
                               text=True, timeout=30)
        if probe.returncode != 0:
            raise unittest.SkipTest("cannot show the instances their /etc/confsched in a mount namespace "
                                    "(unshare -m and an overlay mount need root): %s" % probe.stderr.strip())
        self._install_db()
        self.start_db()
        self.db_password = os.urandom(18).hex()
        with open(self.path("db-password"), "w", opener=stackmod._private_opener) as f:
            f.write(self.db_password + "\n")
        # One MariaDB user, as on a host where every instance runs as the
        # system user confsched; a database each, by the instances' default.
        statements = ["CREATE USER 'confsched'@'localhost' IDENTIFIED BY '%s';" % self.db_password]
        for name in NAMES:
            statements += ["CREATE DATABASE confsched_%s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" % name,
                           "GRANT ALL PRIVILEGES ON confsched_%s.* TO 'confsched'@'localhost';" % name]
        self.sql("\n".join(statements) + "\n")
        for name in NAMES:
            self.instances.append(Instance(self, name).start())
        self.http_port = self.instances[0].http_port
        self._write_nginx_conf()
        self.start_nginx()
        for instance in self.instances:
            instance._wait_http_ok()
        return self

    def render_site(self, listen_lines):
        """Both instances' sites, each from the shipped template."""
        template = read(os.path.join(ROOT, SITE_TEMPLATE))
        sites = []
        for instance in self.instances:
            site = render_site(template, instance.instance, instance.instance + ".test")
            site = stackmod._substitute(site, [
                ("/run/confsched/%s/fcgi.sock" % instance.instance, instance.fcgi_socket),
                ("/usr/share/confsched/static", self.static_dir),
                ("/var/cache/nginx/", self.path("nginx", "cache") + "/"),
                ("/var/log/nginx/", self.path("log") + "/nginx-"),
            ], SITE_TEMPLATE)
            sites.append(stackmod._replace_unique(site, "listen 80;", "listen 127.0.0.1:%d;" % instance.http_port,
                                                  SITE_TEMPLATE))
        return "\n".join(sites)

    def stop(self):
        reports = []
        for instance in self.instances:
            reports += instance.stop()
        self.instances = []
        super().stop()
        if reports:
            raise stackmod.StackError("sanitizer reports in an instance's confsched.log:\n" + "\n".join(reports[:20]))

    def dump_logs(self, lines=40):
        for instance in self.instances:
            instance.dump_logs(lines)
        super().dump_logs(lines)


class Instance(stackmod.Stack):
    """One event: its ini and key in the host's /etc/confsched, its own
    `confsched serve` as confsched@NAME.service runs it, its own folder for
    the socket and the log."""

    def __init__(self, host, name):
        super().__init__("instance-" + name, workers=2, https=False, bin=host.bin,
                         share_dir=os.path.join(ROOT, "usr", "share", "confsched"))
        self.host = host
        self.instance = name
        self.db_password = host.db_password
        service = read(os.path.join(ROOT, UNIT_DIR, "confsched@.service"))
        socket_unit = read(os.path.join(ROOT, UNIT_DIR, "confsched@.socket"))
        self.exec_start = [w.replace("%i", name) for w in shlex.split(unit_value(service, "ExecStart"))]
        self.listen_stream = unit_value(socket_unit, "ListenStream").replace("%i", name)

    @property
    def fcgi_socket(self):
        # The socket unit's path, under the host's run/ instead of /run.
        return os.path.join(self.host.path("run"), os.path.relpath(self.listen_stream, "/run"))

    @property
    def db_socket(self):
        return self.host.db_socket

    @property
    def ini(self):
        return os.path.join(self.host.etc, "confsched", self.instance + ".ini")

    @property
    def secret_file(self):
        return os.path.join(self.host.etc, "confsched", self.instance + ".cookie-secret")

    def start(self):
        self.tmp = self.host.path("instance-" + self.instance)
        for d in ("log", os.path.dirname(self.fcgi_socket)):
            os.makedirs(self.path(d), exist_ok=True)
        try:
            self._choose_ports()
            with open(self.secret_file, "wb", opener=stackmod._private_opener) as f:
                f.write(os.urandom(48))
            self.write_ini()
            self.cli("db", "migrate")
            self.demo()
            for role in (stackmod.DELEGATE_USER, stackmod.STAFF_USER):
                self.passwd(role, self.passwords[role])
            self.sql("UPDATE event SET name = '%s' WHERE id = 1;" % EVENT_NAMES[self.instance],
                     database="confsched_" + self.instance)
            self.start_app()
        except BaseException:
            self.dump_logs()
            self.stop_app()
            raise
        return self

    def ini_text(self, **overrides):
        # The instance's defaults stand: no listen, database name or key.
        keep_defaults = {"server.listen": None, "database.name": None, "auth.secret_file": None,
                         "database.password_file": self.host.path("db-password")}
        keep_defaults.update(overrides)
        return super().ini_text(**keep_defaults)

    def command_argv(self, binary, args, config):
        """The CLI as an admin runs it for the instance: confsched
        --instance NAME, and confsched-demo (which has no such option)
        with CONFSCHED_INSTANCE; both find /etc/confsched/NAME.ini."""
        if binary == self.bin:
            argv = [binary, "--instance", self.instance]
        else:
            argv = ["env", "CONFSCHED_INSTANCE=" + self.instance, binary]
        return self.host.namespace() + argv + list(args)

    def app_argv(self):
        """The unit's ExecStart with the unpacked binary, under
        systemd-socket-activate on the socket unit's path."""
        exec_start = list(self.exec_start)
        exec_start[0] = os.path.join(ROOT, exec_start[0].lstrip("/"))
        return self.host.namespace() + [stackmod.tool("systemd-socket-activate"), "-l",
                                        self.fcgi_socket] + exec_start

    def sql(self, statements, check=True, user="root", database=None):
        return self.host.sql(statements, check=check, user=user, database=database)

    def status(self):
        r = self.get("/_status.json")
        assert r.status == 200, r
        return json.loads(r.text)

    def stop(self):
        """Stops the instance's server; returns the sanitizer reports in its
        log (a sanitized build's). The folder is the host's to remove."""
        self.stop_app()
        reports = self.sanitizer_reports() if self.tmp else []
        if reports:
            self.dump_logs(200)
        return reports


def setUpModule():
    global TMP, ROOT, HOST
    for tool in ("unshare", "systemd-socket-activate"):
        if shutil.which(tool) is None:
            raise unittest.SkipTest("%s is not installed" % tool)
    TMP, _, ROOT = test_package.build_and_unpack("instances")
    host = Host()
    try:
        HOST = host.start()
    except BaseException:
        # unittest runs no tearDownModule after a failed setUpModule.
        try:
            host.dump_logs()
            host.stop()
        finally:
            shutil.rmtree(TMP, ignore_errors=True)
        raise


def tearDownModule():
    if HOST is not None:
        HOST.dump_logs(25)
        HOST.stop()
    if TMP and os.environ.get("CONFSCHED_KEEP_TMP") != "1":
        shutil.rmtree(TMP, ignore_errors=True)


class Units(unittest.TestCase):
    def test_the_template_units_name_the_instance_everywhere(self):
        units = os.path.join(ROOT, UNIT_DIR)
        service = read(os.path.join(units, "confsched@.service"))
        socket_unit = read(os.path.join(units, "confsched@.socket"))
        self.assertEqual(unit_value(service, "ExecStart"), "/usr/bin/confsched --instance %i serve")
        self.assertEqual(unit_value(service, "Requires"), "confsched@%i.socket")
        self.assertIn("confsched@%i.socket", unit_value(service, "After"))
        self.assertEqual(unit_value(socket_unit, "ListenStream"), "/run/confsched/%i/fcgi.sock")
        # The rest is the single site's units, line for line: the same
        # hardening, user and socket permissions.
        single = {name: read(os.path.join(units, "confsched." + name)) for name in ("service", "socket")}

        def directives(text):
            return [line for line in text.splitlines()
                    if line and not line.startswith("#") and "%i" not in line and "confsched.socket" not in line
                    and not line.startswith(("Description=", "ExecStart=", "ListenStream="))]

        self.assertEqual(directives(service), directives(single["service"]))
        self.assertEqual(directives(socket_unit), directives(single["socket"]))
        self.assertIn("ProtectSystem=strict", directives(service))

    def test_the_template_units_verify(self):
        if shutil.which("systemd-analyze") is None:
            self.skipTest("systemd-analyze is not installed")
        units = os.path.join(HOST.tmp, "units")
        os.makedirs(units, exist_ok=True)
        for kind in ("service", "socket"):
            text = read(os.path.join(ROOT, UNIT_DIR, "confsched@." + kind))
            with open(os.path.join(units, "confsched@." + kind), "w") as f:
                f.write(text.replace("/usr/bin/confsched", os.path.join(ROOT, "usr/bin/confsched")))
        r = subprocess.run(["systemd-analyze", "verify", "--man=no", "confsched@spring.socket",
                            "confsched@spring.service"], cwd=units, capture_output=True, text=True, timeout=60)
        self.assertEqual((r.returncode, r.stdout + r.stderr), (0, ""))


class Sites(unittest.TestCase):
    def test_the_instance_site_is_the_single_site_with_other_names(self):
        # Only names and paths differ: every rule of the shipped site holds.
        single = read(os.path.join(ROOT, "etc/confsched/nginx/confsched.conf"))
        site = render_site(read(os.path.join(ROOT, SITE_TEMPLATE)), "spring", "spring.example.org")
        for placeholder in ("@INSTANCE@", "@SERVER_NAME@"):
            self.assertNotIn(placeholder, site)
        # The cookies' names are the app's, the same in every instance.
        for cookie in ("__Host-confsched=", "]*confsched=", "(?:__Host-)?confsched_device="):
            self.assertIn(cookie, single)
            self.assertEqual(site.count(cookie), single.count(cookie), cookie)
        back = (site.replace("confsched_spring_", "confsched_").replace("/run/confsched/spring/", "/run/confsched/")
                .replace("/var/cache/nginx/confsched-spring-", "/var/cache/nginx/confsched-")
                .replace("server_name spring.example.org;", "server_name _;"))
        self.assertEqual(without_header(back), single)

    def test_the_apache_instance_site_is_the_single_site_with_other_names(self):
        single = read(os.path.join(ROOT, "etc/confsched/apache/confsched.conf"))
        site = render_site(read(os.path.join(ROOT, "usr/share/confsched/instance/apache/confsched@.conf")),
                           "spring", "spring.example.org")
        self.assertIn('"unix:/run/confsched/spring/fcgi.sock|fcgi://confsched-spring/"', site)
        self.assertIn("ServerName spring.example.org\n", site)
        back = (site.replace("confsched_spring_", "confsched_").replace("/run/confsched/spring/", "/run/confsched/")
                .replace("fcgi://confsched-spring/", "fcgi://confsched-app/")
                .replace("ServerName spring.example.org", "ServerName confsched.example.org"))
        self.assertEqual(without_header(back), single)

    def test_the_two_sites_share_no_zone_upstream_socket_or_cache(self):
        conf = read(HOST.path("nginx", "confsched-site.conf"))
        for directive in (r"keys_zone=(\S+?):", r"limit_req_zone \S+ zone=(\S+?):", r"^upstream (\S+)",
                          r"fastcgi_cache_path (\S+)", r"^log_format (\S+)", r"^map \S+ (\$\S+)"):
            found = re.findall(directive, conf, re.M)
            self.assertTrue(found, directive)
            self.assertEqual(len(found), len(set(found)), "%s: %r" % (directive, found))
            for name in NAMES:
                self.assertTrue(any(name in f for f in found), (name, found))
        sockets = set(re.findall(r"server unix:(\S+) ", conf))
        self.assertEqual(sockets, {i.fcgi_socket for i in HOST.instances})


class SharedNothing(unittest.TestCase):
    def setUp(self):
        self.spring, self.autumn = HOST.instances

    def test_each_serves_its_own_event(self):
        for instance in HOST.instances:
            other = [i for i in HOST.instances if i is not instance][0]
            page = instance.get("/").text
            self.assertIn(EVENT_NAMES[instance.instance], page)
            self.assertNotIn(EVENT_NAMES[other.instance], page)
            cookie = instance.login()
            schedule = instance.get("/schedule", headers={"Cookie": cookie})
            self.assertEqual(schedule.status, 200)
            self.assertIn(EVENT_NAMES[instance.instance], schedule.text)

    def test_a_login_to_one_is_refused_by_the_other(self):
        for instance, other in ((self.spring, self.autumn), (self.autumn, self.spring)):
            for role in (stackmod.DELEGATE_USER, stackmod.STAFF_USER):
                cookie = instance.login(role)
                path = "/schedule" if role == stackmod.DELEGATE_USER else "/admin"
                self.assertEqual(instance.get(path, headers={"Cookie": cookie}).status, 200, (instance.name, role))
                # The same cookie, name and all, signed with the other key.
                refused = other.get(path, headers={"Cookie": cookie})
                self.assertIn(refused.status, (303, 403), (other.name, role, refused.status))
                self.assertIn("/login", refused.header("Location", "/login"), (other.name, role))
        with open(self.spring.secret_file, "rb") as a, open(self.autumn.secret_file, "rb") as b:
            self.assertNotEqual(a.read(), b.read())

    def test_status_names_its_instance(self):
        for instance in HOST.instances:
            self.assertEqual(instance.status()["instance"], instance.instance)
            text = instance.get("/_status").text
            self.assertIn('confsched_instance_info{instance="%s"} 1\n' % instance.instance, text)

    def test_an_import_into_one_leaves_the_other_alone(self):
        before = {i.instance: i.status()["data_version"] for i in HOST.instances}
        exported = self.spring.path("spring.json")
        self.spring.cli("export", "schedule-json", exported)
        with open(exported) as f:
            programme = json.load(f)
        days = programme["schedule"]["conference"]["days"]
        talk = next(t for day in days for room in day["rooms"].values() for t in room)
        talk["title"] = "Only in spring: instances share nothing"
        with open(exported, "w") as f:
            json.dump(programme, f)
        imported = self.spring.cli("import", "schedule-json", exported)

        cookies = {i.instance: i.login() for i in HOST.instances}
        # The demo's sessions carry no guid, so the import adds its copies
        # as new sessions (the title among them): spring's programme
        # feed lists it once the pages know the new data version.
        page = "/schedule.json"

        def spring_shows_it():
            return talk["title"] in self.spring.get(page, headers={"Cookie": cookies["spring"]}).text

        self.assertTrue(stackmod.wait_until(spring_shows_it, 10), "spring's %s lacks the import: %s%s" % (
            page, imported.stdout, imported.stderr))
        self.assertGreater(self.spring.status()["data_version"], before["spring"])
        self.assertEqual(self.autumn.status()["data_version"], before["autumn"])
        for answer in (self.autumn.get(page, headers={"Cookie": cookies["autumn"]}),
                       self.autumn.fcgi("GET", page, headers={"Cookie": cookies["autumn"]}),
                       self.autumn.get("/schedule", headers={"Cookie": cookies["autumn"]})):
            self.assertEqual(answer.status, 200)
            self.assertIn(EVENT_NAMES["autumn"], answer.text)
            self.assertNotIn(talk["title"], answer.text)

    def test_check_finds_the_instance_own_files_and_warns_of_shared_ones(self):
        r = self.spring.cli("check")
        self.assertIn("ok  configuration /etc/confsched/spring.ini\n", r.stdout)
        self.assertIn("ok  cookie secret /etc/confsched/spring.cookie-secret\n", r.stdout)
        self.assertNotIn("warn instance", r.stdout)
        # An instance whose file is a copy of the single site's keeps its
        # socket, database and key: check says so (the single site's
        # database is not there, so check fails after the warnings).
        etc = os.path.join(HOST.etc, "confsched")
        try:
            with open(os.path.join(etc, "cookie-secret"), "wb", opener=stackmod._private_opener) as f:
                f.write(os.urandom(48))
            self.spring.write_ini(os.path.join(etc, "copied.ini"), **{
                "server.listen": "unix:/run/confsched/fcgi.sock", "database.name": "confsched",
                "auth.secret_file": os.path.join("/etc/confsched", "cookie-secret")})
            copied = subprocess.run(HOST.namespace() + [self.spring.bin, "--instance", "copied", "check"],
                                    stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        finally:
            for name in ("cookie-secret", "copied.ini"):
                os.unlink(os.path.join(etc, name))
        warnings = [line for line in copied.stdout.splitlines() if line.startswith("warn instance copied")]
        self.assertEqual(len(warnings), 3, copied.stdout + copied.stderr)
        for what in ("[database] name confsched", "[auth] secret_file /etc/confsched/cookie-secret",
                     "[server] listen unix:/run/confsched/fcgi.sock"):
            self.assertTrue(any(what in w for w in warnings), (what, warnings))

    def test_each_runs_its_own_server_on_its_own_socket(self):
        self.assertNotEqual(self.spring.fcgi_socket, self.autumn.fcgi_socket)
        self.assertNotEqual(self.spring.app_pid(), self.autumn.app_pid())
        for instance in HOST.instances:
            self.assertTrue(os.path.exists(instance.fcgi_socket))
            with open("/proc/%d/cmdline" % instance.app_pid(), "rb") as f:
                argv = f.read().split(b"\0")
            self.assertEqual(argv[1:4], [b"--instance", instance.instance.encode(), b"serve"])
            # Each nginx cache folder holds only its own instance's pages.
            cache = HOST.path("nginx", "cache", "confsched-%s-pages" % instance.instance)
            self.assertTrue(os.path.isdir(cache), cache)


class Cli(unittest.TestCase):
    BIN = property(lambda self: os.path.join(ROOT, "usr", "bin", "confsched"))

    def confsched(self, *args):
        return subprocess.run([self.BIN] + list(args), stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=30, env={k: v for k, v in os.environ.items()
                                               if k not in ("CONFSCHED_INSTANCE", "CONFSCHED_CONFIG")})

    def test_a_bad_name_is_a_usage_error(self):
        for bad in ("Spring", "../x", "a-b", "", "x" * 33, "_x"):
            r = self.confsched("--instance", bad, "check")
            self.assertEqual(r.returncode, 2, (bad, r.stderr))
            self.assertIn("a-z, 0-9 and _", r.stderr)

    def test_instance_and_config_exclude_each_other(self):
        for args in (("--instance", "spring", "--config", "/tmp/x.ini"),
                     ("--config=/tmp/x.ini", "--instance=spring")):
            r = self.confsched(*(args + ("check",)))
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn("exclude each other", r.stderr)

    def test_the_instance_reads_its_file_in_the_config_folder(self):
        if os.path.exists("/etc/confsched/nosuch.ini"):
            self.skipTest("/etc/confsched/nosuch.ini exists")
        r = self.confsched("--instance", "nosuch", "check")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("/etc/confsched/nosuch.ini", r.stderr)


if __name__ == "__main__":
    unittest.main()
