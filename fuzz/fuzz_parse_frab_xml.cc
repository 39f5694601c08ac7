// parse_frab_xml: a schedule.xml from anyone who can hand staff a file.
// Whatever it accepts must fit the schema and point only at what it holds.
#include "import/frab_xml.h"
#include "programme_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  confsched::ScheduleParseResult r =
      confsched::parse_frab_xml(fuzz_input(data, size), confsched::ScheduleParseOptions{"UTC"});
  if (!r.ok()) {
    FUZZ_CHECK(!r.error.empty());
    return 0;
  }
  check_programme(*r.programme);
  return 0;
}
