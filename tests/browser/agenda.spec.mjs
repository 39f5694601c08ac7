// Browser test of the delegate pages in Debian's headless Chromium, driven by
// playwright-core: the personal agenda (templates/static/agenda.js), the
// schedule's filters, a day's grid, /now and a room display, at phone and
// desktop widths.
// Run by run_browser_tests.py, which starts the stack and passes it here:
//   CONFSCHED_URL          http://127.0.0.1:<port> (loopback only)
//   CONFSCHED_USER, CONFSCHED_PASSWORD   the delegate login
//   CONFSCHED_DISPLAY_PATH /display/<room-id>?token=...
//   CONFSCHED_OUT          folder for screenshots
//   CONFSCHED_NODE_DIR     folder whose node_modules holds playwright-core
//   CONFSCHED_CHROMIUM     the browser binary (default /usr/bin/chromium)
// Exit status 0 when every check passed, 1 otherwise.
import assert from "node:assert/strict";
import path from "node:path";

import { OUT, env, openPage, runBrowser } from "./harness.mjs";

const problems = [];

// Every page watched, failed requests and HTTP errors included.
const newPage = (browser, label, viewport, javaScriptEnabled = true) =>
  openPage(browser, problems, label, { viewport, javaScriptEnabled, watchResponses: true });

async function checkCsp(page, label) {
  const seen = await page.evaluate(() => window.__csp || []);
  for (const v of seen) problems.push(`${label}: CSP violation on ${page.url()}: ${v}`);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: false });
}

async function login(page) {
  await page.goto("/login?next=%2Fschedule");
  await page.fill("#username", env("CONFSCHED_USER"));
  await page.fill("#password", env("CONFSCHED_PASSWORD"));
  await Promise.all([page.waitForURL(/\/schedule$/), page.click("form[action='/login'] button[type=submit]")]);
}

// Visible sessions on /schedule (not hidden by "My sessions").
const visibleSessions = (page) => page.locator("li.session:visible").count();

// Submits /schedule's filter form with the first real choice of one select
// (day, room or track); the page must then show some but not all of the
// `all` sessions. Returns how many it shows.
// The filters fold away on /schedule (a <details>, open while a filter is
// set): a click on its summary opens it, with or without JavaScript.
async function openFilters(page) {
  const details = page.locator("details.filters");
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
}

async function filterByFirst(page, label, name, all) {
  await openFilters(page);
  const value = await page.locator(`select[name=${name}] option`).nth(1).getAttribute("value");
  await page.selectOption(`select[name=${name}]`, value);
  await Promise.all([page.waitForURL(new RegExp(`[?&]${name}=`)), page.click("form.filter button[type=submit]")]);
  const shown = await page.locator("li.session").count();
  assert.ok(shown > 0 && shown < all, `${label}: ${name} filter kept ${shown} of ${all}`);
  return shown;
}

