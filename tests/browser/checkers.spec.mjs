// The pages checked by the tools the web itself uses, in Debian's headless
// Chromium driven by playwright-core (issue 9):
//  - the page-weight budget of /schedule (cold cache, as the browser gets it
//    through the shipped nginx config): everything ≤ 40,000 bytes on the wire,
//    stylesheets ≤ 15,000, no web fonts, no request to any other origin, and
//    the programme rendered with JavaScript disabled;
//  - axe-core (@axe-core/playwright) on every page type at phone and desktop
//    widths: no serious or critical violation;
//  - the raw HTML of every page (and the stylesheet) saved to
//    $CONFSCHED_OUT/html/ for the Nu HTML Checker, which run_checkers.py runs.
// With CONFSCHED_CHECKERS_BRANDED=1 (run_checkers.py --part branded, a site
// with a [site] logo, accent colour and extra stylesheet) only a few pages
// of each audience are checked, the same ways, plus the logo's size: the
// branding changes the frame every page shares, not what pages hold.
// Run by run_checkers.py, which starts the stack and passes it here:
//   CONFSCHED_URL, CONFSCHED_OUT, CONFSCHED_NODE_DIR, CONFSCHED_CHROMIUM,
//   CONFSCHED_DISPLAY_PATH as for agenda.spec.mjs; CONFSCHED_DELEGATE_PASSWORD,
//   CONFSCHED_STAFF_PASSWORD. Midway it prints "checkers: need programme-now"
//   and waits for that line on stdin (the runner has moved the programme to
//   run now: the pages during the event are checked), then "checkers: need
//   db-down" (the runner has stopped MariaDB: the staff 503 pages).
// Exit status 0 when every check passed, 1 otherwise.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { launchChromium } from "./launch.mjs";
import readline from "node:readline";

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const BASE = env("CONFSCHED_URL");
const ORIGIN = new URL(BASE).origin;
const OUT = env("CONFSCHED_OUT");
const HTML_DIR = path.join(OUT, "html");
const require = createRequire(path.join(env("CONFSCHED_NODE_DIR"), "package.json"));
const { chromium } = require("playwright-core");
const AxeBuilder = require("@axe-core/playwright");

// The budget (issue 9), in bytes as the browser counts them on the wire
// (response headers + encoded body).
const BUDGET = { page: 40_000, css: 15_000 };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const FAILING_IMPACTS = new Set(["serious", "critical"]);
const BRANDED = process.env.CONFSCHED_CHECKERS_BRANDED === "1";
// The site's [site] language (run_checkers.py --part german: de): every
// page checked must say it in <html lang>, and the few texts this spec
// waits for are looked for in it.
const LANGUAGE = process.env.CONFSCHED_CHECKERS_LANGUAGE || "en";
const ON_NOW = { en: "On now", de: "Läuft gerade" }[LANGUAGE];
// nginx's gzip_min_length (conf/nginx/confsched.conf): a smaller answer is
// not worth compressing, and is sent as it is.
const GZIP_MIN_LENGTH = 1024;

// About 5 min on 2 idle cores (54 pages, each axe-checked at two widths);
// the bound leaves room for a busy machine, below ctest's 600 s.
const WATCHDOG_MS = 480_000;
const watchdog = setTimeout(() => {
  console.error(`checkers: still running after ${WATCHDOG_MS / 1000} s, giving up`);
  process.exit(1);
}, WATCHDOG_MS);

fs.mkdirSync(HTML_DIR, { recursive: true });
const problems = [];
const checked = []; // names of the pages axe and vnu see
const minor = new Map(); // "rule (impact)" -> pages, for the report only

