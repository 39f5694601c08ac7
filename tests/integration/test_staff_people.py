"""Per-person staff logins: `confsched staff add|remove|list|passwd`; a
person logs in at /login by their own name (ASCII letters in any case);
the shared staff login works only while nobody is on the roster; editors
open the programme pages and get 403 on the admin-only ones, admins open
everything; removing a person or changing their password (by the CLI, on
/admin/people or on /admin/account) voids that person's cookies and
nobody else's; every audit row and the session history name the person
who saved, and the old "Your name" prompt is gone; /admin/people adds,
removes, re-roles and resets people, answers bad input with 422 showing
the typed name (escaped) and changing nothing, keeps the last admin, and
refuses posts without a CSRF token or by an editor with 403; a name with
markup in it is shown escaped on every page, never raw.

How soon a revoked cookie is refused is printed as a figure (issue 15);
the limits are only guards against a hang. Every loop is bounded."""

import html
import re
import secrets
import time
import unittest
import urllib.parse

import stack as stackmod
from stack import parse_set_cookie
from support import (StackTestCase, cache_directives, escaped, login_form, parse_page, poll_until,
                     start_module_stack, stop_module_stack)
from test_admin import form_fields

S = None
# The stack's [server] version_check_ms (tests/integration/stack.py).
VERSION_CHECK_S = 0.2
IDS = None

# What an editor may open (the session form's path takes an id), and what
# only an admin may.
EDITOR_PAGES = ("/admin", "/admin/session/%d", "/admin/announcements", "/admin/rooms", "/admin/tracks",
                "/admin/speakers", "/admin/account")
ADMIN_PAGES = ("/admin/event", "/admin/passwords", "/admin/import", "/admin/displays", "/admin/people")

# Each person's current password, by name as added.
PASSWORDS = {}


def setUpModule():
    global S, IDS
    S, IDS = start_module_stack("staff_people")


def tearDownModule():
    stop_module_stack(S)


# ------------------------------------------------------------------ helpers
def db(query):
    return S.sql(query, database="confsched").stdout.rstrip("\n")


def hex_of(text):
    """text as MariaDB's HEX() writes its UTF-8 bytes: compares names
    byte for byte, whatever the column's collation would fold."""
    return text.encode("utf-8").hex().upper()


def new_password():
    return "pw-" + secrets.token_hex(8)


def roster():
    """`confsched staff list` as [(name, role)], held to its format: one
    line a person, NAME<TAB>ROLE, nothing else on stdout."""
    out = S.cli("staff", "list").stdout
    people = []
    for line in out.splitlines():
        name, tab, role = line.partition("\t")
        assert tab and name and role in ("editor", "admin"), "staff list: %r is not NAME<TAB>ROLE" % line
        people.append((name, role))
    return people


def staff_rows():
    """Every staff_members row as stored (names, roles, hashes, epochs):
    it changes whenever anything about anyone does."""
    return db("SELECT * FROM staff_members ORDER BY id")


def add_person(name, role, password=None, check=True):
    """`confsched staff add NAME --role ROLE`, the password on stdin."""
    password = password or new_password()
    r = S.cli("staff", "add", name, "--role", role, input=password + "\n", check=check)
    if r.returncode == 0:
        PASSWORDS[name] = password
    return r


def remove_person(name, check=True):
    r = S.cli("staff", "remove", name, check=check)
    if r.returncode == 0:
        PASSWORDS.pop(name, None)
    return r


def person_id(name):
    out = db("SELECT id FROM staff_members WHERE HEX(name) = '%s'" % hex_of(name))
    assert re.fullmatch(r"[1-9][0-9]*", out), "no staff_members row named %r: %r" % (name, out)
    return int(out)


def post_login(username, password, next_path="/admin"):
    return S.post_form("/login", {"username": username, "password": password, "next": next_path})


def session_cookie_of(r):
    """The session cookie a response sets, as a Cookie header value."""
    for value in r.set_cookies():
        name, val, _ = parse_set_cookie(value)
        if name in ("confsched", "__Host-confsched") and val:
            return "%s=%s" % (name, val)
    return None


def token_of(cookie):
    return cookie.split("=", 1)[1]


