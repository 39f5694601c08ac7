// Reading a session's audit rows, and restoring the session to one row's
// after-values: one transaction, optimistic locking on sessions.revision,
// and an audit row of its own ('restore').
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/history.h"
#include "store/database.h"
#include "store/session_store.h"

namespace confsched {

struct AuditEntry {
  int64_t id = 0;
  int64_t session_id = 0;
  int64_t changed_unix = 0;  // changed_at in seconds since the epoch
  std::string changed_at;    // YYYY-MM-DD HH:MM:SS
  std::string staff_name, client_addr, action;
  std::optional<AuditValues> before, after;  // nullopt: SQL NULL
};

// Every audit row of the session, newest first.
std::vector<AuditEntry> load_session_history(Database& db, int64_t session_id);

// The newest audit rows of every session (at most limit), newest first:
// what /changes lists and what marks sessions "changed" on /schedule.
std::vector<AuditEntry> load_programme_changes(Database& db, int64_t limit);

enum class RestoreOutcome {
  kRestored,
  kNoSession,  // no such session
  kNoEntry,    // no such audit row for this session
  kStale,      // the session's revision moved: `revision` holds the current one
  kRefused,    // the entry's values cannot be written back: see `problem`
};

struct RestoreResult {
  RestoreOutcome outcome = RestoreOutcome::kRestored;
  int64_t revision = 0;
  std::string problem;
};

// Which values of an audit row to restore: normally what it saved; the
// values before it for the oldest row, which no earlier row holds.
enum class AuditSide { kAfter, kBefore };

// Writes the session back to one side of audit row audit_id if it is still
// at expected_revision and those values still validate (the room still
// exists, ...). Nothing changes unless the outcome is kRestored.
RestoreResult restore_session(Database& db, int64_t session_id, int64_t audit_id, AuditSide side,
                              int64_t expected_revision, const AuditContext& who);

}  // namespace confsched
