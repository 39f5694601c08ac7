#include "store/database.h"

#include <algorithm>

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
// Going back to the first node is tried while a request waits: a first
// node whose machine is down (no "refused", only silence) costs it at most
// this long, every node_retry_s.
constexpr unsigned int kGoBackConnectTimeoutS = 1;

std::vector<std::string> node_names(const std::vector<DbNode>& nodes) {
  std::vector<std::string> names;
  for (const DbNode& node : nodes) names.push_back(node_name(node));
  return names;
}

}  // namespace

Database::Database(DatabaseConfig config, ReadFreshness freshness)
    : config_(std::move(config)), freshness_(freshness) {
  if (!config_.galera_nodes.empty())
    nodes_.emplace(node_names(config_.galera_nodes), std::chrono::seconds(config_.node_retry_s));
}

void Database::connect() { ensure_connected(); }

std::string Database::current_node() const {
  if (!connection_) return "";
  if (nodes_) return node_name(config_.galera_nodes[nodes_->current()]);
  if (config_.host == "localhost" && !config_.socket.empty()) return config_.socket;
  return node_name(DbNode{config_.host, config_.port});
}

bool Database::ensure_connected() {
  if (connection_) return nodes_ && !in_transaction_ && go_back_to_first_node();
  if (nodes_)
    connect_cluster();
  else
    connect_single();
  return true;
}

// A Galera node is used only once it says it is synced with the primary
// component; every connection to it then reads as freshly as freshness_
// asks.
Connection Database::open_node(size_t node) {
  DatabaseConfig node_config = config_for_node(config_, config_.galera_nodes[node]);
  if (node == 0 && connection_)
    node_config.timeout_s = std::min(node_config.timeout_s, kGoBackConnectTimeoutS);
  Connection connection = Connection::open(node_config);
  if (auto why = galera_refusal(read_galera_state(connection.get()))) throw DbUnavailable(*why);
  prepare_galera_session(connection.get(), freshness_);
  return connection;
}

// The first node that answers and is synced, in the configured order, among
// those that have not failed within node_retry_s.
void Database::connect_cluster() {
  std::vector<size_t> order = nodes_->candidates();
  if (order.empty())
    throw DbUnavailable("no database node is available (each is tried again within " +
                        std::to_string(config_.node_retry_s) + " s)");
  std::string failures;
  for (size_t node : order) {
    try {
      connection_.emplace(open_node(node));
      nodes_->connected(node);
      return;
    } catch (const DbUnavailable& e) {
      nodes_->failed(node, e.what());
      failures +=
          (failures.empty() ? "" : "; ") + node_name(config_.galera_nodes[node]) + ": " + e.what();
    }
  }
  throw DbUnavailable("no database node is usable: " + failures);
}

bool Database::go_back_to_first_node() {
  if (!nodes_->time_to_go_back()) return false;
  try {
    Connection first = open_node(0);
    statements_.clear();
    connection_ = std::move(first);
    nodes_->connected(0);
    return true;
  } catch (const DbUnavailable& e) {
    nodes_->failed(0, e.what());
    return false;
  }
}

void Database::connect_single() {
  auto start = std::chrono::steady_clock::now();
  if (start < retry_after_) throw DbUnavailable("the database is unavailable (retrying shortly)");
  try {
    connection_.emplace(Connection::open(config_));
  } catch (const DbUnavailable&) {
    auto now = std::chrono::steady_clock::now();
    if (now - start >= kSlowConnect) retry_after_ = now + kReconnectPause;
    throw;
  }
}

void Database::forget_connection() noexcept {
  statements_.clear();
  connection_.reset();
  if (in_transaction_) transaction_lost_ = true;
  in_transaction_ = false;
}

void Database::connection_failed(const DbUnavailable& e) noexcept {
  if (nodes_ && connection_) {
    try {
      nodes_->failed(nodes_->current(), e.what());
    } catch (...) {
      // Only the log line is lost.
    }
  }
  forget_connection();
}

// Every prepared statement dies with its connection (the server keeps it
// per session and forgets it when the session ends), so a
// dead connection is dropped with all of them. A call on a connection that
// had been idle since the server restarted fails without having run; when
// it is safe to send again and no transaction was open, it is retried
// once on a fresh connection rather than turned into a 503.
//
// A transaction whose connection died is gone with it (the server rolled
// it back): until rollback() or the next begin(), every call fails, rather
// than run the transaction's remaining statements one by one on a new
// connection, or COMMIT there and report a success.
template <typename Fn>
auto Database::with_connection(Retry retry, Fn&& fn) -> decltype(fn()) {
  if (transaction_lost_)
    throw DbUnavailable("the connection was lost during the transaction: nothing was committed");
  bool fresh = ensure_connected();
  bool retryable = retry == Retry::kSafe && !fresh && !in_transaction_;
  try {
    return fn();
  } catch (const DbUnavailable& e) {
    connection_failed(e);
    if (!retryable) throw;
  }
  ensure_connected();
  try {
    return fn();
  } catch (const DbUnavailable& e) {
    connection_failed(e);
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
  const bool autocommit = !in_transaction_;
  uint64_t affected = 0;
  try {
    affected = with_connection(Retry::kUnsafe, [&] {
      Statement& stmt = prepared(sql);
      uint64_t n = stmt.execute(params);
      last_insert_id_ = stmt.last_insert_id();
      return n;
    });
  } catch (const DbUnavailable&) {
    if (autocommit) ++writes_possibly_done_;
    throw;
  }
  if (autocommit) ++writes_possibly_done_;
  return affected;
}

void Database::run_plain(std::string_view sql, Retry retry) {
  with_connection(retry, [&] {
    MYSQL* handle = connection_->get();
    if (mysql_real_query(handle, sql.data(), sql.size()) != 0) {
      throw_db_error(mysql_errno(handle), std::string(sql) + ": " + mysql_error(handle));
    }
    return 0;
  });
}

// Transaction control goes over the plain protocol: not every server
// version prepares it.
void Database::begin() {
  transaction_lost_ = false;
  run_plain("START TRANSACTION", Retry::kSafe);
  in_transaction_ = true;
}

// A COMMIT whose answer was lost may have committed; one refused as a
// conflict (certification on Galera) certainly did not. The transaction
// counts as open until COMMIT is answered, so that nothing between (going
// back to the first node, above all) can move it to another connection.
void Database::commit() {
  try {
    run_plain("COMMIT", Retry::kUnsafe);
  } catch (const DbConflict&) {
    in_transaction_ = false;
    throw;
  } catch (...) {
    in_transaction_ = false;
    ++writes_possibly_done_;
    throw;
  }
  in_transaction_ = false;
  ++writes_possibly_done_;
}

void Database::rollback() noexcept {
  in_transaction_ = false;
  transaction_lost_ = false;
  if (!connection_) return;
  if (mysql_rollback(connection_->get()) != 0) {
    log_warning(std::string("rollback failed: ") + mysql_error(connection_->get()));
    forget_connection();
  }
}

}  // namespace confsched
