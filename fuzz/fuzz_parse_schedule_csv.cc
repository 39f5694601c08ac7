// parse_schedule_csv (and parse_csv under it): a spreadsheet export from
// anyone who can hand staff a file. Whatever it accepts must fit the
// columns and point only at what it holds.
#include <string>

#include "import/schedule_csv.h"
#include "programme_invariants.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = fuzz_input(data, size);
  confsched::CsvParseResult records = confsched::parse_csv(input);
  FUZZ_CHECK(records.ok() || records.records.empty());
  size_t previous_line = 0;
  for (const auto& r : records.records) {
    FUZZ_CHECK(r.line > previous_line && !r.cells.empty());
    FUZZ_CHECK(r.cells.size() <= confsched::kMaxCsvColumns);
    for (const auto& c : r.cells) FUZZ_CHECK(confsched::is_valid_utf8(c));
    previous_line = r.line;
  }
  confsched::ScheduleParseResult r =
      confsched::parse_schedule_csv(input, confsched::ScheduleParseOptions{"UTC", "Fuzz"});
  if (!r.ok()) {
    FUZZ_CHECK(r.error.rfind("line ", 0) == 0 || r.error.find("MiB") != std::string::npos);
    return 0;
  }
  check_programme(*r.programme);
  return 0;
}
