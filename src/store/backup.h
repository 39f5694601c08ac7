// `confsched db backup FILE` and `db restore FILE`: the whole database
// (programme, audit history, passwords' hashes and epochs, migrations) as
// an SQL dump, through MariaDB's own tools, mariadb-dump and mariadb, with
// the credentials of [database] passed in a 0600 option file in a private
// temporary folder rather than on their command lines.
#pragma once

#include <string>

#include "config/config.h"

namespace confsched {

// Writes the dump (one consistent snapshot: --single-transaction) to
// FILE.partial, mode 0600, and renames it to file only when mariadb-dump
// succeeded, so a failed backup never replaces a good one. Throws
// std::runtime_error with the reason.
void backup_database(const DatabaseConfig& database, const std::string& file);

// Loads a dump made by backup_database into the configured database,
// replacing every table it holds. Refuses a file that does not start like
// a mariadb-dump. Afterwards the data version is moved past both the one
// before the restore and the restored one, so workers, nginx and browsers
// treat every page as changed (an old version number must not name new
// content). Throws std::runtime_error with the reason.
void restore_database(const DatabaseConfig& database, const std::string& file);

// True when text (the start of a file, 100 bytes are enough) is the
// header mariadb-dump writes. Pure.
bool looks_like_dump(const std::string& text);

}  // namespace confsched
