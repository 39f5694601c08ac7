// Log records: "2026-11-27T20:00:00Z confsched[1234] error: message".
#include "util/log.h"

#include <unistd.h>

#include <ctime>
#include <string>

namespace confsched {

namespace {

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

void log_line(LogLevel level, std::string_view message) {
  char stamp[32];
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);

  std::string line;
  line.reserve(message.size() + 64);
  line += stamp;
  line += " confsched[";
  line += std::to_string(getpid());
  line += "] ";
  line += level_name(level);
  line += ": ";
  // A log line stays one line whatever the message holds.
  for (char c : message) line += (c == '\n' || c == '\r') ? ' ' : c;
  line += '\n';
  // Best effort: a log write that fails has nowhere to be reported.
  [[maybe_unused]] ssize_t written = write(STDERR_FILENO, line.data(), line.size());
}

}  // namespace confsched
