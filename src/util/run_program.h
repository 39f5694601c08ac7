// Runs another program (found on PATH) to its end, with its standard input
// and output on descriptors the caller owns; its stderr is ours, so the
// tool's own messages reach the operator. For the commands that wrap the
// MariaDB tools; never used by the server.
#pragma once

#include <string>
#include <vector>

namespace confsched {

// -1 for stdin_fd / stdout_fd keeps ours. Returns the exit status, or
// 128 + N when killed by signal N. Throws std::runtime_error when the
// program cannot be started (not installed, say).
int run_program(const std::vector<std::string>& argv, int stdin_fd, int stdout_fd);

}  // namespace confsched
