// The ways a database call fails, as the request boundary sees them.
#pragma once

#include <stdexcept>
#include <string>

namespace confsched {

// The server cannot be reached or went away: the site answers 503 and the
// worker reconnects later.
struct DbUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The server refused a transaction because another one changed the same
// rows at the same moment: an InnoDB deadlock, or, on a Galera cluster, a
// write through another node that was certified first (both error 1213,
// ER_LOCK_DEADLOCK). The transaction was rolled back whole, so it may be
// run again (web/request_boundary.cc does, a bounded number of times).
struct DbConflict : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Anything else (a bad statement, a constraint): a bug or bad data, 500.
struct DbError : std::runtime_error {
  explicit DbError(const std::string& what, unsigned int code = 0)
      : std::runtime_error(what), error_code(code) {}
  unsigned int error_code;
};

// True for the Connector/C and server error codes that mean the connection
// is gone or could not be made, or that the server will not serve it: a
// Galera node outside the primary component refuses every statement with
// ER_UNKNOWN_COM_ERROR (1047) until it is back in it, and a read that
// waits for the cluster there (wsrep_sync_wait) ends after
// repl.causal_read_timeout with ER_LOCK_WAIT_TIMEOUT (1205), which is also
// how a server too busy to grant a row lock within
// innodb_lock_wait_timeout answers: both mean "not now, not here".
bool is_connection_error(unsigned int code);

// The exception for a failed call's error code: DbUnavailable,
// DbConflict or DbError.
[[noreturn]] void throw_db_error(unsigned int code, const std::string& message);

}  // namespace confsched
