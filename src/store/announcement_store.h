// Announcements in the database: the staff list, one announcement for the
// edit form, the ones showing now (for the banner, /now and the rooms'
// screens), and the writes, each in one transaction with its audit row.
// Times are UTC (sql/003); an announcement may be for one room (sql/008).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/announcement_form.h"
#include "store/database.h"
#include "store/session_store.h"

namespace confsched {

struct StoredAnnouncement {
  int64_t id = 0;
  std::string body, level;
  std::optional<int64_t> room_id = std::nullopt;  // nullopt: everywhere
  std::string room_name = {};                     // the room's name now, "" for everywhere
  std::string room_status = {};  // "full", "late" or "moved" for a room status (sql/009), else ""
  std::string published_at, expires_at, withdrawn_at;  // "YYYY-MM-DD HH:MM:SS" UTC, "" if none
  // "active", "scheduled" (starts later), "expired" or "withdrawn", by the
  // database's clock.
  std::string state;
  std::optional<int64_t> seconds_left;  // until expires_at, when there is one
  int64_t revision = 0;
};

// Every announcement, newest first, whatever its state.
std::vector<StoredAnnouncement> list_announcements(Database& db);
std::optional<StoredAnnouncement> load_announcement(Database& db, int64_t id);

struct ShownAnnouncement {
  std::string body, level;
  std::optional<int64_t> room_id = std::nullopt;  // nullopt: everywhere
  std::string room_name = {};                     // "" for everywhere
};

// What delegates see now, everywhere and for each room: published, not
// ended, not withdrawn; important ones first, then newest first.
std::vector<ShownAnnouncement> load_shown_announcements(Database& db);

enum class AnnouncementOutcome {
  kDone,
  kConflict,   // someone saved in between: `current` holds their version
  kWithdrawn,  // it is withdrawn: `current` says when
  kGone,       // no such announcement
  kRoomGone,   // the room it is for was deleted since the form was judged
};

struct AnnouncementResult {
  AnnouncementOutcome outcome = AnnouncementOutcome::kDone;
  std::optional<StoredAnnouncement> current;
  int64_t id = 0;  // a new announcement's, when kDone
};

// How many announcements for the room have not ended and are not
// withdrawn (showing, or to start later): what keeps a room from being
// deleted (sql/008).
int64_t announcements_not_over(Database& db, int64_t room_id);

// Inserts a new announcement (model/announcement_form.h: its start is now
// or an instant, its end none, now plus minutes or an instant; never
// "keep"). kRoomGone when its room no longer exists; else kDone with the
// new id.
AnnouncementResult create_announcement(Database& db, const AnnouncementWrite& write,
                                       const AuditContext& who);

// Saves a write if the row is still at expected_revision and not
// withdrawn. The revision is what the caller judged the write against (the
// stored start and end "keep" leaves alone), so a row that moved on
// meanwhile is kConflict.
AnnouncementResult save_announcement(Database& db, int64_t id, const AnnouncementWrite& write,
                                     int64_t expected_revision, const AuditContext& who);

// Withdraws it (a soft delete: withdrawn_at is set, the row stays) if it is
// still at expected_revision.
AnnouncementResult withdraw_announcement(Database& db, int64_t id, int64_t expected_revision,
                                         const AuditContext& who);

// Room statuses (sql/009): each room's status showing now, at most one
// per room, by room.
std::vector<StoredAnnouncement> showing_room_statuses(Database& db);

// A room's new status: status "" clears it. ends_at is the end of the
// session it is about (Unix seconds).
struct RoomStatusWrite {
  int64_t room_id = 0;
  std::string status = {}, body = {};
  int64_t ends_at = 0;
};

// In one transaction: withdraws the room's status showing now, if any,
// and posts the new one as an important announcement for the room from
// now to ends_at, each with its audit row. A tap is a fresh statement of
// what the volunteer sees, so it replaces whatever status was set before
// rather than asking for a revision. kRoomGone when the room was deleted.
AnnouncementResult set_room_status(Database& db, const RoomStatusWrite& write,
                                   const AuditContext& who);

}  // namespace confsched
