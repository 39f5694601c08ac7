// parse_socket_activation: LISTEN_PID and LISTEN_FDS as the environment
// hands them over. Never crashes; only an exact "1" for our own pid yields
// a socket, and it is always fd 3.
#include <string>

#include "fuzz_support.h"
#include "server/socket_activation.h"

using confsched::parse_socket_activation;
using confsched::SocketActivation;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = fuzz_input(data, size);
  size_t split = input.find('\n');
  std::string pid(input.substr(0, split));
  std::string fds(split == std::string_view::npos ? "" : input.substr(split + 1));
  if (pid.find('\0') != std::string::npos || fds.find('\0') != std::string::npos) return 0;
  SocketActivation a = parse_socket_activation(pid.c_str(), fds.c_str(), 4242);
  if (a.outcome == SocketActivation::Outcome::kOne) {
    FUZZ_CHECK(a.fd == confsched::kSystemdFirstFd);
    FUZZ_CHECK(pid == "4242" && fds == "1");
  }
  if (a.outcome == SocketActivation::Outcome::kRefused) FUZZ_CHECK(!a.error.empty());
  if (pid != "4242") FUZZ_CHECK(a.outcome == SocketActivation::Outcome::kNone);
  return 0;
}
