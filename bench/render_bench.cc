// Measures what one uncached /schedule (or TARGET, another /schedule query,
// e.g. "/schedule?view=all") costs a worker: loading the programme from
// MariaDB, and rendering it with ctemplate. Prints figures;
// asserts nothing (performance targets are read by people, not CI).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <vector>

#include "config/config.h"
#include "http/request.h"
#include "pages/pages.h"
#include "site/site.h"
#include "site/templates.h"
#include "store/database.h"
#include "store/programme.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The nearest-rank percentile of sorted, non-empty times.
double percentile(const std::vector<double>& sorted, double p) {
  auto rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: render_bench CONFIG [ROUNDS [TARGET]]\n";
    return 2;
  }
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 50;
  if (rounds < 1) {
    std::cerr << "render_bench: ROUNDS must be at least 1\n";
    return 2;
  }
  using namespace confsched;
  Config config = load_config(argv[1], ::getenv);
  Templates templates(config.template_dir, config.static_dir);
  Database db(config.database);
  Site site(config, load_secret(config), templates, db);

  Request request;
  request.method = "GET";
  request.raw_target = argc > 3 ? argv[3] : "/schedule";
  request.path = request.raw_target.substr(0, request.raw_target.find('?'));
  if (request.path != "/schedule") {
    std::cerr << "render_bench: TARGET must be /schedule or a query of it\n";
    return 2;
  }

  double load_ms = 0, page_ms = 0;
  size_t bytes = 0, sessions = 0, rooms = 0;
  std::vector<double> page_times;
  for (int i = 0; i < rounds; ++i) {
    auto start = Clock::now();
    auto programme = load_programme(db);
    load_ms += ms_since(start);
    if (programme) {
      sessions = programme->sessions.size();
      rooms = programme->rooms.size();
    }
    start = Clock::now();
    Response r = schedule_page(site, request, RouteParams{});
    page_times.push_back(ms_since(start));
    page_ms += page_times.back();
    bytes = r.body.size();
  }
  std::sort(page_times.begin(), page_times.end());
  std::cout << request.raw_target << ": " << bytes << " bytes\n"
            << "programme load alone (queries + assembly): " << load_ms / rounds << " ms\n"
            << "one uncached /schedule (load + render):    " << page_ms / rounds << " ms\n"
            << "render alone, by difference:               " << (page_ms - load_ms) / rounds
            << " ms\n"
            << "(averages over " << rounds << " rounds)\n"
            << "programme: " << sessions << " sessions in " << rooms << " rooms\n"
            << "cold /schedule (load + render) per round: mean " << page_ms / rounds << " ms, p50 "
            << percentile(page_times, 50) << " ms, p99 " << percentile(page_times, 99)
            << " ms, max " << page_times.back() << " ms\n";
  return 0;
}
