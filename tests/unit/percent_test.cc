#include "http/percent.h"

#include <string>

#include "test_support.h"

using confsched::percent_decode;
using confsched::percent_encode;
using confsched::PlusMeans;

namespace {

std::optional<std::string> form(std::string_view s) { return percent_decode(s, PlusMeans::kSpace); }
std::optional<std::string> path(std::string_view s) { return percent_decode(s, PlusMeans::kPlus); }

}  // namespace

BOOST_AUTO_TEST_SUITE(percent)

BOOST_AUTO_TEST_CASE(plain_text_passes_through) {
  BOOST_TEST(path("") == std::string());
  BOOST_TEST(path("schedule") == "schedule");
  BOOST_TEST(path("a/b?c=d;e") == "a/b?c=d;e");
}

BOOST_AUTO_TEST_CASE(decodes_valid_escapes) {
  BOOST_TEST(path("%41") == "A");
  BOOST_TEST(path("a%20b") == "a b");
  BOOST_TEST(path("%41%42%43") == "ABC");
  BOOST_TEST(path("x%2Fy") == "x/y");
  BOOST_TEST(path("%25") == "%");
  // A decoded '%' must not start a second round of decoding.
  BOOST_TEST(path("%2541") == "%41");
  BOOST_TEST(path("%C3%A9") == "\xC3\xA9");
  BOOST_TEST(path("%FF") == "\xFF");
  BOOST_TEST(path("%7F") == "\x7F");
}

BOOST_AUTO_TEST_CASE(hex_digits_in_either_case) {
  BOOST_TEST(path("%2f") == "/");
  BOOST_TEST(path("%2F") == "/");
  BOOST_TEST(path("%aB") == "\xAB");
  BOOST_TEST(path("%Ab") == "\xAB");
  BOOST_TEST(path("%ff") == "\xFF");
}

BOOST_AUTO_TEST_CASE(rejects_non_hex_escapes) {
  BOOST_TEST(path("%zz") == std::nullopt);
  BOOST_TEST(path("%4g") == std::nullopt);
  BOOST_TEST(path("%g4") == std::nullopt);
  BOOST_TEST(path("%%41") == std::nullopt);
  BOOST_TEST(path("% 41") == std::nullopt);
  BOOST_TEST(path("%-1") == std::nullopt);
  BOOST_TEST(path("%+1") == std::nullopt);
  BOOST_TEST(path("%0x") == std::nullopt);
  BOOST_TEST(path("ok%zzok") == std::nullopt);
}

BOOST_AUTO_TEST_CASE(rejects_truncated_escapes) {
  BOOST_TEST(path("%") == std::nullopt);
  BOOST_TEST(path("%4") == std::nullopt);
  BOOST_TEST(path("abc%") == std::nullopt);
  BOOST_TEST(path("abc%4") == std::nullopt);
  BOOST_TEST(path("%41%4") == std::nullopt);
  // The escape at the very end, complete, is fine: guards an off-by-one.
  BOOST_TEST(path("abc%41") == "abcA");
}

BOOST_AUTO_TEST_CASE(rejects_nul_bytes) {
  BOOST_TEST(path("%00") == std::nullopt);
  BOOST_TEST(path("a%00b") == std::nullopt);
  BOOST_TEST(form("%00") == std::nullopt);
  // A raw NUL is no better than an encoded one.
  BOOST_TEST(path(std::string_view("a\0b", 3)) == std::nullopt);
}

BOOST_AUTO_TEST_CASE(plus_means_space_only_when_asked) {
  BOOST_TEST(form("a+b") == "a b");
  BOOST_TEST(form("+++") == "   ");
  BOOST_TEST(path("a+b") == "a+b");
  // An encoded plus is a literal plus in both modes.
  BOOST_TEST(form("%2B") == "+");
  BOOST_TEST(form("%2b") == "+");
  BOOST_TEST(path("%2B") == "+");
  BOOST_TEST(form("1%2B1+%3D+2") == "1+1 = 2");
}

BOOST_AUTO_TEST_CASE(encode_keeps_only_unreserved) {
  BOOST_TEST(percent_encode("", false) == "");
  BOOST_TEST(percent_encode("AZaz09-._~", false) == "AZaz09-._~");
  BOOST_TEST(percent_encode("a b", false) == "a%20b");
  BOOST_TEST(percent_encode("a+b", false) == "a%2Bb");
  BOOST_TEST(percent_encode("a&b=c", false) == "a%26b%3Dc");
  BOOST_TEST(percent_encode("%", false) == "%25");
  BOOST_TEST(percent_encode("\xC3\xA9", false) == "%C3%A9");
  BOOST_TEST(percent_encode(std::string_view("\0", 1), false) == "%00");
  BOOST_TEST(percent_encode("\xFF", false) == "%FF");
}

BOOST_AUTO_TEST_CASE(encode_slash_handling) {
  BOOST_TEST(percent_encode("/a/b c", false) == "%2Fa%2Fb%20c");
  BOOST_TEST(percent_encode("/a/b c", true) == "/a/b%20c");
  // keep_slash must not let other delimiters through.
  BOOST_TEST(percent_encode("/?#\\", true) == "/%3F%23%5C");
}

BOOST_AUTO_TEST_CASE(encode_then_decode_roundtrips_every_byte) {
  std::string all;
  for (int c = 1; c < 256; ++c) all += static_cast<char>(c);
  for (bool keep_slash : {false, true}) {
    std::string encoded = percent_encode(all, keep_slash);
    for (char c : encoded) {
      // Output is safe to drop into a URL as is: printable ASCII only.
      BOOST_TEST_REQUIRE((c > 0x20 && c < 0x7F));
      BOOST_TEST(c != '+');
    }
    BOOST_TEST(path(encoded) == all);
    // '+' is always escaped, so form decoding gives the same answer.
    BOOST_TEST(form(encoded) == all);
  }
}

BOOST_AUTO_TEST_SUITE_END()
