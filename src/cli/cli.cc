#include "cli/cli.h"

#include <cstdlib>
#include <iostream>

namespace confsched {

namespace {

constexpr const char* kUsage =
    "usage: confsched [--config FILE | --instance NAME] COMMAND [ARGS]\n"
    "\n"
    "Serves a conference's website over FastCGI from MariaDB.\n"
    "\n"
    "commands:\n"
    "  serve            run the FastCGI server (master and workers)\n"
    "  db migrate       apply the SQL migrations not applied yet\n"
    "  db backup FILE   dump the whole database to FILE (mariadb-dump)\n"
    "  db restore FILE  load such a dump back (mariadb)\n"
    "  import [FORMAT] FILE [--dry-run] [--prune | --replace] ...\n"
    "                   merge a frab XML, schedule JSON or CSV programme\n"
    "  import [FORMAT] --url URL ...\n"
    "                   the same, fetched from pretalx, frab or any URL\n"
    "  sync             keep the programme in step with [sync] url (a timer\n"
    "                   runs it); local edits win\n"
    "  export [FORMAT] FILE\n"
    "                   write the programme as schedule JSON or frab XML\n"
    "  export site DIR [--force]\n"
    "                   write the delegate pages as a static site into DIR\n"
    "  passwd ROLE      set the shared password of ROLE (delegate or staff)\n"
    "  staff add|remove|passwd|role|list ...\n"
    "                   the staff members' own logins\n"
    "  check            validate the configuration and reach the database\n"
    "  display-token ROOM_ID\n"
    "                   print the /display/ROOM_ID URL path with its token\n"
    "  routes           print the route table (paths, methods, access, caching)\n"
    "  messages extract [DIR]\n"
    "                   print the templates' text as a gettext .pot\n"
    "\n"
    "options:\n"
    "  --config FILE    configuration file (default: $CONFSCHED_CONFIG, or\n"
    "                   /etc/confsched/confsched.ini)\n"
    "  --instance NAME  one of several events on this host: its configuration\n"
    "                   is /etc/confsched/NAME.ini, its own socket, database\n"
    "                   and cookie key by default (README \"Several events on\n"
    "                   one host\"); confsched@NAME.service runs it\n"
    "  -h, --help       this text; COMMAND --help tells about a command\n";

}  // namespace

bool wants_help(const std::vector<std::string>& args, const char* text) {
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") {
      std::cout << text;
      return true;
    }
  }
  return false;
}

int run_cli(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string config_path = default_config_path(::getenv);
  std::string instance;
  bool config_given = false;
  size_t i = 0;
  for (; i < args.size(); ++i) {
    if (take_config_option(args, i, config_path)) {
      config_given = true;
      continue;
    }
    if (take_option(args, i, "--instance", instance)) {
      if (!valid_instance_name(instance)) {
        std::cerr << "confsched: bad --instance \"" << instance << "\": " << kInstanceNameRule
                  << "\n";
        return 2;
      }
      continue;
    }
    if (args[i] == "-h" || args[i] == "--help") {
      std::cout << kUsage;
      return 0;
    }
    break;
  }
  if (i == args.size()) {
    std::cerr << kUsage;
    return 2;
  }
  if (!instance.empty()) {
    if (config_given) {
      std::cerr << "confsched: --config and --instance exclude each other (--instance NAME "
                   "reads "
                << instance_config_path("NAME") << ")\n";
      return 2;
    }
    // In the environment, so that every load of the configuration (the
    // master's again on SIGHUP) takes the instance's defaults, and the
    // tools a command runs know it too.
    ::setenv(kInstanceEnv, instance.c_str(), 1);
    config_path = instance_config_path(instance);
  }
  const std::string command = args[i];
  const std::vector<std::string> rest(args.begin() + static_cast<long>(i) + 1, args.end());
  if (command == "serve") return serve_command(config_path, rest);
  if (command == "db") return db_command(config_path, rest);
  if (command == "passwd") return passwd_command(config_path, rest);
  if (command == "staff") return staff_command(config_path, rest);
  if (command == "check") return check_command(config_path, rest);
  if (command == "import") return import_command(config_path, rest);
  if (command == "export") return export_command(config_path, rest);
  if (command == "sync") return sync_command(config_path, rest);
  if (command == "display-token") return display_token_command(config_path, rest);
  if (command == "routes") return routes_command(config_path, rest);
  if (command == "messages") return messages_command(config_path, rest);
  std::cerr << "confsched: unknown command \"" << command << "\"\n\n" << kUsage;
  return 2;
}

}  // namespace confsched