def csrf_of(text):
    """The CSRF token of the page's forms (it is bound to the session, the
    same in each)."""
    for f in parse_page(text).forms:
        if f["inputs"].get("csrf"):
            return f["inputs"]["csrf"]
    return None


def is_login_redirect(r):
    return r.status == 303 and (r.headers.get("Location") or "").startswith("/login?")


def failed_login_shape(r, username):
    """A failed login's page with the typed user name (and the shared
    names, wherever the page says them) blanked, to compare two failures."""
    text = r.text
    if username:
        text = text.replace(escaped(username), "USER")
    return text.replace(stackmod.DELEGATE_USER, "USER").replace(stackmod.STAFF_USER, "USER")


def staff_names_in_history(text):
    """The names the history page's entries show, newest first."""
    return [html.unescape(n) for n in re.findall(r'<strong class="staff-name">(.*?)</strong>', text, re.S)]


class PeopleCase(StackTestCase):
    # -- people ------------------------------------------------------------
    def person(self, name, role="editor"):
        """Adds name by the CLI and logs them in: (cookie, id)."""
        add_person(name, role)
        return self.login_person(name), person_id(name)

    def login_person(self, name, username=None, password=None):
        """Logs name in (typing username, default the name as added);
        returns the session cookie."""
        typed = username if username is not None else name
        r = post_login(typed, password if password is not None else PASSWORDS[name])
        self.assertRedirectTo(r, "/admin", "login as %r" % typed)
        cookie = session_cookie_of(r)
        self.assertIsNotNone(cookie, "login as %r set no session cookie: %r" % (typed, r.set_cookies()))
        return cookie

    def assertLoginFails(self, username, password, what):
        r = post_login(username, password)
        self.assertEqual(r.status, 401, "%s: %r %s" % (what, r, r.text[:300]))
        self.assertNoCookie(r, what)
        self.assertIsNotNone(login_form(r.text), "%s: the login form again" % what)
        return r

    # -- access ------------------------------------------------------------
    def direct_statuses(self, cookie, path="/admin", n=6):
        """n requests straight to the app: with two workers, both answer."""
        return [S.fcgi("GET", path, headers={"Cookie": cookie}).status for _ in range(n)]

    def assertOpens(self, cookie, what, path="/admin"):
        """200 on path from every worker and through the web server."""
        self.assertEqual(self.direct_statuses(cookie, path), [200] * 6, "%s: %s straight to the app" % (what, path))
        r = S.get(path, headers={"Cookie": cookie})
        self.assertEqual(r.status, 200, "%s: %s through %s: %r" % (what, path, S.web, r))

    def assertVoided(self, cookie, what, key, since=None):
        """The cookie gets the login redirect on /admin: from every worker
        (the app first), then through the web server."""
        def app_refuses():
            return all(is_login_redirect(S.fcgi("GET", "/admin", headers={"Cookie": cookie})) for _ in range(4))
        poll_until(app_refuses, "staff_people.%s_refused_by_app" % key,
                   "%s: every worker sending the cookie to /login" % what, since=since)
        poll_until(lambda: is_login_redirect(S.get("/admin", headers={"Cookie": cookie})),
                   "staff_people.%s_refused_through_%s" % (key, S.web),
                   "%s: the cookie sent to /login through %s" % (what, S.web), since=since, interval=0.25)
        # A change made with the CLI reaches each worker with its next look
        # at the database ([server] version_check_ms): the four answers
        # above may all have come from workers that had looked. After one
        # more interval every worker has, and none may take the cookie.
        time.sleep(VERSION_CHECK_S + 0.1)
        self.assertEqual(self.direct_statuses(cookie, "/admin"), [303] * 6, "%s: straight to the app" % what)
        self.assertLoginRedirect(S.get("/admin", headers={"Cookie": cookie}), "/admin", what)

    # -- forms -------------------------------------------------------------
    def csrf(self, cookie, path):
        r = S.get(path, headers={"Cookie": cookie})
        self.assertEqual(r.status, 200, "%s: %r %s" % (path, r, r.text[:300]))
        token = csrf_of(r.text)
        self.assertTrue(token, "no csrf field in the forms of %s" % path)
        return token

    def people_post(self, cookie, csrf="page", **fields):
        """POST /admin/people. csrf: "page" takes the token from the page
        (as the admin's browser would), None sends none, else that value.
        A password goes with an equal repeat unless one is given."""
        body = {}
        if csrf == "page":
            body["csrf"] = self.csrf(cookie, "/admin/people")
        elif csrf is not None:
            body["csrf"] = csrf
        if "password" in fields and "password_again" not in fields:
            fields["password_again"] = fields["password"]
        body.update(fields)
        return S.post_form("/admin/people", body, headers={"Cookie": cookie})

    def assertToPeople(self, r, what):
        self.assertEqual(r.status, 303, "%s: %r %s" % (what, r, r.text[:500]))
        loc = stackmod.location_path(S, r) or ""
        self.assertEqual(urllib.parse.urlsplit(loc).path, "/admin/people", "%s: Location %r" % (what, loc))

    def assertUnchanged(self, rows, people, what):
        self.assertEqual(staff_rows(), rows, "%s changed staff_members" % what)
        self.assertEqual(roster(), people, "%s changed `staff list`" % what)

    def edit_session(self, cookie, sid, title):
        page = S.get("/admin/session/%d" % sid, headers={"Cookie": cookie})
        self.assertEqual(page.status, 200, page.text[:300])
        r = S.post_form("/admin/session/%d" % sid, dict(form_fields(page.text), title=title),
                        headers={"Cookie": cookie})
        self.assertEqual(r.status, 303, r.text[:500])

    def history(self, cookie, sid):
        r = S.get("/admin/session/%d/history" % sid, headers={"Cookie": cookie})
        self.assertEqual(r.status, 200, r.text[:300])
        return r.text


