// Starts Debian's headless Chromium through playwright-core for the browser
// tests (agenda, offline and checkers specs), the same way for each.
export function launchChromium(chromium) {
  return chromium.launch({
    executablePath: process.env.CONFSCHED_CHROMIUM || "/usr/bin/chromium",
    // playwright adds --headless; the rest keep Chromium off the network
    // (this machine's network is closed) and out of first-run work.
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    timeout: 30_000,
  });
}
