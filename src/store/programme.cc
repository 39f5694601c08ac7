#include "store/programme.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace confsched {

namespace {

constexpr const char* kSessionColumns =
    "SELECT id, title, abstract, starts_at, ends_at, room_id, track_id, kind, status, revision, "
    "UNIX_TIMESTAMP(updated_at), external_id, external_slug, external_url FROM sessions";

struct SessionRow {
  Session session;
  int64_t room_id = 0;
  std::optional<int64_t> track_id;
};

SessionRow to_session_row(const DbRow& r) {
  SessionRow row;
  row.session.id = cell_int(r[0]);
  row.session.title = cell_text(r[1]);
  row.session.abstract = cell_text(r[2]);
  row.session.starts_at = cell_text(r[3]);
  row.session.ends_at = cell_text(r[4]);
  row.room_id = cell_int(r[5]);
  if (r[6]) row.track_id = cell_int(r[6]);
  row.session.kind = cell_text(r[7]);
  row.session.status = cell_text(r[8]);
  row.session.revision = cell_int(r[9]);
  // UNIX_TIMESTAMP, not the TIMESTAMP itself: the latter comes back in the
  // connection's time zone, the former is UTC whatever that is.
  row.session.updated_at = cell_int(r[10]);
  row.session.external_id = cell_text(r[11]);
  row.session.external_slug = cell_text(r[12]);
  row.session.external_url = cell_text(r[13]);
  return row;
}

void load_rooms_and_tracks(Database& db, Programme& p) {
  for (const DbRow& r :
       db.query("SELECT id, name, position, display_nonce, description, floor, map_url, stream_url"
                " FROM rooms")) {
    Room room{cell_int(r[0]), cell_text(r[1]), cell_int(r[2]), std::nullopt,
              RoomDetails{cell_text(r[4]), cell_text(r[5]), cell_text(r[6]), cell_text(r[7])}};
    if (r[3]) room.display_nonce = cell_int(r[3]);
    p.rooms.push_back(std::move(room));
  }
  std::sort(p.rooms.begin(), p.rooms.end(), [](const Room& a, const Room& b) {
    return a.position != b.position ? a.position < b.position : a.id < b.id;
  });
  for (const DbRow& r : db.query("SELECT id, name, colour FROM tracks"))
    p.tracks.push_back(Track{cell_int(r[0]), cell_text(r[1]), cell_text(r[2])});
}

// Links sessions to rooms, tracks and speakers. links: (session, speaker,
// position) triples.
void assemble(Programme& p, std::vector<SessionRow> rows,
              const std::vector<std::array<int64_t, 3>>& links) {
  std::unordered_map<int64_t, const Room*> rooms;
  for (const Room& room : p.rooms) rooms[room.id] = &room;
  std::unordered_map<int64_t, const Track*> tracks;
  for (const Track& track : p.tracks) tracks[track.id] = &track;
  std::unordered_map<int64_t, const Speaker*> speakers;
  for (const Speaker& speaker : p.speakers) speakers[speaker.id] = &speaker;

  std::unordered_map<int64_t, std::vector<std::pair<int64_t, const Speaker*>>> billing;
  for (const auto& [session_id, speaker_id, position] : links)
    if (auto it = speakers.find(speaker_id); it != speakers.end())
      billing[session_id].emplace_back(position, it->second);

  for (SessionRow& row : rows) {
    Session& s = row.session;
    auto room = rooms.find(row.room_id);
    s.room = room == rooms.end() ? nullptr : room->second;
    if (row.track_id)
      if (auto track = tracks.find(*row.track_id); track != tracks.end()) s.track = track->second;
    auto& names = billing[s.id];
    std::stable_sort(names.begin(), names.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& entry : names) s.speakers.push_back(entry.second);
    p.sessions.push_back(std::move(s));
  }
  // "YYYY-MM-DD HH:MM:SS" sorts correctly as text.
  std::sort(p.sessions.begin(), p.sessions.end(), [](const Session& a, const Session& b) {
    if (a.starts_at != b.starts_at) return a.starts_at < b.starts_at;
    int64_t pa = a.room ? a.room->position : 0, pb = b.room ? b.room->position : 0;
    return pa != pb ? pa < pb : a.id < b.id;
  });
}

std::vector<std::array<int64_t, 3>> to_links(const std::vector<DbRow>& rows) {
  std::vector<std::array<int64_t, 3>> links;
  for (const DbRow& r : rows) links.push_back({cell_int(r[0]), cell_int(r[1]), cell_int(r[2])});
  return links;
}

Speaker to_speaker(const DbRow& r) {
  return Speaker{cell_int(r[0]), cell_text(r[1]), cell_text(r[2]), cell_text(r[3])};
}

// Appends material rows (session_id, position, id, label, url) to their
// sessions, each session's in (position, id) order.
void attach_materials(Programme& p, const std::vector<DbRow>& rows) {
  std::unordered_map<int64_t, Session*> by_id;
  for (Session& s : p.sessions) by_id[s.id] = &s;
  struct Entry {
    Session* session;
    int64_t position, id;
    Material material;
  };
  std::vector<Entry> entries;
  for (const DbRow& r : rows)
    if (auto it = by_id.find(cell_int(r[0])); it != by_id.end())
      entries.push_back(Entry{it->second, cell_int(r[1]), cell_int(r[2]),
                              Material{cell_text(r[3]), cell_text(r[4])}});
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.position != b.position ? a.position < b.position : a.id < b.id;
  });
  for (Entry& e : entries) e.session->materials.push_back(std::move(e.material));
}

}  // namespace

std::optional<EventInfo> load_event(Database& db) {
  auto rows = db.query(
      "SELECT name, tagline, venue, time_zone, starts_on, ends_on, intro, day_change FROM event"
      " WHERE id = 1");
  if (rows.empty()) return std::nullopt;
  const DbRow& r = rows[0];
  return EventInfo{
      cell_text(r[0]), cell_text(r[1]), cell_text(r[2]), cell_text(r[3]),
      cell_text(r[4]), cell_text(r[5]), cell_text(r[6]), static_cast<int>(cell_int(r[7]))};
}

std::optional<Programme> load_programme(Database& db, ProgrammeDetail detail) {
  auto event = load_event(db);
  if (!event) return std::nullopt;
  Programme p;
  p.event = std::move(*event);
  load_rooms_and_tracks(db, p);
  // Bios are not shown on the schedule: leave them out of that load.
  const bool full = detail == ProgrammeDetail::kFull;
  for (const DbRow& r : db.query(full ? "SELECT id, name, affiliation, bio FROM speakers"
                                      : "SELECT id, name, affiliation, '' FROM speakers"))
    p.speakers.push_back(to_speaker(r));
  std::vector<SessionRow> rows;
  for (const DbRow& r : db.query(kSessionColumns)) rows.push_back(to_session_row(r));
  assemble(p, std::move(rows),
           to_links(db.query("SELECT session_id, speaker_id, position FROM session_speakers")));
  if (full)
    attach_materials(p, db.query("SELECT session_id, position, id, label, url FROM materials"));
  return p;
}

}  // namespace confsched