# ---------------------------------------------------------------------- CLI
class Cli(PeopleCase):
    def test_add_list_and_remove(self):
        add_person("Cli Editor", "editor")
        add_person("Cli Admin", "admin")
        people = roster()
        self.assertIn(("Cli Editor", "editor"), people)
        self.assertIn(("Cli Admin", "admin"), people)
        self.assertEqual(len(people), len(set(n for n, _ in people)), "one line a person: %r" % people)

        r = remove_person("Cli Editor")
        self.assertEqual(r.returncode, 0)
        self.assertNotIn("Cli Editor", [n for n, _ in roster()])
        self.assertIn(("Cli Admin", "admin"), roster())

        rows, before = staff_rows(), roster()
        r = remove_person("Cli Editor", check=False)
        self.assertEqual(r.returncode, 1, "removing nobody: %r" % r)
        self.assertTrue((r.stdout + r.stderr).strip(), "removing nobody says why")
        self.assertUnchanged(rows, before, "removing nobody")

    def test_taken_and_reserved_names_and_short_passwords_are_refused(self):
        add_person("Dana Duplicate", "editor")
        rows, before = staff_rows(), roster()
        for name, role in (("dana duplicate", "editor"), ("DANA DUPLICATE", "admin"), ("Dana Duplicate", "editor")):
            r = add_person(name, role, check=False)
            self.assertEqual(r.returncode, 1, "a taken name %r: %r" % (name, r))
            self.assertTrue((r.stdout + r.stderr).strip(), "a taken name %r says why" % name)
            self.assertUnchanged(rows, before, "adding %r" % name)
        for name in (stackmod.DELEGATE_USER, stackmod.DELEGATE_USER.upper(), stackmod.STAFF_USER,
                     stackmod.STAFF_USER.capitalize()):
            r = add_person(name, "admin", check=False)
            self.assertIn(r.returncode, (1, 2), "the shared user name %r: %r" % (name, r))
            self.assertTrue((r.stdout + r.stderr).strip(), "the shared user name %r says why" % name)
            self.assertUnchanged(rows, before, "adding %r" % name)
        r = add_person("Shorty Password", "editor", password="1234567", check=False)
        self.assertNotEqual(r.returncode, 0, "a 7-character password: %r" % r)
        self.assertUnchanged(rows, before, "a short password")
        # Only ASCII letters fold: these are two names.
        add_person("\u00c9mile Ascii", "editor")
        add_person("\u00e9mile Ascii", "editor")
        names = [n for n, _ in roster()]
        self.assertIn("\u00c9mile Ascii", names)
        self.assertIn("\u00e9mile Ascii", names)

    def test_passwd_voids_only_that_persons_cookies(self):
        bea, _ = self.person("Bea Passwd")
        abe, _ = self.person("Abe Bystander")
        self.assertOpens(bea, "Bea before passwd")
        self.assertOpens(abe, "Abe before passwd")
        old = PASSWORDS["Bea Passwd"]
        new = new_password()
        t0 = time.monotonic()
        S.cli("staff", "passwd", "Bea Passwd", input=new + "\n")
        PASSWORDS["Bea Passwd"] = new
        self.assertVoided(bea, "Bea's cookie after `staff passwd`", "passwd_cookie", since=t0)
        self.assertOpens(abe, "Abe after Bea's passwd")
        self.assertLoginFails("Bea Passwd", old, "Bea's old password")
        self.assertOpens(self.login_person("Bea Passwd"), "Bea's cookie from her new password")


