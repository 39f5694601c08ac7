// Browser test of what a delegate's browser keeps up to date by itself
// (issue 16), in Debian's headless Chromium driven by playwright-core:
//   - a page left open learns that the programme changed (offline.js asks
//     /pages-version) and offers a reload, and only then;
//   - a starred session that changed is told about, once, on /schedule
//     and on /changes ("1 of your sessions changed since you last looked");
//   - /schedule marks what runs now and offers "Jump to now", following
//     the clock without a reload (the page's clock set by playwright);
//   - "Share my stars" leads to /stars, whose QR code (a screenshot left
//     in CONFSCHED_OUT, decoded by run_browser_tests.py with zbarimg)
//     holds its link, and which adds the stars to another browser after
//     its login;
//   - /feeds makes the address of a calendar of just the starred sessions,
//     which this spec fetches and leaves in CONFSCHED_OUT for
//     run_browser_tests.py to read back with python3-icalendar.
// Environment as for agenda.spec.mjs, plus CONFSCHED_STAFF_USER and
// CONFSCHED_STAFF_PASSWORD. Exit status 0 when every check passed.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

import { OUT, env, login, openPage, runBrowser, saveTitle } from "./harness.mjs";

const problems = [];

const open = (browser, label, viewport) => openPage(browser, problems, label, { viewport });

async function checkCsp(page, label) {
  const seen = await page.evaluate(() => window.__csp || []);
  for (const v of seen) problems.push(`${label}: CSP violation on ${page.url()}: ${v}`);
}

// Polls check() every 250 ms for at most limitMs; prints how long it took.
async function until(name, what, check, limitMs = 45_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < limitMs) {
    if (await check()) {
      console.log(`figure: browser.${name} ${((Date.now() - t0) / 1000).toFixed(3)} s`);
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`${what}: not within ${limitMs / 1000} s`);
}

// The page is shown again (a tab brought back): offline.js asks at once
// instead of at its next half-minute tick.
async function shownAgain(page) {
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
}

async function staffRetitle(browser, id, title) {
  const { context, page } = await open(browser, "staff", { width: 1280, height: 800 });
  try {
    await login(page, env("CONFSCHED_STAFF_USER"), env("CONFSCHED_STAFF_PASSWORD"), "/schedule");
    await saveTitle(page, id, title);
  } finally {
    await context.close();
  }
}

async function changeNotice(browser) {
  const label = "change notice";
  const { context, page } = await open(browser, label, { width: 390, height: 844 });
  try {
    await login(page, env("CONFSCHED_USER"), env("CONFSCHED_PASSWORD"), "/schedule");
    const rendered = await page.evaluate(() => document.documentElement.getAttribute("data-pages-version"));
    assert.match(rendered || "", /^[0-9]+\.[0-9]+$/, "/schedule carries its pages version");
    // Nothing changed: asking says so, and no notice comes.
    for (let i = 0; i < 3; ++i) {
      await shownAgain(page);
      await page.waitForTimeout(300);
    }
    assert.equal(await page.locator("p.changed-notice").count(), 0, "a change notice without a change");

    const first = page.locator("section.day li.session.kind-talk").first();
    const id = await first.getAttribute("data-session-id");
    const changed = `${(await first.locator("h4").innerText()).trim()} (now in the big hall)`;
    // Starred, and /changes seen once: what "since you last looked" counts from.
    await first.locator("button.star").click();
    await page.goto("/changes");
    assert.equal(await page.locator("p.mine-changed").count(), 0, "/changes: a first look tells of nothing");
    await page.goto("/schedule");
    assert.equal(await page.locator("p.mine-changed").count(), 0, "/schedule: nothing changed yet");
    await staffRetitle(browser, id, changed);
    await until("change_notice_shown", "the change notice on the page left open", async () => {
      await shownAgain(page);
      return (await page.locator("p.changed-notice").count()) === 1;
    });
    const notice = page.locator("p.changed-notice");
    assert.match(await notice.innerText(), /The programme changed since this page was loaded/);
    assert.equal(await notice.getAttribute("role"), "status");
    await page.screenshot({ path: path.join(OUT, "change-notice-phone.png") });
    await Promise.all([page.waitForLoadState("load"), notice.locator("button").click()]);
    let seenTitle = "";
    await until("change_after_reload", "the new title after Reload", async () => {
      seenTitle = (await page.locator(`li[data-session-id="${id}"] h4`).first().innerText()).trim();
      return seenTitle.includes("now in the big hall");
    }).catch((e) => {
      throw new Error(`${e.message}; last seen ${JSON.stringify(seenTitle)} on ${page.url()}`);
    });
    await shownAgain(page);
    await page.waitForTimeout(500);
    assert.equal(await page.locator("p.changed-notice").count(), 0, "the notice after the reload");
    // The starred session changed since the browser last showed it.
    const mine = page.locator("p.mine-changed");
    assert.match(await mine.innerText(), /^1 of your sessions changed since you last looked: .*now in the big hall/);
    assert.equal(await mine.locator(`a[href="/session/${id}"]`).count(), 1);
    await page.screenshot({ path: path.join(OUT, "mine-changed-phone.png") });
    await page.reload();
    assert.equal(await page.locator("p.mine-changed").count(), 0, "told twice about the same change");
    await page.goto("/changes");
    assert.match(await page.locator("p.mine-changed").innerText(), /^1 of your sessions changed since you last looked/);
    assert.ok((await page.locator(`li.change.mine[data-change-of="${id}"]`).count()) >= 1, "/changes: the row not marked");
    await page.reload();
    assert.equal(await page.locator("p.mine-changed").count(), 0, "/changes told twice");
    await checkCsp(page, label);
  } finally {
    await context.close();
  }
}

