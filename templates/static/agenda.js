/* confsched: a personal agenda kept in this browser only (issue 6).
 * Progressive enhancement: the pages are complete without this script; it
 * adds a star button to each session ([data-session-id]) and, on /schedule,
 * a "My sessions" toggle. Nothing is sent anywhere: starred ids live in
 * localStorage, so the server (and its shared page cache) stays per-nobody. */
(function () {
  "use strict";

  var STARRED_KEY = "confsched.starred";
  var MINE_KEY = "confsched.mine";
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

  var sessions = Array.prototype.slice.call(document.querySelectorAll("[data-session-id]"));
  if (sessions.length === 0) return;
  var schedule = document.querySelector("ul.sessions") !== null;
  var mineButton = null;
  var emptyNote = null;

  // The session's own heading: h1 on /session/<id>, h3 on /speaker/<id>,
  // h4 on /schedule (the session page's first h3 comes after its h1).
  function titleOf(el) {
    var h = el.querySelector("h1, h3, h4");
    return h ? h.textContent.trim() : "session";
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
  }

  sessions.forEach(function (el) {
    var id = el.getAttribute("data-session-id");
    if (!ID.test(id)) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "star";
    // The name stays the same; aria-pressed says whether it is starred.
    button.setAttribute("aria-label", "Star \u201c" + titleOf(el) + "\u201d");
    button.addEventListener("click", function () {
      var ids = starredIds();
      if (ids[id]) delete ids[id];
      else ids[id] = true;
      saveStarred(ids);
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
    mineButton.textContent = "My sessions";
    mineButton.addEventListener("click", function () {
      save(MINE_KEY, load(MINE_KEY) === "1" ? "0" : "1");
      render();
    });
    emptyNote = document.createElement("span");
    emptyNote.className = "agenda-empty";
    emptyNote.setAttribute("role", "status");
    emptyNote.textContent = " No starred sessions here yet: use \u2606 to star one.";
    bar.appendChild(mineButton);
    bar.appendChild(emptyNote);
    var anchor = document.querySelector("nav.days") || sessions[0];
    anchor.parentNode.insertBefore(bar, anchor);
  }

  // Another tab starred something: show it here too.
  window.addEventListener("storage", function (e) {
    if (e.key === STARRED_KEY || e.key === MINE_KEY) render();
  });
  render();
})();