# -------------------------------------------------------------------- login
class Login(PeopleCase):
    def test_a_person_logs_in_by_name_in_any_ascii_case(self):
        add_person("Ana Souza", "editor")
        pid = person_id("Ana Souza")
        for typed in ("Ana Souza", "ana souza", "ANA SOUZA", "aNA sOUZA"):
            cookie = self.login_person("Ana Souza", username=typed)
            self.assertEqual(cookie.split("=", 1)[0], "confsched", "the shared logins' cookie name")
            self.assertRegex(token_of(cookie), r"^staff-%d\." % pid, "the token of person %d" % pid)
            self.assertOpens(cookie, "logged in as %r" % typed)

    def test_a_wrong_password_or_unknown_name_fails_like_any_wrong_password(self):
        add_person("Wanda Wrong", "editor")
        person = self.assertLoginFails("Wanda Wrong", "not-her-password", "a person's wrong password")
        lower = self.assertLoginFails("wanda wrong", PASSWORDS["Wanda Wrong"] + "x",
                                      "wrong password, name in lower case")
        nobody = self.assertLoginFails("Nobody Here", PASSWORDS["Wanda Wrong"], "a name nobody has")
        delegate = self.assertLoginFails(stackmod.DELEGATE_USER, "not-the-password", "the delegate's wrong password")
        want = failed_login_shape(delegate, stackmod.DELEGATE_USER)
        for what, r, typed in (("a person's wrong password", person, "Wanda Wrong"),
                               ("wrong password, lower case", lower, "wanda wrong"),
                               ("a name nobody has", nobody, "Nobody Here")):
            self.assertEqual(failed_login_shape(r, typed), want,
                             "%s: the same page as a wrong delegate password" % what)

    def test_a_new_persons_cookie_opens_admin_on_every_worker_at_once(self):
        """The login reads the person from the database; a worker that has
        not reloaded the roster yet must not refuse the new cookie."""
        for n in range(3):
            cookie, _ = self.person("Nina New %d" % n)
            statuses = self.direct_statuses(cookie, n=10)
            self.assertEqual(statuses, [200] * 10, "round %d: a new person's cookie was refused" % n)


class SharedLogin(PeopleCase):
    def test_the_shared_staff_login_works_only_while_nobody_is_on_the_roster(self):
        for name, _ in roster():
            remove_person(name)
        self.assertEqual(roster(), [])
        # Removed just now: the login may take a moment to know (bounded,
        # and each miss costs only one counted failure).
        r, _ = poll_until(lambda: (lambda r: r if r.status == 303 else None)(
            post_login(stackmod.STAFF_USER, S.passwords[stackmod.STAFF_USER])),
            "staff_people.shared_login_with_empty_roster", "the shared staff login with nobody on the roster",
            interval=0.25, limit=10)
        shared = session_cookie_of(r)
        self.assertIsNotNone(shared, r.set_cookies())
        self.assertOpens(shared, "the shared staff cookie while nobody is on the roster")

        t0 = time.monotonic()
        solo, _ = self.person("Solo Person", "admin")
        self.assertVoided(shared, "the shared staff cookie once a person exists", "shared_cookie", since=t0)
        refused = self.assertLoginFails(stackmod.STAFF_USER, S.passwords[stackmod.STAFF_USER],
                                        "the shared staff password once a person exists")
        wrong = self.assertLoginFails(stackmod.STAFF_USER, "not-the-password", "a wrong shared staff password")
        self.assertEqual(failed_login_shape(refused, stackmod.STAFF_USER),
                         failed_login_shape(wrong, stackmod.STAFF_USER),
                         "the retired shared login answers as a wrong password does")
        self.assertOpens(solo, "the person's cookie")

        t0 = time.monotonic()
        remove_person("Solo Person")
        self.assertVoided(solo, "the removed person's cookie", "last_person_cookie", since=t0)
        r = post_login(stackmod.STAFF_USER, S.passwords[stackmod.STAFF_USER])
        self.assertRedirectTo(r, "/admin", "the shared staff login once the roster is empty again")
        again = session_cookie_of(r)
        self.assertIsNotNone(again, r.set_cookies())
        self.assertRegex(token_of(again), r"^staff\.", "a shared staff token")
        self.assertOpens(again, "a new shared staff login once the roster is empty again")


