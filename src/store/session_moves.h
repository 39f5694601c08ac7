// Changes that move several sessions at once (issue 17: running late), in
// one transaction: delegates see all of it or none of it, never a
// half-moved room. Each session gets its audit row, restorable like any
// edit.
#pragma once

#include <cstdint>
#include <vector>

#include "model/running_late.h"
#include "store/database.h"
#include "store/session_store.h"

namespace confsched {

// What a delay of session id moves: it and, with following, every later
// session (not cancelled) in its room that starts on its day at or after
// its start, by start. Empty when id is gone.
std::vector<StoredSession> delay_targets(Database& db, int64_t id, bool following);

enum class MoveOutcome {
  kSaved,
  // A listed session changed, vanished or was joined by another since the
  // preview (or would now run past midnight): nothing was saved.
  kChanged,
};

// Moves the targets minutes later if they are still exactly `previewed`
// (ids and revisions, by start); else changes nothing.
MoveOutcome delay_sessions(Database& db, int64_t id, bool following, int minutes,
                           const Previewed& previewed, const AuditContext& who);

// A session's new values, valid while it is at `revision`.
struct PlannedChange {
  int64_t id = 0;
  int64_t revision = 0;
  SessionDraft after;
};

// Saves every change (swap: two; move: one) in one transaction, the rows
// locked in id order, if each is still at its revision; else nothing.
MoveOutcome save_together(Database& db, const std::vector<PlannedChange>& changes,
                          const AuditContext& who);

}  // namespace confsched
