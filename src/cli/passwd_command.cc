// `confsched passwd delegate|staff`.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "auth/password.h"
#include "auth/session_token.h"
#include "cli/cli.h"
#include "store/credentials.h"
#include "util/utf8.h"

namespace confsched {

namespace {

constexpr const char* kPasswdHelp =
    "usage: confsched [--config FILE] passwd delegate|staff\n"
    "\n"
    "Sets the shared password of a role. Reads it from the terminal (twice, not\n"
    "echoed) or, when stdin is not a terminal, as the first line of stdin.\n"
    "Stores only its Argon2id hash, and ends every session of that role issued\n"
    "before (delegates and staff must log in again).\n";

constexpr size_t kMinLength = 8;
constexpr size_t kMaxLength = 1024;

// Turns terminal echo off for its lifetime.
class NoEcho {
 public:
  NoEcho() {
    if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
  }
  ~NoEcho() {
    if (active_) tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }
  NoEcho(const NoEcho&) = delete;
  NoEcho& operator=(const NoEcho&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

bool read_line(std::string& out) {
  if (!std::getline(std::cin, out)) return false;
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return true;
}

bool read_password(std::string& password) {
  if (!isatty(STDIN_FILENO)) return read_line(password);
  NoEcho quiet;
  std::string again;
  std::cerr << "New password: " << std::flush;
  bool ok = read_line(password);
  std::cerr << "\nRepeat it: " << std::flush;
  ok = ok && read_line(again);
  std::cerr << "\n";
  if (ok && password != again) {
    std::cerr << "confsched passwd: the two passwords differ; nothing changed\n";
    return false;
  }
  return ok;
}

std::string password_problem(const std::string& password) {
  if (password.size() < kMinLength)
    return "a password needs at least " + std::to_string(kMinLength) + " characters";
  if (password.size() > kMaxLength) return "a password may have at most 1024 bytes";
  if (!is_valid_utf8(password)) return "the password is not valid UTF-8";
  return "";
}

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
  if (!read_password(password)) {
    std::cerr << "confsched passwd: no password given; nothing changed\n";
    return 1;
  }
  if (std::string problem = password_problem(password); !problem.empty()) {
    std::cerr << "confsched passwd: " << problem << "; nothing changed\n";
    return 1;
  }
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
