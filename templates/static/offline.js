/* confsched: offline copies of the delegate pages (issue 9).
 * Progressive enhancement: registers the service worker (/sw.js, named by
 * this script's data-sw attribute with the templates' digest, so a new
 * deployment is a new worker) and, on a page that worker served from its
 * cache because the network failed (<html data-offline-since="ms">), says
 * so: "Offline — last updated HH:MM", in the event's time zone (the page's
 * [data-time-zone]), never the phone's. When the network is back the page
 * reloads, revalidating with its ETag, and the notice goes. Without
 * JavaScript or service workers the pages are exactly as before. */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = document.documentElement;

  // The text the page's template hands this script (data-text-<name> on
  // its <script>, in the site's language), its {blanks} filled; the
  // English one when the attribute is missing.
  function text(name, english, values) {
    var given = script && script.getAttribute("data-text-" + name);
    return (given || english).replace(/\{([a-z]+)\}/g, function (all, key) {
      return values && key in values ? String(values[key]) : all;
    });
  }
  var controlled = "serviceWorker" in navigator && navigator.serviceWorker.controller !== null;

  // "14:05" at instant ms in zone; the zone's name goes beside it, so the
  // time cannot be read as the phone's.
  function clock(ms, zone) {
    var options = {hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone};
    try {
      return new Intl.DateTimeFormat("en-GB", options).format(new Date(ms));
    } catch (e) {
      options.timeZone = "UTC";  // a zone this browser does not know
      return new Intl.DateTimeFormat("en-GB", options).format(new Date(ms)) + " UTC";
    }
  }

  function showNotice(since) {
    var zoneElement = document.querySelector("[data-time-zone]");
    var zone = zoneElement ? zoneElement.getAttribute("data-time-zone") : "UTC";
    var notice = document.createElement("p");
    notice.className = "offline-notice";
    notice.setAttribute("role", "status");
    notice.textContent = text("offline", "Offline \u2014 last updated {time} ({zone})", {time: clock(since, zone), zone: zone});
    var main = document.getElementById("main");
    if (main) main.insertBefore(notice, main.firstChild);
  }

  // Back online: load the page again (a 304 when nothing changed). The
  // online event is the browser's guess, and may come before the network
  // works; a HEAD of this page (a few hundred bytes, past the worker)
  // also checks, after 5 s, then ever less often, at most every 2 minutes.
  function reloadWhenOnline() {
    var reloading = false;
    function reload() {
      if (reloading) return;
      reloading = true;
      window.location.reload();
    }
    window.addEventListener("online", reload);
    var wait = 5000;
    function check() {
      if (reloading || !window.fetch) return;
      window.fetch(window.location.href, {method: "HEAD", cache: "no-store"}).then(function (r) {
        if (r.ok) reload();
      }, function () {});
      wait = Math.min(wait * 2, 120000);
      window.setTimeout(check, wait);
    }
    window.setTimeout(check, wait);
  }

  // A page left open learns that the programme changed (issue 16): it
  // carries the version it was rendered at (<html data-pages-version>), and
  // /pages-version, one tiny answer the front server keeps for everybody,
  // says the current one. Asked every half minute while the page is shown
  // and as soon as it is shown again; never through the service worker,
  // which does not keep it, so an offline page is never told "unchanged".
  // A difference puts a notice with a reload button at the top, once, and
  // only after COPY_AGE_MS: the pages' own copies in the front server's
  // cache may be that much older than /pages-version's (README "Caching":
  // at most ~3 s), and a reload must bring the change.
  var COPY_AGE_MS = 4000;
  function watchForChanges(rendered) {
    var told = false;
    function tell() {
      var notice = document.createElement("p");
      notice.className = "changed-notice";
      notice.setAttribute("role", "status");
      notice.appendChild(document.createTextNode(text("changed", "The programme changed since this page was loaded.") + " "));
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = text("reload", "Reload");
      button.addEventListener("click", function () {
        window.location.reload();
      });
      notice.appendChild(button);
      var main = document.getElementById("main");
      if (main) main.insertBefore(notice, main.firstChild);
    }
    function check() {
      if (told || document.hidden) return;
      window.fetch("/pages-version", {cache: "no-cache", credentials: "omit"}).then(function (r) {
        return r.ok ? r.json() : null;
      }).then(function (answer) {
        if (!told && answer && typeof answer.pages === "string" && answer.pages !== rendered) {
          told = true;
          window.setTimeout(tell, COPY_AGE_MS);
        }
      }, function () {});
    }
    window.setInterval(check, 30000);
    document.addEventListener("visibilitychange", check);
  }

  var since = Number(root.getAttribute("data-offline-since"));
  if (since > 0) {
    showNotice(since);
    reloadWhenOnline();
  } else if (root.hasAttribute("data-pages-version") && window.fetch) {
    watchForChanges(root.getAttribute("data-pages-version"));
  }

  if (!script || !("serviceWorker" in navigator)) return;
  var workerUrl = script.getAttribute("data-sw");
  if (!workerUrl) return;
  navigator.serviceWorker.register(workerUrl, {scope: "/"}).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    // This page and what it uses were loaded before the worker controlled
    // it: ask it to keep them (it keeps only what it may). A page it
    // controls was kept as it went through.
    if (controlled) return;
    var keep = [window.location.href];
    document.querySelectorAll("link[rel=stylesheet][href], script[src]").forEach(function (el) {
      keep.push(el.href || el.src);
    });
    if (registration.active) registration.active.postMessage({keep: keep});
  }).catch(function () {
    /* no worker (private mode, disabled): the site works as before */
  });
})();