async function mySessionsFeed(browser) {
  const label = "my sessions";
  const { context, page } = await open(browser, label, { width: 1280, height: 800 });
  try {
    await login(page, env("CONFSCHED_USER"), env("CONFSCHED_PASSWORD"), "/schedule");
    await page.locator("button.star").first().waitFor();
    const talks = page.locator("section.day li.session.kind-talk");
    const ids = [];
    for (const n of [0, 3]) {
      const li = talks.nth(n);
      ids.push(await li.getAttribute("data-session-id"));
      await li.locator("button.star").click();
    }
    ids.sort((a, b) => a - b);
    await page.goto("/feeds");
    const box = page.locator("div.my-feed");
    await box.waitFor({ state: "visible" });
    assert.equal(await page.locator("p.my-feed-needs-script").isHidden(), true);
    assert.match(await box.locator(".my-feed-count").innerText(), /^2 starred sessions\.$/);
    let url = await box.locator("input.my-feed-url").inputValue();
    assert.match(url, new RegExp(`/my-sessions\\.ics\\?token=[^&]+&ids=${ids.join(",")}&alarm=10$`), url);
    await box.locator("select.my-feed-alarm").selectOption("30");
    url = await box.locator("input.my-feed-url").inputValue();
    assert.ok(url.endsWith("&alarm=30"), url);
    const webcal = await box.locator("a.my-feed-webcal").getAttribute("href");
    assert.equal(webcal, url.replace(/^https?:/, "webcal:"));
    await page.screenshot({ path: path.join(OUT, "feeds-my-sessions-desktop.png") });
    // As a calendar app asks: no cookie, the token in the address.
    const app = await browser.newContext();
    try {
      const r = await app.request.get(url);
      assert.equal(r.status(), 200, `the starred sessions' calendar: ${r.status()}`);
      fs.writeFileSync(path.join(OUT, "my-sessions.ics"), await r.body());
      fs.writeFileSync(path.join(OUT, "my-sessions.json"), JSON.stringify({ ids: ids.map(Number), alarm: 30 }));
    } finally {
      await app.close();
    }
    await checkCsp(page, label);
  } finally {
    await context.close();
  }
}

