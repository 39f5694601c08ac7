// log_safe_text: whatever the message, the result is one line of printable
// UTF-8 without controls, separators or bidirectional controls, and an
// unescaper written from log.h's table alone gives back the exact bytes
// (so no two messages log the same).
#include <string>

#include "fuzz_support.h"
#include "util/log.h"
#include "util/text_rules.h"
#include "util/utf8.h"

using namespace confsched;

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// "\\" is a backslash, "\xHH" a byte, "\uHHHH" a code point (log.h
// escapes none above U+FFFF); anything else stands for itself. Any other
// use of a backslash is a broken escape.
bool unescape(const std::string& logged, std::string& out) {
  for (size_t i = 0; i < logged.size(); ++i) {
    if (logged[i] != '\\') {
      out += logged[i];
      continue;
    }
    if (i + 1 >= logged.size()) return false;
    char kind = logged[++i];
    if (kind == '\\') {
      out += '\\';
      continue;
    }
    size_t digits = kind == 'x' ? 2 : kind == 'u' ? 4 : 0;
    if (digits == 0 || i + digits >= logged.size()) return false;
    unsigned int value = 0;
    for (size_t k = 1; k <= digits; ++k) {
      int h = hex_value(logged[i + k]);
      if (h < 0) return false;
      value = value * 16 + static_cast<unsigned int>(h);
    }
    i += digits;
    if (kind == 'x') {
      out += static_cast<char>(value);
      continue;
    }
    // A \u escape names a code point from U+0080 to U+FFFF: its UTF-8 is
    // two or three bytes.
    if (value < 0x800) {
      out += static_cast<char>(0xC0 | (value >> 6));
    } else {
      out += static_cast<char>(0xE0 | (value >> 12));
      out += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (value & 0x3F));
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);
  std::string logged = log_safe_text(in);
  FUZZ_CHECK(is_valid_utf8(logged));
  for (size_t i = 0; i < logged.size();) {
    char32_t cp = decode_utf8(logged, i).value_or(0);
    FUZZ_CHECK(!is_control_character(cp) && !is_bidi_control(cp) &&
               !is_line_or_paragraph_separator(cp));
  }
  std::string back;
  FUZZ_CHECK(unescape(logged, back));
  FUZZ_CHECK(back == in);
  return 0;
}
