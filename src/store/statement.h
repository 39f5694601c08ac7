// RAII owner of one prepared statement, with typed parameters and results
// read back as text (the callers convert; the programme is small).
#pragma once

#include <mysql.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace confsched {

using DbValue = std::variant<std::nullptr_t, int64_t, std::string>;
using DbRow = std::vector<std::optional<std::string>>;

class Statement {
 public:
  // Prepares sql on connection. Throws DbError / DbUnavailable.
  Statement(MYSQL* connection, std::string_view sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  // Not movable: a moved-from raw handle closed twice is a classic bug, and
  // statements live in a unique_ptr cache anyway.
  Statement(Statement&&) = delete;
  ~Statement();

  // Runs the statement and returns every row.
  std::vector<DbRow> query(const std::vector<DbValue>& params);
  // Runs a statement without a result set; returns the affected rows.
  uint64_t execute(const std::vector<DbValue>& params);
  uint64_t last_insert_id() const;

 private:
  void bind_and_run(const std::vector<DbValue>& params);
  [[noreturn]] void fail(const char* step) const;

  MYSQL_STMT* stmt_;
};

// Conversions for result cells; throw DbError on a NULL or non-number.
int64_t cell_int(const std::optional<std::string>& cell);
std::string cell_text(const std::optional<std::string>& cell);  // NULL -> ""

}  // namespace confsched
