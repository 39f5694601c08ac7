#include "store/migrate.h"

#include <dirent.h>
#include <mysqld_error.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>

#include "store/connection.h"
#include "store/errors.h"
#include "store/galera_node.h"
#include "store/statement.h"
#include "util/files.h"

namespace confsched {

namespace {

// Runs a (multi-statement) script on the plain protocol and drains every
// result, so an error in the fifth statement is not missed.
void run_script(MYSQL* handle, const std::string& sql, const std::string& what) {
  auto fail = [&] {
    unsigned int code = mysql_errno(handle);
    std::string message = what + ": " + mysql_error(handle);
    throw_db_error(code, message);
  };
  if (mysql_real_query(handle, sql.data(), sql.size()) != 0) fail();
  for (;;) {
    if (MYSQL_RES* result = mysql_store_result(handle)) mysql_free_result(result);
    int next = mysql_next_result(handle);
    if (next == -1) break;
    if (next > 0) fail();
  }
}

std::set<int> applied_versions(MYSQL* handle) {
  Statement stmt(handle, "SELECT version FROM schema_migrations");
  std::set<int> versions;
  for (const DbRow& row : stmt.query({})) versions.insert(static_cast<int>(cell_int(row[0])));
  return versions;
}

}  // namespace

std::optional<int> migration_version(std::string_view file_name) {
  if (file_name.size() < 9 || file_name.substr(file_name.size() - 4) != ".sql") return std::nullopt;
  for (size_t i = 0; i < 3; ++i)
    if (file_name[i] < '0' || file_name[i] > '9') return std::nullopt;
  if (file_name[3] != '_') return std::nullopt;
  return (file_name[0] - '0') * 100 + (file_name[1] - '0') * 10 + (file_name[2] - '0');
}

std::vector<MigrationFile> list_migrations(const std::string& sql_dir) {
  DIR* dir = opendir(sql_dir.c_str());
  if (!dir) throw std::runtime_error("cannot open the migrations folder " + sql_dir);
  std::vector<MigrationFile> files;
  while (dirent* entry = readdir(dir)) {
    std::string name = entry->d_name;
    if (auto version = migration_version(name))
      files.push_back(MigrationFile{*version, name, sql_dir + "/" + name});
  }
  closedir(dir);
  std::sort(files.begin(), files.end(),
            [](const MigrationFile& a, const MigrationFile& b) { return a.version < b.version; });
  for (size_t i = 1; i < files.size(); ++i)
    if (files[i].version == files[i - 1].version)
      throw std::runtime_error("two migrations share version " + std::to_string(files[i].version) +
                               ": " + files[i - 1].name + ", " + files[i].name);
  return files;
}

namespace {

// The connection migrations run on: the server, or on a Galera cluster the
// first node (in galera_nodes' order) that is synced with the primary
// component. Every DDL statement then runs in total order isolation
// (Galera's default wsrep_OSU_method = TOI): at the same point of the
// replication order on every node, so one run migrates the whole live
// cluster, and writes to the table it alters wait for it on every node.
Connection open_for_migrations(const DatabaseConfig& database) {
  if (database.galera_nodes.empty()) return Connection::open_for_scripts(database);
  std::string failures;
  for (const DbNode& node : database.galera_nodes) {
    try {
      Connection connection = Connection::open_for_scripts(config_for_node(database, node));
      auto why = galera_refusal(read_galera_state(connection.get()));
      if (!why) return connection;
      failures += "; " + node_name(node) + ": " + *why;
    } catch (const DbUnavailable& e) {
      failures += "; " + node_name(node) + ": " + e.what();
    }
  }
  throw DbUnavailable("no Galera node is synced to migrate on" + failures);
}

// Two servers migrating at once must not both apply 002. MariaDB's named
// locks (GET_LOCK) serialise them on one server; Galera refuses them
// (they would hold on one node only), so there the lock is a row that
// every node agrees on: the second INSERT of it fails as a duplicate, or
// as a conflict in certification.
class MigrationLock {
 public:
  MigrationLock(MYSQL* handle, bool galera) : handle_(handle), galera_(galera) {
    if (!galera_) {
      Statement lock(handle_, "SELECT GET_LOCK('confsched_migrate', 60)");
      auto rows = lock.query({});
      if (rows.empty() || cell_text(rows[0][0]) != "1")
        throw DbError("another migration has held the lock for 60 s; try again");
      return;
    }
    run_script(handle_,
               "CREATE TABLE IF NOT EXISTS schema_migration_lock ("
               " id TINYINT UNSIGNED NOT NULL PRIMARY KEY,"
               " holder VARCHAR(255) NOT NULL,"
               " taken_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP"
               ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
               "creating schema_migration_lock");
    char host[256] = "";
    gethostname(host, sizeof host - 1);
    holder_ = std::string(host) + " pid " + std::to_string(getpid());
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (;;) {
      try {
        Statement take(handle_, "INSERT INTO schema_migration_lock (id, holder) VALUES (1, ?)");
        take.execute({holder_});
        return;
      } catch (const DbConflict&) {
      } catch (const DbError& e) {
        if (e.error_code != ER_DUP_ENTRY) throw;
      }
      if (std::chrono::steady_clock::now() >= give_up)
        throw DbError(
            "another migration has held schema_migration_lock for 60 s; try again (if none "
            "is running, one stopped halfway: check the schema, then DELETE FROM "
            "schema_migration_lock)");
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
  }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;
  // Released on success and on a failure alike: the failure is reported,
  // and what it left half done is the operator's to repair.
  ~MigrationLock() {
    try {
      if (!galera_) {
        Statement unlock(handle_, "SELECT RELEASE_LOCK('confsched_migrate')");
        unlock.query({});
      } else {
        Statement release(handle_, "DELETE FROM schema_migration_lock WHERE id = 1 AND holder = ?");
        release.execute({holder_});
      }
    } catch (const std::exception&) {
      // The connection is gone: the named lock went with it; a Galera lock
      // row stays, and the next run says how to remove it.
    }
  }

 private:
  MYSQL* handle_;
  bool galera_;
  std::string holder_;
};

}  // namespace

MigrationReport migrate(const DatabaseConfig& database, const std::string& sql_dir) {
  std::vector<MigrationFile> files = list_migrations(sql_dir);
  Connection connection = open_for_migrations(database);
  MYSQL* handle = connection.get();
  MigrationLock lock(handle, !database.galera_nodes.empty());

  run_script(handle,
             "CREATE TABLE IF NOT EXISTS schema_migrations ("
             " version INT NOT NULL PRIMARY KEY,"
             " name VARCHAR(255) NOT NULL,"
             " applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP"
             ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
             "creating schema_migrations");

  MigrationReport report;
  std::set<int> done = applied_versions(handle);
  for (const MigrationFile& file : files) {
    if (done.count(file.version)) {
      ++report.already_applied;
      continue;
    }
    // MariaDB commits DDL implicitly, so a migration is not atomic: one that
    // fails halfway is reported and must be repaired by hand.
    run_script(handle, read_whole_file(file.path), file.name);
    Statement record(handle, "INSERT INTO schema_migrations (version, name) VALUES (?, ?)");
    record.execute({int64_t{file.version}, file.name});
    report.applied.push_back(file.name);
  }
  return report;
}

std::vector<MigrationFile> pending_migrations(Database& db, const std::string& sql_dir) {
  std::set<int> applied;
  for (const DbRow& row : db.query("SELECT version FROM schema_migrations"))
    applied.insert(static_cast<int>(cell_int(row[0])));
  std::vector<MigrationFile> pending;
  for (MigrationFile& file : list_migrations(sql_dir))
    if (!applied.count(file.version)) pending.push_back(std::move(file));
  return pending;
}

}  // namespace confsched
