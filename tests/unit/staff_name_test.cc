// The staff display name: what the form accepts, and its cookie both ways.
#include "model/staff_name.h"

#include "test_support.h"

using namespace confsched;

BOOST_AUTO_TEST_SUITE(staff_name)

BOOST_AUTO_TEST_CASE(ordinary_names_are_accepted_after_trimming) {
  BOOST_TEST(trim_display_name("  Ada Lovelace \t") == "Ada Lovelace");
  for (const char* good :
       {"A", "Ada Lovelace", "Zoë O'Brien-Ünal", "李小龙", "<b>Bob</b> & co", "Ada 🙂"})
    BOOST_TEST(!display_name_error(good).has_value(), "refused \"" << good << "\"");
}

BOOST_AUTO_TEST_CASE(length_counts_characters_not_bytes) {
  BOOST_TEST(!display_name_error(std::string(60, 'x')).has_value());
  BOOST_TEST(display_name_error(std::string(61, 'x')).has_value());
  std::string sixty_umlauts;
  for (int i = 0; i < 60; ++i) sixty_umlauts += "ü";  // 120 bytes
  BOOST_TEST(!display_name_error(sixty_umlauts).has_value());
  BOOST_TEST(display_name_error(sixty_umlauts + "ü").has_value());
  BOOST_TEST(display_name_error("").value_or("") == "Please give a name (1 to 60 characters).");
}

BOOST_AUTO_TEST_CASE(control_characters_and_bad_utf8_are_refused) {
  for (const std::string& bad :
       {std::string("a\nb"), std::string("a\rb"), std::string("a\tb"), std::string("a\x01"),
        std::string("a\x7f"), std::string("a\xc2\x85"),  // NEL, a C1 control
        std::string("a\xe2\x80\xa8"),                    // line separator
        std::string("a\xe2\x80\xae"
                    "b"),  // right-to-left override
        std::string("a\xe2\x81\xa6"
                    "b"),  // left-to-right isolate
        std::string("a\0b", 3)})
    BOOST_TEST(display_name_error(bad).has_value(), "accepted " << testing::to_hex(bad));
  BOOST_TEST(display_name_error("evil\u202Eeman").value_or("") ==
             "The name contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text display in a "
             "misleading order.");
  BOOST_TEST(display_name_error("a\tb").value_or("") ==
             "The name contains the control character U+0009 CHARACTER TABULATION.");
  for (const std::string& bad : {std::string("\xff"), std::string("\xc3"),
                                 std::string("\xed\xa0\x80"), std::string("\xc0\xaf")})
    BOOST_TEST(display_name_error(bad).value_or("") ==
               "The name holds bytes that are not valid UTF-8 text.");
}

BOOST_AUTO_TEST_CASE(cookie_values_round_trip_and_hold_only_cookie_octets) {
  for (const char* name : {"Ada", "Zoë; O'Brien=\"x\"", "a b+c%20", "李小龙 🙂"}) {
    std::string value = display_name_cookie_value(name);
    BOOST_TEST(value.find_first_of(" ;,\"\\=") == std::string::npos, value);
    BOOST_TEST(display_name_from_cookie(value).value_or("") == name);
  }
  BOOST_TEST(display_name_cookie_value("a b") == "a%20b");
}

BOOST_AUTO_TEST_CASE(cookies_the_form_would_refuse_are_ignored) {
  for (const char* bad : {"", "%", "%zz", "a%0Ab", "%00", "%FF", "%20padded", "a%09",
                          "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    BOOST_TEST(!display_name_from_cookie(bad).has_value(), "accepted \"" << bad << "\"");
}

BOOST_AUTO_TEST_CASE(set_cookie_attributes) {
  BOOST_TEST(display_name_set_cookie("Ada L", false, 3600) ==
             "confsched_staff_name=Ada%20L; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax");
  BOOST_TEST(display_name_set_cookie("Ada", true, 60) ==
             "confsched_staff_name=Ada; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure");
}

BOOST_AUTO_TEST_SUITE_END()
