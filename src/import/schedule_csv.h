// Reading a programme from CSV as a spreadsheet exports it (RFC 4180), one
// session a row, into the same plain programme the other readers produce.
// Pure: no database, no files. Thread-safe.
//
// The first row names the columns, in any order, case-insensitively:
//   title, day, start, end, room   required
//   guid       a stable id; a second import updates the session with it
//   track      the track's name (empty: none)
//   kind       talk, keynote, workshop, panel, break, social (frab's type
//              names too, e.g. "lecture"); empty: talk
//   status     scheduled, cancelled or moved; empty: scheduled
//   speakers   names separated by ";"
//   abstract   Markdown, may span lines inside quotes
// day is YYYY-MM-DD, start and end HH:MM (an end at or before the start is
// on the next day). Unknown columns are refused, not ignored, so a typo in
// a header cannot silently drop data.
//
// Cells are text and nothing else: one starting with =, +, -, @ (a
// spreadsheet formula) is stored as written and never evaluated.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/imported_programme.h"

namespace confsched {

inline constexpr size_t kMaxCsvColumns = 64;

struct CsvRecord {
  size_t line = 0;  // where the record starts (1-based; a quoted cell may span lines)
  std::vector<std::string> cells;
};

struct CsvParseResult {
  std::vector<CsvRecord> records;
  std::string error;  // "line N: ..." when not ok
  bool ok() const { return error.empty(); }
};

// RFC 4180 with the usual leniencies: LF or CRLF line ends, a UTF-8 BOM
// skipped, a final line end optional, blank lines skipped. Refuses invalid
// UTF-8, NUL bytes (a UTF-16 file), a quote inside an unquoted cell, text
// after a closing quote and an unterminated quote, naming the line.
CsvParseResult parse_csv(std::string_view text);

// The programme in a CSV file (columns above). The event's name and time
// zone come from the options (a CSV has no place for them); every error
// names the file's line.
ScheduleParseResult parse_schedule_csv(std::string_view csv, const ScheduleParseOptions& options);

}  // namespace confsched
