// The two ways a database call fails, as the request boundary sees them.
#pragma once

#include <stdexcept>

namespace confsched {

// The server cannot be reached or went away: the site answers 503 and the
// worker reconnects later.
struct DbUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Anything else (a bad statement, a constraint): a bug or bad data, 500.
struct DbError : std::runtime_error {
  explicit DbError(const std::string& what, unsigned int code = 0)
      : std::runtime_error(what), error_code(code) {}
  unsigned int error_code;
};

// True for the Connector/C and server error codes that mean the connection
// is gone or could not be made.
bool is_connection_error(unsigned int code);

}  // namespace confsched
