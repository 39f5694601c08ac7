// Announcements in the database: the staff list, one announcement for the
// edit form, the ones showing now (for the banner), and the writes, each in
// one transaction with its audit row. Times are UTC (sql/003).
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
};

// What delegates see now: published, not ended, not withdrawn; important
// ones first, then newest first.
std::vector<ShownAnnouncement> load_shown_announcements(Database& db);

// Inserts a valid draft (its end is "never" or "after"), published now.
// Returns the new id.
int64_t create_announcement(Database& db, const AnnouncementDraft& draft, const AuditContext& who);

enum class AnnouncementOutcome {
  kDone,
  kConflict,   // someone saved in between: `current` holds their version
  kWithdrawn,  // it is withdrawn: `current` says when
  kGone,       // no such announcement
};

struct AnnouncementResult {
  AnnouncementOutcome outcome = AnnouncementOutcome::kDone;
  std::optional<StoredAnnouncement> current;
};

// Saves a valid draft if the row is still at expected_revision and not
// withdrawn.
AnnouncementResult save_announcement(Database& db, int64_t id, const AnnouncementDraft& draft,
                                     int64_t expected_revision, const AuditContext& who);

// Withdraws it (a soft delete: withdrawn_at is set, the row stays) if it is
// still at expected_revision.
AnnouncementResult withdraw_announcement(Database& db, int64_t id, int64_t expected_revision,
                                         const AuditContext& who);

}  // namespace confsched
