// One-line log records on stderr, written with a single write(2) so lines
// from several worker processes never interleave.
#pragma once

#include <string_view>

namespace confsched {

enum class LogLevel { kInfo, kWarning, kError };

// Thread- and process-safe. Never pass secrets (passwords, cookies, tokens).
void log_line(LogLevel level, std::string_view message);

inline void log_info(std::string_view m) { log_line(LogLevel::kInfo, m); }
inline void log_warning(std::string_view m) { log_line(LogLevel::kWarning, m); }
inline void log_error(std::string_view m) { log_line(LogLevel::kError, m); }

}  // namespace confsched
