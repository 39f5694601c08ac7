#include "db/database.h"

#include "util/log.h"

namespace confsched {

namespace {

// After a failed connect, answer "unavailable" at once for this long rather
// than make every request wait for the connect timeout.
constexpr auto kReconnectPause = std::chrono::seconds(1);

}  // namespace

Database::Database(DatabaseConfig config) : config_(std::move(config)) {}

void Database::connect() { ensure_connected(); }

void Database::ensure_connected() {
  if (connection_) return;
  auto now = std::chrono::steady_clock::now();
  if (now < retry_after_) throw DbUnavailable("the database is unavailable (retrying shortly)");
  try {
    connection_.emplace(Connection::open(config_));
  } catch (const DbUnavailable&) {
    retry_after_ = now + kReconnectPause;
    throw;
  }
}

void Database::forget_connection() noexcept {
  statements_.clear();
  connection_.reset();
}

template <typename Fn>
auto Database::with_connection(Fn&& fn) -> decltype(fn()) {
  ensure_connected();
  try {
    return fn();
  } catch (const DbUnavailable&) {
    // Every prepared statement died with the connection (field notes):
    // drop both and let the next call reconnect and re-prepare.
    forget_connection();
    throw;
  }
}

Statement& Database::prepared(std::string_view sql) {
  auto it = statements_.find(std::string(sql));
  if (it != statements_.end()) return *it->second;
  auto stmt = std::make_unique<Statement>(connection_->get(), sql);
  return *statements_.emplace(std::string(sql), std::move(stmt)).first->second;
}

std::vector<DbRow> Database::query(std::string_view sql, const std::vector<DbValue>& params) {
  return with_connection([&] { return prepared(sql).query(params); });
}

uint64_t Database::execute(std::string_view sql, const std::vector<DbValue>& params) {
  return with_connection([&] {
    Statement& stmt = prepared(sql);
    uint64_t affected = stmt.execute(params);
    last_insert_id_ = stmt.last_insert_id();
    return affected;
  });
}

void Database::run_plain(std::string_view sql) {
  with_connection([&] {
    MYSQL* handle = connection_->get();
    if (mysql_real_query(handle, sql.data(), sql.size()) != 0) {
      unsigned int code = mysql_errno(handle);
      std::string message = std::string(sql) + ": " + mysql_error(handle);
      if (is_connection_error(code)) throw DbUnavailable(message);
      throw DbError(message, code);
    }
    return 0;
  });
}

// Transaction control goes over the plain protocol: not every server
// version prepares it.
void Database::begin() { run_plain("START TRANSACTION"); }
void Database::commit() { run_plain("COMMIT"); }

void Database::rollback() noexcept {
  if (!connection_) return;
  if (mysql_rollback(connection_->get()) != 0) {
    log_warning(std::string("rollback failed: ") + mysql_error(connection_->get()));
    forget_connection();
  }
}

}  // namespace confsched
