// One-line log records on stderr, written with a single write(2) so lines
// from several worker processes never interleave. stderr is what journald
// and container runtimes collect; the access log stays the web server's.
#pragma once

#include <string>
#include <string_view>

namespace confsched {

enum class LogLevel { kInfo, kWarning, kError };

// Thread- and process-safe. Never pass secrets (passwords, cookies, tokens).
// The message is written as log_safe_text makes it.
void log_line(LogLevel level, std::string_view message);

// The message as one line of printable text, whatever it holds: messages
// quote what clients send (an Origin header, a file name), and a raw
// control character in a log line could start a forged line, move or
// recolour a terminal that shows the log, or reorder what a reader sees.
// Escapes are unambiguous, so the bytes that came in can always be told:
//   \\      a backslash
//   \xHH    a C0 control (tab, LF and CR included) or DEL, and any byte
//           that is not part of well-formed UTF-8; two lower-case hex
//           digits of the byte
//   \uHHHH  a C1 control (U+0080-U+009F, when written as UTF-8), U+2028,
//           U+2029 and the bidirectional controls of util/text_rules.h;
//           four lower-case hex digits of the code point
// Everything else, non-ASCII text included, is kept as it is.
std::string log_safe_text(std::string_view message);

inline void log_info(std::string_view m) { log_line(LogLevel::kInfo, m); }
inline void log_warning(std::string_view m) { log_line(LogLevel::kWarning, m); }
inline void log_error(std::string_view m) { log_line(LogLevel::kError, m); }

// Every line names its process's worker ("worker=3"; the master and the
// command-line tools are worker=0) and, while a request is being served,
// the request's id ("request=..."; "-" outside a request). This is the one
// piece of per-process log state: a worker sets its number once after the
// fork, and serves one request at a time.
void set_log_worker(unsigned int number);

// While it lives, log lines carry request_id (which must already be safe to
// log: request_builder.h's request_id_of). Not nestable.
class LogRequestScope {
 public:
  explicit LogRequestScope(std::string request_id);
  ~LogRequestScope();
  LogRequestScope(const LogRequestScope&) = delete;
  LogRequestScope& operator=(const LogRequestScope&) = delete;
};

}  // namespace confsched
