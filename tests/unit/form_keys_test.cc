// http/form_keys.h: a form carries only what it declares, each value
// passing its check (kcgi's keys[] is the model).
#include "http/form_keys.h"

#include <string>
#include <vector>

#include "test_support.h"

using namespace confsched;

namespace {

constexpr std::string_view kActions[] = {"save", "delete"};
constexpr FormKey kKeys[] = {
    {.name = "title"},
    {.name = "revision", .valid = is_decimal_number},
    {.name = "action", .choices = kActions},
};

std::optional<std::string> problem(std::vector<std::pair<std::string, std::string>> fields,
                                   std::string_view also_allowed = "csrf") {
  return form_key_problem(FormFields(std::move(fields)), kKeys, also_allowed);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(form_keys)

BOOST_AUTO_TEST_CASE(a_form_as_our_page_sends_it_passes) {
  BOOST_TEST(!problem(
      {{"csrf", "t"}, {"title", "<b>any text</b>"}, {"revision", "12"}, {"action", "delete"}}));
  BOOST_TEST(!problem({}));               // every field is optional here
  BOOST_TEST(!problem({{"title", ""}}));  // typed text is the form's to judge
}

BOOST_AUTO_TEST_CASE(an_undeclared_field_is_refused_and_named) {
  auto p = problem({{"title", "x"}, {"is_admin", "1"}});
  BOOST_TEST(p.has_value());
  BOOST_TEST(p->find("\"is_admin\"") != std::string::npos, *p);
  // The CSRF field is allowed only where dispatch reads it.
  BOOST_TEST(problem({{"csrf", "t"}}, "").has_value());
  // A name that is not plain is not echoed.
  auto odd = problem({{"<script>", "1"}});
  BOOST_TEST(odd.has_value());
  BOOST_TEST(odd->find('<') == std::string::npos, *odd);
}

BOOST_AUTO_TEST_CASE(a_field_sent_twice_is_refused) {
  BOOST_TEST(problem({{"title", "a"}, {"title", "b"}}).has_value());
  BOOST_TEST(problem({{"csrf", "a"}, {"csrf", "b"}}).has_value());
}

BOOST_AUTO_TEST_CASE(checked_fields_must_pass_their_check) {
  BOOST_TEST(problem({{"revision", "abc"}}).has_value());
  BOOST_TEST(problem({{"revision", ""}}).has_value());
  BOOST_TEST(problem({{"revision", "1234567890123456789"}}).has_value());  // 19 digits
  BOOST_TEST(problem({{"revision", "-1"}}).has_value());
  BOOST_TEST(problem({{"action", "Delete"}}).has_value());
  BOOST_TEST(problem({{"action", ""}}).has_value());
}

BOOST_AUTO_TEST_CASE(the_checks) {
  BOOST_TEST(is_decimal_number("0"));
  BOOST_TEST(is_decimal_number("123456789012345678"));
  BOOST_TEST(!is_decimal_number(" 1"));
  BOOST_TEST(is_optional_number(""));
  BOOST_TEST(!is_optional_number("x"));
  BOOST_TEST(is_ticked("1"));
  BOOST_TEST(!is_ticked("on"));
  BOOST_TEST(is_version_tag(""));
  BOOST_TEST(is_version_tag("9f86d081884c7d65-_A"));
  BOOST_TEST(!is_version_tag("a b"));
  BOOST_TEST(!is_version_tag(std::string(129, 'a')));
}

BOOST_AUTO_TEST_CASE(upload_parts_are_declared_too) {
  const std::vector<std::string> good = {"title"}, bad = {"other"}, twice = {"title", "title"};
  BOOST_TEST(!file_key_problem(good, kKeys));
  BOOST_TEST(file_key_problem(bad, kKeys).has_value());
  BOOST_TEST(file_key_problem(twice, kKeys).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
