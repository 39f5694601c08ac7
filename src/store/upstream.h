// What the programme's upstream (the pretalx or frab it is imported from)
// last said about each session, and the changes it made that were not
// applied because staff had edited the session here (sql/011). Local edits
// win; staff then take upstream's version or keep their own, one click
// each (/admin/upstream, `confsched check`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/programme_merge.h"
#include "store/session_store.h"

namespace confsched {

// SHA-256 (hex) over every field FlatSession's == compares, each written
// with its length so that no two sessions share one. Pure.
std::string upstream_fingerprint(const FlatSession& s);

// The flat form as JSON and back, for a parked version. from_json returns
// nullopt for anything that is not what to_json writes. Pure.
std::string flat_session_json(const FlatSession& s);
std::optional<FlatSession> flat_session_from_json(const std::string& json);

// A stored session's upstream row.
struct UpstreamRow {
  std::string fingerprint;
  bool pending = false;  // something is parked
};
std::map<int64_t, UpstreamRow> load_upstream_rows(Database& db);

// The writes an import makes (the caller holds a transaction): a new
// baseline, which also clears anything parked; upstream's version parked
// (pending_since kept when something was parked already); a removal
// parked; anything parked dropped, the baseline kept.
void set_upstream_baseline(Database& db, int64_t session_id, const std::string& fingerprint);
void park_upstream_change(Database& db, int64_t session_id, const FlatSession& upstream);
void park_upstream_removal(Database& db, int64_t session_id);
void clear_parked(Database& db, int64_t session_id);

// After a replacing import of `p`: every stored session with an external
// id gets the file's version of it as baseline (the fingerprint a merge
// compares with), and nothing is parked. The caller holds a transaction.
void baseline_imported_sessions(Database& db, const ImportedProgramme& p);

// A parked change as staff see it.
struct UpstreamChange {
  int64_t session_id = 0;
  std::string title = {};               // as stored here
  bool removal = false;                 // upstream dropped the session
  std::vector<std::string> lines = {};  // describe_upstream_change's
  std::string since = {};               // "YYYY-MM-DD HH:MM" UTC, when first parked
};

// "upstream moved “T” to 2027-06-15 14:00; kept 14:30 set here by Ana",
// one line per kind of difference between the version here and upstream's
// (time, room, title, speakers, status, anything else). `set_by` is who
// made the version here ("" when unknown: "set here"). Pure.
std::vector<std::string> describe_upstream_change(const FlatSession& here,
                                                  const FlatSession& upstream,
                                                  const std::string& set_by);

std::vector<UpstreamChange> load_upstream_changes(Database& db);
size_t count_upstream_changes(Database& db);

enum class UpstreamChoice { kTakeUpstream, kKeepOurs };
enum class ResolveOutcome { kDone, kNothingParked };

// Takes upstream's parked version (written over the session with an audit
// row, or the session deleted for a removal) or keeps the version here
// (upstream's becomes the baseline, so the same change is not parked
// again; a kept removal drops the baseline, making the session one of
// ours). One transaction. Throws DbError / DbUnavailable.
ResolveOutcome resolve_upstream_change(Database& db, int64_t session_id, UpstreamChoice choice,
                                       const AuditContext& who);

}  // namespace confsched
