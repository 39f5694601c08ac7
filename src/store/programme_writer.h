// Replacing the whole programme in the database: shared by the demo seed
// and the schedule import, so both leave the same shape of data behind.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/programme.h"

namespace confsched {

struct SessionRow {
  int64_t id = 0;
  std::string external_id;  // sessions.external_id (an import's guid); "" stores NULL
  // sessions.external_slug and external_url (the source's); "" stores NULL
  std::string external_slug = {}, external_url = {};
  std::string title, abstract;
  std::string starts_at, ends_at;  // "YYYY-MM-DD HH:MM:SS", the event's wall clock
  int64_t room_id = 0;
  std::optional<int64_t> track_id;
  std::string kind = "talk", status = "scheduled";
  std::vector<int64_t> speaker_ids;  // billing order
  std::vector<Material> materials;
};

struct AnnouncementRow {
  int64_t id = 0;
  std::string body;
  std::string published_at;  // UTC (sql/003)
  std::optional<std::string> expires_at;
};

// A programme with explicit ids, as it is to be stored.
struct ProgrammeRows {
  EventInfo event;
  std::vector<Room> rooms;
  std::vector<Track> tracks;
  std::vector<Speaker> speakers;
  std::vector<SessionRow> sessions;
  std::vector<AnnouncementRow> announcements;
};

// Deletes the programme (event, rooms, tracks, sessions, speakers,
// materials, announcements) and inserts `rows`. Rows keep the ids given, so
// that the same input yields identical data and links; materials are
// numbered 1, 2, ... in session order. Credentials and the audit log stay.
// REQUIRES: the caller holds a Transaction (a failure halfway must leave
// the old programme in place).
void replace_programme(Database& db, const ProgrammeRows& rows);

}  // namespace confsched
