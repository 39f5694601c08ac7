// Reading a new password on the command line: `passwd` and `staff`.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "cli/cli.h"
#include "model/settings_form.h"

namespace confsched {

namespace {

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

}  // namespace

bool read_new_password(const char* command, std::string& password) {
  std::string again;
  if (!isatty(STDIN_FILENO)) {
    if (!read_line(password)) {
      std::cerr << "confsched " << command << ": no password given; nothing changed\n";
      return false;
    }
    again = password;
  } else {
    NoEcho quiet;
    std::cerr << "New password: " << std::flush;
    bool ok = read_line(password);
    std::cerr << "\nRepeat it: " << std::flush;
    ok = ok && read_line(again);
    std::cerr << "\n";
    if (!ok) {
      std::cerr << "confsched " << command << ": no password given; nothing changed\n";
      return false;
    }
  }
  // The rules of the web forms (model/settings_form.h), stated once.
  if (std::string problem = password_problem(password, again); !problem.empty()) {
    std::cerr << "confsched " << command << ": " << problem << " Nothing changed.\n";
    return false;
  }
  return true;
}

}  // namespace confsched
