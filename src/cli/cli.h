// The `confsched` command line: global options, then a command.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"

namespace confsched {

// Returns the process exit status: 0 ok, 1 failure, 2 usage error.
int run_cli(int argc, char** argv);

// Each command gets its own arguments (after the command's name) and the
// path of the configuration file.
int serve_command(const std::string& config_path, const std::vector<std::string>& args);
int db_command(const std::string& config_path, const std::vector<std::string>& args);
int passwd_command(const std::string& config_path, const std::vector<std::string>& args);
int staff_command(const std::string& config_path, const std::vector<std::string>& args);

// Reads a new password: twice from a terminal (not echoed), else the first
// line of stdin. False, with the reason on stderr for `confsched command`,
// when none was given, the two differ or it breaks the rules every
// password form has (model/settings_form.h).
bool read_new_password(const char* command, std::string& password);
int check_command(const std::string& config_path, const std::vector<std::string>& args);
int export_command(const std::string& config_path, const std::vector<std::string>& args);
// `export site DIR`: the delegate pages as static files (export_site.cc).
int export_site_command(const std::string& config_path, const std::vector<std::string>& args);
int import_command(const std::string& config_path, const std::vector<std::string>& args);
int sync_command(const std::string& config_path, const std::vector<std::string>& args);
int display_token_command(const std::string& config_path, const std::vector<std::string>& args);
int routes_command(const std::string& config_path, const std::vector<std::string>& args);
int messages_command(const std::string& config_path, const std::vector<std::string>& args);

// True when args is exactly {"--help"} or {"-h"}; prints text then.
bool wants_help(const std::vector<std::string>& args, const char* text);

}  // namespace confsched
