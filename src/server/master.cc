#include "server/master.h"

#include <mysql.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <map>
#include <stdexcept>
#include <vector>

#include "server/listen_socket.h"
#include "server/socket_activation.h"
#include "server/worker.h"
#include "site/templates.h"
#include "util/log.h"
#include "util/server_stats.h"

namespace confsched {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// A dead worker is replaced at once: until it is, its share of requests
// waits in the listen queue. Only deaths in quick succession (each within
// kQuickDeath of its start) look like a worker that cannot start, and
// each of those waits twice as long as the last, from kFirstBackoff up to
// kMaxBackoff, so a crash at start-up cannot become a fork loop.
constexpr auto kQuickDeath = std::chrono::seconds(10);
constexpr auto kFirstBackoff = milliseconds(100);
constexpr auto kMaxBackoff = milliseconds(30000);
// How long SIGTERM waits for requests in flight before SIGKILL.
constexpr auto kStopGrace = std::chrono::seconds(30);

struct WorkerInfo {
  unsigned int generation;
  Clock::time_point started;
};

class Master {
 public:
  Master(ServeOptions options, ListenSocket socket)
      : options_(std::move(options)), socket_(std::move(socket)) {}
  Master(const Master&) = delete;
  Master& operator=(const Master&) = delete;

  int run();

 private:
  void spawn();
  void reap();
  void roll();
  void shut_down();
  void start_due_restarts();
  milliseconds next_wait() const;

  unsigned int worker_count();

  ServeOptions options_;
  ListenSocket socket_;
  // Made before the first fork; every worker, of every generation, shares
  // it, so failure counts survive a SIGHUP roll and a worker's restart.
  LoginGuard login_guard_;
  // /_status's counters, shared with every worker.
  ServerStats stats_{static_cast<int64_t>(std::time(nullptr))};
  // Workers started so far: each gets the next number as its log id.
  unsigned int spawned_ = 0;
  unsigned int generation_ = 1;
  std::map<pid_t, WorkerInfo> workers_;
  std::vector<Clock::time_point> pending_restarts_;
  // The wait before the next restart after a quick death (0: at once).
  milliseconds backoff_{0};
  bool stopping_ = false;
};

unsigned int workers_wanted(unsigned int configured) {
  if (configured > 0) return configured;
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  return cores > 0 ? static_cast<unsigned int>(cores) : 1;
}

// [login] argon2_slots = 0: one fewer than the workers, at least one, so a
// flood of wrong passwords leaves one worker for everything else.
unsigned int argon2_slots_for(unsigned int configured, unsigned int workers) {
  if (configured > 0) return configured;
  return workers > 1 ? workers - 1 : 1;
}

sigset_t master_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : {SIGCHLD, SIGTERM, SIGINT, SIGHUP}) sigaddset(&set, s);
  return set;
}

std::string describe_exit(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status))
    return std::string("was killed by signal ") + strsignal(WTERMSIG(status));
  return "stopped";
}

void Master::spawn() {
  pid_t pid = fork();
  if (pid < 0) {
    log_error(std::string("fork failed: ") + std::strerror(errno));
    pending_restarts_.push_back(Clock::now() + std::max(backoff_, kFirstBackoff));
    return;
  }
  ++spawned_;
  if (pid == 0)  // never returns
    run_worker(options_.config, socket_.fd(), WorkerShared{login_guard_, stats_, spawned_});
  workers_[pid] = WorkerInfo{generation_, Clock::now()};
  stats_.set_workers(workers_.size());
}

void Master::reap() {
  int status = 0;
  pid_t pid;
  while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
    auto it = workers_.find(pid);
    if (it == workers_.end()) continue;
    WorkerInfo info = it->second;
    workers_.erase(it);
    stats_.set_workers(workers_.size());
    // A worker killed in the middle of an Argon2id verification still
    // holds its slot of the shared cap; nobody else can give it back.
    if (size_t freed = login_guard_.release_argon2_of(pid))
      log_warning("worker " + std::to_string(pid) + " died holding " + std::to_string(freed) +
                  " Argon2id slot(s); freed");
    if (stopping_ || info.generation != generation_) continue;  // asked to stop

    bool quick = Clock::now() - info.started < kQuickDeath;
    auto delay = quick ? backoff_ : milliseconds(0);
    backoff_ = !quick                  ? milliseconds(0)
               : backoff_.count() == 0 ? kFirstBackoff
                                       : std::min(backoff_ * 2, kMaxBackoff);
    log_error("worker " + std::to_string(pid) + " " + describe_exit(status) + "; restarting in " +
              std::to_string(delay.count()) + " ms");
    pending_restarts_.push_back(Clock::now() + delay);
  }
}

void Master::start_due_restarts() {
  auto now = Clock::now();
  auto due = std::partition(pending_restarts_.begin(), pending_restarts_.end(),
                            [&](Clock::time_point t) { return t > now; });
  size_t count = static_cast<size_t>(pending_restarts_.end() - due);
  pending_restarts_.erase(due, pending_restarts_.end());
  for (size_t i = 0; i < count; ++i) spawn();
}

