// `confsched serve`.
#include <charconv>
#include <iostream>

#include "cli/cli.h"
#include "server/master.h"

namespace confsched {

namespace {

constexpr const char* kServeHelp =
    "usage: confsched [--config FILE] serve [--listen ADDRESS] [--workers N]\n"
    "\n"
    "Runs the FastCGI server in the foreground: a master process and N worker\n"
    "processes that share one listening socket. Logs go to stderr.\n"
    "\n"
    "  --listen ADDRESS  unix:/path/to/socket or host:port; overrides [server]\n"
    "                    listen. An empty value takes the listening socket on\n"
    "                    fd 0 (spawn-fcgi, systemd socket activation).\n"
    "  --workers N       worker processes (default [server] workers, or one per core)\n"
    "\n"
    "signals: SIGTERM/SIGINT stop after the requests in flight; SIGHUP re-reads the\n"
    "configuration and templates and replaces every worker without failing a request.\n";

}  // namespace

int serve_command(const std::string& config_path, const std::vector<std::string>& args) {
  if (wants_help(args, kServeHelp)) return 0;
  ServeOptions options;
  if (!load_config_or_report(config_path, options.config)) return 1;
  options.listen = options.config.listen;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--listen" && i + 1 < args.size()) {
      options.listen = args[++i];
    } else if (a == "--workers" && i + 1 < args.size()) {
      const std::string& n = args[++i];
      auto r = std::from_chars(n.data(), n.data() + n.size(), options.workers);
      if (r.ec != std::errc() || r.ptr != n.data() + n.size() || options.workers == 0 ||
          options.workers > 256) {
        std::cerr << "confsched serve: --workers takes a number from 1 to 256\n";
        return 2;
      }
    } else {
      std::cerr << "confsched serve: unexpected argument \"" << a << "\"\n\n" << kServeHelp;
      return 2;
    }
  }
  try {
    return run_master(std::move(options));
  } catch (const std::exception& e) {
    std::cerr << "confsched serve: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace confsched
