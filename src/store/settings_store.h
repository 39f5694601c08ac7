// Reading and saving the event, rooms, tracks, speakers and passwords for
// the staff pages. Every write is one transaction with its audit row, and
// checks the version hash of the values the form showed under SELECT ...
// FOR UPDATE (these tables have no revision column).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/session_token.h"
#include "model/settings_form.h"
#include "store/database.h"
#include "store/session_store.h"

namespace confsched {

enum class WriteOutcome {
  kSaved,
  kConflict,      // someone saved in between: `current` holds their values
  kGone,          // the row was deleted meanwhile
  kDuplicate,     // another row has that name already (a UNIQUE key)
  kInUse,         // sessions still use it (`sessions` says how many), or for a room,
                  // announcements that show or will (`announcements`)
  kOutsideDates,  // event: `sessions` sessions lie outside the new dates
};

template <typename Values>
struct WriteResult {
  WriteOutcome outcome = WriteOutcome::kSaved;
  std::optional<Values> current;
  int64_t sessions = 0;
  int64_t id = 0;             // of a row just created
  int64_t announcements = 0;  // kInUse: a room's announcements not over yet
};

// (JSON key, value) pairs for one side of an audit row; keys are [a-z_]
// constants of the caller, values travel as statement parameters.
using AuditFields = std::vector<std::pair<std::string_view, DbValue>>;

// Inserts one audit_log row; before/after become JSON objects (nullopt:
// NULL). Run it inside the transaction of the change it records.
void write_audit(Database& db, std::string_view entity, int64_t id, std::string_view action,
                 const AuditContext& who, const std::optional<AuditFields>& before,
                 const std::optional<AuditFields>& after);

// --- the event (the one row of table event)
std::optional<EventDraft> load_event_draft(Database& db);
WriteResult<EventDraft> save_event(Database& db, const EventDraft& draft,
                                   const std::string& expected_version, const AuditContext& who);

// --- rooms and tracks: a unique name and one detail column each, and for
// rooms their details (ItemDraft::room, the columns of
// kRoomDetailFields). The names below are spliced into SQL text, so only
// the two constants exist.
struct ItemTable {
  std::string_view entity;          // "room": the audit log's entity
  std::string_view table;           // "rooms"
  std::string_view detail_column;   // "position" or "colour"
  bool detail_is_number;            // an INT column: bound as a number
  std::string_view session_column;  // sessions.<this> refers to the row
  std::string_view order_by;        // the list's order
  bool room_details;                // has the columns of kRoomDetailFields
};
inline constexpr ItemTable kRoomTable{"room",    "rooms",        "position", true,
                                      "room_id", "position, id", true};
inline constexpr ItemTable kTrackTable{"track", "tracks", "colour", false, "track_id", "id", false};

struct StoredItem {
  int64_t id = 0;
  ItemDraft values;
  int64_t sessions = 0;  // how many sessions use it
};

std::vector<StoredItem> load_items(Database& db, const ItemTable& table);
WriteResult<ItemDraft> add_item(Database& db, const ItemTable& table, const ItemDraft& draft,
                                const AuditContext& who);
WriteResult<ItemDraft> update_item(Database& db, const ItemTable& table, int64_t id,
                                   const ItemDraft& draft, const std::string& expected_version,
                                   const AuditContext& who);
// Deletes only while no session uses the row.
WriteResult<ItemDraft> delete_item(Database& db, const ItemTable& table, int64_t id,
                                   const std::string& expected_version, const AuditContext& who);

// --- speakers
struct StoredSpeaker {
  int64_t id = 0;
  SpeakerDraft values;   // bio left empty in the list
  int64_t sessions = 0;  // how many sessions they speak in
};

std::vector<StoredSpeaker> load_speakers(Database& db);
std::optional<SpeakerDraft> load_speaker(Database& db, int64_t id);
// (id, title) of the sessions the speaker speaks in, by start.
std::vector<std::pair<int64_t, std::string>> load_speaker_sessions(Database& db, int64_t id);
WriteResult<SpeakerDraft> add_speaker(Database& db, const SpeakerDraft& draft,
                                      const AuditContext& who);
WriteResult<SpeakerDraft> save_speaker(Database& db, int64_t id, const SpeakerDraft& draft,
                                       const std::string& expected_version,
                                       const AuditContext& who);

// --- passwords
// Stores the new Argon2id hash (store_password_hash: the role's epoch
// moves, so every cookie of that role dies) and writes an audit row that
// names the role and the epochs, never the password or its hash. Returns
// the new epoch.
uint64_t change_role_password(Database& db, Role role, const std::string& password_hash,
                              const AuditContext& who);

}  // namespace confsched
