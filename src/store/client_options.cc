#include "store/client_options.h"

namespace confsched {

namespace {

// Option files (mysys my_default.c) take a value in double quotes and
// turn \\ and \" back into \ and "; the quotes keep a leading or trailing
// blank, '#' and ';' (which would start a comment) part of the value.
std::string quoted(const std::string& value, const char* key) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '\n' || c == '\r' || c == '\0')
      throw ConfigError(std::string("the database ") + key +
                        " holds a line break or NUL, which the MariaDB tools cannot take");
    if (c == '\\' || c == '"') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string client_option_file(const DatabaseConfig& database) {
  std::string out = "[client]\n";
  out += "user=" + quoted(database.user, "user") + "\n";
  out += "password=" + quoted(database.password, "password") + "\n";
  out += "host=" + quoted(database.host, "host") + "\n";
  out += "port=" + std::to_string(database.port) + "\n";
  if (database.host == "localhost") out += "socket=" + quoted(database.socket, "socket") + "\n";
  out += "default-character-set=utf8mb4\n";
  return out;
}

}  // namespace confsched
