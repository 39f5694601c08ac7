// confsched-demo: loads the demo conference (demo_seed.h) into the
// configured database, for a look at the site (scripts/quickstart) and for
// the tests' stacks. A program of its own so that the server binary
// carries no fixture data; it links the store layer and those below it.
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "config/config.h"
#include "demo_seed.h"
#include "store/database.h"

namespace {

constexpr const char* kUsage =
    "usage: confsched-demo [--config FILE]\n"
    "\n"
    "Replaces the whole programme in confsched's database with a demo conference\n"
    "(3 days, 8 rooms, 5 tracks, about 180 sessions). Passwords stay as they are.\n"
    "\n"
    "options:\n"
    "  --config FILE    configuration file (default: $CONFSCHED_CONFIG, or\n"
    "                   /etc/confsched/confsched.ini)\n"
    "  -h, --help       this text\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace confsched;
  const std::vector<std::string> args(argv + 1, argv + argc);
  std::string config_path = default_config_path(::getenv);
  for (size_t i = 0; i < args.size(); ++i) {
    if (take_config_option(args, i, config_path)) continue;
    if (args[i] == "-h" || args[i] == "--help") {
      std::cout << kUsage;
      return 0;
    }
    std::cerr << "confsched-demo: unexpected argument \"" << args[i] << "\"\n\n" << kUsage;
    return 2;
  }
  Config config;
  if (!load_config_or_report(config_path, config, "confsched-demo")) return 1;
  try {
    Database db(config.database);
    DemoSeedSummary s = seed_demo(db);
    std::cout << "demo conference loaded: " << s.days << " days, " << s.rooms << " rooms, "
              << s.tracks << " tracks, " << s.sessions << " sessions, " << s.speakers
              << " speakers\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "confsched-demo: " << e.what() << "\n";
    return 1;
  }
}
