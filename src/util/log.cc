// Log records:
// "2026-11-27T20:00:00Z confsched[1234] error worker=2 request=ab12: message".
#include "util/log.h"

#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <string>
#include <utility>

#include "util/text_rules.h"
#include "util/utf8.h"

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

void append_escape(std::string& out, const char* format, unsigned int value) {
  char escape[16];
  std::snprintf(escape, sizeof escape, format, value);
  out += escape;
}

}  // namespace

std::string log_safe_text(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  for (size_t i = 0; i < message.size();) {
    const size_t start = i;
    std::optional<char32_t> cp = decode_utf8(message, i);
    if (!cp) {
      append_escape(out, "\\x%02x", static_cast<unsigned char>(message[start]));
    } else if (*cp == '\\') {
      out += "\\\\";
    } else if (*cp < 0x20 || *cp == 0x7F) {
      append_escape(out, "\\x%02x", static_cast<unsigned int>(*cp));
    } else if (is_control_character(*cp) || is_line_or_paragraph_separator(*cp) ||
               is_bidi_control(*cp)) {
      append_escape(out, "\\u%04x", static_cast<unsigned int>(*cp));
    } else {
      out.append(message.substr(start, i - start));
    }
  }
  return out;
}

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
  line += log_safe_text(message);
  line += '\n';
  // Best effort: a log write that fails has nowhere to be reported.
  [[maybe_unused]] ssize_t written = write(STDERR_FILENO, line.data(), line.size());
}

}  // namespace confsched
