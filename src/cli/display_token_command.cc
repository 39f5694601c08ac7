// `confsched display-token ROOM_ID`: the URL path that opens a room's
// display screen without a login (auth/display_token.h). Staff manage the
// same links on /admin/displays; this is the way from a shell, e.g. for
// setting up screens by script.
#include <iostream>

#include "auth/display_token.h"
#include "cli/cli.h"
#include "store/display_store.h"
#include "web/router.h"

namespace confsched {

namespace {

constexpr const char* kDisplayTokenHelp =
    "usage: confsched [--config FILE] display-token ROOM_ID\n"
    "\n"
    "Prints /display/ROOM_ID?token=... : open it (after the site's address) on\n"
    "the screen outside that room; it shows that room's current and next session\n"
    "with no login. This is the room's current link, the one /admin/displays\n"
    "shows. If the room's screen is off, this turns it on (with a new link, and\n"
    "an audit row naming this command) and says so on stderr. Staff give a room\n"
    "a new link or turn its screen off on /admin/displays. Changing the cookie\n"
    "secret revokes every link (and every login). Room ids are listed on\n"
    "/admin/displays and /admin/rooms.\n";

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
    Database db(config.database);
    auto result = change_display(db, room_id, DisplayChange::kOn,
                                 AuditContext{"command line: display-token", ""});
    if (!result || !result->room.nonce) {
      std::cerr << "confsched display-token: there is no room " << room_id
                << " (room ids are listed on /admin/displays)\n";
      return 1;
    }
    if (result->changed)
      std::cerr << "confsched display-token: the screen of room " << room_id
                << " was off; it is on now\n";
    std::cout << display_path(secret, room_id, *result->room.nonce) << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "confsched display-token: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace confsched
