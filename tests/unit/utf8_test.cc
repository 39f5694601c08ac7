#include "util/utf8.h"

#include <optional>
#include <string>
#include <vector>

#include "test_support.h"

using confsched::decode_utf8;
using confsched::has_control_characters;
using confsched::is_valid_utf8;

using confsched::testing::encode_utf8_raw;

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
  for (unsigned int cp = 0xD800; cp <= 0xDFFF; ++cp) accepted += is_valid_utf8(encode_utf8_raw(cp));
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
    if (!is_valid_utf8(encode_utf8_raw(cp))) first_rejected = cp;
  }
  BOOST_TEST(first_rejected == -1);
}

BOOST_AUTO_TEST_CASE(decode_steps_over_one_code_point_or_one_bad_byte) {
  std::string text =
      "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xFF\xE2\x82"
      "b";
  size_t i = 0;
  std::vector<std::optional<char32_t>> got;
  std::vector<size_t> after;
  while (i < text.size()) {
    got.push_back(decode_utf8(text, i));
    after.push_back(i);
  }
  std::vector<std::optional<char32_t>> want = {
      U'a', U'\u00E9', U'\u20AC', U'\U0001F600', std::nullopt, std::nullopt, std::nullopt, U'b'};
  BOOST_TEST((got == want));
  // The bad byte 0xFF, then the truncated E2 82 one byte at a time.
  BOOST_TEST((after == std::vector<size_t>{1, 3, 6, 10, 11, 12, 13, 14}));
  // The same set as is_valid_utf8 over every scalar value and the bad ones.
  for (unsigned int cp : {0x0u, 0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xFFFFu, 0x10000u, 0x10FFFFu}) {
    std::string one = encode_utf8_raw(cp);
    size_t k = 0;
    BOOST_TEST((decode_utf8(one, k) == std::optional<char32_t>(cp)));
    BOOST_TEST(k == one.size());
  }
  for (unsigned int cp : {0xD800u, 0xDFFFu, 0x110000u}) {
    std::string one = encode_utf8_raw(cp);
    size_t k = 0;
    BOOST_TEST(!decode_utf8(one, k).has_value());
    BOOST_TEST(k == 1u);
  }
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