# -------------------------------------------------------------------- roles
class Roles(PeopleCase):
    def test_editors_open_the_programme_pages_and_admins_every_page(self):
        editor, _ = self.person("Eddie Editor", "editor")
        admin, _ = self.person("Ada Admin", "admin")
        sid = IDS.take()
        for pattern in EDITOR_PAGES:
            path = pattern % sid if "%d" in pattern else pattern
            for who, cookie in (("editor", editor), ("admin", admin)):
                r = S.get(path, headers={"Cookie": cookie})
                self.assertEqual(r.status, 200, "%s on %s: %r %s" % (who, path, r, r.text[:200]))
        for path in ADMIN_PAGES:
            r = S.get(path, headers={"Cookie": editor})
            self.assertEqual(r.status, 403, "editor on %s: %r" % (path, r))
            r = S.get(path, headers={"Cookie": admin})
            self.assertEqual(r.status, 200, "admin on %s: %r %s" % (path, r, r.text[:200]))
        delegate = S.login()
        for path in ("/admin", "/admin/people", "/admin/account"):
            self.assertEqual(S.get(path, headers={"Cookie": delegate}).status, 403, "delegate on %s" % path)

    def test_an_editors_post_to_an_admin_page_is_403_and_changes_nothing(self):
        editor, _ = self.person("Erin Poster", "editor")
        token = self.csrf(editor, "/admin/account")
        before = db("SELECT role, epoch, password_hash FROM credentials ORDER BY role")
        r = S.post_form("/admin/passwords", {"csrf": token, "role": "delegate", "password": "editor-set-pw-1",
                                             "password_again": "editor-set-pw-1"}, headers={"Cookie": editor})
        self.assertEqual(r.status, 403, "an editor's POST /admin/passwords: %r" % r)
        self.assertEqual(db("SELECT role, epoch, password_hash FROM credentials ORDER BY role"), before)


# --------------------------------------------------------------- revocation
class Revocation(PeopleCase):
    def test_removing_a_person_voids_their_cookies_and_nobody_elses(self):
        rex, _ = self.person("Rex Removed")
        bo, _ = self.person("Bo Stays")
        self.assertOpens(rex, "Rex before")
        self.assertOpens(bo, "Bo before")
        password = PASSWORDS["Rex Removed"]
        t0 = time.monotonic()
        remove_person("Rex Removed")
        self.assertVoided(rex, "a removed person's cookie", "removed_cookie", since=t0)
        self.assertOpens(bo, "Bo after Rex was removed")
        self.assertLoginFails("Rex Removed", password, "a removed person's login")


# -------------------------------------------------------------------- audit
class Audit(PeopleCase):
    def test_a_save_records_the_persons_name_in_the_audit_log_and_the_history(self):
        add_person("Ana Lima", "editor")
        ana = self.login_person("Ana Lima", username="ana lima")
        sid = IDS.take()
        self.edit_session(ana, sid, "Saved by Ana %d" % sid)
        row = db("SELECT staff_name, entity, entity_id FROM audit_log ORDER BY id DESC LIMIT 1").split("\t")
        self.assertEqual(row, ["Ana Lima", "session", str(sid)], "the newest audit row, with the name as added")
        page = self.history(ana, sid)
        self.assertIn("Ana Lima", page)
        names = staff_names_in_history(page)
        if names:
            self.assertEqual(names[0], "Ana Lima", "the newest history entry")

    def test_the_name_prompt_is_gone(self):
        nora, _ = self.person("Nora Noname")
        r = S.get("/admin", headers={"Cookie": nora})
        self.assertEqual(r.status, 200)
        actions = [f["action"] for f in parse_page(r.text).forms]
        self.assertNotIn("/admin/name", actions)
        self.assertNotIn("display_name", r.text)
        token = self.csrf(nora, "/admin/account")
        r = S.post_form("/admin/name", {"csrf": token, "display_name": "Someone Else"}, headers={"Cookie": nora})
        self.assertEqual(r.status, 404, "POST /admin/name: %r" % r)
        self.assertEqual(r.set_cookies(), [])


