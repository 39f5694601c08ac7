#include "fixed_source.h"

#include <stdexcept>

#include "store/errors.h"
#include "util/time_zone.h"

namespace confsched::golden {

Session* find_session(Programme& p, int64_t id) {
  for (Session& s : p.sessions)
    if (s.id == id) return &s;
  throw std::logic_error("the fixed programme has no session " + std::to_string(id));
}

Programme fixed_programme() {
  Programme p;
  p.event = EventInfo{.name = "Golden Conf & Co <2026>",
                      .tagline = "Two days of \"fixed\" talks",
                      .venue = "Hall <A>, Example Street",
                      .time_zone = "Europe/London",
                      .starts_on = "2026-06-10",
                      .ends_on = "2026-06-11",
                      .intro =
                          "Welcome to **Golden Conf**. Read <b>this</b> & [the map](https://"
                          "example.org/map?a=1&b=2)."};
  // Main Hall has every detail, with markup to escape; Room <B> only a floor
  // and a stream (its running session was moved, and still streams); Зал 3
  // a stream, but its running session is cancelled, so /now offers none.
  p.rooms = {
      Room{.id = 1,
           .name = "Main Hall",
           .position = 1,
           .display_nonce = 42,
           .details = {.description = "Left of the <main> stairs & up",
                       .floor = "Level \"2\"",
                       .map_url = "https://example.org/map?hall=main&x=1",
                       .stream_url = "https://stream.example.org/main?a=1&b=2"}},
      Room{.id = 2,
           .name = "Room <B>",
           .position = 2,
           .display_nonce = std::nullopt,
           .details = {.floor = "Ground floor", .stream_url = "https://stream.example.org/b"}},
      Room{.id = 3,
           .name = "Зал 3",
           .position = 3,
           .display_nonce = std::nullopt,
           .details = {.stream_url = "https://stream.example.org/3"}}};
  p.tracks = {Track{.id = 1, .name = "Systems", .colour = "#1f77b4"},
              Track{.id = 2, .name = "Web & \"UX\"", .colour = "#d62728"}};
  p.speakers = {
      Speaker{
          .id = 1, .name = "Ada Lovelace", .affiliation = "Analytical Engines", .bio = "Notes."},
      Speaker{.id = 2,
              .name = "Bob <script>alert(1)</script>",
              .affiliation = "O'Reilly & Sons",
              .bio = "Writes *markdown* <i>and html</i>."},
      Speaker{.id = 3, .name = "Çağla Öztürk", .affiliation = "", .bio = ""},
      // On no session: staff added her ahead of the programme (not listed
      // on /speakers, and /speaker/4 is a 404).
      Speaker{.id = 4, .name = "Dora Unbooked", .affiliation = "", .bio = "Not on it yet."},
      // On the cancelled session only: not listed, but her page stays.
      Speaker{.id = 5, .name = "Eve Withdrawn", .affiliation = "Gone & Co", .bio = ""},
      // A name that starts in lower case: listed after "Ada" and before
      // "Bob" (by the case-folded name), not after every capital.
      Speaker{.id = 6, .name = "bea de Wit", .affiliation = "", .bio = ""}};
  const Room* main_hall = &p.rooms[0];
  const Room* room_b = &p.rooms[1];
  const Room* room_3 = &p.rooms[2];
  const Track* systems = &p.tracks[0];
  const Track* web = &p.tracks[1];
  auto session = [&](int64_t id, std::string title, std::string starts, std::string ends,
                     const Room* room, const Track* track, std::string kind, std::string status,
                     std::vector<const Speaker*> speakers) {
    Session s;
    s.id = id;
    s.title = std::move(title);
    s.starts_at = std::move(starts);
    s.ends_at = std::move(ends);
    s.room = room;
    s.track = track;
    s.kind = std::move(kind);
    s.status = std::move(status);
    s.speakers = std::move(speakers);
    s.revision = 1;
    s.updated_at = kNow - 86400;
    return s;
  };
  p.sessions = {
      session(1, "Opening keynote", "2026-06-10 09:00:00", "2026-06-10 10:00:00", main_hall,
              nullptr, "keynote", "scheduled", {&p.speakers[0]}),
      session(2, "Kernels <for> \"everyone\" & more", "2026-06-10 10:00:00", "2026-06-10 11:00:00",
              main_hall, systems, "talk", "scheduled", {&p.speakers[1], &p.speakers[0]}),
      session(3, "Accessible forms", "2026-06-10 10:00:00", "2026-06-10 11:30:00", room_b, web,
              "workshop", "moved", {&p.speakers[2]}),
      // At the same time as session 3 in the same room (the grid sets them
      // side by side), and over before the golden clock's 10:30.
      session(8, "Lightning <talks>", "2026-06-10 10:00:00", "2026-06-10 10:25:00", room_b, web,
              "talk", "scheduled", {&p.speakers[0], &p.speakers[1], &p.speakers[2]}),
      session(4, "Отменённый доклад", "2026-06-10 10:30:00", "2026-06-10 11:00:00", room_3, systems,
              "talk", "cancelled", {&p.speakers[2], &p.speakers[4]}),
      session(5, "Coffee", "2026-06-10 11:30:00", "2026-06-10 12:00:00", main_hall, nullptr,
              "break", "scheduled", {}),
      session(6, "Panel: the web in 2030", "2026-06-11 09:30:00", "2026-06-11 10:30:00", main_hall,
              web, "panel", "scheduled", {&p.speakers[0], &p.speakers[1], &p.speakers[2]}),
      session(7, "Evening social", "2026-06-11 18:00:00", "2026-06-11 21:00:00", room_b, nullptr,
              "social", "scheduled", {&p.speakers[5]}),
  };
  // By id: the vector is in the order of start times.
  auto by_id = [&](int64_t id) -> Session& { return *find_session(p, id); };
  by_id(2).abstract =
      "A talk about *kernels*.\n\n<script>alert('abstract')</script> & `code`\n\n- one\n- two";
  by_id(2).materials = {Material{.label = "Slides <pdf>", .url = "https://example.org/s?a=1&b=2"}};
  by_id(3).abstract = "Moved to Room <B> from the Main Hall.";
  // Staff moved session 3 ten minutes ago and cancelled session 4 two hours
  // ago (fixed_session_audit() holds those edits).
  for (auto [id, seconds_ago] : {std::pair{int64_t{3}, 600}, std::pair{int64_t{4}, 7200}}) {
    by_id(id).revision = 2;
    by_id(id).updated_at = kNow - seconds_ago;
  }
  return p;
}

SessionDraft session_draft(const Session& s) {
  SessionDraft d{.title = s.title,
                 .abstract = s.abstract,
                 .day = s.starts_at.substr(0, 10),
                 .start = s.starts_at.substr(11, 5),
                 .end = s.ends_at.substr(11, 5),
                 .room_id = std::to_string(s.room->id),
                 .track_id = s.track ? std::to_string(s.track->id) : "",
                 .kind = s.kind,
                 .status = s.status,
                 .speakers = "",
                 .materials = ""};
  for (const Speaker* speaker : s.speakers) d.speakers += speaker->name + "\n";
  for (const Material& link : s.materials) d.materials += link.label + " | " + link.url + "\n";
  return d;
}

AuditValues session_audit_values(const SessionDraft& d) {
  auto id_text = [](const std::string& text) -> std::optional<std::string> {
    auto id = parse_id(text);
    return id ? std::optional<std::string>(std::to_string(*id)) : std::nullopt;
  };
  return {{"title", d.title},
          {"abstract", d.abstract},
          {"starts_at", d.starts_at()},
          {"ends_at", d.ends_at()},
          {"room_id", id_text(d.room_id)},
          {"track_id", id_text(d.track_id)},
          {"kind", d.kind},
          {"status", d.status},
          {"speakers", d.speakers},
          {"materials", d.materials}};
}

std::vector<AuditEntry> fixed_session_audit() {
  Programme p = fixed_programme();
  // The staff edit that made session `session_id` what it is now (its
  // last update): `changed` held the values before.
  auto edit = [&](int64_t id, int64_t session_id, const AuditValues& changed) {
    const Session& s = *find_session(p, session_id);
    AuditEntry e;
    e.id = id;
    e.session_id = s.id;
    e.changed_unix = s.updated_at;
    e.changed_at = format_civil(civil_from_seconds(s.updated_at));  // UTC, as stored
    e.staff_name = "Ana <staff>";
    e.client_addr = "192.0.2.7";
    e.action = "update";
    e.after = session_audit_values(session_draft(s));
    e.before = *e.after;
    for (const auto& [key, value] : changed) (*e.before)[key] = value;
    return e;
  };
  // Both within [pages] changed_hours of kNow. The older row is one written
  // before speakers and links were audited (a restore of it keeps the
  // session's own: store/history_store.cc).
  std::vector<AuditEntry> rows = {
      edit(12, 3, {{"room_id", "1"}, {"status", "scheduled"}}),
      edit(11, 4, {{"status", "scheduled"}}),
  };
  for (const char* key : {"speakers", "materials"}) {
    rows[1].before->erase(key);
    rows[1].after->erase(key);
  }
  return rows;
}

void FixedSource::check_available() const {
  if (!available) throw DbUnavailable("the golden tier's source is switched off");
}

DataState FixedSource::data_state() {
  check_available();
  ++state_reads;
  return state;
}

std::optional<EventInfo> FixedSource::event() {
  check_available();
  return make_programme().event;
}

std::optional<Programme> FixedSource::programme() {
  check_available();
  return make_programme();
}

std::vector<AuditEntry> FixedSource::changes(int64_t most) {
  check_available();
  std::vector<AuditEntry> rows = fixed_session_audit();
  if (static_cast<int64_t>(rows.size()) > most) rows.resize(static_cast<size_t>(most));
  return rows;
}

std::vector<ShownAnnouncement> FixedSource::shown_announcements() {
  check_available();
  // Important first, then newest first (store/announcement_store.h).
  return {
      ShownAnnouncement{.body = kShownAnnouncement, .level = "important"},
      ShownAnnouncement{
          .body = kShownRoomAnnouncement, .level = "info", .room_id = 1, .room_name = "Main Hall"}};
}

std::optional<RoleCredential> FixedSource::credential(Role role) {
  check_available();
  return RoleCredential{.password_hash = "$argon2id$not-a-real-hash",
                        .epoch = state.epoch_for(role)};
}

std::optional<DataState> FixedSource::data_state_from_primary() { return primary_state; }

std::vector<StaffMember> FixedSource::staff_roster() {
  check_available();
  return roster;
}

std::optional<std::vector<StaffMember>> FixedSource::staff_roster_from_primary() {
  return primary_roster;
}

}  // namespace confsched::golden
