// bench/big_programme.mjs: the pages of a large programme as a phone on a
// slow network gets them (issue 16), driven by bench/big_programme.py,
// which starts the stack and passes:
//   CONFSCHED_URL, CONFSCHED_COOKIE ("confsched=…"), CONFSCHED_PAGES (JSON:
//   [[label, path], …]), CONFSCHED_NODE_DIR, CONFSCHED_CHROMIUM,
//   CONFSCHED_ROUNDS, CONFSCHED_SHOTS (a folder for first-screen shots).
// For each page, CONFSCHED_ROUNDS cold loads (a fresh context: no cache)
// at 390 × 844 under the emulation the issue names, Lighthouse's "slow 4G"
// applied by DevTools: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up,
// the CPU 4 × slower. Prints, per page, the bytes on the wire (headers and
// encoded body of every request), the document's elements, and
// DOMContentLoaded and load (ms from the navigation's start): median and
// worst. The last lines are machine-readable:
//   big_programme page=LABEL bytes=N elements=N dcl_ms=X dcl_max_ms=X load_ms=X
import { createRequire } from "node:module";
import path from "node:path";
import { launchChromium } from "../tests/browser/launch.mjs";

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const BASE = env("CONFSCHED_URL");
const require = createRequire(path.join(env("CONFSCHED_NODE_DIR"), "package.json"));
const { chromium } = require("playwright-core");
const ROUNDS = Number(process.env.CONFSCHED_ROUNDS || 5);
const SHOTS = process.env.CONFSCHED_SHOTS || "";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
// Lighthouse's mobile "slow 4G" (its constants.js throttling.mobileSlow4G).
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8,
                  uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const cookie = env("CONFSCHED_COOKIE");
const [cookieName, cookieValue] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const browser = await launchChromium(chromium);
const lines = [];
try {
  for (const [label, target] of JSON.parse(env("CONFSCHED_PAGES"))) {
    const dcl = [], load = [];
    let bytes = 0, elements = 0;
    for (let round = 0; round < ROUNDS; ++round) {
      const context = await browser.newContext({ viewport: PHONE, baseURL: BASE, isMobile: true, hasTouch: true });
      await context.addCookies([{ name: cookieName, value: cookieValue, url: BASE }]);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", NETWORK);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
      const finished = [];
      page.on("requestfinished", (req) => finished.push(req));
      const response = await page.goto(target, { waitUntil: "load", timeout: 60_000 });
      if (response.status() !== 200) throw new Error(`${target}: ${response.status()}`);
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        return { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, elements: document.getElementsByTagName("*").length };
      });
      dcl.push(timing.dcl);
      load.push(timing.load);
      elements = timing.elements;
      bytes = 0;
      for (const req of finished) {
        const sizes = await req.sizes();
        bytes += sizes.responseHeadersSize + sizes.responseBodySize;
      }
      if (SHOTS && round === 0) {
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
        await page.screenshot({ path: path.join(SHOTS, `${label}-phone.png`) });
        await page.setViewportSize(DESKTOP);
        await page.screenshot({ path: path.join(SHOTS, `${label}-desktop.png`) });
      }
      await context.close();
    }
    console.log(`big_programme: ${label} ${target}: ${bytes} bytes on the wire, ${elements} elements; ` +
                `DOMContentLoaded median ${median(dcl).toFixed(0)} ms (worst ${Math.max(...dcl).toFixed(0)}), ` +
                `load median ${median(load).toFixed(0)} ms, ${ROUNDS} cold loads`);
    lines.push(`big_programme page=${label} bytes=${bytes} elements=${elements} dcl_ms=${median(dcl).toFixed(0)} ` +
               `dcl_max_ms=${Math.max(...dcl).toFixed(0)} load_ms=${median(load).toFixed(0)}`);
  }
} finally {
  await browser.close();
}
for (const line of lines) console.log(line);
