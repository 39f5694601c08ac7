#include "store/speaker_checkins.h"

#include <map>

#include "store/settings_store.h"

namespace confsched {

std::vector<SpeakerToday> load_speakers_on(Database& db, const std::string& day) {
  std::vector<SpeakerToday> speakers;
  std::map<int64_t, size_t> by_id;
  for (const DbRow& r :
       db.query("SELECT sp.id, sp.name, s.id, s.title, r.name,"
                " DATE_FORMAT(s.starts_at, '%H:%i'), DATE_FORMAT(s.ends_at, '%H:%i')"
                " FROM sessions s"
                " JOIN session_speakers ss ON ss.session_id = s.id"
                " JOIN speakers sp ON sp.id = ss.speaker_id"
                " JOIN rooms r ON r.id = s.room_id"
                " WHERE s.status <> 'cancelled' AND s.starts_at >= ?"
                " AND s.starts_at < ? + INTERVAL 1 DAY"
                " ORDER BY sp.id, s.starts_at, s.id",
                {day, day})) {
    const int64_t id = cell_int(r[0]);
    auto [it, added] = by_id.emplace(id, speakers.size());
    if (added) {
      speakers.emplace_back();
      speakers.back().id = id;
      speakers.back().name = cell_text(r[1]);
    }
    speakers[it->second].sessions.push_back(CheckinSession{.id = cell_int(r[2]),
                                                           .title = cell_text(r[3]),
                                                           .room = cell_text(r[4]),
                                                           .start = cell_text(r[5]),
                                                           .end = cell_text(r[6])});
  }
  if (speakers.empty()) return speakers;
  for (const DbRow& r : db.query("SELECT speaker_id, DATE_FORMAT(arrived_at, '%H:%i'), arrived_by"
                                 " FROM speaker_checkins WHERE day = ?",
                                 {day})) {
    auto it = by_id.find(cell_int(r[0]));
    if (it == by_id.end()) continue;  // arrived, but speaks on another day
    SpeakerToday& s = speakers[it->second];
    s.arrived = true;
    s.arrived_at = cell_text(r[1]);
    s.arrived_by = cell_text(r[2]);
  }
  return speakers;
}

CheckinOutcome set_speaker_arrival(Database& db, int64_t speaker_id, const std::string& day,
                                   const std::optional<std::string>& arrived_at,
                                   const AuditContext& who) {
  Transaction tx(db);
  // A share lock: the speaker cannot be deleted before we commit, and the
  // foreign key never trips.
  auto speaker =
      db.query("SELECT name FROM speakers WHERE id = ? LOCK IN SHARE MODE", {speaker_id});
  if (speaker.empty()) return CheckinOutcome::kNoSpeaker;
  const std::string name = cell_text(speaker[0][0]);
  auto rows = db.query(
      "SELECT DATE_FORMAT(arrived_at, '%Y-%m-%d %H:%i:%s'), arrived_by FROM speaker_checkins"
      " WHERE speaker_id = ? AND day = ? FOR UPDATE",
      {speaker_id, day});
  const bool was_arrived = !rows.empty();
  if (was_arrived == arrived_at.has_value()) return CheckinOutcome::kUnchanged;
  std::optional<AuditFields> before, after;
  if (arrived_at) {
    // Replaces an arrival of an earlier day, which no longer counts.
    db.execute(
        "INSERT INTO speaker_checkins (speaker_id, day, arrived_at, arrived_by)"
        " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE day = VALUES(day),"
        " arrived_at = VALUES(arrived_at), arrived_by = VALUES(arrived_by)",
        {speaker_id, day, *arrived_at, who.staff_name});
    after = AuditFields{{"speaker", name}, {"day", day}, {"arrived_at", *arrived_at}};
  } else {
    db.execute("DELETE FROM speaker_checkins WHERE speaker_id = ?", {speaker_id});
    before = AuditFields{{"speaker", name},
                         {"day", day},
                         {"arrived_at", cell_text(rows[0][0])},
                         {"arrived_by", cell_text(rows[0][1])}};
  }
  write_audit(db, "speaker_checkin", speaker_id, arrived_at ? "create" : "delete", who, before,
              after);
  tx.commit();
  return CheckinOutcome::kChanged;
}

}  // namespace confsched
