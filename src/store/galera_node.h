// What a connection to a Galera node must ask before it is used. A node
// outside the primary component (it lost quorum), or still catching up
// after a restart, answers its clients but refuses their statements
// (error 1047, "WSREP has not yet prepared node for application use"), or,
// while it donates a state snapshot, may hold their writes: a server that
// finds its node so moves to another (store/node_choice.h).
#pragma once

#include <mysql.h>

#include <optional>
#include <string>

#include "config/config.h"

namespace confsched {

// The status variables that say whether a node may be used
// (SHOW GLOBAL STATUS; Galera's documentation of wsrep_ready,
// wsrep_local_state and wsrep_cluster_status).
struct GaleraNodeState {
  std::string ready;           // wsrep_ready: "ON" when it takes statements
  std::string local_state;     // wsrep_local_state: "4" is Synced
  std::string cluster_status;  // wsrep_cluster_status: "Primary" with quorum
  std::string cluster_size;    // wsrep_cluster_size: the nodes it sees
};

// Why the node must not be used (for the log), or nullopt when it is
// synced with the primary component.
std::optional<std::string> galera_refusal(const GaleraNodeState& state);

// Reads the node's state on a fresh connection. Throws DbUnavailable (the
// connection failed) or DbError (the server is no Galera node: the
// configuration says galera_nodes about a server that is none).
GaleraNodeState read_galera_state(MYSQL* handle);

// "10.0.0.1:3306", "[::1]:3306": a node as log lines and messages name it.
std::string node_name(const DbNode& node);

// database with node's host and port in place of its own, and no node list:
// the settings of one connection to that node.
DatabaseConfig config_for_node(const DatabaseConfig& database, const DbNode& node);

// How up to date a connection's reads must be. A Galera node applies
// other nodes' commits a moment after they are acknowledged, so a read on
// it may miss a commit made through another node. kLatestCommit makes
// every read of the session wait until the node has applied everything
// the cluster had committed when the read began (wsrep_sync_wait = 1): one
// round trip through the cluster per statement, paid by staff pages and
// writes only. kAsApplied is what delegate pages read: a second old at
// worst, like a replica.
enum class ReadFreshness { kLatestCommit, kAsApplied };

// Sets the session's wsrep_sync_wait for freshness. Throws like
// read_galera_state.
void prepare_galera_session(MYSQL* handle, ReadFreshness freshness);

}  // namespace confsched
