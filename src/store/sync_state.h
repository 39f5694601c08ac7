// The one row about fetching the upstream export (sql/011 sync_state):
// the validators for the next conditional request, and the times and
// last error that /admin, /_status and `confsched check` show.
#pragma once

#include <cstdint>
#include <string>

#include "store/database.h"

namespace confsched {

struct SyncState {
  std::string url;  // as configured; the validators belong to it
  std::string etag, last_modified, digest;
  // "YYYY-MM-DD HH:MM:SS" UTC, "" for never.
  std::string last_attempt_at, last_success_at, last_change_at, last_error_at;
  std::string last_error;
  bool failing = false;  // the last attempt failed
  // The same three as seconds since 1970 (UTC), 0 for never.
  int64_t last_success_s = 0, last_change_s = 0, last_error_s = 0;
};

SyncState load_sync_state(Database& db);  // all empty before the first fetch

// A fetch that worked: a new body (`changed`: the import changed the
// programme) or a 304 / the same body again (validators and digest "" keep
// the stored ones). Clears nothing but sets the times.
void record_sync_success(Database& db, const std::string& url, const std::string& etag,
                         const std::string& last_modified, const std::string& digest, bool changed);

// A fetch or import that failed: the error (one line, no secrets) and its
// time; the validators stay, so the next attempt is still conditional.
void record_sync_failure(Database& db, const std::string& url, const std::string& error);

}  // namespace confsched
