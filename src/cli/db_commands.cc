// `confsched db migrate`, `db backup FILE`, `db restore FILE`. (The demo
// conference is confsched-demo's, demo/.)
#include <iostream>

#include "cli/cli.h"
#include "store/backup.h"
#include "store/migrate.h"

namespace confsched {

namespace {

constexpr const char* kDbHelp =
    "usage: confsched [--config FILE] db migrate\n"
    "       confsched [--config FILE] db backup FILE\n"
    "       confsched [--config FILE] db restore FILE\n"
    "\n"
    "  migrate    applies the SQL files NNN_*.sql of [server] sql_dir in order,\n"
    "             each once (recorded in schema_migrations); safe to run again.\n"
    "  backup     writes the whole database (programme, history, password hashes)\n"
    "             to FILE as an SQL dump made by mariadb-dump (mode 0600; FILE is\n"
    "             replaced only by a complete dump).\n"
    "  restore    loads such a dump into the configured database with mariadb,\n"
    "             replacing its tables. Workers pick the data up within\n"
    "             version_check_ms; no restart is needed.\n"
    "The MariaDB tools get [database]'s credentials in a private option file,\n"
    "never on their command line.\n";

int migrate_command(const Config& config) {
  MigrationReport report = migrate(config.database, config.sql_dir);
  for (const std::string& name : report.applied) std::cout << "applied " << name << "\n";
  std::cout << report.applied.size() << " migration(s) applied, " << report.already_applied
            << " already in place\n";
  return 0;
}

}  // namespace

int db_command(const std::string& config_path, const std::vector<std::string>& args) {
  if (wants_help(args, kDbHelp)) return 0;
  const bool takes_file = !args.empty() && (args[0] == "backup" || args[0] == "restore");
  const bool plain = !args.empty() && args[0] == "migrate";
  if (!(plain && args.size() == 1) && !(takes_file && args.size() == 2)) {
    std::cerr << kDbHelp;
    return 2;
  }
  Config config;
  if (!load_config_or_report(config_path, config)) return 1;
  try {
    if (args[0] == "backup") {
      backup_database(config.database, args[1]);
      std::cout << "backed up database " << config.database.name << " to " << args[1] << "\n";
      return 0;
    }
    if (args[0] == "restore") {
      restore_database(config.database, args[1]);
      std::cout << "restored database " << config.database.name << " from " << args[1] << "\n";
      return 0;
    }
    return migrate_command(config);
  } catch (const std::exception& e) {
    std::cerr << "confsched db " << args[0] << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace confsched
