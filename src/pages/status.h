// /_status: what an operator (or a Prometheus scraper) wants to know about
// a running server, as Prometheus text exposition format and as JSON.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "util/server_stats.h"

namespace confsched {

struct StatusReport {
  StatsSnapshot stats;
  uint64_t data_version = 0;  // the answering worker's last known one
  bool data_version_known = false;
  bool database_up = false;  // the answering worker reached it just now
  int64_t uptime_s = 0;      // since the master started
  // Keeping in step with upstream (sql/011 sync_state): seconds since 1970
  // of the last success, change and error (0: never), and the upstream
  // changes waiting for staff. All 0 when the database is away.
  int64_t sync_last_success_s = 0, sync_last_change_s = 0, sync_last_error_s = 0;
  uint64_t upstream_changes_waiting = 0;
  bool sync_failing = false;  // the last sync attempt failed
  // Config::instance: which of several events on the host answers
  // (config/config.h); "" for a host's one site.
  std::string instance;
};

// Prometheus text exposition format 0.0.4: one HELP, TYPE and sample line
// per metric, names confsched_*, counters ending in _total; for an
// instance, confsched_instance_info{instance="NAME"} 1 as well. Pure.
std::string status_report_text(const StatusReport& report);
// The same numbers as one JSON object, and "instance":"NAME". Pure.
std::string status_report_json(const StatusReport& report);

// Whether remote_addr (REMOTE_ADDR from the web server) is one of allowed
// ([server] status_allow): an exact match, nothing else. Pure.
bool status_client_allowed(const std::vector<std::string>& allowed, const std::string& remote_addr);

}  // namespace confsched
