// confsched-demo: loads the demo conference (demo_seed.h) into the
// configured database, for a look at the site (scripts/quickstart) and for
// the tests' stacks. A program of its own so that the server binary
// carries no fixture data; it links the store layer and those below it.
#include <cstdlib>
#include <ctime>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "demo_seed.h"
#include "store/database.h"
#include "util/time_zone.h"

namespace {

constexpr const char* kUsage =
    "usage: confsched-demo [--config FILE] [--first-day YYYY-MM-DD | --today]\n"
    "\n"
    "Replaces the whole programme in confsched's database with a demo conference\n"
    "(3 days, 8 rooms, 5 tracks, about 180 sessions). Passwords stay as they are.\n"
    "\n"
    "options:\n"
    "  --config FILE    configuration file (default: $CONFSCHED_CONFIG, or\n"
    "                   /etc/confsched/confsched.ini)\n"
    "  --first-day DAY  the conference's first day (default 2027-06-15)\n"
    "  --today          the first day is today in the demo's zone (Europe/London):\n"
    "                   /now, room status and speaker check-in then have sessions\n"
    "                   running to show\n"
    "  -h, --help       this text\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace confsched;
  const std::vector<std::string> args(argv + 1, argv + argc);
  std::string config_path = default_config_path(::getenv);
  CivilDateTime first_day{2027, 6, 15};
  for (size_t i = 0; i < args.size(); ++i) {
    if (take_config_option(args, i, config_path)) continue;
    if (args[i] == "--first-day" && i + 1 < args.size()) {
      std::optional<CivilDateTime> day = parse_civil(args[++i]);
      if (!day || args[i].size() != 10) {
        std::cerr << "confsched-demo: --first-day takes a day as YYYY-MM-DD\n";
        return 2;
      }
      first_day = *day;
      continue;
    }
    if (args[i] == "--today") {
      std::optional<TimeZone> zone = TimeZone::load(kDemoTimeZone);
      if (!zone) {
        std::cerr << "confsched-demo: " << kDemoTimeZone << " is not in the system's tz database\n";
        return 1;
      }
      first_day = zone->local_time(static_cast<int64_t>(std::time(nullptr)));
      first_day.hour = first_day.minute = first_day.second = 0;
      continue;
    }
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
    DemoSeedSummary s = seed_demo(db, first_day);
    std::cout << "demo conference loaded: " << s.days << " days, " << s.rooms << " rooms, "
              << s.tracks << " tracks, " << s.sessions << " sessions, " << s.speakers
              << " speakers\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "confsched-demo: " << e.what() << "\n";
    return 1;
  }
}
