// `confsched sync`: one run of keeping the programme in step with [sync]
// url, as confsched-sync.timer starts it every few minutes.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli/cli.h"
#include "store/database.h"
#include "sync/sync.h"

namespace confsched {

namespace {

constexpr const char* kSyncHelp =
    "usage: confsched [--config FILE] sync [--dry-run | --every SECONDS] [--force]\n"
    "\n"
    "Fetches [sync] url (http, https or file:///) and, when it changed since\n"
    "the last run (a conditional request: If-None-Match / If-Modified-Since,\n"
    "then the body's digest), merges it by guid as `confsched import` does.\n"
    "Sessions edited here since their import are kept, and upstream's change\n"
    "to them waits for staff on /admin/upstream. With [sync] prune = yes (the\n"
    "default), sessions upstream dropped go, except those edited or made\n"
    "here. Each run's outcome shows on /admin, /_status and in `confsched\n"
    "check`. Without [sync] url there is nothing to do (exit 0).\n"
    "\n"
    "  --dry-run  fetch and list what would change; write nothing\n"
    "  --force    fetch without validators and merge even an unchanged file\n"
    "  --every S  run again every S seconds (10 to 86400) until stopped, for a\n"
    "             host without systemd timers (scripts/quickstart --sync does)\n";

// One run; the database is opened afresh each time, so that a loop
// outlives a database restart.
int sync_once(const Config& config, const SyncRequest& request) {
  try {
    Database db(config.database);
    SyncOutcome outcome = sync_programme(db, request, AuditContext{"sync", ""});
    if (request.dry_run && outcome.kind == SyncOutcome::Kind::kImported)
      std::cout << "dry run, nothing written:\n" << describe_plan(outcome.plan);
    else
      std::cout << "confsched sync: " << describe_outcome(outcome, request.url) << "\n";
    std::cout.flush();
    return outcome.kind == SyncOutcome::Kind::kFailed ? 1 : 0;
  } catch (const std::exception& e) {
    std::cerr << "confsched sync: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

int sync_command(const std::string& config_path, const std::vector<std::string>& args) {
  if (wants_help(args, kSyncHelp)) return 0;
  SyncRequest request;
  unsigned long every_s = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--dry-run") {
      request.dry_run = true;
    } else if (args[i] == "--force") {
      request.force = true;
    } else if (args[i] == "--every" && i + 1 < args.size() &&
               (every_s = std::strtoul(args[i + 1].c_str(), nullptr, 10)) >= 10 &&
               every_s <= 86400 &&
               args[i + 1].find_first_not_of("0123456789") == std::string::npos) {
      ++i;
    } else {
      std::cerr << kSyncHelp;
      return 2;
    }
  }
  if (request.dry_run && every_s > 0) {
    std::cerr << kSyncHelp;
    return 2;
  }
  Config config;
  if (!load_config_or_report(config_path, config)) return 1;
  if (config.sync.url.empty()) {
    std::cout << "confsched sync: no [sync] url in " << config.file << "; nothing to do\n";
    return 0;
  }
  request.url = config.sync.url;
  request.timeout_s = config.sync.timeout_s;
  request.max_bytes = config.sync.max_bytes;
  request.prune = config.sync.prune ? PruneMode::kFromUpstream : PruneMode::kKeep;
  if (every_s == 0) return sync_once(config, request);
  // Until SIGTERM, whose default action ends the process: a merge cut
  // short is a transaction never committed, which MariaDB rolls back.
  for (;;) {
    sync_once(config, request);
    request.force = false;  // --force is for the first run only
    std::this_thread::sleep_for(std::chrono::seconds(every_s));
  }
}

}  // namespace confsched
