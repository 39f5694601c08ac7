// sync_state's one row (store/sync_state.h).
#include "store/sync_state.h"

#include <cstdio>

namespace confsched {

namespace {

// Seconds since 1970 of a UTC DATETIME, without the connection's zone
// (UNIX_TIMESTAMP would read the value in it).
constexpr const char* kEpochSeconds = "COALESCE(TIMESTAMPDIFF(SECOND, '1970-01-01', %s), 0)";

std::string epoch_of(const char* column) {
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, kEpochSeconds, column);
  return buffer;
}

std::string text_of(const char* column) {
  return std::string("COALESCE(DATE_FORMAT(") + column + ", '%Y-%m-%d %H:%i:%s'), '')";
}

}  // namespace

SyncState load_sync_state(Database& db) {
  SyncState s;
  auto rows = db.query("SELECT url, etag, last_modified, digest, " + text_of("last_attempt_at") +
                       ", " + text_of("last_success_at") + ", " + text_of("last_change_at") + ", " +
                       text_of("last_error_at") + ", last_error, " + epoch_of("last_success_at") +
                       ", " + epoch_of("last_change_at") + ", " + epoch_of("last_error_at") +
                       ", failing FROM sync_state WHERE id = 1");
  if (rows.empty()) return s;
  const DbRow& r = rows[0];
  s.url = cell_text(r[0]);
  s.etag = cell_text(r[1]);
  s.last_modified = cell_text(r[2]);
  s.digest = cell_text(r[3]);
  s.last_attempt_at = cell_text(r[4]);
  s.last_success_at = cell_text(r[5]);
  s.last_change_at = cell_text(r[6]);
  s.last_error_at = cell_text(r[7]);
  s.last_error = cell_text(r[8]);
  s.last_success_s = cell_int(r[9]);
  s.last_change_s = cell_int(r[10]);
  s.last_error_s = cell_int(r[11]);
  s.failing = cell_int(r[12]) != 0;
  return s;
}

void record_sync_success(Database& db, const std::string& url, const std::string& etag,
                         const std::string& last_modified, const std::string& digest,
                         bool changed) {
  // A new URL starts afresh: the old one's validators mean nothing to it.
  db.execute(
      "INSERT INTO sync_state (id, url, etag, last_modified, digest, last_attempt_at,"
      " last_success_at, last_change_at) VALUES (1, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(),"
      " IF(?, UTC_TIMESTAMP(), NULL))"
      " ON DUPLICATE KEY UPDATE"
      " etag = IF(? <> '', VALUES(etag), IF(url = VALUES(url), etag, '')),"
      " last_modified = IF(? <> '', VALUES(last_modified),"
      "   IF(url = VALUES(url), last_modified, '')),"
      " digest = IF(? <> '', VALUES(digest), IF(url = VALUES(url), digest, '')),"
      " last_change_at = IF(?, UTC_TIMESTAMP(), last_change_at),"
      " url = VALUES(url), last_attempt_at = UTC_TIMESTAMP(), last_success_at = UTC_TIMESTAMP(),"
      " failing = 0",
      {url, etag, last_modified, digest, int64_t{changed}, etag, last_modified, digest,
       int64_t{changed}});
}

void record_sync_failure(Database& db, const std::string& url, const std::string& error) {
  db.execute(
      "INSERT INTO sync_state (id, url, last_attempt_at, last_error_at, last_error, failing)"
      " VALUES (1, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), LEFT(?, 1000), 1)"
      " ON DUPLICATE KEY UPDATE etag = IF(url = VALUES(url), etag, ''),"
      " last_modified = IF(url = VALUES(url), last_modified, ''),"
      " digest = IF(url = VALUES(url), digest, ''), url = VALUES(url),"
      " last_attempt_at = UTC_TIMESTAMP(), last_error_at = UTC_TIMESTAMP(),"
      " last_error = VALUES(last_error), failing = 1",
      {url, error});
}

}  // namespace confsched
