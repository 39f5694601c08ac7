/* confsched: the service worker that keeps the last good copy of the
 * delegate pages for when the network goes (issue 9). Registered by
 * offline.js as /sw.js?v=<templates digest>, so its scope is the whole site
 * and a deployment with other templates is a new worker with a new cache.
 *
 * What it keeps, in one cache named after its version:
 *   - /schedule (its canonical filters and the whole programme,
 *     ?view=all, too; not searches), /session/<id>,
 *     /speakers, /speaker/<id>, /now and /changes (the pages the route
 *     table lets the front server keep): network first, so online nothing changes (the
 *     browser revalidates with the page's ETag: a 304); the copy is served
 *     only when the network fails, marked so that offline.js says
 *     "Offline — last updated HH:MM";
 *   - the hashed stylesheet and scripts (/static/<name>.<hash>.<ext>) and
 *     the [site] branding files (/brand/<name>.<hash>.<ext>): cache first,
 *     since a hashed name never changes its content.
 * What it never keeps: anything else (/admin, /login, /logout, /feeds,
 * feeds, and /pages-version, which must tell a page left open the truth
 * or nothing: offline.js), a response marked no-store, a redirect, an
 * error.
 * Logging out (the "Log out" button: a form POST to /logout from one of
 * the site's own pages), or a page answered with the login redirect,
 * deletes every copy: a cached page is never shown to someone who is no
 * longer signed in. Nothing else does: a GET of /logout (which logs
 * nobody out; an image in an abstract can make one) or another site's
 * form posting to /logout (which the server refuses) leaves them. */
"use strict";

var VERSION = new URL(self.location.href).searchParams.get("v") || "0";
var PREFIX = "confsched-";
var CACHE = PREFIX + VERSION;
// When the copy was last confirmed by the server (its Date header), in ms
// since the epoch: what the offline notice shows.
var STORED = "X-Confsched-Stored";

var PAGE = /^\/(?:schedule|session\/[1-9][0-9]{0,17}|speakers|speaker\/[1-9][0-9]{0,17}|now|changes)$/;
var ASSET = /^\/(?:static\/[a-z0-9_-]+\.[0-9a-f]{8,64}\.(?:css|js)|brand\/[a-z]+\.[0-9a-f]{16}\.(?:css|svg|png))$/;
var NEVER = /^\/(?:admin|login|logout)(?:\/|$)/;

function isPage(url) {
  if (!PAGE.test(url.pathname)) return false;
  // A free-text search is a page of its own for every text typed: the
  // server keeps none of them, and neither does this cache.
  return url.search === "" || (url.pathname === "/schedule" && !url.searchParams.has("q"));
}

function keepable(url) {
  return url.origin === self.location.origin && !NEVER.test(url.pathname) &&
         (isPage(url) || (ASSET.test(url.pathname) && url.search === ""));
}

function storable(response) {
  if (response.status !== 200 || response.type !== "basic" || response.redirected) return false;
  return !/no-store/i.test(response.headers.get("Cache-Control") || "");
}

// Counts forget() calls: a copy fetched before one must not be written
// after it (a page still loading while the delegate logs out).
var generation = 0;

// Deletes every copy of every version: after a logout nothing may remain.
function forget() {
  generation += 1;
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) {
      return n.indexOf(PREFIX) === 0;
    }).map(function (n) {
      return caches.delete(n);
    }));
  });
}

// True once a newer version has taken over: its activate deleted this
// version's cache, and a page this worker was still answering then must
// not bring that cache back (it would stay until the next version).
function replaced() {
  var registration = self.registration;
  return [registration.installing, registration.waiting, registration.active].every(function (w) {
    return !w || w.scriptURL !== self.location.href;
  });
}

function store(request, response) {
  var started = generation;
  var headers = new Headers(response.headers);
  // The body kept is the decoded one, and it is matched by URL alone.
  headers.delete("Content-Length");
  headers.delete("Content-Encoding");
  headers.delete("Vary");
  var date = Date.parse(response.headers.get("Date") || "");
  headers.set(STORED, String(isNaN(date) ? Date.now() : date));
  return response.blob().then(function (body) {
    var copy = new Response(body, {status: 200, statusText: "OK", headers: headers});
    if (started !== generation || replaced()) return undefined;
    return caches.open(CACHE).then(function (cache) {
      return cache.put(request, copy).then(function () {
        // Replaced while the copy was written: the whole cache goes again.
        if (replaced()) return caches.delete(CACHE);
        // A logout came while the copy was written: it goes too.
        if (started !== generation) return cache.delete(request);
        return undefined;
      });
    });
  });
}

