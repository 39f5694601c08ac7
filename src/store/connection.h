// RAII owner of one MYSQL* connection. One per process (never shared
// between threads or across fork()).
#pragma once

#include <mysql.h>

#include "config/config.h"

namespace confsched {

class Connection {
 public:
  // Connects with utf8mb4, the configured timeouts and multi-statement
  // support off (migrations use their own connection, see open_for_scripts).
  // Throws DbUnavailable.
  static Connection open(const DatabaseConfig& config);
  // Like open(), with CLIENT_MULTI_STATEMENTS for running .sql files.
  static Connection open_for_scripts(const DatabaseConfig& config);

  Connection(Connection&& other) noexcept : handle_(other.handle_) { other.handle_ = nullptr; }
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  MYSQL* get() const { return handle_; }

 private:
  explicit Connection(MYSQL* handle) : handle_(handle) {}
  static Connection connect(const DatabaseConfig& config, unsigned long flags);

  MYSQL* handle_;
};

}  // namespace confsched
