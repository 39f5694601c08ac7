// is_valid_utf8 against a second, table-driven validator written from
// Unicode's Table 3-7 (well-formed byte sequences), which shares no logic
// with the bit-arithmetic one under test.
#include <string>

#include "fuzz_support.h"
#include "util/utf8.h"

using confsched::is_valid_utf8;

namespace {

bool in(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }

bool table_valid(std::string_view s) {
  size_t i = 0;
  auto at = [&](size_t k) -> unsigned char {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x00;  // 0x00 fails every range below
  };
  while (i < s.size()) {
    unsigned char b0 = at(i);
    if (b0 <= 0x7F) {
      i += 1;
    } else if (in(b0, 0xC2, 0xDF)) {
      if (!in(at(i + 1), 0x80, 0xBF)) return false;
      i += 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
      unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
      if (!in(at(i + 1), lo, hi) || !in(at(i + 2), 0x80, 0xBF)) return false;
      i += 3;
    } else if (in(b0, 0xF0, 0xF4)) {
      unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
      unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
      if (!in(at(i + 1), lo, hi) || !in(at(i + 2), 0x80, 0xBF) || !in(at(i + 3), 0x80, 0xBF))
        return false;
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s = fuzz_input(data, size);
  bool valid = is_valid_utf8(s);
  FUZZ_CHECK(valid == table_valid(s));

  // Valid text split at any code point boundary is two valid texts, and
  // valid texts joined stay valid.
  if (valid && !s.empty()) {
    size_t cut = static_cast<unsigned char>(s[0]) % (s.size() + 1);
    while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) ++cut;
    FUZZ_CHECK(is_valid_utf8(s.substr(0, cut)));
    FUZZ_CHECK(is_valid_utf8(s.substr(cut)));
    std::string twice = std::string(s) + std::string(s);
    FUZZ_CHECK(is_valid_utf8(twice));
  }
  return 0;
}