async function run(browser, label, viewport) {
  const { context, page } = await newPage(browser, label, viewport);
  try {
    await login(page);

    // The first screen shows sessions (issue 16): the landing view opens
    // with what is on now and next (the demo is in the future: its first
    // sessions), before the day list, the filters folded.
    const firstSession = page.locator("section.glance li.session").first();
    const top = await firstSession.evaluate((el) => el.getBoundingClientRect().top);
    const title0 = (await firstSession.locator("h4").innerText()).trim();
    assert.ok(top + 40 < viewport.height, `${label}: the first session ("${title0}") begins ${top}px down, ` +
      `not on the first screen (${viewport.height}px)`);
    await shot(page, `${label}-first-screen`);
    // The rest works on the whole programme, the list the landing view
    // goes on with (without its glance, where a session may appear twice).
    await page.goto("/schedule?view=all");

    // The script added one star per session, none pressed in a new browser.
    const sessions = await page.locator("li.session").count();
    assert.ok(sessions > 10, `${label}: only ${sessions} sessions on /schedule`);
    await page.locator("button.star").first().waitFor();
    assert.equal(await page.locator("button.star").count(), sessions, `${label}: one star per session`);
    assert.equal(await page.locator("button.star[aria-pressed=true]").count(), 0);

    // No sideways scrolling on a phone.
    const overflow = await page.evaluate(() => {
      const wide = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return { by: document.documentElement.scrollWidth - window.innerWidth, wide };
    });
    assert.ok(overflow.by <= 0, `${label}: /schedule is ${overflow.by}px wider than the viewport: ${overflow.wide}`);

    // Star the first real talk by keyboard (Space on the focused button),
    // as a keyboard user would; its focus ring must show.
    const first = page.locator("li.session.kind-talk").first();
    const id = await first.getAttribute("data-session-id");
    const title = (await first.locator("h4").innerText()).trim();
    const star = first.locator("button.star");
    await star.focus();
    await page.keyboard.press("Space");
    assert.equal(await star.getAttribute("aria-pressed"), "true", `${label}: Space starred it`);
    const outline = await star.evaluate((b) => getComputedStyle(b).outlineStyle);
    assert.notEqual(outline, "none", `${label}: no visible focus on the star`);
    // And a second one by mouse.
    const second = page.locator("li.session.kind-talk").nth(1);
    const id2 = await second.getAttribute("data-session-id");
    const title2 = (await second.locator("h4").innerText()).trim();
    await second.locator("button.star").click();
    await shot(page, `${label}-schedule-starred`);

    // Kept after a reload (localStorage).
    await page.reload();
    await page.locator("button.star").first().waitFor();
    for (const sid of [id, id2]) {
      const pressed = await page.locator(`li[data-session-id="${sid}"] button.star`).getAttribute("aria-pressed");
      assert.equal(pressed, "true", `${label}: session ${sid} not starred after reload`);
    }

    // "My sessions" shows only the two starred, and survives a reload too.
    const mine = page.locator("button.mine");
    await mine.click();
    assert.equal(await mine.getAttribute("aria-pressed"), "true");
    assert.equal(await visibleSessions(page), 2, `${label}: "My sessions" shows only the starred two`);
    await shot(page, `${label}-schedule-mine`);
    await page.reload();
    await page.locator("button.mine").waitFor();
    assert.equal(await visibleSessions(page), 2, `${label}: "My sessions" kept after reload`);
    await page.locator("button.mine").click();
    assert.equal(await visibleSessions(page), sessions, `${label}: all sessions back`);

    // The filter form (plain GET): a track, a room, then a search for the
    // starred title.
    await filterByFirst(page, label, "track", sessions);
    await page.goto("/schedule?view=all");
    const inRoom = await filterByFirst(page, label, "room", sessions);
    assert.equal(await page.locator("button.star").count(), inRoom, `${label}: stars on a filtered page`);
    await page.goto("/schedule?view=all");
    await openFilters(page);
    await page.fill("input[name=q]", title);
    await Promise.all([page.waitForURL(/[?&]q=/), page.click("form.filter button[type=submit]")]);
    const hit = page.locator(`li[data-session-id="${id}"] button.star`);
    assert.equal(await hit.getAttribute("aria-pressed"), "true", `${label}: search result keeps its star`);
    await shot(page, `${label}-schedule-search`);
    await checkCsp(page, label);

    // The session page shares the same agenda: unstar there, see it on /schedule.
    await page.goto(`/session/${id}`);
    const detail = page.locator("article.session-detail button.star");
    assert.equal(await detail.getAttribute("aria-pressed"), "true", `${label}: starred on /session/${id}`);
    await shot(page, `${label}-session`);
    await detail.click();
    assert.equal(await detail.getAttribute("aria-pressed"), "false");
    await checkCsp(page, label);
    await page.goto("/schedule?view=all");
    await page.locator("button.star").first().waitFor();
    assert.equal(await page.locator("button.star[aria-pressed=true]").count(), 1, `${label}: one star left`);

    // A speaker's page, reached from the schedule's speaker line, carries
    // the same stars, named after each session; no "My sessions" there.
    await Promise.all([
      page.waitForURL(/\/speaker\/[0-9]+$/),
      page.locator(`li[data-session-id="${id2}"] p.speakers a`).first().click(),
    ]);
    const onSpeaker = page.locator(`li[data-session-id="${id2}"] button.star`);
    assert.equal(await onSpeaker.getAttribute("aria-pressed"), "true", `${label}: starred on ${page.url()}`);
    assert.equal(await onSpeaker.getAttribute("aria-label"), `Star \u201c${title2}\u201d`, `${label}: star's name`);
    assert.equal(await page.locator("button.mine").count(), 0, `${label}: "My sessions" on a speaker's page`);
    await shot(page, `${label}-speaker`);
    await checkCsp(page, label);

    // /now and a room display render without errors.
    await page.goto("/now");
    await page.locator("main h1").waitFor();
    await shot(page, `${label}-now`);
    await checkCsp(page, label);
    await page.goto(env("CONFSCHED_DISPLAY_PATH"));
    await page.locator("section.display h1").waitFor();
    await shot(page, `${label}-display`);
    await checkCsp(page, label);
  } finally {
    await context.close();
  }
}

