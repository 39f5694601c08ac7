// The master process of `confsched serve`: holds the listening socket,
// keeps N workers running, restarts those that die (with back-off), rolls
// them on SIGHUP and stops them cleanly on SIGTERM.
#pragma once

#include <string>

#include "config/config.h"

namespace confsched {

struct ServeOptions {
  Config config;
  std::string listen;        // as in [server] listen
  unsigned int workers = 0;  // 0: one per core
};

// Returns the process exit status. Throws std::runtime_error when the
// server cannot start (bad socket, templates or secret): nothing is
// started then.
int run_master(ServeOptions options);

}  // namespace confsched
