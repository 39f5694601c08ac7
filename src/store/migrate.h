// `confsched db migrate`: applies sql/NNN_name.sql files in order, each
// once, recording them in schema_migrations.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "store/database.h"

namespace confsched {

struct MigrationFile {
  int version = 0;
  std::string name;  // file name, e.g. "001_schema.sql"
  std::string path;
};

// "001_schema.sql" -> 1; anything not of the form NNN_*.sql -> nullopt. Pure.
std::optional<int> migration_version(std::string_view file_name);

// The migrations in a folder, in version order. Throws std::runtime_error
// on an unreadable folder or two files with one version.
std::vector<MigrationFile> list_migrations(const std::string& sql_dir);

struct MigrationReport {
  std::vector<std::string> applied;
  size_t already_applied = 0;
};

// Safe to run again and from several servers at once (a named lock, or
// on a Galera cluster a lock row, serialises them). Throws DbUnavailable / DbError /
// std::runtime_error.
MigrationReport migrate(const DatabaseConfig& database, const std::string& sql_dir);

// The migration files of sql_dir that db has not applied yet, in order
// (`confsched check`).
std::vector<MigrationFile> pending_migrations(Database& db, const std::string& sql_dir);

}  // namespace confsched