// A day's grid (/schedule?day=…&view=grid): on a phone it scrolls sideways
// inside its box under a time column that stays put, room names stay on
// top while it scrolls down, and a star set in the grid shows in the list.
async function runGrid(browser, label, viewport) {
  const { context, page } = await newPage(browser, `${label}-grid`, viewport);
  try {
    await login(page);
    const day = await page.locator("select[name=day] option").nth(1).getAttribute("value");
    await page.goto(`/schedule?day=${day}&view=grid`);
    await page.locator(".gs button.star").first().waitFor();
    const cells = await page.locator(".gs").count();
    assert.ok(cells > 10, `${label}: only ${cells} cells in the grid of ${day}`);
    assert.equal(await page.locator(".gs button.star").count(), cells, `${label}: one star per cell`);
    const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(pageOverflow <= 0, `${label}: the grid page is ${pageOverflow}px wider than the viewport`);
    await shot(page, `${label}-grid`);

    // Where an element is, relative to the grid's scroll box.
    const box = (selector) =>
      page.evaluate((sel) => {
        const wrap = document.querySelector(".grid-wrap").getBoundingClientRect();
        const r = document.querySelector(sel).getBoundingClientRect();
        return { left: r.left - wrap.left, top: r.top - wrap.top, width: r.width, height: r.height };
      }, selector);
    const scroll = (x, y) =>
      page.evaluate(([left, top]) => {
        const wrap = document.querySelector(".grid-wrap");
        wrap.scrollTo(left, top);
        return { x: wrap.scrollLeft, y: wrap.scrollTop };
      }, [x, y]);
    if (viewport.width < 500) {
      // The box at the top of the screen, as a reader scrolls to it.
      await page.evaluate(() => document.querySelector(".grid-wrap").scrollIntoView());
      const at = await scroll(400, 0);
      assert.ok(at.x > 100, `${label}: the grid does not scroll sideways (${at.x})`);
      const times = await box(".gtimes");
      assert.ok(Math.abs(times.left) <= 2, `${label}: the time column left the box: ${JSON.stringify(times)}`);
      const firstRoom = await box(".gc .gh");
      assert.ok(firstRoom.left < 0, `${label}: the first room did not scroll away: ${JSON.stringify(firstRoom)}`);
      await shot(page, `${label}-grid-sideways`);
      const down = await scroll(400, 500);
      assert.ok(down.y > 100, `${label}: the grid does not scroll down (${down.y})`);
      const header = await page.evaluate(() => {
        const wrap = document.querySelector(".grid-wrap").getBoundingClientRect();
        // The room header over the middle of the box.
        const el = document.elementFromPoint(wrap.left + wrap.width / 2, wrap.top + 4);
        return el && el.closest(".gh") ? el.closest(".gh").textContent : null;
      });
      assert.ok(header, `${label}: no room name at the top of the box after scrolling down`);
      const label0 = await box(".gc .gh");
      assert.ok(Math.abs(label0.top) <= 2, `${label}: room names left the top: ${JSON.stringify(label0)}`);
      await shot(page, `${label}-grid-scrolled`);
      await scroll(0, 0);
    }

    // Star a talk in the grid; the list of that day shows it starred.
    const cell = page.locator(".gs.kind-talk").first();
    const id = await cell.getAttribute("data-session-id");
    await cell.locator("button.star").click();
    assert.equal(await cell.locator("button.star").getAttribute("aria-pressed"), "true");
    await checkCsp(page, `${label}-grid`);
    await page.click("a.view-switch");
    await page.waitForURL(new RegExp(`/schedule\\?day=${day}$`));
    const listed = page.locator(`li[data-session-id="${id}"] button.star`);
    await listed.waitFor();
    assert.equal(await listed.getAttribute("aria-pressed"), "true", `${label}: starred in the grid, not in the list`);
    await listed.click();  // leave the agenda as it was
    await checkCsp(page, `${label}-grid`);
  } finally {
    await context.close();
  }
}

// Without JavaScript the pages are as before: no stars, every session shown,
// the filter form still works (it is a plain GET form).
async function runWithoutScript(browser) {
  const label = "no-js";
  const { context, page } = await newPage(browser, label, { width: 1280, height: 800 }, false);
  try {
    await login(page);
    const sessions = await page.locator("li.session").count();
    assert.ok(sessions > 10, `${label}: only ${sessions} sessions`);
    assert.equal(await page.locator("button.star, button.mine").count(), 0, `${label}: buttons without a script`);
    assert.equal(await visibleSessions(page), sessions, `${label}: every session visible`);
    await filterByFirst(page, label, "day", sessions);
    await shot(page, `${label}-schedule-day`);
  } finally {
    await context.close();
  }
}

await runBrowser("browser test", problems, async (browser) => {
  for (const [label, viewport] of [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1280, height: 800 }],
  ]) {
    const t0 = Date.now();
    await run(browser, label, viewport);
    await runGrid(browser, label, viewport);
    console.log(`browser test: ${label} (${viewport.width}x${viewport.height}) checked in ${Date.now() - t0} ms`);
  }
  await runWithoutScript(browser);
  console.log("browser test: without JavaScript checked");
}, 150_000);
