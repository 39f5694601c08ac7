// Importing a schedule on top of the current programme: sessions are
// matched by their external id (the file's guid), so a second import of the
// same file updates rather than duplicates. Sessions edited here since the
// import that brought them are pinned: local edits win, and upstream's
// change is parked for staff to take or leave (store/upstream.h). The plan
// is pure (unit-tested); merge_programme applies it in one transaction with
// audit rows.
#pragma once

#include <cstdint>
#include <map>
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
  // The source's slug and page URL (sql/012); "" when none. Compared and
  // fingerprinted like the rest, written by imports only.
  std::string external_slug = {}, external_url = {};
  std::string title, abstract, starts_at, ends_at, room, track, kind, status;
  std::vector<std::string> speakers;
  std::vector<Material> materials;
  std::optional<int64_t> room_id, track_id;     // as stored (for audit rows); not compared
  bool operator==(const FlatSession& o) const;  // all but id and frab_id
};

std::vector<FlatSession> flatten(const ImportedProgramme& p);

// What an import does with stored sessions the file does not hold.
enum class PruneMode {
  kKeep,          // leave them
  kAll,           // delete them (`import --prune`)
  kFromUpstream,  // delete those an import brought in, keep those made here (sync)
};

// Session id -> the fingerprint (upstream_fingerprint) of the version the
// last import wrote: the sessions that came from upstream.
using Baselines = std::map<int64_t, std::string>;

struct MergePlan {
  std::vector<FlatSession> added;                            // from the file
  std::vector<std::pair<FlatSession, FlatSession>> updated;  // before (db), after (file)
  std::vector<FlatSession> unchanged;                        // as stored
  std::vector<FlatSession> deleted;                          // as stored; only with prune
  std::vector<FlatSession> kept;  // stored, not in the file, left alone (no prune)
  // Edited here since their import. Upstream changed them too: its
  // version is parked, not applied (stored, upstream's) ...
  std::vector<std::pair<FlatSession, FlatSession>> pinned;
  // ... or dropped them: they stay, and the removal is parked.
  std::vector<FlatSession> pinned_removed;
  // Upstream still has the version they were imported as: nothing to park.
  std::vector<FlatSession> edited_here;
};

// Matches file sessions to stored ones by external id; a file session
// without one is always added. A matched session whose baseline differs
// from its stored fingerprint was edited here: it goes to `pinned` or
// `edited_here`, never to `updated`. Stored sessions the file does not
// match go by `prune`, except that one edited here is never deleted (it
// goes to `pinned_removed`). A session without a baseline (made here, or
// stored before baselines were kept) counts as unedited. Pure.
MergePlan plan_merge(const std::vector<FlatSession>& file, const std::vector<FlatSession>& stored,
                     PruneMode prune, const Baselines& baselines = {});

// Every stored session in the flat form, ordered by id; with `lock`, FOR
// UPDATE (inside the caller's transaction).
std::vector<FlatSession> load_flat_sessions(Database& db, bool lock);

// Writes `after` over stored session `before.id` (revision + 1), rooms and
// tracks by name (added when new), with its speakers and links and an
// audit row; the caller holds a transaction.
void update_flat_session(Database& db, const FlatSession& before, const FlatSession& after,
                         const AuditContext& who);

// Deletes stored session `s.id` with an audit row; the caller holds a
// transaction.
void delete_flat_session(Database& db, const FlatSession& s, const AuditContext& who);

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
MergePlan merge_programme(Database& db, const ImportedProgramme& p, PruneMode prune, bool dry_run,
                          const ImportSource& source, const AuditContext& who);

}  // namespace confsched
