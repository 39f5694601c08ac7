// From an ImportedProgramme to the database: ids, the event's merged
// texts, the audit row, and the benchmark's enlargement.
#include "store/programme_import.h"

#include <algorithm>
#include <set>

#include "store/settings_store.h"
#include "store/upstream.h"

namespace confsched {

namespace {

int64_t number(size_t index) { return static_cast<int64_t>(index + 1); }

int64_t as_int(size_t n) { return static_cast<int64_t>(n); }

// Frab event ids as session ids only when they identify every session:
// pretalx repeats an id for a talk given twice, and copies made by
// scale_programme have none.
bool frab_ids_usable(const std::vector<ImportedSession>& sessions) {
  std::set<int64_t> seen;
  for (const ImportedSession& s : sessions)
    if (s.frab_id <= 0 || !seen.insert(s.frab_id).second) return false;
  return true;
}

AuditFields counts_fields(const ImportCounts& c) {
  return {{"sessions", as_int(c.sessions)},
          {"rooms", as_int(c.rooms)},
          {"tracks", as_int(c.tracks)},
          {"speakers", as_int(c.speakers)},
          {"materials", as_int(c.materials)}};
}

ImportCounts stored_counts(Database& db) {
  auto rows = db.query(
      "SELECT (SELECT COUNT(*) FROM sessions), (SELECT COUNT(*) FROM rooms),"
      " (SELECT COUNT(*) FROM tracks), (SELECT COUNT(*) FROM speakers),"
      " (SELECT COUNT(*) FROM materials)");
  ImportCounts c;
  if (rows.empty()) return c;
  auto at = [&](size_t i) { return static_cast<size_t>(cell_int(rows[0][i])); };
  c.sessions = at(0);
  c.rooms = at(1);
  c.tracks = at(2);
  c.speakers = at(3);
  c.materials = at(4);
  return c;
}

}  // namespace

ImportCounts count_imported(const ImportedProgramme& p) {
  ImportCounts c{p.days, p.rooms.size(), p.tracks.size(), p.sessions.size(), p.speakers.size(), 0};
  for (const ImportedSession& s : p.sessions) c.materials += s.materials.size();
  return c;
}

ProgrammeRows imported_rows(const ImportedProgramme& p, const std::optional<EventInfo>& current) {
  ProgrammeRows rows;
  rows.event = current.value_or(EventInfo{});
  rows.event.name = p.event.name;
  rows.event.time_zone = p.event.time_zone;
  rows.event.starts_on = p.event.starts_on;
  rows.event.ends_on = p.event.ends_on;
  if (p.event.venue) rows.event.venue = *p.event.venue;
  if (p.event.day_change) rows.event.day_change = *p.event.day_change;

  for (size_t i = 0; i < p.rooms.size(); ++i)
    rows.rooms.push_back(Room{number(i), p.rooms[i], number(i), std::nullopt});
  for (size_t i = 0; i < p.tracks.size(); ++i)
    rows.tracks.push_back(Track{number(i), p.tracks[i].name, p.tracks[i].colour});

  int64_t next_speaker_id = 1;
  for (const ImportedSpeaker& s : p.speakers)
    next_speaker_id = std::max(next_speaker_id, s.frab_id + 1);
  std::vector<int64_t> speaker_ids;
  for (const ImportedSpeaker& s : p.speakers) {
    speaker_ids.push_back(s.frab_id > 0 ? s.frab_id : next_speaker_id++);
    rows.speakers.push_back(Speaker{speaker_ids.back(), s.name, "", ""});
  }

  const bool keep_ids = frab_ids_usable(p.sessions);
  for (size_t i = 0; i < p.sessions.size(); ++i) {
    const ImportedSession& s = p.sessions[i];
    SessionRow row;
    row.id = keep_ids ? s.frab_id : number(i);
    row.external_id = s.guid;
    row.external_slug = s.slug;
    row.external_url = s.url;
    row.title = s.title;
    row.abstract = s.abstract;
    row.starts_at = s.starts_at;
    row.ends_at = s.ends_at;
    row.room_id = number(s.room);
    if (s.track) row.track_id = number(*s.track);
    row.kind = s.kind;
    row.status = s.status;
    for (size_t speaker : s.speakers) row.speaker_ids.push_back(speaker_ids[speaker]);
    row.materials = s.materials;
    rows.sessions.push_back(std::move(row));
  }
  return rows;
}

ImportCounts import_programme(Database& db, const ImportedProgramme& p, const ImportSource& source,
                              const AuditContext& who) {
  Transaction tx(db);
  // Lock the event row first: a staff save of the tagline or intro between
  // reading them here and replacing the row would otherwise be lost.
  db.query("SELECT id FROM event WHERE id = 1 FOR UPDATE");
  std::optional<EventInfo> current = load_event(db);
  ImportCounts before = stored_counts(db);
  replace_programme(db, imported_rows(p, current));
  baseline_imported_sessions(db, p);  // the file's sessions came from upstream
  ImportCounts after = count_imported(p);

  AuditFields before_fields = counts_fields(before);
  before_fields.emplace_back("event_name", current ? current->name : std::string());
  AuditFields after_fields = counts_fields(after);
  after_fields.insert(after_fields.end(), {{"event_name", p.event.name},
                                           {"time_zone", p.event.time_zone},
                                           {"source", source.format},
                                           {"file", source.file},
                                           {"digest", "sha256:" + source.sha256}});
  write_audit(db, "programme", 1, "update", who, before_fields, after_fields);
  tx.commit();
  return after;
}

ImportedProgramme scale_programme(const ImportedProgramme& p, size_t sessions, size_t rooms) {
  ImportedProgramme out = p;
  if (p.rooms.empty() || p.sessions.empty()) return out;
  for (size_t i = p.rooms.size(); i < rooms; ++i)
    out.rooms.push_back(p.rooms[i % p.rooms.size()] + " \u00B7 " +
                        std::to_string(i / p.rooms.size() + 1));
  if (sessions <= p.sessions.size()) return out;

  // Every (copy, session) pair whose copied room exists, copies in order;
  // then an even selection of exactly `sessions` of them, so each room and
  // day is thinned alike rather than the last rooms left empty.
  std::vector<ImportedSession> candidates;
  const size_t copies = (out.rooms.size() + p.rooms.size() - 1) / p.rooms.size();
  for (size_t c = 0; c < copies; ++c)
    for (const ImportedSession& s : p.sessions) {
      size_t room = c * p.rooms.size() + s.room;
      if (room >= out.rooms.size()) continue;
      ImportedSession copy = s;
      copy.room = room;
      if (c > 0) {
        copy.frab_id = 0;
        copy.guid.clear();  // external ids are unique
      }
      candidates.push_back(std::move(copy));
    }
  if (candidates.size() <= sessions) {
    out.sessions = std::move(candidates);
    return out;
  }
  out.sessions.clear();
  for (size_t n = 0; n < candidates.size(); ++n)
    if ((n + 1) * sessions / candidates.size() > n * sessions / candidates.size())
      out.sessions.push_back(std::move(candidates[n]));
  return out;
}

}  // namespace confsched
