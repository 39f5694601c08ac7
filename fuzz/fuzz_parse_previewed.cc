// The running-late preview's list of sessions (model/running_late.h), as a
// staff POST sends it back: what parses is 1 to 500 positive ids and
// revisions, and writes back to exactly the text it came from (one
// spelling per list, so the save compares what the preview showed).
#include <string>

#include "fuzz_support.h"
#include "model/running_late.h"

using namespace confsched;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);
  auto parsed = parse_previewed(in);
  FUZZ_CHECK(parsed.has_value() == is_previewed_text(in));
  if (!parsed) return 0;
  FUZZ_CHECK(!parsed->empty() && parsed->size() <= 500);
  for (const auto& [id, revision] : *parsed) FUZZ_CHECK(id > 0 && revision > 0);
  FUZZ_CHECK(previewed_text(*parsed) == in);
  // The delay typed beside it: 1 to 240 minutes or nothing.
  if (auto minutes = parse_delay_minutes(in)) FUZZ_CHECK(*minutes >= 1 && *minutes <= 240);
  return 0;
}
