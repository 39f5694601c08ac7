// What every browser spec shares: its environment (set by
// run_browser_tests.py), playwright-core from the build folder, Debian's
// Chromium started off the network, a bounded run, and the verdict.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { launchChromium } from "./launch.mjs";

export const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
export const BASE = env("CONFSCHED_URL");
export const OUT = env("CONFSCHED_OUT");
// playwright-core lives in the build folder, not beside the specs, and ESM
// import ignores NODE_PATH: resolve it from there explicitly.
const require = createRequire(path.join(env("CONFSCHED_NODE_DIR"), "package.json"));
const { chromium } = require("playwright-core");

// Reports CSP violations as the page sees them (init scripts are injected by
// the browser, not by the page, so the CSP does not block this one).
export function watchCsp() {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
}

// Only the stack on loopback (and the browser's own data: and about: pages).
export const LOOPBACK = /^(?:http:\/\/127\.0\.0\.1(?::\d+)?\/|data:|about:)/;
if (!LOOPBACK.test(BASE + "/")) throw new Error(`not a loopback URL: ${BASE}`);

// A fresh browser context (no cookies, no cache) and a page in it, watched:
// a request beyond loopback is refused, and it, a CSP violation (see
// watchCsp), a console error or a page error is added to problems under
// label. With watchResponses, so are a failed request (other than one a
// navigation aborted) and an HTTP status of 400 or more.
export async function openPage(browser, problems, label,
                               { viewport, javaScriptEnabled = true, watchResponses = false } = {}) {
  const context = await browser.newContext({ viewport, baseURL: BASE, javaScriptEnabled });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (LOOPBACK.test(url)) return route.continue();
    problems.push(`${label}: request outside loopback: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.addInitScript(watchCsp);
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`${label}: console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`${label}: page error: ${err.message}`));
  if (watchResponses) {
    page.on("requestfailed", (req) => {
      // A meta refresh or navigation can abort a pending request; that is no fault.
      const why = req.failure()?.errorText || "";
      if (!why.includes("ERR_ABORTED")) problems.push(`${label}: request failed: ${req.url()} ${why}`);
    });
    page.on("response", (res) => {
      if (res.status() >= 400) problems.push(`${label}: HTTP ${res.status()} for ${res.url()}`);
    });
  }
  return { context, page };
}

// Runs body(browser) in a fresh headless Chromium, within a watchdog: every
// wait is bounded, and so is the whole run, whatever hangs. Exits the
// process: 0 when body returned and problems stayed empty, else 1.
export async function runBrowser(name, problems, body, watchdogMs = 90_000) {
  fs.mkdirSync(OUT, { recursive: true });
  const watchdog = setTimeout(() => {
    console.error(`${name}: still running after ${watchdogMs / 1000} s, giving up`);
    process.exit(1);
  }, watchdogMs);
  let browser;
  let failed = false;
  try {
    browser = await launchChromium(chromium);
    await body(browser);
  } catch (err) {
    failed = true;
    console.error(`${name} failed: ${err.stack || err}`);
  } finally {
    if (browser) await browser.close();
    clearTimeout(watchdog);
  }
  for (const p of problems) console.error(p);
  if (problems.length) failed = true;
  console.log(`${name}: ${failed ? "FAILED" : "passed"}; screenshots in ${OUT}`);
  process.exit(failed ? 1 : 0);
}

// Logs in through the login form and waits for the page it leads to.
export async function login(page, user, password, next) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.fill("#username", user);
  await page.fill("#password", password);
  await Promise.all([page.waitForURL((u) => u.pathname === next), page.click("form[action='/login'] button[type=submit]")]);
}

// Staff change a session's title through the admin form (page signed in
// as staff): a real save, which moves the data version like any edit.
export async function saveTitle(page, id, title) {
  await page.goto(`/admin/session/${id}`);
  await page.fill("#title", title);
  const [saved] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.click("button[name=action][value=save]"),
  ]);
  if (saved.status() !== 303) throw new Error(`the staff save was refused: ${saved.status()}`);
}
