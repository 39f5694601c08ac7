// The socket the workers accept FastCGI connections on. The master opens
// it (or inherits it: on fd 0 from spawn-fcgi, on fd 3 from systemd) before
// forking, so every worker shares it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace confsched {

struct ListenAddress {
  enum class Kind { kUnix, kTcp, kInherited };
  Kind kind = Kind::kInherited;
  std::string path;  // kUnix
  std::string host;  // kTcp
  uint16_t port = 0;
  int fd = 0;  // kInherited: 0 (spawn-fcgi, FCGI_LISTENSOCK_FILENO) or 3 (systemd)
};

// "unix:/path", "host:port", "[::1]:port" or "" (inherit fd 0). Pure.
std::optional<ListenAddress> parse_listen_address(std::string_view spec);

// Owns the listening descriptor; removes a unix socket file it created.
class ListenSocket {
 public:
  // Throws std::runtime_error with a message fit for the operator.
  static ListenSocket open(const ListenAddress& address, unsigned int unix_mode);

  ListenSocket(ListenSocket&& other) noexcept;
  ListenSocket& operator=(ListenSocket&&) = delete;
  ListenSocket(const ListenSocket&) = delete;
  ListenSocket& operator=(const ListenSocket&) = delete;
  ~ListenSocket();

  int fd() const { return fd_; }
  std::string description() const;

 private:
  static ListenSocket open_blocking(const ListenAddress& address, unsigned int unix_mode);
  ListenSocket(int fd, std::string unix_path, std::string description)
      : fd_(fd), unix_path_(std::move(unix_path)), description_(std::move(description)) {}

  int fd_;
  std::string unix_path_;
  std::string description_;
};

}  // namespace confsched
