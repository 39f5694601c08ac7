// if_none_match_matches: no match out of thin air, and adding tags to the
// list never loses a match.
#include <string>

#include "fuzz_support.h"
#include "http/etag.h"

using confsched::if_none_match_matches;

namespace {
constexpr std::string_view kTag = "\"d42-t1a2b\"";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string header(fuzz_input(data, size));
  bool matched = if_none_match_matches(header, kTag);

  // A match needs either '*' or the tag text itself somewhere.
  if (header.find('*') == std::string::npos && header.find("d42-t1a2b") == std::string::npos)
    FUZZ_CHECK(!matched);

  if (matched) {
    FUZZ_CHECK(if_none_match_matches(header + ", \"other\"", kTag));
    FUZZ_CHECK(if_none_match_matches("\"other\", " + header, kTag));
  }
  // The tag itself, appended as a list item, always matches.
  FUZZ_CHECK(if_none_match_matches(header + "," + std::string(kTag), kTag));
  FUZZ_CHECK(if_none_match_matches(header + ", W/" + std::string(kTag), kTag));

  // Any tag matches itself, when it is a well-formed quoted tag.
  std::string tag = "\"" + header + "\"";
  if (header.find_first_of(",\" \t") == std::string::npos)
    FUZZ_CHECK(if_none_match_matches(tag, tag));
  return 0;
}
