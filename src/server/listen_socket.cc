#include "server/listen_socket.h"

#include <fcntl.h>
#include <netdb.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <stdexcept>

namespace confsched {

namespace {

// Connections nginx may have waiting for a worker. When a crowd arrives
// after a quiet spell, every request whose cached page has expired goes to
// the app at once (conf/nginx/confsched.conf): a few thousand short
// requests that the workers clear in well under a second, which must queue
// rather than be refused (a refused connect is a 502 for nginx). The
// kernel caps it at net.core.somaxconn (4096 on Debian 12's kernels).
constexpr int kBacklog = 4096;

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error(what + ": " + std::strerror(errno));
}

sockaddr_un unix_address(const std::string& path) {
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path.size() >= sizeof addr.sun_path)
    throw std::runtime_error("unix socket path too long: " + path);
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  return addr;
}

// A socket file left by a crashed server is removed; one a live server
// still answers on is not taken over.
void remove_stale_socket(const std::string& path) {
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0) return;
  if (!S_ISSOCK(st.st_mode)) throw std::runtime_error(path + " exists and is not a socket");
  int probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un addr = unix_address(path);
  bool alive = connect(probe, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(probe);
  if (alive) throw std::runtime_error("another server is already listening on " + path);
  unlink(path.c_str());
}

int open_unix(const std::string& path, unsigned int mode) {
  remove_stale_socket(path);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) fail("socket");
  sockaddr_un addr = unix_address(path);
  // Create it with no access, then open it up to exactly `mode`.
  mode_t old_mask = umask(0777);
  int rc = bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  umask(old_mask);
  if (rc != 0) {
    close(fd);
    fail("bind " + path);
  }
  if (chmod(path.c_str(), static_cast<mode_t>(mode)) != 0 || listen(fd, kBacklog) != 0) {
    close(fd);
    unlink(path.c_str());
    fail("listen " + path);
  }
  return fd;
}

int open_tcp(const std::string& host, uint16_t port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  std::string service = std::to_string(port);
  if (int rc = getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(), &hints, &found);
      rc != 0)
    throw std::runtime_error("cannot resolve " + host + ": " + gai_strerror(rc));
  int fd = socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
      bind(fd, found->ai_addr, found->ai_addrlen) != 0 || listen(fd, kBacklog) != 0) {
    int saved = errno;
    freeaddrinfo(found);
    if (fd >= 0) close(fd);
    errno = saved;
    fail("listen on " + host + ":" + service);
  }
  freeaddrinfo(found);
  return fd;
}

// fd 0 as spawn-fcgi hands it over, or fd 3 from systemd. Close-on-exec,
// like every socket we open, so nothing a worker might run inherits it.
int inherited_socket(int fd) {
  int listening = 0;
  socklen_t len = sizeof listening;
  if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || !listening) {
    if (fd == STDIN_FILENO)
      throw std::runtime_error(
          "no listen address given and fd 0 is not a listening socket (set [server] listen, "
          "pass --listen, or start under spawn-fcgi or systemd socket activation)");
    throw std::runtime_error("fd " + std::to_string(fd) +
                             " handed over by systemd is not a listening socket");
  }
  int flags = fcntl(fd, F_GETFD, 0);
  if (flags < 0 || fcntl(fd, F_SETFD, flags | FD_CLOEXEC) != 0)
    fail("fcntl on the inherited socket");
  return fd;
}

}  // namespace

std::optional<ListenAddress> parse_listen_address(std::string_view spec) {
  ListenAddress a;
  if (spec.empty()) return a;
  if (spec.substr(0, 5) == "unix:") {
    if (spec.size() == 5) return std::nullopt;
    a.kind = ListenAddress::Kind::kUnix;
    a.path = std::string(spec.substr(5));
    return a;
  }
  size_t colon = spec.rfind(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view host = spec.substr(0, colon);
  std::string_view port = spec.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (host.find(':') != std::string_view::npos && spec.front() != '[') return std::nullopt;
  unsigned int number = 0;
  auto r = std::from_chars(port.data(), port.data() + port.size(), number);
  if (port.empty() || r.ec != std::errc() || r.ptr != port.data() + port.size() || number == 0 ||
      number > 65535)
    return std::nullopt;
  a.kind = ListenAddress::Kind::kTcp;
  a.host = std::string(host);
  a.port = static_cast<uint16_t>(number);
  return a;
}

ListenSocket ListenSocket::open(const ListenAddress& address, unsigned int unix_mode) {
  ListenSocket socket = open_blocking(address, unix_mode);
  // Workers wait with poll() and then accept; when another worker took the
  // connection first, accept must say so (EAGAIN) rather than block with
  // the stop signals held off (worker.cc). Accepted sockets do not inherit
  // the flag, so request I/O stays blocking as libfcgi expects.
  int flags = fcntl(socket.fd(), F_GETFL, 0);
  if (flags < 0 || fcntl(socket.fd(), F_SETFL, flags | O_NONBLOCK) != 0)
    fail("making the listening socket non-blocking");
  return socket;
}

ListenSocket ListenSocket::open_blocking(const ListenAddress& address, unsigned int unix_mode) {
  switch (address.kind) {
    case ListenAddress::Kind::kUnix:
      return ListenSocket(open_unix(address.path, unix_mode), address.path, "unix:" + address.path);
    case ListenAddress::Kind::kTcp:
      return ListenSocket(open_tcp(address.host, address.port), "",
                          address.host + ":" + std::to_string(address.port));
    case ListenAddress::Kind::kInherited:
      break;
  }
  return ListenSocket(inherited_socket(address.fd), "",
                      "inherited socket on fd " + std::to_string(address.fd));
}

ListenSocket::ListenSocket(ListenSocket&& other) noexcept
    : fd_(other.fd_),
      unix_path_(std::move(other.unix_path_)),
      description_(std::move(other.description_)) {
  other.fd_ = -1;
  other.unix_path_.clear();
}

ListenSocket::~ListenSocket() {
  if (fd_ >= 0) close(fd_);
  if (!unix_path_.empty()) unlink(unix_path_.c_str());
}

std::string ListenSocket::description() const { return description_; }

}  // namespace confsched