// A context whose every request is logged and, unless it goes to the stack's
// own origin, refused and counted as a problem: a page may make no
// third-party request of any kind.
async function newContext(browser, label, options = {}) {
  const context = await browser.newContext({ viewport: PHONE, baseURL: BASE, ...options });
  const log = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    log.push(url);
    if (url.startsWith(ORIGIN + "/") || url.startsWith("data:")) return route.continue();
    problems.push(`${label}: request to another origin: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (err) => problems.push(`${label}: page error: ${err.message}`));
  page.on("console", (msg) => {
    // An error page logs its own status as a console error; any other
    // error (CSP, script, a missing resource) is a problem.
    const ownStatus = /status of [45]\d\d/.test(msg.text()) && msg.location().url === page.url();
    if (msg.type() === "error" && !ownStatus) {
      problems.push(`${label}: console error: ${msg.text()}`);
    }
  });
  // The last main-frame document that was not a redirect: its bytes are what
  // the Nu HTML Checker gets.
  page.lastDocument = null;
  page.on("response", (res) => {
    const req = res.request();
    if (req.resourceType() === "document" && req.frame() === page.mainFrame() && (res.status() < 300 || res.status() >= 400)) {
      page.lastDocument = res;
    }
  });
  return { context, page, log };
}

async function login(page, user, password) {
  await page.goto("/login");
  await page.fill("#username", user);
  await page.fill("#password", password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click("form.login button[type=submit]")]);
}

// The page now shown, checked under `name`: its raw HTML saved for vnu, then
// axe at phone and at desktop width. `status` is the HTTP status it must have;
// `skip` names axe rules that cannot apply to this page (say why at the call).
// lang: what <html lang> must say; the site's language but on a page the
// front server writes itself.
async function check(page, name, status = 200, skip = [], lang = LANGUAGE) {
  await page.waitForLoadState("load");
  const doc = page.lastDocument;
  assert.ok(doc, `${name}: no document response`);
  assert.equal(doc.status(), status, `${name}: HTTP status of ${doc.url()}`);
  fs.writeFileSync(path.join(HTML_DIR, `${name}.html`), await doc.body());
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${name}: <html lang>`);
  for (const [width, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
    await page.setViewportSize(viewport);
    const result = await new AxeBuilder({ page }).disableRules(skip).analyze();
    for (const v of result.violations) {
      if (FAILING_IMPACTS.has(v.impact)) {
        const where = v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`);
        problems.push(`axe ${name} (${width}): ${v.impact} ${v.id}: ${v.help}\n    ${where.join("\n    ")}`);
      } else {
        const key = `${v.id} (${v.impact})`;
        minor.set(key, [...(minor.get(key) || []), `${name}/${width}`]);
      }
    }
  }
  await page.setViewportSize(PHONE);
  checked.push(name);
}

async function visit(page, name, url, status = 200, skip = []) {
  await page.goto(url);
  await check(page, name, status, skip);
}

// Submits a form by clicking `button` and checks the page that comes back.
async function submit(page, name, button, status) {
  page.lastDocument = null;
  await Promise.all([page.waitForEvent("framenavigated"), page.click(button)]);
  await check(page, name, status);
}

// Posts `fields` to `action` as a plain form would, from the page shown (the
// CSP does not apply to script run through the DevTools protocol).
async function postForm(page, action, fields) {
  page.lastDocument = null;
  await Promise.all([
    page.waitForEvent("framenavigated"),
    page.evaluate(({ action, fields }) => {
      const f = document.createElement("form");
      f.method = "post";
      f.action = action;
      for (const [k, v] of Object.entries(fields)) {
        const i = document.createElement("textarea");
        i.name = k;
        i.value = v;
        f.append(i);
      }
      document.body.append(f);
      f.submit();
    }, { action, fields }),
  ]);
}

// ------------------------------------------------------------ page weight
async function pageWeight(browser, cookies) {
  // A fresh context: nothing cached, as a delegate's first visit.
  const { context, page, log } = await newContext(browser, "weight", { viewport: PHONE });
  try {
    await context.addCookies(cookies);
    const responses = [];
    page.on("requestfinished", (req) => responses.push(req));
    const main = await page.goto("/schedule", { waitUntil: "networkidle" });
    assert.equal(main.status(), 200);
    let total = 0;
    let css = 0;
    const rows = [];
    const fonts = [];
    for (const req of responses) {
      const res = await req.response();
      const sizes = await req.sizes();
      const wire = sizes.responseHeadersSize + sizes.responseBodySize;
      total += wire;
      if (req.resourceType() === "stylesheet") {
        css += wire;
        const text = await res.text();
        if (/@font-face|@import|url\(/i.test(text)) fonts.push(`${req.url()} has @font-face, @import or url()`);
        fs.writeFileSync(path.join(HTML_DIR, path.basename(new URL(req.url()).pathname)), text);
      }
      if (req.resourceType() === "font") fonts.push(req.url());
      rows.push(`${req.resourceType()} ${new URL(req.url()).pathname} ${res.status()} ${res.headers()["content-encoding"] || "identity"} ` +
                `${sizes.responseHeadersSize} + ${sizes.responseBodySize} bytes`);
      // Text goes compressed: the browser asks for gzip and br. (A generated
      // branding stylesheet is a few hundred bytes, under nginx's minimum.)
      if (/^(document|stylesheet|script)$/.test(req.resourceType()) && sizes.responseBodySize >= GZIP_MIN_LENGTH) {
        assert.equal(res.headers()["content-encoding"], "gzip", `${req.url()} is not compressed`);
      }
    }
    const sessions = await page.locator("li.session").count();
    console.log(`checkers: page weight of /schedule (${sessions} sessions, cold cache, ${responses.length} requests):`);
    for (const r of rows) console.log(`checkers:   ${r}`);
    console.log(`checkers:   total ${total} bytes (budget ${BUDGET.page}), stylesheets ${css} bytes (budget ${BUDGET.css})`);
    assert.ok(total <= BUDGET.page, `/schedule weighs ${total} bytes on the wire, over ${BUDGET.page}`);
    assert.ok(css <= BUDGET.css, `/schedule's CSS weighs ${css} bytes, over ${BUDGET.css}`);
    assert.deepEqual(fonts, [], "web fonts");
    assert.ok(log.every((u) => u.startsWith(ORIGIN + "/")), `requests beyond ${ORIGIN}: ${log}`);
    console.log(`checkers:   ${log.length} requests, all to ${ORIGIN}; no fonts`);

    // First render needs no script: no script in the document blocks the
    // parser, and with JavaScript off the whole programme is there.
    const blocking = await page.evaluate(() =>
      [...document.querySelectorAll("script")].filter((s) => !s.defer && !s.async && s.type !== "module").map((s) => s.src || "inline"));
    assert.deepEqual(blocking, [], "parser-blocking scripts on /schedule");
    return sessions;
  } finally {
    await context.close();
  }
}

async function withoutScript(browser, cookies, sessions) {
  const { context, page } = await newContext(browser, "no-js", { javaScriptEnabled: false });
  try {
    await context.addCookies(cookies);
    await page.goto("/schedule");
    const shown = await page.locator("li.session:visible").count();
    assert.equal(shown, sessions, `without JavaScript /schedule shows ${shown} of ${sessions} sessions`);
    await page.locator("li.session h4 a").first().waitFor({ state: "visible" });
    console.log(`checkers: without JavaScript /schedule renders all ${shown} sessions`);
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------ the pages
async function anonymousPages(browser) {
  const { context, page } = await newContext(browser, "anonymous");
  try {
    await visit(page, "landing", "/");
    await visit(page, "login", "/login?next=%2Fschedule");
    await page.fill("#username", "delegate");
    await page.fill("#password", "not the password");
    await submit(page, "login-failed", "form.login button[type=submit]", 401);
    await visit(page, "error-403-display", "/display/1?token=wrong", 403);
    // nginx's own page for a body over 64 KiB: its text is the shipped
    // site file's, in English whatever the site's language (README
    // "Language"), and says so.
    await postForm(page, "/login", { username: "x", password: "x".repeat(70_000) });
    await check(page, "error-413", 413, [], "en");
  } finally {
    await context.close();
  }
}

async function delegatePages(browser) {
  const { context, page } = await newContext(browser, "delegate");
  try {
    await login(page, "delegate", env("CONFSCHED_DELEGATE_PASSWORD"));
    const cookies = await context.cookies();
    await visit(page, "schedule", "/schedule");
    const id = await page.locator("li.session.kind-talk").first().getAttribute("data-session-id");
    const day = await page.locator("select[name=day] option").nth(1).getAttribute("value");
    await visit(page, "schedule-filtered", "/schedule?day=" + day);
    await visit(page, "schedule-grid", `/schedule?day=${day}&view=grid`);
    await visit(page, "schedule-whole", "/schedule?view=all");
    await visit(page, "session", `/session/${id}`);
    await visit(page, "speakers", "/speakers");
    const speaker = await page.locator("a.speaker").first().getAttribute("href");
    await visit(page, "speaker", speaker);
    await visit(page, "now", "/now");
    await visit(page, "changes", "/changes");
    await visit(page, "feeds", "/feeds");
    // Issue 16: the signed-in landing page, a stars share page with its QR
    // code, and a page that has learnt the programme changed (the notice
    // as offline.js shows it, put there by hand: no edit happens here).
    await visit(page, "landing-signed-in", "/");
    await visit(page, "stars", `/stars?ids=${id}`);
    await visit(page, "schedule-changed-notice", "/schedule");
    await page.evaluate(() => {
      const notice = document.createElement("p");
      notice.className = "changed-notice";
      notice.setAttribute("role", "status");
      // offline.js's words, as the page hands them to it.
      const words = document.querySelector("script[data-text-changed]");
      notice.textContent = `${words.getAttribute("data-text-changed")} `;
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = words.getAttribute("data-text-reload");
      notice.appendChild(button);
      document.getElementById("main").prepend(notice);
    });
    await check(page, "schedule-changed-notice", 200);
    await visit(page, "logout", "/logout");
    // meta-refresh (WCAG 2.2.1, timing adjustable) is for pages people read
    // and use: this one is the unattended screen beside a room's door, with
    // no reader to interrupt, no link or form, and showing what is on now
    // and next is its whole job (2.2.1's real-time exception). Every other
    // page is checked with the rule, and none refreshes itself.
    await visit(page, "display", env("CONFSCHED_DISPLAY_PATH"), 200, ["meta-refresh"]);
    await visit(page, "error-404", "/no-such-page", 404);
    await visit(page, "error-404-session", "/session/999999", 404);
    await visit(page, "error-400", "/schedule?q=%ff", 400);
    await visit(page, "error-403-admin", "/admin", 403);
    return cookies;
  } finally {
    await context.close();
  }
}

// Staff pages; leaves the staff page open on a session's form, for the 503.
async function staffPages(browser) {
  const { context, page } = await newContext(browser, "staff");
  await login(page, "staff", env("CONFSCHED_STAFF_PASSWORD"));
  await visit(page, "admin-list", "/admin");
  const href = await page.locator("table.admin-list a").first().getAttribute("href");
  await visit(page, "admin-day", "/admin/day");
  // Its table of every room scrolls in a box of its own: the page stays
  // as wide as the phone.
  const [wide, view] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  if (wide > view) problems.push(`admin-day: the page is ${wide} px wide on a ${view} px phone`);
  await visit(page, "admin-form", href);
  // A real edit: the history, /changes and the "changed" badge then have
  // something to show.
  await page.fill("#title", "Checked <by> the \"tools\" & kept");
  await submit(page, "admin-form-saved", "form.edit button[value=save]", 200);
  await visit(page, "admin-history", `${href}/history`);
  // Running late: the preview of what would move (nothing is saved).
  await page.goto(href);
  await page.fill("#minutes", "5");
  await submit(page, "admin-delay-preview", "button[value=preview]", 200);
  await visit(page, "admin-new", "/admin/session/new");
  await page.fill("#title", "   ");
  await submit(page, "admin-form-422", "form.edit button[value=save]", 422);
  await visit(page, "admin-announcements", "/admin/announcements");
  await page.fill("form.edit [name=body]", "Lunch is served in the hall.");
  await submit(page, "admin-announcements-posted", "form.edit button[type=submit]", 200);
  for (const p of ["event", "rooms", "tracks", "speakers", "passwords", "import", "people", "account", "displays"]) {
    await visit(page, `admin-${p}`, `/admin/${p}`);
  }
  await visit(page, "admin-room-status", "/admin/rooms/status");
  const speaker = await page.goto("/admin/speakers").then(() => page.locator("a[href^='/admin/speakers/']").first().getAttribute("href"));
  await visit(page, "admin-speaker", speaker);
  const ann = await page.goto("/admin/announcements").then(() => page.locator("a[href^='/admin/announcements/']").first().getAttribute("href"));
  await visit(page, "admin-announcement", ann);
  await page.goto(href);
  return { context, page };
}

// The runner's answers, one line each, from one reader of stdin (a second
// reader would swallow lines meant for the first).
const runnerLines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

// Asks run_checkers.py to change the world ("db-down": stop MariaDB;
// "programme-now": move the programme so that it runs now) and waits until
// it says it has.
async function askRunner(what) {
  console.log(`checkers: need ${what}`);
  const { value, done } = await runnerLines.next();
  assert.ok(!done && value.trim() === what, `the runner did not answer ${what}: ${value}`);
}

// Issue 16: the pages while the event is on (the demo is in the future, so
// the runner moves its second block, which runs in every room, to have
// started five minutes ago). The landing view opens with what is on now, on
// the first screen; /now shows the rooms' stream links. Screenshots of the
// first screen at both widths go to CONFSCHED_OUT.
async function duringEvent(browser) {
  await askRunner("programme-now");
  const { context, page } = await newContext(browser, "during");
  try {
    await login(page, "delegate", env("CONFSCHED_DELEGATE_PASSWORD"));
    // nginx's microcache may answer with the page from before the move for
    // about a second more (and serves it stale while it fetches the new
    // one): asked again until the new page comes, within 10 s.
    const deadline = Date.now() + 10_000;
    let heading = "";
    for (;;) {
      await page.goto("/schedule");
      heading = (await page.locator("#glance-first").innerText()).trim();
      if (heading === ON_NOW || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(heading, ON_NOW, "the landing view during the event, within 10 s of the move");
    await check(page, "schedule-on-now", 200);
    const first = page.locator("section.glance li.session").first();
    const top = await first.evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(top + 40 < PHONE.height, `during the event the first session begins ${top}px down, below the first screen`);
    await page.screenshot({ path: path.join(OUT, "first-screen-on-now-phone.png") });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: path.join(OUT, "first-screen-on-now-desktop.png") });
    await page.setViewportSize(PHONE);
    await visit(page, "now-running", "/now");
  } finally {
    await context.close();
  }
  await checkinDesk(browser);
}

// Issue 17: the info desk's speaker check-in while sessions run, on a
// phone: checked as every page is, and the list fits 390 px without
// sideways scrolling; then, with JavaScript off, the row's button marks a
// speaker arrived (a plain form post) and the page comes back at that row.
async function checkinDesk(browser) {
  const { context, page } = await newContext(browser, "checkin");
  try {
    await login(page, "staff", env("CONFSCHED_STAFF_PASSWORD"));
    await visit(page, "admin-checkin", "/admin/checkin");
    assert.ok((await page.locator("li.checkin-row").count()) > 0, "speakers listed while the event runs");
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= PHONE.width, `/admin/checkin is ${wide}px wide on a ${PHONE.width}px phone`);
  } finally {
    await context.close();
  }
  // No axe and no evaluate here: both need script in the page.
  const noScript = await newContext(browser, "checkin-no-js", { javaScriptEnabled: false });
  try {
    const p = noScript.page;
    await login(p, "staff", env("CONFSCHED_STAFF_PASSWORD"));
    await p.goto("/admin/checkin");
    const row = await p.locator("li.checkin-row:has(button[value='1'])").first().getAttribute("id");
    await Promise.all([p.waitForURL((u) => u.hash === `#${row}`), p.click(`#${row} button[value='1']`)]);
    assert.equal(await p.locator(`#${row} button[value='0']`).count(), 1, "the row offers the undo");
    assert.equal(await p.locator("p.notice").count(), 1, "the page says who arrived");
  } finally {
    await noScript.context.close();
  }
}

// Issue 17: staff logins of their own. The shared staff login adds a person
// on /admin/people (which turns the shared login off), the person logs in
// by name and sees the pages with their row, then removes themselves (the
// last person may go), which turns the shared login back on for the rest.
async function peoplePages(browser) {
  const { context, page } = await newContext(browser, "people");
  const name = "Ana <Checker> & co";
  const password = "checker-people-pw-1";
  try {
    await login(page, "staff", env("CONFSCHED_STAFF_PASSWORD"));
    await page.goto("/admin/people");
    await page.fill("#name", name);
    await page.selectOption("#role", "admin");
    await page.fill("#password", password);
    await page.fill("#password_again", password);
    // The 303 goes back to /admin/people, which the shared login may no
    // longer open: the login page comes.
    await submit(page, "admin-people-added", "button[value=add]", 200);
    await login(page, name, password);
    await visit(page, "admin-list-person", "/admin");
    await visit(page, "admin-people-rows", "/admin/people");
    await visit(page, "admin-account-person", "/admin/account");
    await page.goto("/admin/people");
    await submit(page, "admin-people-removed", "section.person button[value=remove]", 200);
  } finally {
    await context.close();
  }
}

// MariaDB is down: a save is refused with 503 and the input kept; staff
// pages answer 503.
async function databaseDown(staff) {
  const { context, page } = staff;
  try {
    // Each worker learns of a change (here: the last person removed, which
    // turns the shared staff login back on) at its next request after
    // version_check_ms. Ask a few times, so that every worker has looked at
    // the database before it goes; during an outage a worker judges staff
    // cookies by what it last knew.
    for (let i = 0; i < 10; ++i) {
      const r = await page.request.get("/admin", { maxRedirects: 0 });
      assert.equal(r.status(), 200, "the shared staff login before the outage");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await askRunner("db-down");
    await page.fill("#title", "Typed while the database was down");
    await submit(page, "error-503-form", "form.edit button[value=save]", 503);
    await visit(page, "error-503", "/admin", 503);
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------ branded
// The header's logo: loaded, and held by the generated CSS to 3rem high and
// 14rem wide however large the image says it is (the test's is 2000x500),
// without widening the page on a phone.
async function checkLogo(page, name) {
  for (const [width, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
    await page.setViewportSize(viewport);
    const got = await page.evaluate(() => {
      const img = document.querySelector("header.site img.logo");
      if (!img) return null;
      const box = img.getBoundingClientRect();
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
      return { loaded: img.complete && img.naturalWidth > 0, w: box.width, h: box.height, rem, alt: img.alt,
               wide: document.documentElement.scrollWidth, view: document.documentElement.clientWidth };
    });
    if (!got) {
      problems.push(`${name} (${width}): no logo in the header`);
      continue;
    }
    if (!got.loaded) problems.push(`${name} (${width}): the logo did not load`);
    if (got.h > 3 * got.rem + 0.5 || got.w > 14 * got.rem + 0.5) {
      problems.push(`${name} (${width}): the logo is ${got.w}x${got.h} px, over 14rem x 3rem`);
    }
    if (!got.alt) problems.push(`${name} (${width}): the logo has no alt text`);
    if (got.wide > got.view) problems.push(`${name} (${width}): the page is ${got.wide} px wide in ${got.view} px`);
  }
  await page.setViewportSize(PHONE);
}

async function brandedPages(browser) {
  const staff = await newContext(browser, "branded-staff");
  try {
    await login(staff.page, "staff", env("CONFSCHED_STAFF_PASSWORD"));
    await visit(staff.page, "branded-admin-list", "/admin");
    await checkLogo(staff.page, "branded-admin-list");
  } finally {
    await staff.context.close();
  }
  const { context, page } = await newContext(browser, "branded");
  try {
    await visit(page, "branded-landing", "/");
    await checkLogo(page, "branded-landing");
    await visit(page, "branded-login", "/login?next=%2Fschedule");
    await login(page, "delegate", env("CONFSCHED_DELEGATE_PASSWORD"));
    await visit(page, "branded-schedule", "/schedule");
    await checkLogo(page, "branded-schedule");
    await visit(page, "branded-session", await page.locator("li.session h4 a").first().getAttribute("href"));
    return await context.cookies();
  } finally {
    await context.close();
  }
}

// Every page type, as run_checkers.py --part pages checks them.
async function everyPage(browser) {
  const staff = await staffPages(browser);
  await anonymousPages(browser);
  const cookies = await delegatePages(browser);
  const sessions = await pageWeight(browser, cookies);
  await withoutScript(browser, cookies, sessions);
  await duringEvent(browser);
  await peoplePages(browser);
  await databaseDown(staff);
}

let browser;
let failed = false;
try {
  browser = await launchChromium(chromium);
  const t0 = Date.now();
  if (BRANDED) await pageWeight(browser, await brandedPages(browser));
  else await everyPage(browser);
  console.log(`checkers: axe-core found no serious or critical violation on ${checked.length} pages ` +
              `at ${PHONE.width}x${PHONE.height} and ${DESKTOP.width}x${DESKTOP.height}` +
              (problems.length ? " (but see below)" : "") + ` in ${Date.now() - t0} ms`);
  for (const [rule, where] of minor) console.log(`checkers: axe (not failing) ${rule} on ${where.length}: ${where.slice(0, 4).join(", ")}`);
} catch (err) {
  failed = true;
  console.error(`checkers failed: ${err.stack || err}`);
} finally {
  if (browser) await browser.close();
  clearTimeout(watchdog);
}
for (const p of problems) console.error(p);
if (problems.length) failed = true;
console.log(`checkers: ${failed ? "FAILED" : "passed"}; ${checked.length} pages saved to ${HTML_DIR}`);
process.exit(failed ? 1 : 0);