# ------------------------------------------------------------- /admin/people
class People(PeopleCase):
    def test_the_page_lists_everyone_with_their_role(self):
        admin, _ = self.person("Pat Admin", "admin")
        add_person("Lou Listed", "editor")
        r = S.get("/admin/people", headers={"Cookie": admin})
        self.assertEqual(r.status, 200)
        self.assertHtmlPage(r, "/admin/people")
        self.assertIn("no-store", cache_directives(r))
        people = roster()
        self.assertIn(("Pat Admin", "admin"), people)
        self.assertIn(("Lou Listed", "editor"), people)
        text = r.text
        at = {name: [m.start() for m in re.finditer(re.escape(escaped(name)), text)] for name, _ in people}
        everywhere = sorted(p for places in at.values() for p in places)
        for name, role in people:
            self.assertTrue(at[name], "%r is not on /admin/people" % name)
            shown = []
            for start in at[name]:
                # The person's row: from their name to the next person's
                # name, or the end of the table row or list item.
                ends = [p for p in everywhere if p > start] + [start + 3000]
                ends += [e for e in (text.find("</tr>", start), text.find("</li>", start)) if e > 0]
                row = text[start:min(ends)]
                # As a browser reads a select: the selected option, else the first.
                chosen = (re.search(r'<option value="(editor|admin)"[^>]*\bselected', row)
                          or re.search(r'<option value="(editor|admin)"', row))
                if chosen:
                    shown.append(chosen.group(1))
                else:
                    shown += re.findall(r"\b(editor|admin)\b", html.unescape(re.sub(r"<[^>]*>", " ", row)).lower())
            self.assertIn(role, shown, "%r's role %s on /admin/people (roles near the name: %r)" % (name, role, shown))

    def test_an_admin_adds_promotes_resets_and_removes_a_person(self):
        kim, _ = self.person("Kim Keeper", "admin")
        first = new_password()
        newest = db("SELECT COALESCE(MAX(id), 0) FROM audit_log")
        r = self.people_post(kim, action="add", name="Gus Guest", role="editor", password=first)
        self.assertToPeople(r, "add")
        PASSWORDS["Gus Guest"] = first
        self.assertIn(("Gus Guest", "editor"), roster())
        # store/staff_members.h: every change to the roster writes an audit row.
        self.assertEqual(db("SELECT staff_name FROM audit_log WHERE id > %s ORDER BY id DESC LIMIT 1" % newest),
                         "Kim Keeper", "the audit row of the addition names the admin who added")
        gus_id = person_id("Gus Guest")
        gus = self.login_person("Gus Guest")
        self.assertOpens(gus, "Gus, just added")
        self.assertEqual(S.get("/admin/people", headers={"Cookie": gus}).status, 403, "Gus is an editor")

        r = self.people_post(kim, action="role", id=str(gus_id), role="admin")
        self.assertToPeople(r, "role")
        self.assertIn(("Gus Guest", "admin"), roster())
        gus = self.login_person("Gus Guest")
        poll_until(lambda: self.direct_statuses(gus, "/admin/people", 4) == [200] * 4,
                   "staff_people.promoted_opens_people", "Gus, promoted, opening /admin/people")

        second = new_password()
        t0 = time.monotonic()
        r = self.people_post(kim, action="password", id=str(gus_id), password=second)
        self.assertToPeople(r, "password")
        PASSWORDS["Gus Guest"] = second
        self.assertVoided(gus, "Gus's cookie after an admin set his password", "people_password_cookie", since=t0)
        self.assertLoginFails("Gus Guest", first, "Gus's old password")
        gus = self.login_person("Gus Guest")
        self.assertOpens(gus, "Gus with the password the admin set")

        t0 = time.monotonic()
        r = self.people_post(kim, action="remove", id=str(gus_id))
        self.assertToPeople(r, "remove")
        PASSWORDS.pop("Gus Guest")
        self.assertNotIn("Gus Guest", [n for n, _ in roster()])
        self.assertVoided(gus, "Gus's cookie after an admin removed him", "people_removed_cookie", since=t0)
        self.assertLoginFails("Gus Guest", second, "a removed person's login")
        self.assertOpens(kim, "the admin who did all this", "/admin/people")

    def test_bad_input_is_422_with_the_typed_name_and_changes_nothing(self):
        val, _ = self.person("Val Validator", "admin")
        add_person("Dup Existing", "editor")
        rows, people = staff_rows(), roster()
        good = new_password()
        cases = (
            ("an empty name", dict(name="", role="editor", password=good), (422,)),
            ("a short password", dict(name='Typed <i>"x"</i> & y', role="editor", password="short7!"), (422,)),
            # A select's value outside its choices may be refused before
            # the form sees it (a declared field's check: 400).
            ("an unknown role", dict(name="Role Typo", role="boss", password=good), (400, 422)),
            ("a taken name", dict(name="DUP EXISTING", role="admin", password=good), (422,)),
            ("a taken name, as added", dict(name="Dup Existing", role="editor", password=good), (422,)),
        )
        for what, fields, statuses in cases:
            r = self.people_post(val, action="add", **dict(fields))
            self.assertIn(r.status, statuses, "%s: %r %s" % (what, r, r.text[:300]))
            if r.status == 422:
                self.assertIn("no-store", cache_directives(r), what)
            self.assertNotIn(fields["password"], r.text, "%s: the typed password is never sent back" % what)
            if r.status == 422 and fields["name"]:
                self.assertIn(escaped(fields["name"]), r.text, "%s: the typed name again" % what)
            self.assertNotIn("<i>\"x\"</i>", r.text, "%s: a typed name never raw" % what)
            self.assertUnchanged(rows, people, what)

    def test_the_last_admin_can_be_neither_removed_nor_demoted(self):
        lee, lee_id = self.person("Lee Last", "admin")
        add_person("Ed Remaining", "editor")
        for name, role in roster():
            if role == "admin" and name != "Lee Last":
                remove_person(name)
        self.assertEqual([n for n, role in roster() if role == "admin"], ["Lee Last"])
        rows, people = staff_rows(), roster()
        r = self.people_post(lee, action="remove", id=str(lee_id))
        self.assertEqual(r.status, 422, "removing the last admin: %r %s" % (r, r.text[:300]))
        self.assertUnchanged(rows, people, "removing the last admin")
        r = self.people_post(lee, action="role", id=str(lee_id), role="editor")
        self.assertEqual(r.status, 422, "demoting the last admin: %r %s" % (r, r.text[:300]))
        self.assertUnchanged(rows, people, "demoting the last admin")
        self.assertOpens(lee, "the last admin", "/admin/people")

    def test_posts_without_a_valid_token_or_by_an_editor_are_403_and_change_nothing(self):
        cy, _ = self.person("Cy Csrf", "admin")
        ed, _ = self.person("Ed Refused", "editor")
        add_person("Tia Target", "editor")
        tia = str(person_id("Tia Target"))
        token = self.csrf(cy, "/admin/people")
        editor_token = self.csrf(ed, "/admin/account")
        rows, people = staff_rows(), roster()
        posts = (dict(action="add", name="Not Added", role="admin", password=new_password()),
                 dict(action="remove", id=tia),
                 dict(action="password", id=tia, password=new_password()),
                 dict(action="role", id=tia, role="admin"))
        for fields in posts:
            for what, cookie, csrf in (("no token", cy, None), ("an empty token", cy, ""),
                                       ("a forged token", cy, "forged" + token[6:]),
                                       ("an editor", ed, editor_token)):
                r = self.people_post(cookie, csrf=csrf, **dict(fields))
                self.assertEqual(r.status, 403, "%s, action=%s: %r" % (what, fields["action"], r))
                self.assertUnchanged(rows, people, "%s, action=%s" % (what, fields["action"]))

    def test_a_name_with_markup_is_shown_escaped_everywhere(self):
        max_, _ = self.person("Max Markup", "admin")
        name = 'Bob <b>&"'
        password = new_password()
        r = self.people_post(max_, action="add", name=name, role="editor", password=password)
        self.assertToPeople(r, "adding %r" % name)
        PASSWORDS[name] = password
        self.assertIn((name, "editor"), roster())
        page = S.get("/admin/people", headers={"Cookie": max_}).text
        self.assertIn(escaped(name), page)
        self.assertNotIn("<b>&", page)

        bob = self.login_person(name)
        r = S.get("/admin", headers={"Cookie": bob})
        self.assertEqual(r.status, 200)
        self.assertNotIn("<b>&", r.text)
        sid = IDS.take()
        self.edit_session(bob, sid, "Saved by Bob %d" % sid)
        self.assertEqual(db("SELECT HEX(staff_name) FROM audit_log ORDER BY id DESC LIMIT 1"), hex_of(name),
                         "the audit row holds the name as added")
        page = self.history(max_, sid)
        self.assertIn(escaped(name), page)
        self.assertNotIn("<b>&", page)
        names = staff_names_in_history(page)
        if names:
            self.assertEqual(names[0], name)


