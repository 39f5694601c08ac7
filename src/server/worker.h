// A worker process: accepts FastCGI requests one at a time on the shared
// listening socket until told to stop.
#pragma once

#include "auth/login_guard.h"
#include "config/config.h"

namespace confsched {

// Runs in a freshly forked child. Loads templates and the secret itself
// (so a SIGHUP roll picks up new ones), serves until SIGTERM, finishes the
// request in flight and exits the process. Never returns, never unwinds
// into the master's stack frames (which own the listening socket and the
// login guard's shared mapping, which the worker uses but never unmaps).
[[noreturn]] void run_worker(const Config& config, int listen_fd, LoginGuard& login_guard);

}  // namespace confsched
