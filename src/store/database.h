// A worker's (or a command's) database access: one lazily opened
// connection, a cache of prepared statements, and reconnection after the
// server went away; on a Galera cluster ([database] galera_nodes), the
// choice of node (store/node_choice.h). Not thread-safe: one per process.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "config/config.h"
#include "store/connection.h"
#include "store/errors.h"
#include "store/galera_node.h"
#include "store/node_choice.h"
#include "store/statement.h"

namespace confsched {

class Database {
 public:
  // freshness matters only on a Galera cluster (store/galera_node.h): the
  // database of writes and staff pages reads the latest commit, the one a
  // worker reads delegate data from need not.
  explicit Database(DatabaseConfig config, ReadFreshness freshness = ReadFreshness::kLatestCommit);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // For statements that change nothing: after a lost connection a query is
  // sent again once (outside transactions), an execute() never is.
  std::vector<DbRow> query(std::string_view sql, const std::vector<DbValue>& params = {});
  uint64_t execute(std::string_view sql, const std::vector<DbValue>& params = {});
  // The AUTO_INCREMENT id from the last execute().
  uint64_t last_insert_id() const { return last_insert_id_; }

  // Opens the connection now (throws DbUnavailable). Commands use it to
  // fail early with a clear message.
  void connect();
  // A statement that reads nothing, to learn whether the server answers
  // now (/_status): throws DbUnavailable when it does not.
  void ping() { query("SELECT 1"); }

  // Statements run inside begin()..commit() are atomic. rollback() is
  // safe to call when no transaction is open.
  void begin();
  void commit();
  void rollback() noexcept;

  // How many writes may have reached the database through this object: a
  // commit, or a write outside a transaction, that succeeded or whose
  // answer was lost. One that failed with a certain "not done" (DbConflict,
  // an error before COMMIT was sent) is not counted. The request boundary
  // runs a request again only while this has not moved.
  uint64_t writes_possibly_done() const { return writes_possibly_done_; }

  // True on a Galera cluster ([database] galera_nodes): a call that found
  // one node unavailable may find another.
  bool has_other_nodes() const { return nodes_.has_value(); }

  // "host:port" of the node (or server) the connection is on now, for
  // `confsched check` and log lines. Empty before the first connection.
  std::string current_node() const;

 private:
  // Whether a call that failed because the connection died may simply be
  // sent again on a new connection.
  enum class Retry { kSafe, kUnsafe };

  Statement& prepared(std::string_view sql);
  void run_plain(std::string_view sql, Retry retry);
  // True when it had to open a new connection.
  bool ensure_connected();
  void connect_single();
  void connect_cluster();
  // On a node other than the first, between transactions: back to the
  // first once it answers and is synced (true when it moved).
  bool go_back_to_first_node();
  Connection open_node(size_t node);
  void forget_connection() noexcept;
  // A call failed because the connection broke or the node refused it.
  void connection_failed(const DbUnavailable& e) noexcept;
  template <typename Fn>
  auto with_connection(Retry retry, Fn&& fn) -> decltype(fn());

  DatabaseConfig config_;
  ReadFreshness freshness_;
  // galera_nodes, or nothing: one server (host, port, socket).
  std::optional<NodeChoice> nodes_;
  // Statements must go before the connection they belong to.
  std::optional<Connection> connection_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
  std::chrono::steady_clock::time_point retry_after_{};
  uint64_t last_insert_id_ = 0;
  uint64_t writes_possibly_done_ = 0;
  bool in_transaction_ = false;
  // The connection died inside a transaction (with_connection).
  bool transaction_lost_ = false;
};

// Rolls back unless committed: for "all or nothing" blocks.
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) { db_.begin(); }
  ~Transaction() {
    if (!committed_) db_.rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    db_.commit();
    committed_ = true;
  }

 private:
  Database& db_;
  bool committed_ = false;
};

}  // namespace confsched