async function nowMarks(browser) {
  const label = "now marks";
  const { context, page } = await open(browser, label, { width: 390, height: 844 });
  try {
    await login(page, env("CONFSCHED_USER"), env("CONFSCHED_PASSWORD"), "/schedule");
    // Away from the event: nothing runs, no jump.
    assert.equal(await page.locator("li.session.running").count(), 0, "running sessions while no session runs");
    assert.equal(await page.locator("a.jump-now").count(), 0, "Jump to now while the event is not on");
    // The clock set ten minutes into a talk on the event's second day.
    // (In the day list: the landing view's glance may hold it too.)
    const talk = page.locator("section.day li.session.kind-talk[data-start]").nth(12);
    const id = await talk.getAttribute("data-session-id");
    const start = Number(await talk.getAttribute("data-start"));
    const end = Number(await talk.getAttribute("data-end"));
    await page.clock.install({ time: (start + 600) * 1000 });
    await page.reload();
    const running = page.locator(`section.day li[data-session-id="${id}"]`);
    assert.match(await running.getAttribute("class"), /\brunning\b/, `session ${id} is not marked running`);
    assert.equal((await running.locator(".now-label").innerText()).trim(), "Now");
    for (const el of await page.locator("li.session.running").all()) {
      const s = Number(await el.getAttribute("data-start"));
      const e = Number(await el.getAttribute("data-end"));
      assert.ok(s <= start + 600 && start + 600 < e, "a session marked running that is not");
    }
    const jump = page.locator("a.jump-now");
    assert.equal(await jump.count(), 1, "no Jump to now during the event");
    const target = (await jump.getAttribute("href")).slice(1);
    assert.ok(await page.locator(`#${target} li[data-session-id="${id}"]`).count() === 1 ||
      Number(await page.locator(`#${target} li[data-start]`).first().getAttribute("data-end")) > start + 600,
      `Jump to now leads to #${target}, which has nothing running or to come`);
    await jump.click();
    await page.screenshot({ path: path.join(OUT, "now-marks-phone.png") });
    // The clock moves past its end: the mark moves without a reload.
    await page.clock.fastForward((end - start) * 1000);
    await until("running_mark_moved", "the mark to leave the finished session", async () =>
      !/\brunning\b/.test(await running.getAttribute("class")));
    await checkCsp(page, label);
  } finally {
    await context.close();
  }
}

async function shareStars(browser) {
  const label = "share stars";
  const { context, page } = await open(browser, label, { width: 390, height: 844 });
  let link;
  let ids;
  try {
    await login(page, env("CONFSCHED_USER"), env("CONFSCHED_PASSWORD"), "/schedule");
    await page.locator("button.star").first().waitFor();
    assert.equal(await page.locator("a.share-stars").isHidden(), true, "Share my stars without stars");
    const talks = page.locator("section.day li.session.kind-talk");
    ids = [];
    for (const n of [1, 5, 9]) {
      ids.push(await talks.nth(n).getAttribute("data-session-id"));
      await talks.nth(n).locator("button.star").click();
    }
    ids.sort((a, b) => a - b);
    await Promise.all([page.waitForURL((u) => u.pathname === "/stars"), page.locator("a.share-stars").click()]);
    assert.equal(new URL(page.url()).search, `?ids=${ids.join(",")}`);
    assert.equal(await page.locator("ul.stars-list li").count(), 3);
    link = await page.locator("section.stars-share input").inputValue();
    assert.ok(link.endsWith(`/stars?ids=${ids.join(",")}`), link);
    const qr = page.locator("img.stars-qr");
    await qr.waitFor();
    assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), "the QR code did not load");
    await page.screenshot({ path: path.join(OUT, "stars-phone.png") });
    await qr.screenshot({ path: path.join(OUT, "stars-qr.png") });
    fs.writeFileSync(path.join(OUT, "stars-qr.json"), JSON.stringify({ link }));
    await checkCsp(page, label);
  } finally {
    await context.close();
  }
  // Another device: not logged in, it opens the link, logs in, comes back
  // to the list and adds the stars to what it had.
  const other = await open(browser, "other device", { width: 1280, height: 800 });
  try {
    const p = other.page;
    await p.goto("/schedule");
    await p.goto(link.replace(/^https?:\/\/[^/]+/, ""));
    assert.equal(new URL(p.url()).pathname, "/login", "the link without a login");
    await p.fill("#username", env("CONFSCHED_USER"));
    await p.fill("#password", env("CONFSCHED_PASSWORD"));
    await Promise.all([p.waitForURL((u) => u.pathname === "/stars"), p.click("form[action='/login'] button[type=submit]")]);
    assert.equal(new URL(p.url()).search, `?ids=${ids.join(",")}`, "the login lost the link's stars");
    await p.locator("button.stars-add-button").click();
    assert.match(await p.locator(".stars-added").innerText(), /^Added 3 \(3 starred in this browser now\)\.$/);
    await p.goto("/schedule");
    const starred = await p.locator("section.day li.session button.star[aria-pressed=true]").evaluateAll((bs) =>
      bs.map((b) => b.closest("[data-session-id]").getAttribute("data-session-id")).sort((a, b) => a - b));
    assert.deepEqual(starred, ids, "the other browser's stars");
    await checkCsp(p, "other device");
  } finally {
    await other.context.close();
  }
}

await runBrowser("changes", problems, async (browser) => {
  await shareStars(browser);
  await nowMarks(browser);
  await changeNotice(browser);
  await mySessionsFeed(browser);
});
