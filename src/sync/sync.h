// Keeping the programme in step with its upstream export (README,
// "Keeping in step with pretalx or frab"): fetch conditionally, and when
// the body is new, parse it and merge it as `confsched import` does, local
// edits winning (store/upstream.h). Every run leaves its outcome in
// sync_state for /admin, /_status and `confsched check`.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "import/import_format.h"
#include "store/database.h"
#include "store/programme_import.h"
#include "store/programme_merge.h"
#include "sync/fetch.h"

namespace confsched {

struct SyncRequest {
  std::string url;
  unsigned int timeout_s = 30;
  size_t max_bytes = 20u << 20;
  std::optional<ImportFormat> format;  // nullopt: told from the content
  std::string time_zone;               // for a file that names none; "": the event's
  PruneMode prune = PruneMode::kFromUpstream;
  bool replace = false;  // replace the programme (import --replace)
  bool dry_run = false;  // fetch and plan, write nothing (sync_state neither)
  bool force = false;    // no validators, and import an unchanged body too
};

struct SyncOutcome {
  enum class Kind {
    kNotModified,  // 304: nothing read, nothing written
    kSameBody,     // the body imported last time: nothing written
    kImported,     // merged (or replaced): `plan` / `counts` say what
    kFailed,       // `error`; the programme is as it was
  };
  Kind kind = Kind::kFailed;
  std::string error;
  std::string event_name;
  MergePlan plan;
  bool replaced = false;  // with replace: `counts` say what
  ImportCounts counts;
};

using Fetch = std::function<FetchResult(const FetchRequest&)>;

// Throws DbUnavailable when the database cannot be reached (nothing is
// recorded then: there is nowhere to record it); every other failure is
// an outcome, recorded.
SyncOutcome sync_programme(Database& db, const SyncRequest& request, const AuditContext& who,
                           const Fetch& fetch = fetch_url);

// One line for the command line and the journal.
std::string describe_outcome(const SyncOutcome& outcome, const std::string& url);

}  // namespace confsched
