// accepts_gzip: never crashes, and its answer follows the header's meaning
// under changes that must not alter it.
#include <string>

#include "fuzz_support.h"
#include "http/accept_encoding.h"

using confsched::accepts_gzip;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string header(fuzz_input(data, size));
  bool yes = accepts_gzip(header);

  // No gzip and no '*' anywhere: never gzip.
  std::string lower;
  for (char c : header) lower += static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
  if (lower.find("gzip") == std::string::npos && header.find('*') == std::string::npos)
    FUZZ_CHECK(!yes);
  // An explicit refusal anywhere in the list wins.
  FUZZ_CHECK(!accepts_gzip(header + ",gzip;q=0"));
  FUZZ_CHECK(!accepts_gzip("gzip;q=0," + header));
  // Codings that are not gzip or '*' change nothing.
  FUZZ_CHECK(accepts_gzip(header + ", br") == yes);
  FUZZ_CHECK(accepts_gzip("deflate;q=0.5, " + header) == yes);
  return 0;
}
