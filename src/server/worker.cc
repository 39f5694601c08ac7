#include "server/worker.h"

#include <fcgiapp.h>
#include <mysql.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>

#include "db/database.h"
#include "http/fcgi_edge.h"
#include "pages/site.h"
#include "pages/templates.h"
#include "util/log.h"

namespace confsched {

namespace {

// Signal handlers can only reach globals. These are the worker's own, set
// once before its accept loop starts.
volatile sig_atomic_t g_stop = 0;
volatile sig_atomic_t g_listen_fd = -1;

extern "C" void on_stop_signal(int) {
  g_stop = 1;
  // Closing our copy of the listening socket makes a blocked accept fail
  // (the restarted call finds the descriptor gone: EBADF), and so does one
  // about to block, whichever instant the signal lands in. The master and
  // other workers keep their own copies.
  if (g_listen_fd >= 0) {
    close(g_listen_fd);
    g_listen_fd = -1;
  }
}

void install_worker_signals() {
  struct sigaction stop {};
  stop.sa_handler = on_stop_signal;
  sigemptyset(&stop.sa_mask);
  // SA_RESTART: the signal must not interrupt the reads and writes of a
  // request already accepted (libfcgi gives up on EINTR, which failed the
  // request in flight during a roll). Closing the listening socket is what
  // ends the accept.
  stop.sa_flags = SA_RESTART;
  sigaction(SIGTERM, &stop, nullptr);
  sigaction(SIGINT, &stop, nullptr);
  signal(SIGHUP, SIG_IGN);   // the master rolls workers; a stray HUP must not kill one
  signal(SIGPIPE, SIG_IGN);  // a vanished client is an error return, not death

  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);  // the master blocks these; we need them
  // If the master dies without telling us, stop too rather than linger.
  prctl(PR_SET_PDEATHSIG, SIGTERM);
}

int serve_until_stopped(const Config& config, int listen_fd) {
  Templates templates(config.template_dir, config.static_dir);
  std::string secret = load_secret(config);
  Database db(config.database);
  Site site(config, std::move(secret), templates, db);

  FCGX_Init();
  FcgiConnection connection(listen_fd);
  auto handle = [&](const Request& r) { return site.handle(r); };
  auto refuse = [&](int status) { return site.error_page(status); };
  while (!g_stop) {
    if (!connection.accept()) {
      if (g_stop) break;
      if (errno == EINTR) continue;
      log_error("accept failed; worker exits and will be restarted");
      return 1;
    }
    connection.serve(handle, refuse);
  }
  return 0;
}

}  // namespace

void run_worker(const Config& config, int listen_fd) {
  g_listen_fd = listen_fd;
  install_worker_signals();
  int status = 1;
  try {
    status = serve_until_stopped(config, listen_fd);
  } catch (const std::exception& e) {
    log_error(std::string("worker cannot start: ") + e.what());
    status = 2;
  }
  mysql_thread_end();
  _exit(status);
}

}  // namespace confsched