// SIGHUP: re-read the configuration, start a full set of new workers (they
// load templates afresh), then ask the old ones to finish. The listening
// socket never closes, so no connection is refused meanwhile.
void Master::roll() {
  try {
    Config fresh = load_config(options_.config.file, ::getenv);
    Templates check(fresh);  // refuse a broken set (or catalogue) early
    if (fresh.listen != options_.config.listen)
      log_warning("the listen address changed; that takes a restart, not a reload");
    options_.config = std::move(fresh);
  } catch (const std::exception& e) {
    log_error(std::string("reload refused, keeping the old configuration: ") + e.what());
    return;
  }
  std::vector<pid_t> old;
  for (const auto& [pid, info] : workers_) old.push_back(pid);
  ++generation_;
  pending_restarts_.clear();
  backoff_ = milliseconds(0);
  unsigned int count = worker_count();
  for (unsigned int i = 0; i < count; ++i) spawn();
  for (pid_t pid : old) kill(pid, SIGTERM);
  log_info("reloaded: " + std::to_string(count) + " new workers, " + std::to_string(old.size()) +
           " old ones finishing");
}

void Master::shut_down() {
  stopping_ = true;
  for (const auto& [pid, info] : workers_) kill(pid, SIGTERM);
  auto deadline = Clock::now() + kStopGrace;
  while (!workers_.empty() && Clock::now() < deadline) {
    int status = 0;
    pid_t pid = waitpid(-1, &status, 0);
    if (pid > 0)
      workers_.erase(pid);
    else if (errno == ECHILD)
      break;
  }
  for (const auto& [pid, info] : workers_) {
    log_warning("worker " + std::to_string(pid) + " did not stop in time; killing it");
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  workers_.clear();
}

milliseconds Master::next_wait() const {
  milliseconds wait(1000);
  auto now = Clock::now();
  for (auto t : pending_restarts_)
    wait = std::min(wait,
                    std::max(milliseconds(1), std::chrono::duration_cast<milliseconds>(t - now)));
  return wait;
}

// How many workers to run; also settles the Argon2id cap the workers read
// from their configuration.
unsigned int Master::worker_count() {
  unsigned int count =
      workers_wanted(options_.workers ? options_.workers : options_.config.workers);
  options_.config.argon2_slots = argon2_slots_for(options_.config.argon2_slots, count);
  return count;
}

int Master::run() {
  unsigned int count = worker_count();
  log_info("listening on " + socket_.description() + " with " + std::to_string(count) +
           " workers, at most " + std::to_string(options_.config.argon2_slots) +
           " Argon2id verifications at once, plus one for trusted browsers (19 MiB each)");
  for (unsigned int i = 0; i < count; ++i) spawn();

  const sigset_t signals = master_signals();
  for (;;) {
    milliseconds wait = next_wait();
    timespec timeout{static_cast<time_t>(wait.count() / 1000),
                     static_cast<long>((wait.count() % 1000) * 1000000)};
    int sig = sigtimedwait(&signals, nullptr, &timeout);
    if (sig == SIGTERM || sig == SIGINT) {
      log_info("stopping: letting workers finish their requests");
      shut_down();
      log_info("stopped");
      return 0;
    }
    if (sig == SIGHUP) roll();
    reap();  // also after SIGHUP or a timeout: SIGCHLDs coalesce
    start_due_restarts();
  }
}

// The address to serve on: a socket systemd passed us wins over [server]
// listen and --listen, so one configuration file works with and without
// confsched.socket. The variables are removed once read (as
// sd_listen_fds(1) does), so no process started later takes them as its own.
ListenAddress choose_listen_address(const std::string& configured) {
  SocketActivation activation =
      parse_socket_activation(::getenv("LISTEN_PID"), ::getenv("LISTEN_FDS"), ::getpid());
  for (const char* name : {"LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"}) ::unsetenv(name);
  switch (activation.outcome) {
    case SocketActivation::Outcome::kRefused:
      throw std::runtime_error(activation.error);
    case SocketActivation::Outcome::kOne: {
      ListenAddress systemd;
      systemd.fd = activation.fd;
      return systemd;
    }
    case SocketActivation::Outcome::kNone:
      break;
  }
  auto address = parse_listen_address(configured);
  if (!address) throw std::runtime_error("bad listen address: \"" + configured + "\"");
  return *address;
}

}  // namespace

int run_master(ServeOptions options) {
  ListenAddress address = choose_listen_address(options.listen);
  // Fail before forking anything when the basics are missing.
  Templates check(options.config);
  load_secret(options.config);

  // Blocked before the first fork so no signal is lost between forks; each
  // worker unblocks them for itself.
  sigset_t signals = master_signals();
  sigprocmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);
  if (mysql_library_init(0, nullptr, nullptr) != 0)
    throw std::runtime_error("cannot initialise the MariaDB client library");

  ListenSocket socket = ListenSocket::open(address, options.config.socket_mode);
  Master master(std::move(options), std::move(socket));
  int status = master.run();
  mysql_library_end();
  return status;
}

}  // namespace confsched