// Fetches url and keeps the answer if it may be kept. Never rejects.
function fetchAndKeep(url) {
  return fetch(url, {credentials: "same-origin"}).then(function (response) {
    if (storable(response)) return store(url, response);
    return undefined;
  }).catch(function () {});
}

// The kept page, marked as an offline copy: data-offline-since on <html>
// carries the time it was stored, for offline.js to show.
function offlineCopy(kept) {
  var since = kept.headers.get(STORED) || "";
  return kept.text().then(function (html) {
    if (/^[0-9]{1,15}$/.test(since))
      html = html.replace(/<html([^>]*)>/, '<html$1 data-offline-since="' + since + '">');
    return new Response(html, {status: 200, statusText: "OK", headers: kept.headers});
  });
}

// A redirect for a page that takes no query can only be the login
// redirect: the cookie expired or was revoked (a password change).
function signedOut(url, response) {
  if (url.search !== "") return false;
  if (response.type === "opaqueredirect") return true;
  return response.redirected && new URL(response.url).pathname === "/login";
}

function networkFirst(event, url) {
  var request = event.request;
  return fetch(request).then(function (response) {
    if (signedOut(url, response)) {
      event.waitUntil(forget());
    } else if (storable(response)) {
      event.waitUntil(store(url.href, response.clone()));
    }
    return response;
  }, function (failure) {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(url.href);
    }).then(function (kept) {
      if (!kept) throw failure;
      return offlineCopy(kept);
    });
  });
}

function cacheFirst(event, url) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(url.href);
  }).then(function (kept) {
    if (kept) return kept;
    return fetch(event.request).then(function (response) {
      if (storable(response)) event.waitUntil(store(url.href, response.clone()));
      return response;
    });
  });
}

self.addEventListener("install", function (event) {
  // The programme and /now are kept from the start, whichever page the
  // delegate opened first (nothing is kept if the browser is not signed in):
  // the landing view, and the whole programme it links to, which the
  // landing view of a large programme does not list (issue 16).
  event.waitUntil(Promise.all(["/schedule", "/schedule?view=all", "/now"].map(function (path) {
    return fetchAndKeep(new URL(path, self.location.origin).href);
  })).then(function () {
    return self.skipWaiting();
  }));
});

// A new version replaces the old one at once, and the old one's cache goes.
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) {
      return n.indexOf(PREFIX) === 0 && n !== CACHE;
    }).map(function (n) {
      return caches.delete(n);
    }));
  }).then(function () {
    return self.clients.claim();
  }));
});

// offline.js asks to keep the page it runs on and the assets it uses: the
// page was loaded before this worker controlled it.
self.addEventListener("message", function (event) {
  var data = event.data;
  if (!data || !Array.isArray(data.keep)) return;
  var urls = data.keep.slice(0, 8).map(function (u) {
    try {
      return new URL(String(u), self.location.origin);
    } catch (e) {
      return null;
    }
  }).filter(function (u) {
    return u && keepable(u);
  });
  event.waitUntil(Promise.all(urls.map(function (u) {
    return fetchAndKeep(u.href);
  })));
});

// The "Log out" button of one of the site's pages: a navigation that
// posts to /logout, sent from a page of this origin (the site sends
// Referrer-Policy: same-origin, so its own pages' requests name them).
function isOwnLogout(request, url) {
  return url.pathname === "/logout" && request.method === "POST" && request.mode === "navigate" &&
         request.referrer.indexOf(self.location.origin + "/") === 0;
}

self.addEventListener("fetch", function (event) {
  var url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  if (isOwnLogout(event.request, url)) {
    // The copies go before the logout is even sent.
    event.respondWith(forget().then(function () {
      return fetch(event.request);
    }));
    return;
  }
  if (event.request.method !== "GET" || !keepable(url)) return;
  event.respondWith(isPage(url) ? networkFirst(event, url) : cacheFirst(event, url));
});
