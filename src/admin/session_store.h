// Reading a session for the staff form and saving it: optimistic locking
// on sessions.revision, and an audit row in the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "admin/session_form.h"
#include "db/database.h"

namespace confsched {

struct StoredSession {
  int64_t id = 0;
  SessionDraft values;
  int64_t revision = 0;
  std::string updated_at;
};

// Who is saving, for the audit log.
struct AuditContext {
  std::string staff_name;
  std::string client_addr;
};

std::optional<StoredSession> load_stored_session(Database& db, int64_t id);

// The event's days and the ids a draft may use.
SessionChoices load_session_choices(Database& db);

enum class SaveOutcome {
  kSaved,
  kConflict,  // someone saved in between: `current` holds their version
  kGone,      // the session was deleted meanwhile
};

struct SaveResult {
  SaveOutcome outcome = SaveOutcome::kSaved;
  std::optional<StoredSession> current;
};

// Saves draft (already validated) if the row is still at expected_revision.
SaveResult save_session(Database& db, int64_t id, const SessionDraft& draft,
                        int64_t expected_revision, const AuditContext& who);

}  // namespace confsched
