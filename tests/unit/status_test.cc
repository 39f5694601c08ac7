// /_status: the Prometheus text and JSON forms, and who may read them.
#include "pages/status.h"

#include <sstream>

#include "test_support.h"

using namespace confsched;

namespace {

StatusReport sample() {
  StatusReport r;
  r.stats.requests = 42;
  r.stats.render_cache_hits = 30;
  r.stats.render_cache_misses = 5;
  r.stats.workers = 2;
  r.data_version = 720;
  r.data_version_known = true;
  r.database_up = true;
  r.uptime_s = 99;
  r.sync_last_success_s = 1796000000;
  r.sync_last_change_s = 1795990000;
  r.sync_last_error_s = 0;
  r.upstream_changes_waiting = 3;
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(status)

BOOST_AUTO_TEST_CASE(text_is_prometheus_exposition_format) {
  std::string text = status_report_text(sample());
  for (const char* line :
       {"confsched_workers 2\n", "confsched_requests_total 42\n",
        "confsched_render_cache_hits_total 30\n", "confsched_render_cache_misses_total 5\n",
        "confsched_data_version 720\n", "confsched_database_up 1\n",
        "confsched_uptime_seconds 99\n",
        "confsched_sync_last_success_timestamp_seconds 1796000000\n",
        "confsched_sync_last_change_timestamp_seconds 1795990000\n",
        "confsched_sync_last_error_timestamp_seconds 0\n", "confsched_sync_failing 0\n",
        "confsched_upstream_changes_waiting 3\n", "# TYPE confsched_requests_total counter\n",
        "# TYPE confsched_workers gauge\n"})
    BOOST_TEST(text.find(line) != std::string::npos, line);
  // Every line is a comment or "name value", and every sample has a TYPE.
  std::istringstream lines(text);
  std::string line;
  int samples = 0, types = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("# TYPE ", 0) == 0) {
      ++types;
    } else if (line.rfind("# HELP ", 0) != 0) {
      ++samples;
      BOOST_TEST(line.rfind("confsched_", 0) == 0u, line);
      BOOST_TEST(line.find(' ') == line.rfind(' '), line);
    }
  }
  BOOST_TEST(samples == 12);
  BOOST_TEST(types == samples);
}

BOOST_AUTO_TEST_CASE(json_has_the_same_numbers) {
  StatusReport r = sample();
  r.database_up = false;
  r.data_version_known = false;
  BOOST_TEST(status_report_json(r) ==
             "{\"workers\":2,\"requests_total\":42,\"render_cache_hits_total\":30,"
             "\"render_cache_misses_total\":5,\"data_version\":0,\"database_up\":0,"
             "\"uptime_seconds\":99,\"sync_last_success_timestamp_seconds\":1796000000,"
             "\"sync_last_change_timestamp_seconds\":1795990000,"
             "\"sync_last_error_timestamp_seconds\":0,\"sync_failing\":0,"
             "\"upstream_changes_waiting\":3}\n");
}

BOOST_AUTO_TEST_CASE(an_instance_is_named_in_both_forms) {
  StatusReport r = sample();
  BOOST_TEST(status_report_text(r).find("instance") == std::string::npos);
  BOOST_TEST(status_report_json(r).find("instance") == std::string::npos);
  r.instance = "spring";
  std::string text = status_report_text(r);
  BOOST_TEST(text.find("# TYPE confsched_instance_info gauge\n"
                       "confsched_instance_info{instance=\"spring\"} 1\n") != std::string::npos,
             text);
  std::string json = status_report_json(r);
  BOOST_TEST(
      json.find(",\"upstream_changes_waiting\":3,\"instance\":\"spring\"}\n") != std::string::npos,
      json);
}

BOOST_AUTO_TEST_CASE(only_listed_addresses_may_read_it) {
  std::vector<std::string> allowed{"127.0.0.1", "::1"};
  BOOST_TEST(status_client_allowed(allowed, "127.0.0.1"));
  BOOST_TEST(status_client_allowed(allowed, "::1"));
  for (const char* other : {"127.0.0.2", "", "127.0.0.1 ", "10.0.0.1", "::ffff:127.0.0.1"})
    BOOST_TEST(!status_client_allowed(allowed, other), other);
  BOOST_TEST(!status_client_allowed({}, "127.0.0.1"));
}

BOOST_AUTO_TEST_SUITE_END()
