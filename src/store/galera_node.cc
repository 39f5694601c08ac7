#include "store/galera_node.h"

#include "store/connection.h"
#include "store/errors.h"

namespace confsched {

namespace {

[[noreturn]] void fail(MYSQL* handle, const std::string& what) {
  unsigned int code = mysql_errno(handle);
  std::string message = what + ": " + mysql_error(handle);
  throw_db_error(code, message);
}

// A Galera node's wsrep_local_state while synced (Galera's
// "Node State Changes": 1 joining, 2 donor/desynced, 3 joined, 4 synced).
constexpr const char* kSynced = "4";

}  // namespace

std::string node_name(const DbNode& node) {
  const bool ipv6 = node.host.find(':') != std::string::npos;
  return (ipv6 ? "[" + node.host + "]" : node.host) + ":" + std::to_string(node.port);
}

DatabaseConfig config_for_node(const DatabaseConfig& database, const DbNode& node) {
  DatabaseConfig one = database;
  one.host = node.host;
  one.port = node.port;
  one.galera_nodes.clear();
  return one;
}

std::optional<std::string> galera_refusal(const GaleraNodeState& state) {
  if (state.cluster_status != "Primary")
    return "not in the primary component (wsrep_cluster_status " +
           (state.cluster_status.empty() ? std::string("missing") : state.cluster_status) + ")";
  if (state.ready != "ON") return "not ready (wsrep_ready " + state.ready + ")";
  if (state.local_state != kSynced)
    return "not synced with the cluster (wsrep_local_state " + state.local_state + ")";
  return std::nullopt;
}

GaleraNodeState read_galera_state(MYSQL* handle) {
  // SHOW is answered by a node outside the primary component too, where a
  // SELECT on a table is refused.
  static constexpr std::string_view kQuery =
      "SHOW GLOBAL STATUS WHERE Variable_name IN "
      "('wsrep_ready', 'wsrep_local_state', 'wsrep_cluster_status', "
      "'wsrep_cluster_size')";
  if (mysql_real_query(handle, kQuery.data(), kQuery.size()) != 0)
    fail(handle, "reading the Galera node's state");
  MYSQL_RES* result = mysql_store_result(handle);
  if (!result) fail(handle, "reading the Galera node's state");
  GaleraNodeState state;
  bool any = false;
  while (MYSQL_ROW row = mysql_fetch_row(result)) {
    if (!row[0] || !row[1]) continue;
    std::string name = row[0];
    std::string value = row[1];
    any = true;
    if (name == "wsrep_ready")
      state.ready = value;
    else if (name == "wsrep_local_state")
      state.local_state = value;
    else if (name == "wsrep_cluster_status")
      state.cluster_status = value;
    else if (name == "wsrep_cluster_size")
      state.cluster_size = value;
  }
  mysql_free_result(result);
  if (!any || state.local_state.empty())
    throw DbError(
        "the database server is not a Galera node (no wsrep status), but [database] "
        "galera_nodes names it");
  return state;
}

void prepare_galera_session(MYSQL* handle, ReadFreshness freshness) {
  std::string_view sql = freshness == ReadFreshness::kLatestCommit
                             ? std::string_view("SET SESSION wsrep_sync_wait = 1")
                             : std::string_view("SET SESSION wsrep_sync_wait = 0");
  if (mysql_real_query(handle, sql.data(), sql.size()) != 0)
    fail(handle, "setting wsrep_sync_wait");
}

}  // namespace confsched
