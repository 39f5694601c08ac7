// A worker process: accepts FastCGI requests one at a time on the shared
// listening socket until told to stop.
#pragma once

#include "auth/login_guard.h"
#include "config/config.h"
#include "util/server_stats.h"

namespace confsched {

// What the master shares with a worker it forks: the login guard and
// /_status's counters (both in shared memory the master owns), and the
// worker's number for log lines.
struct WorkerShared {
  LoginGuard& login_guard;
  ServerStats& stats;
  unsigned int number;
};

// Runs in a freshly forked child. Loads templates and the secret itself
// (so a SIGHUP roll picks up new ones), serves until SIGTERM, finishes the
// request in flight and exits the process. Never returns, never unwinds
// into the master's stack frames (which own the listening socket and the
// shared mappings, which the worker uses but never unmaps).
[[noreturn]] void run_worker(const Config& config, int listen_fd, WorkerShared shared);

}  // namespace confsched
