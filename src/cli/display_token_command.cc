// `confsched display-token ROOM_ID`: the URL path that opens a room's
// display screen without a login (auth/display_token.h says why derived).
#include <iostream>

#include "auth/display_token.h"
#include "cli/cli.h"
#include "pages/router.h"

namespace confsched {

namespace {

constexpr const char* kDisplayTokenHelp =
    "usage: confsched [--config FILE] display-token ROOM_ID\n"
    "\n"
    "Prints /display/ROOM_ID?token=... : open it (after the site's address) on\n"
    "the screen outside that room. The token is derived from the cookie secret,\n"
    "so it needs no database; changing the secret revokes every display token\n"
    "(and every login). Room ids are listed on /admin/rooms.\n";

}  // namespace

int display_token_command(const std::string& config_path, const std::vector<std::string>& args) {
  if (wants_help(args, kDisplayTokenHelp)) return 0;
  int64_t room_id = 0;
  if (args.size() != 1 || !parse_path_id(args[0], room_id)) {
    std::cerr << kDisplayTokenHelp;
    return 2;
  }
  Config config;
  if (!load_config_or_report(config_path, config)) return 1;
  try {
    const std::string secret = load_secret(config);
    std::cout << "/display/" << room_id << "?token=" << display_token(secret, room_id) << "\n";
    return 0;
  } catch (const ConfigError& e) {
    std::cerr << "confsched: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace confsched
