// percent_decode in both plus modes, against an independent acceptance rule
// and the encode/decode round trip.
#include <string>

#include "fuzz_support.h"
#include "http/percent.h"

using confsched::percent_decode;
using confsched::percent_encode;
using confsched::PlusMeans;

namespace {

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// What the header promises: every '%' starts two hex digits, and nothing
// decodes to NUL.
bool should_accept(std::string_view in) {
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\0') return false;
    if (in[i] != '%') continue;
    if (i + 2 >= in.size()) return false;
    if (!is_hex(in[i + 1]) || !is_hex(in[i + 2])) return false;
    if (in[i + 1] == '0' && in[i + 2] == '0') return false;
    i += 2;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);

  size_t escapes = 0;
  for (char c : in) escapes += c == '%';

  auto as_path = percent_decode(in, PlusMeans::kPlus);
  auto as_form = percent_decode(in, PlusMeans::kSpace);
  FUZZ_CHECK(as_path.has_value() == should_accept(in));
  FUZZ_CHECK(as_form.has_value() == as_path.has_value());
  if (!as_path) return 0;

  // Each escape turns three characters into one byte.
  FUZZ_CHECK(as_path->size() == in.size() - 2 * escapes);
  FUZZ_CHECK(as_path->find('\0') == std::string::npos);

  // Form mode is path mode on the text with literal '+' made ' '.
  std::string spaced(in);
  for (char& c : spaced)
    if (c == '+') c = ' ';
  FUZZ_CHECK(percent_decode(spaced, PlusMeans::kPlus) == as_form);

  for (bool keep_slash : {false, true}) {
    std::string encoded = percent_encode(*as_path, keep_slash);
    for (char c : encoded) FUZZ_CHECK(c > 0x20 && c < 0x7F && c != '+');
    FUZZ_CHECK(percent_decode(encoded, PlusMeans::kPlus) == as_path);
    FUZZ_CHECK(percent_decode(encoded, PlusMeans::kSpace) == as_path);
  }
  return 0;
}
