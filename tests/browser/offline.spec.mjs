// Browser test of the offline copies (issue 9: templates/static/sw.js and
// offline.js) in Debian's headless Chromium, driven by playwright-core.
// A delegate whose phone is set to another time zone logs in, reads
// /schedule, a session, one of its speakers, the list of speakers and the
// whole programme (kept without being opened), loses
// the network (playwright's offline mode), and still reads them all, with
// "Offline — last updated HH:MM" in the event's zone; staff change that
// session meanwhile; back online, the delegate sees
// the change and the notice goes. Then: the worker never keeps staff pages
// or the login page, a new worker version deletes the old caches, an
// <img src=/logout> neither logs out nor deletes a copy, and after a logout
// (the button) an offline /schedule shows nothing.
// Run by run_browser_tests.py after agenda.spec.mjs, with its environment
// plus CONFSCHED_STAFF_USER, CONFSCHED_STAFF_PASSWORD and CONFSCHED_ZONE
// (the event's time zone). Exit status 0 when every check passed.
import assert from "node:assert/strict";
import path from "node:path";

import { BASE, OUT, env, login, runBrowser, saveTitle, watchCsp } from "./harness.mjs";

const ZONE = env("CONFSCHED_ZONE");
// Far from the event's zone: a page that used the phone's zone would show it.
const PHONE_ZONE = "Pacific/Kiritimati";

const LOOPBACK = /^(?:http:\/\/127\.0\.0\.1(?::\d+)?\/|data:|about:|chrome-error:)/;
if (!LOOPBACK.test(BASE + "/")) throw new Error(`not a loopback URL: ${BASE}`);

const problems = [];
// While a context is offline its failed requests and the browser's own
// complaints about them are expected; anything else is a fault.
const offline = new Set();

