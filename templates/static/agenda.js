/* confsched: a personal agenda kept in this browser only (issue 6).
 * Progressive enhancement: the pages are complete without this script; it
 * adds a star button to each session ([data-session-id]: the list, a day's
 * grid, a session's page) and, on the list of /schedule, a "My sessions"
 * toggle. Nothing is sent anywhere: starred ids live in
 * localStorage, so the server (and its shared page cache) stays per-nobody. */
(function () {
  "use strict";

  var script = document.currentScript;
  // The text the page's template hands this script (data-text-<name> on
  // its <script>, in the site's language), its {blanks} filled; the
  // English one when the attribute is missing.
  function text(name, english, values) {
    var given = script && script.getAttribute("data-text-" + name);
    return (given || english).replace(/\{([a-z]+)\}/g, function (all, key) {
      return values && key in values ? String(values[key]) : all;
    });
  }

  var STARRED_KEY = "confsched.starred";
  var MINE_KEY = "confsched.mine";
  // Changes that concern me (issue 16), worked out here from what the
  // cached pages already say, nothing sent anywhere: the revision of each
  // starred session when this browser last showed it, and the time of the
  // newest change /changes showed.
  var SEEN_KEY = "confsched.seen";
  var CHANGES_SEEN_KEY = "confsched.changes-seen";
  // A session id as the templates write it; anything else found in storage
  // (another app's data, a hand edit) is dropped rather than trusted.
  var ID = /^[0-9]{1,12}$/;

  // localStorage may throw (storage disabled, private mode, quota): then the
  // agenda lasts as long as the page, which is still useful.
  var memory = {};
  function load(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
    }
  }
  function save(key, value) {
    memory[key] = value;
    try {
      window.localStorage.setItem(key, value);
    } catch (e) {
      /* kept in memory only */
    }
  }

  function starredIds() {
    var ids = {};
    var list;
    try {
      list = JSON.parse(load(STARRED_KEY) || "[]");
    } catch (e) {
      list = [];
    }
    if (Array.isArray(list)) {
      list.forEach(function (id) {
        if (typeof id === "string" && ID.test(id)) ids[id] = true;
      });
    }
    return ids;
  }
  function saveStarred(ids) {
    save(STARRED_KEY, JSON.stringify(Object.keys(ids).sort()));
  }
  function seenRevisions() {
    var seen;
    try {
      seen = JSON.parse(load(SEEN_KEY) || "{}");
    } catch (e) {
      seen = {};
    }
    return seen && typeof seen === "object" && !Array.isArray(seen) ? seen : {};
  }

  // "2 of your sessions changed since you last looked: A, B", at the top.
  function tellMine(changed) {
    var note = document.createElement("p");
    note.className = "mine-changed";
    note.setAttribute("role", "status");
    note.appendChild(document.createTextNode(
      (changed.length === 1 ? text("mine-changed-one", "1 of your sessions changed since you last looked:")
        : text("mine-changed", "{count} of your sessions changed since you last looked:", {count: changed.length})) +
      " "));
    changed.forEach(function (c, i) {
      if (i > 0) note.appendChild(document.createTextNode(", "));
      var a = document.createElement("a");
      a.href = "/session/" + c.id;
      a.textContent = c.title;
      note.appendChild(a);
    });
    var main = document.getElementById("main");
    if (main) main.insertBefore(note, main.firstChild);
  }

  // /changes: the rows of starred sessions are marked, and those newer than
  // the newest this browser saw here before are told about. A first visit
  // only sets that mark.
  var changeRows = Array.prototype.slice.call(document.querySelectorAll("li.change[data-at]"));
  if (changeRows.length > 0) {
    var starredNow = starredIds();
    var seenAt = Number(load(CHANGES_SEEN_KEY)) || 0;
    var newest = seenAt;
    var mineChanged = {};
    var order = [];
    changeRows.forEach(function (row) {
      var id = row.getAttribute("data-change-of");
      var at = Number(row.getAttribute("data-at")) || 0;
      if (id && starredNow[id]) {
        row.classList.add("mine");
        if (seenAt > 0 && at > seenAt && !mineChanged[id]) {
          var h = row.querySelector("h2");
          mineChanged[id] = true;
          order.push({id: id, title: h ? h.textContent.trim() : "#" + id});
        }
      }
      newest = Math.max(newest, at);
    });
    if (order.length > 0) tellMine(order);
    save(CHANGES_SEEN_KEY, String(newest));
  }

  // /feeds: the address of a calendar of just the starred sessions. Only
  // this browser knows the stars, so the address is made here; the server
  // renders whatever ids it names (feeds/my_sessions.h) and keeps nothing.
  var myFeed = document.querySelector("[data-my-feed]");
  if (myFeed) {
    var alarm = myFeed.querySelector(".my-feed-alarm");
    var showMyFeed = function () {
      var ids = Object.keys(starredIds()).sort(function (a, b) { return a - b; });
      var url = myFeed.getAttribute("data-my-feed") + "&ids=" + ids.join(",") +
        (alarm.value !== "0" ? "&alarm=" + alarm.value : "");
      myFeed.querySelector(".my-feed-count").textContent = ids.length === 0
        ? text("feed-empty", "You have not starred any session in this browser yet: the calendar would be empty.")
        : (ids.length === 1 ? text("feed-one", "1 starred session.")
          : text("feed-many", "{count} starred sessions.", {count: ids.length}));
      myFeed.querySelector(".my-feed-url").value = url;
      myFeed.querySelector(".my-feed-webcal").href = url.replace(/^https?:/, "webcal:");
    };
    alarm.addEventListener("change", showMyFeed);
    window.addEventListener("storage", showMyFeed);
    showMyFeed();
    myFeed.hidden = false;
    document.querySelector(".my-feed-needs-script").hidden = true;
  }

  // /stars: the stars a link carries from another device, added to this
  // browser's on request (the page lists them; nothing is stored on the
  // server).
  var shared = document.querySelector("[data-stars]");
  if (shared) {
    var add = shared.querySelector(".stars-add");
    shared.querySelector(".stars-add-needs-script").hidden = true;
    add.hidden = false;
    add.querySelector("button").addEventListener("click", function () {
      var ids = starredIds();
      var before = Object.keys(ids).length;
      shared.getAttribute("data-stars").split(",").forEach(function (id) {
        if (ID.test(id)) ids[id] = true;
      });
      saveStarred(ids);
      var now = Object.keys(ids).length;
      add.querySelector(".stars-added").textContent =
        text("stars-added", "Added {added} ({total} starred in this browser now).", {added: now - before, total: now});
    });
  }

  var sessions = Array.prototype.slice.call(document.querySelectorAll("[data-session-id]"));
  if (sessions.length === 0) return;
  var schedule = document.querySelector("ul.sessions") !== null;
  var mineButton = null;
  var emptyNote = null;
  var shareLink = null;

  // A session's title: h1 on /session/<id>, h3 on /speaker/<id>, h4 on
  // /schedule (the session page's first h3 comes after its h1), or the
  // title link of a grid cell (which has no heading, to stay light).
  function titleOf(el) {
    var h = el.querySelector("h1, h3, h4, a.title");
    return h ? h.textContent.trim() : "#" + el.getAttribute("data-session-id");
  }

  // One pass over the page from the stored state: star buttons, and which
  // sessions, slots and days "My sessions" hides. Cheap enough (a few
  // hundred elements) to run after every click and storage event.
  function render() {
    var ids = starredIds();
    var mine = schedule && load(MINE_KEY) === "1";
    sessions.forEach(function (el) {
      var on = ids[el.getAttribute("data-session-id")] === true;
      var button = el.querySelector("button.star");
      if (button) {
        button.setAttribute("aria-pressed", on ? "true" : "false");
        button.textContent = on ? "\u2605" : "\u2606";
      }
      el.classList.toggle("starred", on);
      if (schedule) el.hidden = mine && !on;
    });
    if (!schedule) return;
    var anyShown = false;
    document.querySelectorAll(".slot").forEach(function (slot) {
      slot.hidden = mine && slot.querySelector("li.session:not([hidden])") === null;
    });
    document.querySelectorAll("section.day").forEach(function (day) {
      day.hidden = mine && day.querySelector(".slot:not([hidden])") === null;
      if (!day.hidden) anyShown = true;
    });
    mineButton.setAttribute("aria-pressed", mine ? "true" : "false");
    emptyNote.hidden = !mine || anyShown;
    var starredList = Object.keys(ids).sort(function (a, b) { return a - b; });
    shareLink.hidden = starredList.length === 0;
    shareLink.href = "/stars?ids=" + starredList.join(",");
  }

  sessions.forEach(function (el) {
    var id = el.getAttribute("data-session-id");
    if (!ID.test(id)) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "star";
    // The name stays the same; aria-pressed says whether it is starred.
    button.setAttribute("aria-label", text("star", "Star \u201c{title}\u201d", {title: titleOf(el)}));
    button.addEventListener("click", function () {
      var ids = starredIds();
      if (ids[id]) delete ids[id];
      else ids[id] = true;
      saveStarred(ids);
      var seen = seenRevisions();
      seen[id] = Number(el.getAttribute("data-rev")) || 0;
      save(SEEN_KEY, JSON.stringify(seen));
      render();
    });
    el.insertBefore(button, el.firstChild);
  });

  if (schedule) {
    var bar = document.createElement("p");
    bar.className = "agenda-bar";
    mineButton = document.createElement("button");
    mineButton.type = "button";
    mineButton.className = "mine";
    mineButton.textContent = text("my-sessions", "My sessions");
    mineButton.addEventListener("click", function () {
      save(MINE_KEY, load(MINE_KEY) === "1" ? "0" : "1");
      render();
    });
    emptyNote = document.createElement("span");
    emptyNote.className = "agenda-empty";
    emptyNote.setAttribute("role", "status");
    emptyNote.textContent = " " + text("no-stars", "No starred sessions here yet: use \u2606 to star one.");
    // To another device: a page whose address holds the stars (/stars).
    shareLink = document.createElement("a");
    shareLink.className = "share-stars";
    shareLink.textContent = text("share", "Share my stars");
    bar.appendChild(mineButton);
    bar.appendChild(emptyNote);
    bar.appendChild(document.createTextNode(" "));
    bar.appendChild(shareLink);
    var anchor = document.querySelector("nav.days") || sessions[0];
    anchor.parentNode.insertBefore(bar, anchor);
  }

  // What runs now (issue 16). Each session carries the instants it runs
  // between (data-start, data-end: Unix seconds), so the cached page is the
  // same for everybody and the browser's clock does the rest, every 30 s
  // without a reload: a running session gets the class "running" and a
  // "Now" label; on a day of the event that the page shows, a "Jump to
  // now" link leads to the first block still running or to come. The day
  // is the event's (the zone the page states, [data-time-zone]).
  var timed = sessions.filter(function (el) {
    return el.hasAttribute("data-start") && el.hasAttribute("data-end");
  });
  var jump = null;
  function eventDay(ms) {
    var zoneElement = document.querySelector("[data-time-zone]");
    try {
      // en-CA writes dates as YYYY-MM-DD, as the day sections' ids do.
      return new Intl.DateTimeFormat("en-CA", {year: "numeric", month: "2-digit", day: "2-digit",
        timeZone: zoneElement ? zoneElement.getAttribute("data-time-zone") : "UTC"}).format(new Date(ms));
    } catch (e) {
      return "";
    }
  }
  function markNow() {
    var now = Date.now() / 1000;
    var today = document.getElementById("day-" + eventDay(Date.now()));
    var next = null;
    timed.forEach(function (el) {
      var start = Number(el.getAttribute("data-start"));
      var end = Number(el.getAttribute("data-end"));
      var running = start <= now && now < end;
      el.classList.toggle("running", running);
      var label = el.querySelector(".now-label");
      if (running && !label) {
        label = document.createElement("strong");
        label.className = "now-label";
        label.textContent = text("now", "Now");
        var meta = el.querySelector(".meta") || el;
        meta.insertBefore(label, meta.firstChild);
      } else if (!running && label) {
        label.parentNode.removeChild(label);
      }
      var block = el.closest(".slot[id]");
      if (today && block && today.contains(block) && end > now && !next) next = block;
    });
    if (next && !jump) {
      jump = document.createElement("a");
      jump.className = "jump-now";
      jump.textContent = text("jump-now", "Jump to now");
      var days = document.querySelector("nav.days");
      if (days) days.insertBefore(jump, days.firstChild);
      else jump = null;
    }
    if (jump) {
      jump.hidden = !next;
      if (next) jump.href = "#" + next.id;
    }
  }
  if (timed.length > 0) {
    markNow();
    window.setInterval(markNow, 30000);
  }

  // A starred session shown here with a higher revision than when this
  // browser last showed it changed since: say so, once.
  (function () {
    var ids = starredIds();
    var seen = seenRevisions();
    var changed = [];
    sessions.forEach(function (el) {
      var id = el.getAttribute("data-session-id");
      var rev = Number(el.getAttribute("data-rev")) || 0;
      if (!ids[id] || rev === 0) return;
      if (typeof seen[id] === "number" && rev > seen[id]) changed.push({id: id, title: titleOf(el)});
      seen[id] = rev;
    });
    save(SEEN_KEY, JSON.stringify(seen));
    if (changed.length > 0) tellMine(changed);
  })();

  // Another tab starred something: show it here too.
  window.addEventListener("storage", function (e) {
    if (e.key === STARRED_KEY || e.key === MINE_KEY) render();
  });
  render();
})();
