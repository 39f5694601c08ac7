// Measures what one uncached /schedule costs a worker: loading the
// programme from MariaDB, and rendering it with ctemplate. Prints figures;
// asserts nothing (performance targets are read by people, not CI).
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "config/config.h"
#include "db/database.h"
#include "db/programme.h"
#include "http/request.h"
#include "pages/pages.h"
#include "pages/site.h"
#include "pages/templates.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: render_bench CONFIG [ROUNDS]\n";
    return 2;
  }
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 50;
  using namespace confsched;
  Config config = load_config(argv[1], ::getenv);
  Templates templates(config.template_dir, config.static_dir);
  Database db(config.database);
  Site site(config, load_secret(config), templates, db);

  Request request;
  request.method = "GET";
  request.path = "/schedule";

  double load_ms = 0, page_ms = 0;
  size_t bytes = 0;
  for (int i = 0; i < rounds; ++i) {
    auto start = Clock::now();
    auto programme = load_programme(db);
    load_ms += ms_since(start);
    start = Clock::now();
    Response r = schedule_page(site, request, RouteParams{});
    page_ms += ms_since(start);
    bytes = r.body.size();
  }
  std::cout << "schedule page: " << bytes << " bytes\n"
            << "programme load alone (queries + assembly): " << load_ms / rounds << " ms\n"
            << "one uncached /schedule (load + render):    " << page_ms / rounds << " ms\n"
            << "render alone, by difference:               " << (page_ms - load_ms) / rounds
            << " ms\n"
            << "(averages over " << rounds << " rounds)\n";
  return 0;
}
