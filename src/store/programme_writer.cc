// The one writer behind confsched-demo and `import --replace` (every format).
#include "store/programme_writer.h"

namespace confsched {

namespace {

void clear_programme(Database& db) {
  // Children before parents, so no foreign key is ever violated. DELETE,
  // not TRUNCATE: TRUNCATE commits implicitly and would break the transaction.
  for (std::string_view sql :
       {"DELETE FROM materials", "DELETE FROM session_speakers", "DELETE FROM sessions",
        "DELETE FROM speakers", "DELETE FROM tracks", "DELETE FROM rooms",
        "DELETE FROM announcements", "DELETE FROM event"})
    db.execute(sql);
}

DbValue null_when_empty(const std::string& s) { return s.empty() ? DbValue{nullptr} : DbValue{s}; }

void insert_sessions(Database& db, const std::vector<SessionRow>& sessions) {
  int64_t material_id = 0;
  for (const SessionRow& s : sessions) {
    db.execute(
        "INSERT INTO sessions (id, title, abstract, starts_at, ends_at, room_id, track_id, kind, "
        "status, external_id, external_slug, external_url)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {s.id, s.title, s.abstract, s.starts_at, s.ends_at, s.room_id,
         s.track_id ? DbValue{*s.track_id} : DbValue{nullptr}, s.kind, s.status,
         null_when_empty(s.external_id), null_when_empty(s.external_slug),
         null_when_empty(s.external_url)});
    for (size_t p = 0; p < s.speaker_ids.size(); ++p)
      db.execute("INSERT INTO session_speakers (session_id, speaker_id, position) VALUES (?, ?, ?)",
                 {s.id, s.speaker_ids[p], static_cast<int64_t>(p + 1)});
    for (size_t p = 0; p < s.materials.size(); ++p)
      db.execute(
          "INSERT INTO materials (id, session_id, label, url, position) VALUES (?, ?, ?, ?, ?)",
          {++material_id, s.id, s.materials[p].label, s.materials[p].url,
           static_cast<int64_t>(p + 1)});
  }
}

}  // namespace

void replace_programme(Database& db, const ProgrammeRows& rows) {
  clear_programme(db);
  const EventInfo& e = rows.event;
  db.execute(
      "INSERT INTO event (id, name, tagline, venue, time_zone, starts_on, ends_on, intro,"
      " day_change) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.name, e.tagline, e.venue, e.time_zone, e.starts_on, e.ends_on, e.intro,
       static_cast<int64_t>(e.day_change)});
  for (const Room& r : rows.rooms)
    db.execute(
        "INSERT INTO rooms (id, name, position, description, floor, map_url, stream_url)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        {r.id, r.name, r.position, r.details.description, r.details.floor, r.details.map_url,
         r.details.stream_url});
  for (const Track& t : rows.tracks)
    db.execute("INSERT INTO tracks (id, name, colour) VALUES (?, ?, ?)", {t.id, t.name, t.colour});
  for (const Speaker& s : rows.speakers)
    db.execute("INSERT INTO speakers (id, name, affiliation, bio) VALUES (?, ?, ?, ?)",
               {s.id, s.name, s.affiliation, s.bio});
  insert_sessions(db, rows.sessions);
  for (const AnnouncementRow& a : rows.announcements)
    db.execute(
        "INSERT INTO announcements (id, body, published_at, expires_at) VALUES (?, ?, ?, ?)",
        {a.id, a.body, a.published_at, a.expires_at ? DbValue{*a.expires_at} : DbValue{nullptr}});
}

}  // namespace confsched
