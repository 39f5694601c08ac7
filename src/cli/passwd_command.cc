// `confsched passwd delegate|staff`.
#include <iostream>

#include "auth/password.h"
#include "auth/session_token.h"
#include "cli/cli.h"
#include "store/credentials.h"

namespace confsched {

namespace {

constexpr const char* kPasswdHelp =
    "usage: confsched [--config FILE] passwd delegate|staff\n"
    "\n"
    "Sets the shared password of a role. Reads it from the terminal (twice, not\n"
    "echoed) or, when stdin is not a terminal, as the first line of stdin.\n"
    "Stores only its Argon2id hash, and ends every session of that role issued\n"
    "before (delegates and staff must log in again).\n";

}  // namespace

int passwd_command(const std::string& config_path, const std::vector<std::string>& args) {
  if (wants_help(args, kPasswdHelp)) return 0;
  std::optional<Role> role = args.size() == 1 ? parse_role(args[0]) : std::nullopt;
  if (!role) {
    std::cerr << kPasswdHelp;
    return 2;
  }
  Config config;
  if (!load_config_or_report(config_path, config)) return 1;
  std::string password;
  if (!read_new_password("passwd", password)) return 1;
  try {
    Database db(config.database);
    uint64_t epoch = store_password_hash(db, *role, hash_password(password));
    std::cout << "password of " << role_name(*role) << " set; sessions issued before are void"
              << " (credential epoch " << epoch << ")\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "confsched passwd: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace confsched
