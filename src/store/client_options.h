// The option file the MariaDB command-line tools (mariadb-dump, mariadb)
// read through --defaults-extra-file, so that `confsched db backup` and
// `restore` hand them the database password without putting it on a
// command line, where every local user could read it in /proc.
#pragma once

#include <string>

#include "config/config.h"

namespace confsched {

// A [client] section with user, password, host, port and socket (the
// socket only for host "localhost", as Connector/C uses it). Values are
// quoted and escaped as the tools' option-file reader expects. Throws
// ConfigError when a value holds a line break or a NUL, which no option
// file can carry. Pure.
std::string client_option_file(const DatabaseConfig& database);

}  // namespace confsched
