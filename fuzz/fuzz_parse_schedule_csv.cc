// parse_schedule_csv (and parse_csv under it): a spreadsheet export from
// anyone who can hand staff a file. Whatever it accepts must fit the
// columns and point only at what it holds.
#include <set>
#include <string>

#include "fuzz_support.h"
#include "http/utf8.h"
#include "import/schedule_csv.h"

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
  confsched::FrabParseResult r =
      confsched::parse_schedule_csv(input, confsched::FrabOptions{"UTC", "Fuzz"});
  if (!r.ok()) {
    FUZZ_CHECK(r.error.rfind("line ", 0) == 0 || r.error.find("MiB") != std::string::npos);
    return 0;
  }
  static const std::set<std::string> kinds = {"talk",  "keynote", "workshop",
                                              "panel", "break",   "social"};
  static const std::set<std::string> statuses = {"scheduled", "cancelled", "moved"};
  const confsched::ImportedProgramme& p = *r.programme;
  FUZZ_CHECK(!p.sessions.empty() && !p.rooms.empty());
  for (const auto& s : p.sessions) {
    FUZZ_CHECK(!s.title.empty());
    FUZZ_CHECK(s.starts_at.size() == 19 && s.ends_at.size() == 19 && s.starts_at < s.ends_at);
    FUZZ_CHECK(s.room < p.rooms.size());
    FUZZ_CHECK(!s.track || *s.track < p.tracks.size());
    FUZZ_CHECK(kinds.count(s.kind) == 1 && statuses.count(s.status) == 1);
    for (size_t i : s.speakers) FUZZ_CHECK(i < p.speakers.size());
  }
  return 0;
}
