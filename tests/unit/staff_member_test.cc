// A staff member's name (what the forms and the CLI accept, how logins
// compare it) and their roles.
#include "model/staff_member.h"

#include "test_support.h"

using namespace confsched;

BOOST_AUTO_TEST_SUITE(staff_member)

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

BOOST_AUTO_TEST_CASE(login_keys_fold_ascii_letters_only) {
  BOOST_TEST(staff_login_key("Ana Lima") == "ana lima");
  BOOST_TEST(staff_login_key("ANA LIMA") == staff_login_key("ana lima"));
  // Beyond ASCII nothing folds: which letters pair up depends on a
  // language (Turkish I, German ß), and a wrong guess would merge people.
  BOOST_TEST(staff_login_key("Émile") == "Émile");
  BOOST_TEST(staff_login_key("Émile") != staff_login_key("émile"));
  BOOST_TEST(staff_login_key("İz") == "İz");
  BOOST_TEST(staff_login_key("") == "");
}

BOOST_AUTO_TEST_CASE(a_person_may_not_take_a_shared_logins_name) {
  BOOST_TEST(!staff_name_problem("Ana", "delegate", "staff").has_value());
  for (const char* taken : {"delegate", "Delegate", "STAFF", "staff"})
    BOOST_TEST(staff_name_problem(taken, "delegate", "staff").value_or("") ==
                   "That is the user name of a shared login. Please choose another name.",
               taken);
  // The name's own rules come first.
  BOOST_TEST(staff_name_problem("", "delegate", "staff").value_or("") ==
             "Please give a name (1 to 60 characters).");
}

BOOST_AUTO_TEST_CASE(roles_by_name) {
  BOOST_TEST(staff_role_name(StaffRole::kEditor) == "editor");
  BOOST_TEST(staff_role_name(StaffRole::kAdmin) == "admin");
  BOOST_TEST((parse_staff_role("admin") == StaffRole::kAdmin));
  BOOST_TEST((parse_staff_role("editor") == StaffRole::kEditor));
  for (const char* bad : {"", "Admin", "staff", "admin "})
    BOOST_TEST(!parse_staff_role(bad).has_value(), bad);
}

BOOST_AUTO_TEST_SUITE_END()
