#include "server/socket_activation.h"

#include <charconv>
#include <cstring>

namespace confsched {

namespace {

// A plain decimal number without sign, blanks or leading zeros beyond "0".
bool parse_decimal(const char* text, long& out) {
  size_t len = std::strlen(text);
  if (len == 0 || len > 18 || (len > 1 && text[0] == '0')) return false;
  auto r = std::from_chars(text, text + len, out);
  return r.ec == std::errc() && r.ptr == text + len && out >= 0;
}

}  // namespace

SocketActivation parse_socket_activation(const char* listen_pid, const char* listen_fds,
                                         long own_pid) {
  SocketActivation a;
  if (listen_pid == nullptr || listen_fds == nullptr) return a;
  long pid = 0;
  if (!parse_decimal(listen_pid, pid) || pid != own_pid) return a;
  long count = 0;
  if (!parse_decimal(listen_fds, count)) {
    a.outcome = SocketActivation::Outcome::kRefused;
    a.error = "LISTEN_FDS is not a number: \"" + std::string(listen_fds).substr(0, 32) + "\"";
    return a;
  }
  if (count == 0) return a;
  if (count > 1) {
    a.outcome = SocketActivation::Outcome::kRefused;
    a.error = "systemd passed " + std::to_string(count) +
              " sockets; confsched serves on exactly one (one ListenStream= in the socket unit)";
    return a;
  }
  a.outcome = SocketActivation::Outcome::kOne;
  a.fd = kSystemdFirstFd;
  return a;
}

}  // namespace confsched
