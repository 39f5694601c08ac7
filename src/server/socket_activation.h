// systemd's socket-activation handshake (sd_listen_fds(3)): the listening
// sockets start at fd 3, LISTEN_FDS says how many, LISTEN_PID which process
// they are meant for. Pure, so it is unit-tested and fuzzed
// (fuzz/fuzz_parse_socket_activation.cc).
#pragma once

#include <string>

namespace confsched {

// The first descriptor systemd passes (SD_LISTEN_FDS_START).
constexpr int kSystemdFirstFd = 3;

struct SocketActivation {
  enum class Outcome {
    kNone,     // no sockets for this process: listen as configured
    kOne,      // exactly one socket, on fd
    kRefused,  // sockets for us, but not one we can serve on: error says why
  };
  Outcome outcome = Outcome::kNone;
  int fd = -1;
  std::string error;
};

// listen_pid and listen_fds are the variables' values (nullptr when unset);
// own_pid is getpid(). A LISTEN_PID naming another process means the
// variables were inherited by mistake and are ignored, as sd_listen_fds does.
SocketActivation parse_socket_activation(const char* listen_pid, const char* listen_fds,
                                         long own_pid);

}  // namespace confsched
