#include "server/worker.h"

#include <fcgiapp.h>
#include <malloc.h>
#include <mysql.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <optional>

#include "http/fcgi_edge.h"
#include "site/site.h"
#include "site/templates.h"
#include "store/database.h"
#include "util/log.h"
#include "web/request_boundary.h"
#include "web/router.h"

namespace confsched {

namespace {

// Set by the stop signal; the only state a signal handler may touch.
volatile sig_atomic_t g_stop = 0;

extern "C" void on_stop_signal(int) { g_stop = 1; }

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

// The stop signals stay blocked (as the master left them) everywhere but
// in the wait for a connection (see serve_until_stopped): a signal that
// landed inside libfcgi could cut a request in flight, because libfcgi
// gives up on EINTR, on a short write, and on an interrupted select() in
// its accept, which then closes the connection it just accepted.
void install_worker_signals() {
  struct sigaction stop {};
  stop.sa_handler = on_stop_signal;
  sigemptyset(&stop.sa_mask);
  sigaction(SIGTERM, &stop, nullptr);
  sigaction(SIGINT, &stop, nullptr);
  signal(SIGHUP, SIG_IGN);   // the master rolls workers; a stray HUP must not kill one
  signal(SIGPIPE, SIG_IGN);  // a vanished client is an error return, not death

  sigset_t only_stop = stop_signals();
  sigprocmask(SIG_SETMASK, &only_stop, nullptr);
  // If the master dies without telling us, stop too rather than linger.
  prctl(PR_SET_PDEATHSIG, SIGTERM);
}

// The signal mask while waiting for a connection: the worker's own, with
// the stop signals let through.
sigset_t mask_while_waiting() {
  sigset_t during_wait;
  sigprocmask(SIG_SETMASK, nullptr, &during_wait);
  sigdelset(&during_wait, SIGTERM);
  sigdelset(&during_wait, SIGINT);
  return during_wait;
}

// Waits until a connection may be waiting, with the stop signals let
// through for exactly that long. False when told to stop.
bool wait_for_connection(int listen_fd, const sigset_t& during_wait) {
  pollfd listener{listen_fd, POLLIN, 0};
  while (!g_stop) {
    if (ppoll(&listener, 1, nullptr, &during_wait) > 0) return true;
    if (errno != EINTR) {
      log_error(std::string("poll on the listening socket failed: ") + std::strerror(errno));
      return false;
    }
  }
  return false;
}

int serve_until_stopped(const Config& config, int listen_fd, const WorkerShared& shared) {
  Templates templates(config);
  std::string secret = load_secret(config);
  Database db(config.database);
  // [replica]: delegate data is read there, writes and staff pages use db.
  // On a Galera cluster, delegate data is read from the nodes too, on a
  // connection of its own that does not wait for the cluster before each
  // read (store/galera_node.h): db's reads do, so that staff see their
  // save whichever node it went through.
  std::optional<Database> replica;
  std::chrono::seconds replica_retry(config.replica_retry_s);
  if (config.replica) {
    replica.emplace(*config.replica);
  } else if (!config.database.galera_nodes.empty()) {
    replica.emplace(config.database, ReadFreshness::kAsApplied);
    replica_retry = std::chrono::seconds(config.database.node_retry_s);
  }
  Site site(config, std::move(secret), templates, db);
  if (replica) site.read_from_replica(*replica, replica_retry);
  site.share_login_guard(shared.login_guard);
  site.share_stats(shared.stats);
  // Before the first request: what lets this worker serve delegates should
  // the database stop later (site.h).
  site.warm_up();

  FCGX_Init();
  FcgiConnection connection(listen_fd);
  FcgiConnection::Handlers handlers{
      [&](const Request& r) { return handle_request(site, r); },
      [&](int status) { return site.error_page(status); },
      [](std::string_view path) { return body_limit(path); },
      [&](const Request& head) { return admit_body(site, head); },
  };
  // The listening socket is non-blocking (master.cc): every idle worker
  // wakes for a connection, one takes it, the others find none and wait
  // again.
  const sigset_t during_wait = mask_while_waiting();
  while (wait_for_connection(listen_fd, during_wait)) {
    switch (connection.accept()) {
      case AcceptResult::kAccepted:
        connection.serve(handlers);
        break;
      case AcceptResult::kNone:
        break;
      case AcceptResult::kFailed:
        log_error("accept failed; worker exits and will be restarted");
        return 1;
    }
  }
  return 0;
}

}  // namespace

void run_worker(const Config& config, int listen_fd, WorkerShared shared) {
  set_log_worker(shared.number);
  install_worker_signals();
  // An Argon2id check allocates 19 MiB in one block. glibc maps the first
  // such block and unmaps it on free, but then raises its mmap threshold
  // to that size, so later blocks come from the heap and the worker stays
  // at ~27 MiB resident after one burst of logins. A fixed threshold
  // keeps every such block mapped and returned at once.
  mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
  int status = 1;
  try {
    status = serve_until_stopped(config, listen_fd, shared);
  } catch (const std::exception& e) {
    log_error(std::string("worker cannot start: ") + e.what());
    status = 2;
  }
  mysql_thread_end();
  _exit(status);
}

}  // namespace confsched
