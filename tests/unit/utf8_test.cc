#include "http/utf8.h"

#include <string>

#include "test_support.h"

using confsched::has_control_characters;
using confsched::is_valid_utf8;

namespace {

// Encodes a code point the naive way, without any validity checks, so the
// tests can build surrogates and out-of-range values on purpose.
std::string encode_raw(unsigned int cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(utf8)

BOOST_AUTO_TEST_CASE(ascii_and_empty_are_valid) {
  BOOST_TEST(is_valid_utf8(""));
  BOOST_TEST(is_valid_utf8("plain ASCII text, 1234 !~"));
  // NUL is a valid code point; rejecting it is percent_decode's job.
  BOOST_TEST(is_valid_utf8(std::string_view("a\0b", 3)));
  BOOST_TEST(is_valid_utf8("\x7F"));
}

BOOST_AUTO_TEST_CASE(valid_multibyte_sequences) {
  BOOST_TEST(is_valid_utf8("\xC3\xA9"));          // é, 2 bytes
  BOOST_TEST(is_valid_utf8("\xE2\x82\xAC"));      // €, 3 bytes
  BOOST_TEST(is_valid_utf8("\xF0\x9F\x98\x80"));  // 😀, 4 bytes
  BOOST_TEST(
      is_valid_utf8("Caf\xC3\xA9 \xE2\x82\xAC"
                    "5 \xF0\x9F\x98\x80!"));
}

BOOST_AUTO_TEST_CASE(boundary_code_points_are_valid) {
  BOOST_TEST(is_valid_utf8("\xC2\x80"));          // U+0080, smallest 2-byte
  BOOST_TEST(is_valid_utf8("\xDF\xBF"));          // U+07FF, largest 2-byte
  BOOST_TEST(is_valid_utf8("\xE0\xA0\x80"));      // U+0800, smallest 3-byte
  BOOST_TEST(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below surrogates
  BOOST_TEST(is_valid_utf8("\xEE\x80\x80"));      // U+E000, just above surrogates
  BOOST_TEST(is_valid_utf8("\xEF\xBF\xBF"));      // U+FFFF
  BOOST_TEST(is_valid_utf8("\xF0\x90\x80\x80"));  // U+10000, smallest 4-byte
  BOOST_TEST(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last one
}

BOOST_AUTO_TEST_CASE(rejects_overlong_forms) {
  BOOST_TEST(!is_valid_utf8("\xC0\x80"));  // NUL smuggled past filters
  BOOST_TEST(!is_valid_utf8("\xC0\xAF"));  // '/' overlong
  BOOST_TEST(!is_valid_utf8("\xC1\xBF"));
  BOOST_TEST(!is_valid_utf8("\xE0\x80\x80"));
  BOOST_TEST(!is_valid_utf8("\xE0\x80\xAF"));
  BOOST_TEST(!is_valid_utf8("\xE0\x9F\xBF"));  // U+07FF in 3 bytes
  BOOST_TEST(!is_valid_utf8("\xF0\x80\x80\x80"));
  BOOST_TEST(!is_valid_utf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in 4 bytes
}

BOOST_AUTO_TEST_CASE(rejects_surrogates) {
  BOOST_TEST(!is_valid_utf8("\xED\xA0\x80"));  // U+D800
  BOOST_TEST(!is_valid_utf8("\xED\xAF\xBF"));  // U+DBFF
  BOOST_TEST(!is_valid_utf8("\xED\xB0\x80"));  // U+DC00
  BOOST_TEST(!is_valid_utf8("\xED\xBF\xBF"));  // U+DFFF
  // A CESU-8 style pair is two surrogates, still invalid.
  BOOST_TEST(!is_valid_utf8("\xED\xA0\xBD\xED\xB8\x80"));
  int accepted = 0;
  for (unsigned int cp = 0xD800; cp <= 0xDFFF; ++cp) accepted += is_valid_utf8(encode_raw(cp));
  BOOST_TEST(accepted == 0);
}

BOOST_AUTO_TEST_CASE(rejects_beyond_u10ffff) {
  BOOST_TEST(!is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  BOOST_TEST(!is_valid_utf8("\xF4\xBF\xBF\xBF"));
  BOOST_TEST(!is_valid_utf8("\xF5\x80\x80\x80"));
  BOOST_TEST(!is_valid_utf8("\xF7\xBF\xBF\xBF"));  // 0x1FFFFF, largest 4-byte form
  // Old 5- and 6-byte forms and the bytes that can never occur.
  BOOST_TEST(!is_valid_utf8("\xF8\x88\x80\x80\x80"));
  BOOST_TEST(!is_valid_utf8("\xFC\x84\x80\x80\x80\x80"));
  BOOST_TEST(!is_valid_utf8("\xFE"));
  BOOST_TEST(!is_valid_utf8("\xFF"));
}

BOOST_AUTO_TEST_CASE(rejects_truncated_sequences) {
  BOOST_TEST(!is_valid_utf8("\xC3"));
  BOOST_TEST(!is_valid_utf8("\xE2\x82"));
  BOOST_TEST(!is_valid_utf8("\xE2"));
  BOOST_TEST(!is_valid_utf8("\xF0\x9F\x98"));
  BOOST_TEST(!is_valid_utf8("abc\xF0\x9F"));
  // Truncated in the middle of a string: the ASCII byte is not a
  // continuation byte.
  BOOST_TEST(
      !is_valid_utf8("\xE2\x82"
                     "A"));
  BOOST_TEST(!is_valid_utf8("\xC3 "));
  BOOST_TEST(!is_valid_utf8(std::string_view("\xC3\0", 2)));
}

BOOST_AUTO_TEST_CASE(rejects_stray_continuation_bytes) {
  BOOST_TEST(!is_valid_utf8("\x80"));
  BOOST_TEST(!is_valid_utf8("\xBF"));
  BOOST_TEST(
      !is_valid_utf8("a\x80"
                     "b"));
  BOOST_TEST(!is_valid_utf8("\xC3\xA9\xA9"));  // one continuation too many
}

BOOST_AUTO_TEST_CASE(every_scalar_value_is_valid) {
  // Exhaustive over all 1.1 million scalar values: cheap, and it pins the
  // exact set the validator accepts.
  long first_rejected = -1;
  for (unsigned int cp = 0; cp <= 0x10FFFF && first_rejected < 0; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (!is_valid_utf8(encode_raw(cp))) first_rejected = cp;
  }
  BOOST_TEST(first_rejected == -1);
}

BOOST_AUTO_TEST_CASE(control_characters) {
  BOOST_TEST(!has_control_characters("", false));
  BOOST_TEST(!has_control_characters("hello, world", false));
  BOOST_TEST(!has_control_characters("tab\tis fine", false));
  BOOST_TEST(has_control_characters("line\nbreak", false));
  BOOST_TEST(has_control_characters("cr\r", false));
  BOOST_TEST(!has_control_characters("line\r\nbreak", true));
  BOOST_TEST(has_control_characters(std::string_view("nul\0", 4), true));
  BOOST_TEST(has_control_characters("\x01", true));
  BOOST_TEST(has_control_characters("\x1B[31m", true));  // terminal escape
  BOOST_TEST(has_control_characters("\x1F", true));
  BOOST_TEST(has_control_characters("del\x7F", true));
  BOOST_TEST(!has_control_characters(" ", false));
  BOOST_TEST(!has_control_characters("Caf\xC3\xA9 \xE2\x82\xAC", false));
}

BOOST_AUTO_TEST_SUITE_END()
