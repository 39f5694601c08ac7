#include "fixed_source.h"

#include "store/errors.h"

namespace confsched::golden {

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
  p.rooms = {Room{.id = 1, .name = "Main Hall", .position = 1, .display_nonce = 42},
             Room{.id = 2, .name = "Room <B>", .position = 2, .display_nonce = std::nullopt},
             Room{.id = 3, .name = "Зал 3", .position = 3, .display_nonce = std::nullopt}};
  p.tracks = {Track{.id = 1, .name = "Systems", .colour = "#1f77b4"},
              Track{.id = 2, .name = "Web & \"UX\"", .colour = "#d62728"}};
  p.speakers = {
      Speaker{
          .id = 1, .name = "Ada Lovelace", .affiliation = "Analytical Engines", .bio = "Notes."},
      Speaker{.id = 2,
              .name = "Bob <script>alert(1)</script>",
              .affiliation = "O'Reilly & Sons",
              .bio = "Writes *markdown* <i>and html</i>."},
      Speaker{.id = 3, .name = "Çağla Öztürk", .affiliation = "", .bio = ""}};
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
      session(4, "Отменённый доклад", "2026-06-10 10:30:00", "2026-06-10 11:00:00", room_3, systems,
              "talk", "cancelled", {&p.speakers[2]}),
      session(5, "Coffee", "2026-06-10 11:30:00", "2026-06-10 12:00:00", main_hall, nullptr,
              "break", "scheduled", {}),
      session(6, "Panel: the web in 2030", "2026-06-11 09:30:00", "2026-06-11 10:30:00", main_hall,
              web, "panel", "scheduled", {&p.speakers[0], &p.speakers[1], &p.speakers[2]}),
      session(7, "Evening social", "2026-06-11 18:00:00", "2026-06-11 21:00:00", room_b, nullptr,
              "social", "scheduled", {}),
  };
  p.sessions[1].abstract =
      "A talk about *kernels*.\n\n<script>alert('abstract')</script> & `code`\n\n- one\n- two";
  p.sessions[1].materials = {
      Material{.label = "Slides <pdf>", .url = "https://example.org/s?a=1&b=2"}};
  p.sessions[2].abstract = "Moved to Room <B> from the Main Hall.";
  return p;
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
  return fixed_programme().event;
}

std::optional<Programme> FixedSource::programme() {
  check_available();
  return fixed_programme();
}

std::vector<AuditEntry> FixedSource::changes(int64_t most) {
  check_available();
  // Two staff edits, newest first, both within [pages] changed_hours.
  auto edit = [](int64_t id, int64_t session_id, int64_t seconds_ago, const char* changed_at,
                 AuditValues before, AuditValues after) {
    AuditEntry e;
    e.id = id;
    e.session_id = session_id;
    e.changed_unix = kNow - seconds_ago;
    e.changed_at = changed_at;
    e.staff_name = "Ana <staff>";
    e.action = "update";
    e.before = std::move(before);
    e.after = std::move(after);
    return e;
  };
  std::vector<AuditEntry> rows = {
      edit(12, 3, 600, "2026-06-10 09:20:00",
           {{"title", "Accessible forms"}, {"room_id", "1"}, {"status", "scheduled"}},
           {{"title", "Accessible forms"}, {"room_id", "2"}, {"status", "moved"}}),
      edit(11, 4, 7200, "2026-06-10 07:30:00",
           {{"title", "Отменённый доклад"}, {"status", "scheduled"}},
           {{"title", "Отменённый доклад"}, {"status", "cancelled"}}),
  };
  if (static_cast<int64_t>(rows.size()) > most) rows.resize(static_cast<size_t>(most));
  return rows;
}

std::vector<ShownAnnouncement> FixedSource::shown_announcements() {
  check_available();
  return {ShownAnnouncement{.body = "Lunch is in Hall <A> & the garden.", .level = "important"}};
}

std::optional<RoleCredential> FixedSource::credential(Role role) {
  check_available();
  return RoleCredential{.password_hash = "$argon2id$not-a-real-hash",
                        .epoch = state.epoch_for(role)};
}

std::optional<DataState> FixedSource::data_state_from_primary() { return primary_state; }

}  // namespace confsched::golden
