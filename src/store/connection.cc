#include "store/connection.h"

#include <errmsg.h>
#include <mysqld_error.h>

#include <string>

#include "store/errors.h"

namespace confsched {

bool is_connection_error(unsigned int code) {
  switch (code) {
    case CR_CONNECTION_ERROR:
    case CR_CONN_HOST_ERROR:
    case CR_UNKNOWN_HOST:
    case CR_SERVER_GONE_ERROR:
    case CR_SERVER_LOST:
    case CR_SERVER_LOST_EXTENDED:
    case CR_COMMANDS_OUT_OF_SYNC:
    case ER_SERVER_SHUTDOWN:
    case ER_CON_COUNT_ERROR:
    case ER_CONNECTION_KILLED:
    case ER_UNKNOWN_COM_ERROR:
    case ER_LOCK_WAIT_TIMEOUT:
      return true;
    default:
      return false;
  }
}

void throw_db_error(unsigned int code, const std::string& message) {
  if (is_connection_error(code)) throw DbUnavailable(message);
  if (code == ER_LOCK_DEADLOCK) throw DbConflict(message);
  throw DbError(message, code);
}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    if (handle_) mysql_close(handle_);
    handle_ = other.handle_;
    other.handle_ = nullptr;
  }
  return *this;
}

Connection::~Connection() {
  if (handle_) mysql_close(handle_);
}

Connection Connection::open(const DatabaseConfig& config) { return connect(config, 0); }

Connection Connection::open_for_scripts(const DatabaseConfig& config) {
  return connect(config, CLIENT_MULTI_STATEMENTS);
}

Connection Connection::connect(const DatabaseConfig& config, unsigned long flags) {
  MYSQL* handle = mysql_init(nullptr);
  if (!handle) throw DbUnavailable("out of memory creating a database handle");
  Connection owner(handle);  // closes the handle on every error path below

  unsigned int timeout = config.timeout_s;
  mysql_optionsv(handle, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
  mysql_optionsv(handle, MYSQL_OPT_READ_TIMEOUT, &timeout);
  mysql_optionsv(handle, MYSQL_OPT_WRITE_TIMEOUT, &timeout);
  mysql_optionsv(handle, MYSQL_SET_CHARSET_NAME, "utf8mb4");
  // Connector/C's own reconnect would bring the connection back without
  // its prepared statements (they belong to the server session that
  // prepared them) and inside no transaction, unnoticed: we reconnect
  // ourselves and re-prepare (store/database.cc).
  my_bool no = 0;
  mysql_optionsv(handle, MYSQL_OPT_RECONNECT, &no);

  const bool use_socket = config.host == "localhost" && !config.socket.empty();
  if (!mysql_real_connect(handle, config.host.c_str(), config.user.c_str(), config.password.c_str(),
                          config.name.c_str(), config.port,
                          use_socket ? config.socket.c_str() : nullptr, flags)) {
    std::string where =
        use_socket ? config.socket : config.host + ":" + std::to_string(config.port);
    throw DbUnavailable("cannot connect to the database at " + where + ": " + mysql_error(handle));
  }
  return owner;
}

}  // namespace confsched
