// `confsched db migrate` and `confsched db seed-demo`.
#include <iostream>

#include "cli/cli.h"
#include "db/database.h"
#include "db/demo_seed.h"
#include "db/migrate.h"

namespace confsched {

namespace {

constexpr const char* kDbHelp =
    "usage: confsched [--config FILE] db migrate\n"
    "       confsched [--config FILE] db seed-demo\n"
    "\n"
    "  migrate    applies the SQL files NNN_*.sql of [server] sql_dir in order,\n"
    "             each once (recorded in schema_migrations); safe to run again.\n"
    "  seed-demo  replaces the whole programme with a demo conference (3 days,\n"
    "             8 rooms, 5 tracks, about 180 sessions). Passwords stay as they are.\n";

int migrate_command(const Config& config) {
  MigrationReport report = migrate(config.database, config.sql_dir);
  for (const std::string& name : report.applied) std::cout << "applied " << name << "\n";
  std::cout << report.applied.size() << " migration(s) applied, " << report.already_applied
            << " already in place\n";
  return 0;
}

int seed_command(const Config& config) {
  Database db(config.database);
  DemoSeedSummary s = seed_demo(db);
  std::cout << "demo conference loaded: " << s.days << " days, " << s.rooms << " rooms, "
            << s.tracks << " tracks, " << s.sessions << " sessions, " << s.speakers
            << " speakers\n";
  return 0;
}

}  // namespace

int db_command(const std::string& config_path, const std::vector<std::string>& args) {
  if (wants_help(args, kDbHelp)) return 0;
  if (args.size() != 1 || (args[0] != "migrate" && args[0] != "seed-demo")) {
    std::cerr << kDbHelp;
    return 2;
  }
  Config config;
  if (!load_config_or_report(config_path, config)) return 1;
  try {
    return args[0] == "migrate" ? migrate_command(config) : seed_command(config);
  } catch (const std::exception& e) {
    std::cerr << "confsched db " << args[0] << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace confsched
