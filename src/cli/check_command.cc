// `confsched check`: everything serve needs, checked without serving.
#include <iostream>

#include "cli/cli.h"
#include "server/listen_socket.h"
#include "site/templates.h"
#include "store/connection.h"
#include "store/credentials.h"
#include "store/database.h"
#include "store/galera_node.h"
#include "store/migrate.h"
#include "store/sync_state.h"
#include "store/upstream.h"
#include "util/web_url.h"

namespace confsched {

namespace {

constexpr const char* kCheckHelp =
    "usage: confsched [--config FILE] check\n"
    "\n"
    "Validates the configuration file, the templates, the cookie secret and the\n"
    "database: reachable, migrated, and with passwords set; the [replica],\n"
    "when there is one, and each node of [database] galera_nodes. Exits non-zero with the reason "
    "on the first problem.\n";

// The replica must answer and hold the same schema; a data version behind
// the primary's is only a warning (it may be catching up), but one that
// stays behind means replication has stopped.
void check_replica(const DatabaseConfig& replica_config, const DataState& primary) {
  Database replica(replica_config);
  replica.connect();
  DataState state = load_data_state(replica);
  std::cout << "ok  replica " << replica_config.host << " reachable\n";
  if (state.data_version < primary.data_version)
    std::cout << "warn replica is behind the primary (data version " << state.data_version << " < "
              << primary.data_version << "): check that replication runs\n";
}

// [database] galera_nodes: each node's own view. A node that is down or
// out of the primary component is a warning while another serves: the
// site rides it out, but the cluster has lost its spare.
void check_galera_nodes(const DatabaseConfig& database) {
  for (const DbNode& node : database.galera_nodes) {
    const std::string name = node_name(node);
    try {
      Connection connection = Connection::open(config_for_node(database, node));
      GaleraNodeState state = read_galera_state(connection.get());
      if (auto why = galera_refusal(state))
        std::cout << "warn galera node " << name << " " << *why << "\n";
      else
        std::cout << "ok  galera node " << name << " synced, cluster of " << state.cluster_size
                  << "\n";
    } catch (const DbUnavailable& e) {
      std::cout << "warn galera node " << name << " unavailable: " << e.what() << "\n";
    }
  }
}

// [sync]: how the last run went, and every upstream change that waits
// for staff. Warnings only: the site serves either way.
void check_sync(const Config& config, Database& db) {
  const SyncState sync = load_sync_state(db);
  if (!config.sync.url.empty()) {
    const std::string where = url_for_display(config.sync.url);
    if (sync.last_attempt_at.empty() || sync.url != config.sync.url)
      std::cout << "warn sync from " << where << " has not run yet: run confsched sync\n";
    else if (sync.failing)
      std::cout << "warn sync from " << where << " failed at " << sync.last_error_at
                << " UTC: " << sync.last_error << "\n";
    else
      std::cout << "ok  sync from " << where << " at " << sync.last_success_at << " UTC\n";
  }
  for (const UpstreamChange& change : load_upstream_changes(db))
    for (const std::string& line : change.lines)
      std::cout << "warn " << line << " (session " << change.session_id
                << "; take it or keep ours on /admin/upstream)\n";
}

void check_database(const Config& config) {
  if (!config.database.galera_nodes.empty()) check_galera_nodes(config.database);
  Database db(config.database);
  db.connect();
  std::cout << "ok  database " << config.database.name << " reachable";
  if (!config.database.galera_nodes.empty()) std::cout << " on node " << db.current_node();
  std::cout << "\n";

  for (const MigrationFile& file : pending_migrations(db, config.sql_dir))
    throw std::runtime_error("migration " + file.name + " not applied: run confsched db migrate");
  std::cout << "ok  schema up to date\n";

  DataState state = load_data_state(db);
  if (state.delegate_epoch == 0)
    std::cout << "warn no delegate password set: run confsched passwd delegate\n";
  if (state.staff_epoch == 0)
    std::cout << "warn no staff password set: run confsched passwd staff\n";
  if (config.replica) check_replica(*config.replica, state);
  check_sync(config, db);
}

}  // namespace

int check_command(const std::string& config_path, const std::vector<std::string>& args) {
  if (wants_help(args, kCheckHelp)) return 0;
  if (!args.empty()) {
    std::cerr << kCheckHelp;
    return 2;
  }
  Config config;
  if (!load_config_or_report(config_path, config)) return 1;
  std::cout << "ok  configuration " << config_path << "\n";
  try {
    if (!parse_listen_address(config.listen))
      throw std::runtime_error("bad [server] listen address \"" + config.listen + "\"");
    Templates templates(config);
    std::cout << "ok  templates in " << config.template_dir << "\n";
    load_secret(config);
    std::cout << "ok  cookie secret " << config.secret_file << "\n";
    // Not an error: the site works. But schedule.json's links stay relative,
    // which c3voc's schema (and apps that follow it) refuse.
    if (config.public_url.empty())
      std::cout << "warn no [server] public_url: the feeds' links are relative\n";
    // Allowed (the admin may mean it), but two events sharing a database
    // or a cookie key are one event with two names.
    for (const std::string& what : shared_with_single_site(config))
      std::cout << "warn instance " << config.instance << " shares the host's single site's "
                << what << ": leave it out of " << config_path << " for the instance's own\n";
    check_database(config);
  } catch (const std::exception& e) {
    std::cerr << "confsched check: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace confsched
