// Which characters person-written text may hold: the one rule the staff
// forms, the importers and restore from history share.
#include "util/text_rules.h"

#include <string>

#include "test_support.h"

using confsched::character_name;
using confsched::text_problem;
using confsched::trim_blanks;
using confsched::TextLines;

namespace {

bool refused(char32_t cp, TextLines lines) {
  return text_problem("a" + confsched::testing::encode_utf8_raw(cp) + "b", lines).has_value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_rules)

BOOST_AUTO_TEST_CASE(ordinary_text_of_every_script_is_accepted) {
  for (const char* good :
       {"", "A talk", "Zoë O'Brien-Ünal", "李小龙", "<b>Bob</b> & co", "Ada 🙂",
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",                                        // Hebrew
        "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE2\x80\x8F(RTL)\xE2\x80\x8E",  // Arabic, RLM,
                                                                                   // LRM
        "tab\tinside"}) {
    BOOST_TEST(!text_problem(good, TextLines::kOne).has_value(), good);
    BOOST_TEST(!text_problem(good, TextLines::kMany).has_value(), good);
  }
  BOOST_TEST(!text_problem("line one\nline two\r\n\r\nthree", TextLines::kMany).has_value());
}

BOOST_AUTO_TEST_CASE(the_exact_set_refused_in_one_line_text) {
  // Exhaustive over the Basic Multilingual Plane's first 0x3000 code points
  // (every character the rule names lies below) plus the ends of Unicode.
  std::u32string refused_one, refused_many;
  for (char32_t cp = 0; cp < 0x3000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (refused(cp, TextLines::kOne)) refused_one += cp;
    if (refused(cp, TextLines::kMany)) refused_many += cp;
  }
  for (char32_t cp : {0xFEFFu, 0xFFFDu, 0x10FFFFu}) {
    BOOST_TEST(!refused(cp, TextLines::kOne));
    BOOST_TEST(!refused(cp, TextLines::kMany));
  }
  std::u32string expected_many;
  for (char32_t cp = 0; cp < 0x20; ++cp)
    if (cp != '\t' && cp != '\n' && cp != '\r') expected_many += cp;
  for (char32_t cp = 0x7F; cp <= 0x9F; ++cp) expected_many += cp;
  for (char32_t cp = 0x202A; cp <= 0x202E; ++cp) expected_many += cp;
  for (char32_t cp = 0x2066; cp <= 0x2069; ++cp) expected_many += cp;
  BOOST_TEST((refused_many == expected_many));

  std::u32string expected_one;
  for (char32_t cp = 0; cp < 0x20; ++cp)
    if (cp != '\t') expected_one += cp;
  for (char32_t cp = 0x7F; cp <= 0x9F; ++cp) expected_one += cp;
  expected_one += U"\u2028\u2029";
  for (char32_t cp = 0x202A; cp <= 0x202E; ++cp) expected_one += cp;
  for (char32_t cp = 0x2066; cp <= 0x2069; ++cp) expected_one += cp;
  BOOST_TEST((refused_one == expected_one));
}

BOOST_AUTO_TEST_CASE(marks_and_joiners_real_text_needs_stay_allowed) {
  // LRM, RLM, ALM, ZWJ (emoji sequences), ZWNJ (Persian), word joiner.
  for (char32_t cp : {0x200Eu, 0x200Fu, 0x061Cu, 0x200Du, 0x200Cu, 0x2060u}) {
    BOOST_TEST(!refused(cp, TextLines::kOne), "U+" << std::hex << static_cast<unsigned>(cp));
    BOOST_TEST(!refused(cp, TextLines::kMany));
  }
}

BOOST_AUTO_TEST_CASE(messages_name_the_first_character_and_why) {
  BOOST_TEST(text_problem("evil\u202Egnp.exe", TextLines::kOne).value_or("") ==
             "contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text display in a misleading "
             "order");
  BOOST_TEST(text_problem("a\u2066b\u202Ec", TextLines::kMany).value_or("") ==
             "contains U+2066 LEFT-TO-RIGHT ISOLATE, which can make text display in a misleading "
             "order");
  BOOST_TEST(text_problem("one\u2028two", TextLines::kOne).value_or("") ==
             "contains a line break (U+2028 LINE SEPARATOR) but must be one line");
  BOOST_TEST(text_problem("one\ntwo", TextLines::kOne).value_or("") ==
             "contains a line break (U+000A LINE FEED) but must be one line");
  BOOST_TEST(text_problem("red \x1B[31m", TextLines::kMany).value_or("") ==
             "contains the control character U+001B ESCAPE");
  BOOST_TEST(text_problem("csi \xC2\x9B", TextLines::kOne).value_or("") ==
             "contains the control character U+009B CONTROL SEQUENCE INTRODUCER");
  BOOST_TEST(text_problem("bell\a", TextLines::kOne).value_or("") ==
             "contains the control character U+0007");
  BOOST_TEST(text_problem(std::string("nul\0", 4), TextLines::kMany).value_or("") ==
             "contains the control character U+0000 NULL");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_a_problem_too) {
  for (const std::string& bad :
       {std::string("\xFF"), std::string("caf\xE9"), std::string("\xED\xA0\x80"),
        std::string("\xC0\xAF"), std::string("\xE2\x80")})  // a bidi control cut short
    BOOST_TEST(text_problem(bad, TextLines::kOne).value_or("") == "is not valid UTF-8 text");
}

BOOST_AUTO_TEST_CASE(character_names) {
  BOOST_TEST(character_name(0x202E) == "U+202E RIGHT-TO-LEFT OVERRIDE");
  BOOST_TEST(character_name(0x2069) == "U+2069 POP DIRECTIONAL ISOLATE");
  BOOST_TEST(character_name(0x01) == "U+0001");
  BOOST_TEST(character_name(0x10FFFF) == "U+10FFFF");
}

// The one trim (kEdgeBlanks): space, tab, CR and LF at either end; other
// spaces are text.
BOOST_AUTO_TEST_CASE(trim_blanks_takes_the_edge_blanks_only) {
  BOOST_TEST(trim_blanks(" \t\r\nTitle  with  spaces\r\n\t ") == "Title  with  spaces");
  BOOST_TEST(trim_blanks("\xC2\xA0kept\xC2\xA0") == "\xC2\xA0kept\xC2\xA0");
  BOOST_TEST(trim_blanks("line one\nline two") == "line one\nline two");
  BOOST_TEST(trim_blanks(" \r\n\t ").empty());
  BOOST_TEST(trim_blanks("").empty());
  BOOST_TEST(trim_blanks("\vx\f") == "\vx\f");
}

BOOST_AUTO_TEST_SUITE_END()
