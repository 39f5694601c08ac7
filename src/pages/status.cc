// /_status and /_status.json (route table: loopback or [server]
// status_allow only, never cached).
#include "pages/status.h"

#include <algorithm>

#include "pages/pages.h"
#include "site/site.h"
#include "store/errors.h"
#include "store/sync_state.h"
#include "store/upstream.h"

namespace confsched {

namespace {

struct Metric {
  const char* name;
  const char* type;
  const char* help;
  uint64_t value;
};

uint64_t non_negative(int64_t v) { return static_cast<uint64_t>(std::max<int64_t>(v, 0)); }

std::vector<Metric> metrics(const StatusReport& r) {
  return {
      {"confsched_workers", "gauge", "Worker processes alive.", r.stats.workers},
      {"confsched_requests_total", "counter", "Requests answered by all workers.",
       r.stats.requests},
      {"confsched_render_cache_hits_total", "counter",
       "Shared pages answered from a worker's render cache.", r.stats.render_cache_hits},
      {"confsched_render_cache_misses_total", "counter",
       "Shared pages rendered because a worker's render cache lacked them.",
       r.stats.render_cache_misses},
      {"confsched_data_version", "gauge",
       "The data version the answering worker knows (0: none known yet).",
       r.data_version_known ? r.data_version : 0},
      {"confsched_database_up", "gauge",
       "1 if the answering worker reached the database just now, else 0.", r.database_up ? 1u : 0u},
      {"confsched_uptime_seconds", "gauge", "Seconds since the server started.",
       static_cast<uint64_t>(std::max<int64_t>(r.uptime_s, 0))},
      {"confsched_sync_last_success_timestamp_seconds", "gauge",
       "When confsched sync last fetched upstream's export without error (0: never).",
       non_negative(r.sync_last_success_s)},
      {"confsched_sync_last_change_timestamp_seconds", "gauge",
       "When confsched sync last changed the programme (0: never).",
       non_negative(r.sync_last_change_s)},
      {"confsched_sync_last_error_timestamp_seconds", "gauge",
       "When confsched sync last failed (0: never); newer than the last success: failing now.",
       non_negative(r.sync_last_error_s)},
      {"confsched_sync_failing", "gauge", "1 if the last confsched sync failed, else 0.",
       r.sync_failing ? 1u : 0u},
      {"confsched_upstream_changes_waiting", "gauge",
       "Upstream changes to sessions edited here, waiting for staff on /admin/upstream.",
       r.upstream_changes_waiting},
  };
}

// Short names for the JSON form: the metric name without its prefix.
std::string json_name(const char* metric) { return std::string(metric).substr(10); }

StatusReport gather(Site& site) {
  StatusReport r;
  r.instance = site.config().instance;
  r.stats = site.stats().snapshot();
  r.uptime_s = site.now() - r.stats.started_at;
  try {
    site.db().ping();
    r.database_up = true;
  } catch (const std::exception&) {
    r.database_up = false;  // DbUnavailable, or anything else the ping hit
  }
  if (r.database_up) {
    try {
      const SyncState sync = load_sync_state(site.db());
      r.sync_last_success_s = sync.last_success_s;
      r.sync_last_change_s = sync.last_change_s;
      r.sync_last_error_s = sync.last_error_s;
      r.upstream_changes_waiting = count_upstream_changes(site.db());
      r.sync_failing = sync.failing;
    } catch (const std::exception&) {
      // Left at 0: the page reports database_up, which says why.
    }
  }
  try {
    r.data_version = site.data_state().data_version;
    r.data_version_known = true;
  } catch (const DbUnavailable&) {
    r.data_version_known = false;
  }
  return r;
}

}  // namespace

std::string status_report_text(const StatusReport& report) {
  std::string out;
  for (const Metric& m : metrics(report)) {
    out += std::string("# HELP ") + m.name + " " + m.help + "\n";
    out += std::string("# TYPE ") + m.name + " " + m.type + "\n";
    out += std::string(m.name) + " " + std::to_string(m.value) + "\n";
  }
  // An info metric (the value is always 1, the label says it), as
  // Prometheus exporters name a build or a host. The name needs no
  // escaping: config/config.h allows a-z, 0-9 and '_' only.
  if (!report.instance.empty()) {
    out += "# HELP confsched_instance_info The instance of several on this host that answered.\n";
    out += "# TYPE confsched_instance_info gauge\n";
    out += "confsched_instance_info{instance=\"" + report.instance + "\"} 1\n";
  }
  return out;
}

std::string status_report_json(const StatusReport& report) {
  std::string out = "{";
  for (const Metric& m : metrics(report)) {
    if (out.size() > 1) out += ",";
    out += "\"" + json_name(m.name) + "\":" + std::to_string(m.value);
  }
  if (!report.instance.empty()) out += ",\"instance\":\"" + report.instance + "\"";
  out += "}\n";
  return out;
}

bool status_client_allowed(const std::vector<std::string>& allowed,
                           const std::string& remote_addr) {
  return !remote_addr.empty() &&
         std::find(allowed.begin(), allowed.end(), remote_addr) != allowed.end();
}

Response status_page(Site& site, const Request&, const RouteParams&) {
  return typed_response(200, status_report_text(gather(site)),
                        "text/plain; version=0.0.4; charset=utf-8", cache_control::kNoStore);
}

Response status_json_page(Site& site, const Request&, const RouteParams&) {
  return typed_response(200, status_report_json(gather(site)), content_type::kJson,
                        cache_control::kNoStore);
}

}  // namespace confsched
