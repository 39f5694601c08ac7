#include "store/backup.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "store/client_options.h"
#include "store/database.h"
#include "util/run_program.h"
#include "util/temp_dir.h"

namespace confsched {

namespace {

// Closes a descriptor when it goes out of scope.
class OwnedFd {
 public:
  explicit OwnedFd(int fd) : fd_(fd) {}
  OwnedFd(const OwnedFd&) = delete;
  OwnedFd& operator=(const OwnedFd&) = delete;
  ~OwnedFd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error(what + ": " + std::strerror(errno));
}

// Runs a MariaDB tool with the option file first, as the tools require of
// --defaults-extra-file.
int run_tool(const std::string& tool, const std::string& option_file, std::vector<std::string> args,
             int stdin_fd, int stdout_fd) {
  std::vector<std::string> argv{tool, "--defaults-extra-file=" + option_file};
  argv.insert(argv.end(), args.begin(), args.end());
  try {
    return run_program(argv, stdin_fd, stdout_fd);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(std::string(e.what()) + " (Debian: apt-get install mariadb-client)");
  }
}

uint64_t data_version(Database& db) {
  auto rows = db.query("SELECT version FROM data_version WHERE id = 1");
  if (rows.empty() || !rows[0][0]) return 0;
  return std::stoull(*rows[0][0]);
}

}  // namespace

bool looks_like_dump(const std::string& text) {
  // mariadb-dump since 10.11.8 opens with a line that makes the mariadb
  // client refuse shell commands in the rest (its "sandbox mode").
  constexpr std::string_view kSandbox = "/*M!999999\\- enable the sandbox mode */";
  std::string_view rest = text;
  if (rest.starts_with(kSandbox)) {
    size_t line_end = rest.find('\n');
    rest.remove_prefix(line_end == std::string_view::npos ? rest.size() : line_end + 1);
  }
  return rest.starts_with("-- MariaDB dump") || rest.starts_with("-- MySQL dump");
}

void backup_database(const DatabaseConfig& database, const std::string& file) {
  TempDir private_dir;
  std::string options = private_dir.write_private("client.cnf", client_option_file(database));
  std::string partial = file + ".partial";
  ::unlink(partial.c_str());
  // 0600: the dump holds the shared passwords' hashes.
  OwnedFd out(::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (out.get() < 0) fail("cannot create " + partial);
  int status = run_tool("mariadb-dump", options,
                        {"--single-transaction", "--routines", "--triggers", "--hex-blob",
                         "--default-character-set=utf8mb4", database.name},
                        -1, out.get());
  if (status != 0) {
    ::unlink(partial.c_str());
    throw std::runtime_error("mariadb-dump failed (exit status " + std::to_string(status) + "); " +
                             file + " is unchanged");
  }
  if (::fsync(out.get()) != 0) fail("cannot write " + partial);
  if (::rename(partial.c_str(), file.c_str()) != 0) fail("cannot rename " + partial);
}

void restore_database(const DatabaseConfig& database, const std::string& file) {
  OwnedFd in(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.get() < 0) fail("cannot open " + file);
  char head[128] = {};
  ssize_t got = ::pread(in.get(), head, sizeof head - 1, 0);
  if (got < 0) fail("cannot read " + file);
  if (!looks_like_dump(std::string(head, static_cast<size_t>(got))))
    throw std::runtime_error(file + " does not start like a mariadb-dump file; nothing changed");

  Database db(database);
  uint64_t before = data_version(db);
  TempDir private_dir;
  std::string options = private_dir.write_private("client.cnf", client_option_file(database));
  int status = run_tool("mariadb", options, {"--batch", database.name}, in.get(), -1);
  if (status != 0)
    throw std::runtime_error("mariadb failed loading " + file + " (exit status " +
                             std::to_string(status) + "); the database may be partly restored");
  db.execute("UPDATE data_version SET version = GREATEST(version, ?) + 1 WHERE id = 1",
             {static_cast<int64_t>(before)});
}

}  // namespace confsched
