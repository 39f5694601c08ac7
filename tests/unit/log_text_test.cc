// Log lines: one line of printable text, whatever the message holds.
#include <string>

#include "test_support.h"
#include "util/log.h"

using confsched::log_safe_text;

BOOST_AUTO_TEST_SUITE(log_text)

BOOST_AUTO_TEST_CASE(ordinary_text_is_kept) {
  BOOST_TEST(log_safe_text("") == "");
  BOOST_TEST(log_safe_text("403 cross-site login post refused, Origin: http://evil") ==
             "403 cross-site login post refused, Origin: http://evil");
  BOOST_TEST(log_safe_text("Zoë 李小龙 🙂 \xD7\xA9\xE2\x80\x8F") ==
             "Zoë 李小龙 🙂 \xD7\xA9\xE2\x80\x8F");
}

BOOST_AUTO_TEST_CASE(c0_controls_and_del_are_hex_escaped) {
  BOOST_TEST(log_safe_text("Origin: \x1B[31mred\x1B[0m") == "Origin: \\x1b[31mred\\x1b[0m");
  BOOST_TEST(log_safe_text("a\nfake line\r\n") == "a\\x0afake line\\x0d\\x0a");
  BOOST_TEST(log_safe_text("tab\there") == "tab\\x09here");
  BOOST_TEST(log_safe_text(std::string("nul\0!", 5)) == "nul\\x00!");
  BOOST_TEST(log_safe_text("del\x7F") == "del\\x7f");
  BOOST_TEST(log_safe_text("\x01\x1F") == "\\x01\\x1f");
}

BOOST_AUTO_TEST_CASE(c1_controls_separators_and_bidi_controls_are_code_points) {
  BOOST_TEST(log_safe_text("csi \xC2\x9B"
                           "31m") == "csi \\u009b31m");
  BOOST_TEST(log_safe_text("nel\xC2\x85") == "nel\\u0085");
  BOOST_TEST(log_safe_text("\xC2\x80\xC2\x9F\xC2\xA0") == "\\u0080\\u009f\xC2\xA0");  // NBSP kept
  BOOST_TEST(log_safe_text("a\u2028b\u2029c") == "a\\u2028b\\u2029c");
  BOOST_TEST(log_safe_text("user\u202Egnp.exe") == "user\\u202egnp.exe");
  BOOST_TEST(log_safe_text("\u2066x\u2069") == "\\u2066x\\u2069");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_bytes_are_hex_escaped_one_by_one) {
  BOOST_TEST(log_safe_text("caf\xE9!") == "caf\\xe9!");
  BOOST_TEST(log_safe_text("\x9B") == "\\x9b");  // a lone byte, not the code point U+009B
  BOOST_TEST(log_safe_text("\xC0\xAF") == "\\xc0\\xaf");
  BOOST_TEST(log_safe_text("\xED\xA0\x80") == "\\xed\\xa0\\x80");
  BOOST_TEST(log_safe_text("\xE2\x80") == "\\xe2\\x80");  // cut short, as substr(0, 100) can
  BOOST_TEST(log_safe_text("\xF0\x9F\x98\x80\xFF") == "\xF0\x9F\x98\x80\\xff");
}

BOOST_AUTO_TEST_CASE(a_backslash_is_escaped_so_no_escape_can_be_forged) {
  BOOST_TEST(log_safe_text("C:\\x1b") == "C:\\\\x1b");
  BOOST_TEST(log_safe_text("\\") == "\\\\");
  // Different messages never log the same.
  BOOST_TEST(log_safe_text("\\x1b") != log_safe_text("\x1B"));
  BOOST_TEST(log_safe_text("\\u009b") != log_safe_text("\xC2\x9B"));
  BOOST_TEST(log_safe_text("\\x9b") != log_safe_text("\x9B"));
}

BOOST_AUTO_TEST_CASE(the_result_is_printable_whatever_the_bytes) {
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
  std::string out = log_safe_text(every_byte + every_byte);
  for (char c : out) {
    auto u = static_cast<unsigned char>(c);
    BOOST_TEST_REQUIRE((u >= 0x20 && u != 0x7F), "raw byte " << static_cast<int>(u));
  }
}

BOOST_AUTO_TEST_SUITE_END()
