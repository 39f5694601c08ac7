// Importing a schedule on top of the current programme: sessions are
// matched by their external id (the file's guid), so a second import of the
// same file updates rather than duplicates. The plan is pure (unit-tested);
// merge_programme applies it in one transaction with audit rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/imported_programme.h"
#include "store/database.h"
#include "store/programme.h"
#include "store/programme_import.h"
#include "store/session_store.h"

namespace confsched {

// A session reduced to what an import can set, with rooms, tracks and
// speakers by name: the form in which the file and the database compare.
struct FlatSession {
  int64_t id = 0;           // in the database; 0 for one from the file
  int64_t frab_id = 0;      // from the file: the id to take when it is free
  std::string external_id;  // "" when none
  std::string title, abstract, starts_at, ends_at, room, track, kind, status;
  std::vector<std::string> speakers;
  std::vector<Material> materials;
  std::optional<int64_t> room_id, track_id;     // as stored (for audit rows); not compared
  bool operator==(const FlatSession& o) const;  // all but id and frab_id
};

std::vector<FlatSession> flatten(const ImportedProgramme& p);

struct MergePlan {
  std::vector<FlatSession> added;                            // from the file
  std::vector<std::pair<FlatSession, FlatSession>> updated;  // before (db), after (file)
  std::vector<FlatSession> unchanged;                        // as stored
  std::vector<FlatSession> deleted;                          // as stored; only with prune
  std::vector<FlatSession> kept;  // stored, not in the file, left alone (no prune)
};

// Matches file sessions to stored ones by external id; a file session
// without one is always added. Stored sessions the file does not match
// are deleted when `prune`, else kept. Pure.
MergePlan plan_merge(const std::vector<FlatSession>& file, const std::vector<FlatSession>& stored,
                     bool prune);

// The room and speaker clashes (model/clashes.h) the programme would have
// after the plan, among pairs with a side the plan adds or updates: one
// line each, "“title” (starts_at, room): <the clash's sentence>". Pure.
std::vector<std::string> plan_clashes(const MergePlan& plan);

// "+ added: title (starts_at, room)" lines, then "~ updated" with the
// fields that change, "- deleted", a count line, and then "! clash: "
// lines (plan_clashes) with their count. Pure.
std::string describe_plan(const MergePlan& plan);

// Reads the stored sessions, plans, and unless `dry_run` applies the plan
// in one transaction: rooms and tracks are matched by name (added when
// new, positions and colours taken from the file), speakers by name;
// updated sessions keep their ids and get revision + 1; new ones take
// their frab id when it is free. One audit row per session changed
// (entity "session") and one for the import (entity "programme"). The
// event's name, zone and dates (widened to every session left) come from
// the file. Returns the plan. Throws DbError / DbUnavailable.
MergePlan merge_programme(Database& db, const ImportedProgramme& p, bool prune, bool dry_run,
                          const ImportSource& source, const AuditContext& who);

}  // namespace confsched
