// Log records:
// "2026-11-27T20:00:00Z confsched[1234] error worker=2 request=ab12: message".
#include "util/log.h"

#include <unistd.h>

#include <ctime>
#include <string>
#include <utility>

namespace confsched {

namespace {

// The process's place in the server and the request in flight (log.h).
// A worker is single-threaded; the master serves no requests.
struct LogContext {
  unsigned int worker = 0;
  std::string request_id;
};

LogContext& context() {
  static LogContext c;
  return c;
}

const char* level_name(LogLevel level) {
  switch (level) {
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kError:
      return "error";
  }
  return "?";
}

}  // namespace

void set_log_worker(unsigned int number) { context().worker = number; }

LogRequestScope::LogRequestScope(std::string request_id) {
  context().request_id = std::move(request_id);
}

LogRequestScope::~LogRequestScope() { context().request_id.clear(); }

void log_line(LogLevel level, std::string_view message) {
  char stamp[32];
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);

  const LogContext& c = context();
  std::string line;
  line.reserve(message.size() + 96);
  line += stamp;
  line += " confsched[";
  line += std::to_string(getpid());
  line += "] ";
  line += level_name(level);
  line += " worker=";
  line += std::to_string(c.worker);
  line += " request=";
  line += c.request_id.empty() ? "-" : c.request_id;
  line += ": ";
  // A log line stays one line whatever the message holds.
  for (char ch : message) line += (ch == '\n' || ch == '\r') ? ' ' : ch;
  line += '\n';
  // Best effort: a log write that fails has nowhere to be reported.
  [[maybe_unused]] ssize_t written = write(STDERR_FILENO, line.data(), line.size());
}

}  // namespace confsched
