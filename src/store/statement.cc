#include "store/statement.h"

#include <charconv>
#include <string>

#include "store/errors.h"

namespace confsched {

namespace {

constexpr unsigned long kInitialCellBytes = 256;

}  // namespace

Statement::Statement(MYSQL* connection, std::string_view sql) : stmt_(mysql_stmt_init(connection)) {
  if (!stmt_)
    throw_db_error(mysql_errno(connection),
                   std::string("mysql_stmt_init: ") + mysql_error(connection));
  if (mysql_stmt_prepare(stmt_, sql.data(), sql.size()) != 0) {
    unsigned int code = mysql_stmt_errno(stmt_);
    std::string message = std::string("prepare: ") + mysql_stmt_error(stmt_) +
                          " in: " + std::string(sql.substr(0, 120));
    mysql_stmt_close(stmt_);
    stmt_ = nullptr;
    throw_db_error(code, message);
  }
}

Statement::~Statement() {
  if (stmt_) mysql_stmt_close(stmt_);
}

void Statement::fail(const char* step) const {
  throw_db_error(mysql_stmt_errno(stmt_), std::string(step) + ": " + mysql_stmt_error(stmt_));
}

void Statement::bind_and_run(const std::vector<DbValue>& params) {
  if (mysql_stmt_param_count(stmt_) != params.size())
    throw DbError("statement expects " + std::to_string(mysql_stmt_param_count(stmt_)) +
                  " parameters, got " + std::to_string(params.size()));
  std::vector<MYSQL_BIND> binds(params.size());
  std::vector<long long> ints(params.size());
  std::vector<unsigned long> lengths(params.size());
  for (size_t i = 0; i < params.size(); ++i) {
    MYSQL_BIND& b = binds[i];
    if (const auto* n = std::get_if<int64_t>(&params[i])) {
      ints[i] = *n;
      b.buffer_type = MYSQL_TYPE_LONGLONG;
      b.buffer = &ints[i];
    } else if (const auto* s = std::get_if<std::string>(&params[i])) {
      lengths[i] = s->size();
      b.buffer_type = MYSQL_TYPE_STRING;
      b.buffer = const_cast<char*>(s->data());  // Connector/C's API is not const-correct
      b.buffer_length = s->size();
      b.length = &lengths[i];
    } else {
      b.buffer_type = MYSQL_TYPE_NULL;
    }
  }
  if (!binds.empty() && mysql_stmt_bind_param(stmt_, binds.data()) != 0) fail("bind");
  if (mysql_stmt_execute(stmt_) != 0) fail("execute");
}

std::vector<DbRow> Statement::query(const std::vector<DbValue>& params) {
  bind_and_run(params);
  const unsigned int columns = mysql_stmt_field_count(stmt_);
  std::vector<DbRow> rows;
  if (columns == 0) return rows;
  if (mysql_stmt_store_result(stmt_) != 0) fail("store result");

  std::vector<MYSQL_BIND> binds(columns);
  std::vector<std::string> buffers(columns, std::string(kInitialCellBytes, '\0'));
  std::vector<unsigned long> lengths(columns);
  std::vector<my_bool> nulls(columns);
  std::vector<my_bool> errors(columns);
  for (unsigned int c = 0; c < columns; ++c) {
    binds[c].buffer_type = MYSQL_TYPE_STRING;
    binds[c].buffer = buffers[c].data();
    binds[c].buffer_length = kInitialCellBytes;
    binds[c].length = &lengths[c];
    binds[c].is_null = &nulls[c];
    binds[c].error = &errors[c];
  }
  if (mysql_stmt_bind_result(stmt_, binds.data()) != 0) fail("bind result");

  for (;;) {
    int rc = mysql_stmt_fetch(stmt_);
    if (rc == MYSQL_NO_DATA) break;
    if (rc == 1) fail("fetch");
    DbRow row(columns);
    for (unsigned int c = 0; c < columns; ++c) {
      if (nulls[c]) continue;
      if (lengths[c] <= kInitialCellBytes) {
        row[c] = std::string(buffers[c].data(), lengths[c]);
        continue;
      }
      // MYSQL_DATA_TRUNCATED: fetch this column again into a buffer that fits.
      std::string big(lengths[c], '\0');
      MYSQL_BIND again{};
      unsigned long got = 0;
      again.buffer_type = MYSQL_TYPE_STRING;
      again.buffer = big.data();
      again.buffer_length = lengths[c];
      again.length = &got;
      if (mysql_stmt_fetch_column(stmt_, &again, c, 0) != 0) fail("fetch column");
      row[c] = std::move(big);
    }
    rows.push_back(std::move(row));
  }
  mysql_stmt_free_result(stmt_);
  return rows;
}

uint64_t Statement::execute(const std::vector<DbValue>& params) {
  bind_and_run(params);
  if (mysql_stmt_field_count(stmt_) != 0) {
    mysql_stmt_store_result(stmt_);
    mysql_stmt_free_result(stmt_);
  }
  return mysql_stmt_affected_rows(stmt_);
}

uint64_t Statement::last_insert_id() const { return mysql_stmt_insert_id(stmt_); }

int64_t cell_int(const std::optional<std::string>& cell) {
  if (!cell) throw DbError("unexpected NULL in a numeric column");
  int64_t value = 0;
  auto r = std::from_chars(cell->data(), cell->data() + cell->size(), value);
  if (r.ec != std::errc()) throw DbError("not a number in a numeric column: " + *cell);
  return value;
}

std::string cell_text(const std::optional<std::string>& cell) {
  return cell ? *cell : std::string();
}

}  // namespace confsched
