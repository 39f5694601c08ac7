// markdown_to_plain_lines, on any abstract: valid UTF-8, no controls but
// line breaks, no run of blank lines or trailing blank, and no runaway
// growth (nesting indents at most eight levels, cmark bounds reference
// expansion).
#include <string>

#include "fuzz_support.h"
#include "site/markdown.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);
  std::string out = confsched::markdown_to_plain_lines(in);
  FUZZ_CHECK(confsched::is_valid_utf8(out));
  FUZZ_CHECK(out.find("\n\n\n") == std::string::npos);
  FUZZ_CHECK(out.find('\r') == std::string::npos);
  FUZZ_CHECK(out.empty() || (out.back() != '\n' && out.back() != ' '));
  FUZZ_CHECK(out.empty() || out.front() != '\n');
  FUZZ_CHECK(out.size() <= 100 * in.size() + 100);
  return 0;
}