# ------------------------------------------------------------ /admin/account
class Account(PeopleCase):
    def test_a_new_password_keeps_one_signed_in_and_voids_only_the_old_cookie(self):
        ari, ari_id = self.person("Ari Account")
        oli, _ = self.person("Oli Other")
        old = PASSWORDS["Ari Account"]
        new = new_password()
        token = self.csrf(ari, "/admin/account")
        t0 = time.monotonic()
        r = S.post_form("/admin/account", {"csrf": token, "password": new, "password_again": new}, headers={"Cookie": ari})
        self.assertEqual(r.status, 303, "%r %s" % (r, r.text[:500]))
        loc = stackmod.location_path(S, r) or ""
        self.assertEqual(urllib.parse.urlsplit(loc).path, "/admin/account", "Location %r" % loc)
        PASSWORDS["Ari Account"] = new
        fresh = session_cookie_of(r)
        self.assertIsNotNone(fresh, "no new session cookie with the 303: %r" % r.set_cookies())
        self.assertNotEqual(fresh, ari)
        self.assertRegex(token_of(fresh), r"^staff-%d\." % ari_id)
        self.assertOpens(fresh, "the cookie the password change sent")
        self.assertVoided(ari, "the cookie from before the password change", "account_old_cookie", since=t0)
        self.assertOpens(oli, "another person")
        self.assertLoginFails("Ari Account", old, "the old password")
        self.assertOpens(self.login_person("Ari Account"), "a login with the new password")

    def test_a_mismatch_or_a_short_password_is_422_and_changes_nothing(self):
        mia, mia_id = self.person("Mia Mismatch")
        row = db("SELECT * FROM staff_members WHERE id = %d" % mia_id)
        token = self.csrf(mia, "/admin/account")
        for what, password, repeat in (("a mismatch", "long-enough-1", "long-enough-2"),
                                       ("a short password", "short7!", "short7!")):
            r = S.post_form("/admin/account", {"csrf": token, "password": password, "password_again": repeat},
                            headers={"Cookie": mia})
            self.assertEqual(r.status, 422, "%s: %r %s" % (what, r, r.text[:300]))
            self.assertIn("no-store", cache_directives(r), what)
            self.assertNoCookie(r, what)
            for typed in (password, repeat):
                self.assertNotIn(typed, r.text, "%s: the typed password is never sent back" % what)
            self.assertEqual(db("SELECT * FROM staff_members WHERE id = %d" % mia_id), row, what)
        for what, fields in (("no token", {}), ("a forged token", {"csrf": "forged" + token[6:]})):
            r = S.post_form("/admin/account", dict(fields, password="long-enough-3", password_again="long-enough-3"),
                            headers={"Cookie": mia})
            self.assertEqual(r.status, 403, "%s: %r" % (what, r))
            self.assertEqual(db("SELECT * FROM staff_members WHERE id = %d" % mia_id), row, what)
        self.assertOpens(mia, "Mia after the refused changes")


if __name__ == "__main__":
    unittest.main()