// No context.route here: routing would take requests away from the service
// worker. Requests are watched instead (the worker's own ones included).
async function open(browser, label, options = {}) {
  const context = await browser.newContext({ baseURL: BASE, ...options });
  context.on("request", (req) => {
    if (!LOOPBACK.test(req.url())) problems.push(`${label}: request outside loopback: ${req.url()}`);
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.addInitScript(watchCsp);
  page.on("console", (msg) => {
    // The site has no favicon; Chromium asks for one on its own.
    if (msg.type() === "error" && !offline.has(context) && !msg.location().url.endsWith("/favicon.ico"))
      problems.push(`${label}: console error: ${msg.text()} (${msg.location().url})`);
  });
  page.on("pageerror", (err) => problems.push(`${label}: page error: ${err.message}`));
  context.on("response", (res) => {
    if (res.status() >= 400) problems.push(`${label}: HTTP ${res.status()} for ${res.url()}`);
  });
  return { context, page };
}

async function setOffline(context, on) {
  if (on) offline.add(context);
  await context.setOffline(on);
  if (!on) offline.delete(context);
}

async function checkCsp(page, label) {
  const seen = await page.evaluate(() => window.__csp || []);
  for (const v of seen) problems.push(`${label}: CSP violation on ${page.url()}: ${v}`);
}

const shot = (page, name) => page.screenshot({ path: path.join(OUT, `offline-${name}.png`) });

// How long a wait may last: only a guard against a hang (the whole run has
// its watchdog too), never a speed target (issue 15: the test runs against
// sanitized builds on busy machines as well). The same variable as the
// integration tests' (tests/integration/support.py).
const POLL_LIMIT_MS = 1000 * Number(process.env.CONFSCHED_TEST_POLL_LIMIT_S || 30);

// Polls fn (async, truthy when done) every 200 ms until it is, for at most
// POLL_LIMIT_MS, and prints how long that took as
// "figure: browser.offline.<name> <seconds> s".
async function until(name, what, fn) {
  const t0 = Date.now();
  const end = t0 + POLL_LIMIT_MS;
  for (;;) {
    const v = await fn();
    if (v) {
      console.log(`figure: browser.offline.${name} ${((Date.now() - t0) / 1000).toFixed(3)} s`);
      return v;
    }
    if (Date.now() > end)
      throw new Error(`gave up waiting (${POLL_LIMIT_MS} ms, a limit only against hanging) for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Every URL in the site's caches, as the page sees them.
const cachedUrls = (page) =>
  page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname + new URL(req.url).search);
    }
    return urls;
  });
const cacheNames = (page) => page.evaluate(() => caches.keys());
const controlled = (page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

// Opens pathname offline and makes sure the page is the one asked for.
// Under playwright's emulated offline, headless Chromium now and then starts
// a reload of the page being left just after the worker's network fetch
// fails (traced over CDP: navigationType "reload", initiator "other", no
// online event, offline.js's reload never ran), and that reload undoes the
// navigation: page.goto returns with the old page. Phones have no such
// emulation, so the page is opened again, at most 5 times; what each page
// must show is checked as before.
async function openOffline(page, pathname) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.goto(pathname).catch((e) => {
      if (attempt === 5) throw e;
    });
    await page.waitForLoadState();
    // The browser's reload may also come just after the page loaded.
    await new Promise((r) => setTimeout(r, 500));
    await page.waitForLoadState();
    const reached = new URL(page.url());
    if (reached.pathname + reached.search === pathname) return;
    console.log(`offline test: opening ${pathname} ended on ${page.url()}; again`);
  }
  assert.fail(`opened ${pathname} 5 times offline, still on ${page.url()}`);
}

// "14:05" now in zone, and a minute either side (the clock may turn).
function clocksNear(zone) {
  const f = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone });
  return [-60_000, 0, 60_000].map((d) => f.format(new Date(Date.now() + d)));
}

async function expectNotice(page, label) {
  const text = (await page.locator("p.offline-notice").innerText()).trim();
  const m = /^Offline — last updated (\d\d:\d\d) \((.+)\)$/.exec(text);
  assert.ok(m, `${label}: offline notice reads ${JSON.stringify(text)}`);
  assert.equal(m[2], ZONE, `${label}: the notice names the event's zone`);
  assert.ok(clocksNear(ZONE).includes(m[1]), `${label}: ${m[1]} is not the time in ${ZONE} (${clocksNear(ZONE)})`);
}

// Staff change the session's title through the admin form: a real save,
// which moves the data version like any edit.
async function staffRetitle(browser, id, title) {
  const label = "staff";
  const { context, page } = await open(browser, label);
  try {
    await login(page, env("CONFSCHED_STAFF_USER"), env("CONFSCHED_STAFF_PASSWORD"), "/schedule");
    await until("staff_page_controlled", "the worker to control the staff page", async () => {
      if (!(await controlled(page))) await page.reload();
      return controlled(page);
    });
    await page.goto("/admin");
    await saveTitle(page, id, title);
    await page.waitForLoadState();
    await page.goto("/login");
    // The worker controlled every page above and kept none of these.
    const urls = await cachedUrls(page);
    const kept = urls.filter((u) => /^\/(?:admin|login|logout)/.test(u));
    assert.deepEqual(kept, [], "staff pages or the login page in the worker's cache");
    assert.ok(urls.includes("/schedule"), `staff: /schedule not kept (${urls})`);
    await checkCsp(page, label);
  } finally {
    await context.close();
  }
}

async function run(browser) {
  const label = "delegate";
  const { context, page } = await open(browser, label, { viewport: { width: 390, height: 844 }, timezoneId: PHONE_ZONE });
  try {
    await login(page, env("CONFSCHED_USER"), env("CONFSCHED_PASSWORD"), "/schedule");
    const sessions = await page.locator("li.session").count();
    assert.ok(sessions > 10, `only ${sessions} sessions on /schedule`);
    assert.equal(await page.locator("p.offline-notice").count(), 0, "a notice while online");
    // The worker installs, takes the page over and keeps /schedule, and
    // the whole programme, which a large programme's landing view only
    // links to (issue 16), without the delegate opening it.
    await until("schedule_cached", "/schedule in the worker's cache",
      async () => (await cachedUrls(page)).includes("/schedule"));
    await until("whole_programme_cached", "/schedule?view=all in the worker's cache",
      async () => (await cachedUrls(page)).includes("/schedule?view=all"));
    const everySession = new Set(await page.locator("li.session").evaluateAll(
      (els) => els.map((el) => el.getAttribute("data-session-id")))).size;
    await until("page_controlled", "the worker to control the page", () => controlled(page));

    // A session page, opened while online through the worker.
    const first = page.locator("li.session.kind-talk").first();
    const id = await first.getAttribute("data-session-id");
    const title = (await first.locator("h4").innerText()).trim();
    await page.goto(`/session/${id}`);
    await until("session_cached", `/session/${id} in the cache`,
      async () => (await cachedUrls(page)).includes(`/session/${id}`));
    // One of its speakers' pages and the list of speakers, kept the same way.
    const speakerLink = page.locator("section.speakers h3 a").first();
    const speakerPath = await speakerLink.getAttribute("href");
    const speakerName = (await speakerLink.innerText()).trim();
    for (const [name, pathname] of [["speaker_cached", speakerPath], ["speakers_cached", "/speakers"]]) {
      await page.goto(pathname);
      await until(name, `${pathname} in the cache`, async () => (await cachedUrls(page)).includes(pathname));
    }
    await page.goto("/schedule");

    // No network: the programme is still there, and says since when.
    await setOffline(context, true);
    await page.reload();
    assert.equal(await page.locator("li.session").count(), sessions, "offline /schedule lost sessions");
    await expectNotice(page, "offline /schedule");
    // The stylesheet came from the cache too: the page is styled.
    const styled = await page.evaluate(() => getComputedStyle(document.querySelector("p.offline-notice")).fontWeight);
    assert.equal(styled, "600", "offline /schedule has no stylesheet");
    await shot(page, "schedule");
    await openOffline(page, `/session/${id}`);
    assert.equal((await page.locator("h1").innerText()).trim(), title, `offline ${page.url()}: ${await cachedUrls(page)}`);
    await expectNotice(page, `offline /session/${id}`);
    await shot(page, "session");
    await openOffline(page, "/now");
    await expectNotice(page, "offline /now");
    await openOffline(page, "/schedule?view=all");
    assert.equal(await page.locator("li.session").count(), everySession, "offline, the whole programme lost sessions");
    await expectNotice(page, "offline /schedule?view=all");
    await openOffline(page, speakerPath);
    assert.equal((await page.locator("h1").innerText()).trim(), speakerName, `offline ${speakerPath}`);
    await expectNotice(page, `offline ${speakerPath}`);
    await openOffline(page, "/speakers");
    await expectNotice(page, "offline /speakers");
    await openOffline(page, `/session/${id}`);

    // Meanwhile staff retitle it.
    const changed = `${title} (moved to the big hall)`;
    await staffRetitle(browser, id, changed);

    // Back online: the page reloads by itself (the online event), and
    // shows the new title, no notice (how soon is printed; the site's ~3 s
    // for an edit is bench/freshness.py's to measure).
    await setOffline(context, false);
    await until("notice_gone_online", "the notice to go",
      async () => (await page.locator("p.offline-notice").count()) === 0);
    let seen = "";
    await until("staff_change_on_session_page", "the staff change on the session page", async () => {
      seen = `${(await page.locator("h1").innerText()).trim()} notice=${await page.locator("p.offline-notice").count()}`;
      if (seen.startsWith(changed + " ")) return true;
      await page.reload();
      return false;
    }).catch((e) => {
      throw new Error(`${e.message}; last seen: ${seen}`);
    });
    await shot(page, "session-online");
    await until("staff_change_on_schedule", "the staff change on /schedule", async () => {
      await page.goto("/schedule");
      return (await page.locator(`li[data-session-id="${id}"] h4`).first().innerText()).includes("moved to the big hall");
    });
    await checkCsp(page, label);

    // The /now clock is the server's in the event's zone, not the phone's.
    await page.goto("/now");
    const clock = (await page.locator("p.when-where time").innerText()).trim();
    assert.ok(clocksNear(ZONE).includes(clock), `/now shows ${clock}, not the time in ${ZONE}`);
    assert.ok(!clocksNear(PHONE_ZONE).includes(clock), "/now followed the phone's zone");

    // A new version of the worker (a deployment) deletes the old caches.
    const before = await cacheNames(page);
    assert.equal(before.length, 1, `one cache per version: ${before}`);
    await page.evaluate(async () => {
      await (await caches.open("confsched-000000000000")).put("/schedule", new Response("old"));
      await navigator.serviceWorker.register("/sw.js?v=fedcba987654", { scope: "/" });
    });
    await until("new_worker_caches_alone", "the new worker's caches alone", async () => {
      const names = await cacheNames(page);
      return names.length === 1 && names[0] === "confsched-fedcba987654";
    });

    // Logging out deletes every copy: offline, /schedule shows nothing.
    await page.goto("/schedule");
    await until("own_worker_again", "the page's own worker again", async () => (await cacheNames(page)).length === 1 &&
      !(await cacheNames(page)).includes("confsched-fedcba987654"));
    // A GET of /logout, as an image in an abstract makes one, logs nobody
    // out and deletes nothing.
    const keptBefore = await cachedUrls(page);
    assert.ok(keptBefore.includes("/schedule"), `/schedule kept before the image: ${keptBefore}`);
    await page.evaluate(() => new Promise((resolve) => {
      const img = document.createElement("img");
      img.onload = img.onerror = resolve;
      img.src = "/logout";
      document.body.appendChild(img);
    }));
    assert.deepEqual((await cachedUrls(page)).sort(), keptBefore.sort(), "an <img src=/logout> deleted copies");
    await page.goto("/schedule");
    assert.equal(new URL(page.url()).pathname, "/schedule", "an <img src=/logout> logged the delegate out");
    await Promise.all([page.waitForURL((u) => u.pathname === "/"), page.click("form[action='/logout'] button")]);
    // (The public page after the logout may bring the stylesheet back.)
    const left = (await cachedUrls(page)).filter((u) => !u.startsWith("/static/"));
    assert.deepEqual(left, [], "pages left after logout");
    await setOffline(context, true);
    let shown = 0;
    try {
      await page.goto("/schedule");
      shown = await page.locator("li.session").count();
    } catch (e) {
      // The browser's own "no connection" error: nothing of the programme.
    }
    assert.equal(shown, 0, "a logged-out browser showed the programme offline");
    await setOffline(context, false);
  } finally {
    await context.close();
  }
}

await runBrowser("offline test", problems, async (browser) => {
  const t0 = Date.now();
  await run(browser);
  console.log(`offline test: checked in ${Date.now() - t0} ms`);
});
