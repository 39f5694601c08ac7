#include "store/database.h"

#include "util/log.h"

namespace confsched {

namespace {

// After a connect that failed slowly (a host that does not answer), answer
// "unavailable" at once for this long rather than make every request wait
// for the connect timeout. A connect refused at once costs nothing to
// retry, so it sets no pause: the site recovers the moment the server is
// back.
constexpr auto kReconnectPause = std::chrono::seconds(1);
constexpr auto kSlowConnect = std::chrono::milliseconds(200);

}  // namespace

Database::Database(DatabaseConfig config) : config_(std::move(config)) {}

void Database::connect() { ensure_connected(); }

bool Database::ensure_connected() {
  if (connection_) return false;
  auto start = std::chrono::steady_clock::now();
  if (start < retry_after_) throw DbUnavailable("the database is unavailable (retrying shortly)");
  try {
    connection_.emplace(Connection::open(config_));
  } catch (const DbUnavailable&) {
    auto now = std::chrono::steady_clock::now();
    if (now - start >= kSlowConnect) retry_after_ = now + kReconnectPause;
    throw;
  }
  return true;
}

void Database::forget_connection() noexcept {
  statements_.clear();
  connection_.reset();
  in_transaction_ = false;
}

// Every prepared statement dies with its connection (the server keeps it
// per session and forgets it when the session ends), so a
// dead connection is dropped with all of them. A call on a connection that
// had been idle since the server restarted fails without having run; when
// it is safe to send again and no transaction was open, it is retried
// once on a fresh connection rather than turned into a 503.
template <typename Fn>
auto Database::with_connection(Retry retry, Fn&& fn) -> decltype(fn()) {
  bool fresh = ensure_connected();
  bool retryable = retry == Retry::kSafe && !fresh && !in_transaction_;
  try {
    return fn();
  } catch (const DbUnavailable&) {
    forget_connection();
    if (!retryable) throw;
  }
  ensure_connected();
  try {
    return fn();
  } catch (const DbUnavailable&) {
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
  return with_connection(Retry::kSafe, [&] { return prepared(sql).query(params); });
}

uint64_t Database::execute(std::string_view sql, const std::vector<DbValue>& params) {
  // A write is not sent twice: the first may have run before the answer
  // was lost.
  return with_connection(Retry::kUnsafe, [&] {
    Statement& stmt = prepared(sql);
    uint64_t affected = stmt.execute(params);
    last_insert_id_ = stmt.last_insert_id();
    return affected;
  });
}

void Database::run_plain(std::string_view sql, Retry retry) {
  with_connection(retry, [&] {
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
void Database::begin() {
  run_plain("START TRANSACTION", Retry::kSafe);
  in_transaction_ = true;
}

void Database::commit() {
  in_transaction_ = false;
  run_plain("COMMIT", Retry::kUnsafe);
}

void Database::rollback() noexcept {
  in_transaction_ = false;
  if (!connection_) return;
  if (mysql_rollback(connection_->get()) != 0) {
    log_warning(std::string("rollback failed: ") + mysql_error(connection_->get()));
    forget_connection();
  }
}

}  // namespace confsched
