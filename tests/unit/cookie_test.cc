#include "http/cookie.h"

#include <string>

#include "test_support.h"

using confsched::find_cookie;

BOOST_AUTO_TEST_SUITE(cookie)

BOOST_AUTO_TEST_CASE(finds_one_among_several) {
  BOOST_TEST(find_cookie("confsched=tok", "confsched") == "tok");
  BOOST_TEST(find_cookie("a=1; confsched=tok; b=2", "confsched") == "tok");
  BOOST_TEST(find_cookie("a=1;confsched=tok;b=2", "confsched") == "tok");
  BOOST_TEST(find_cookie("a=1; b=2; confsched=tok", "confsched") == "tok");
  BOOST_TEST(find_cookie("a=1; b=2", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("", "confsched") == std::nullopt);
}

BOOST_AUTO_TEST_CASE(tolerates_spaces_and_empty_pairs) {
  BOOST_TEST(find_cookie("  confsched  =  tok  ", "confsched") == "tok");
  BOOST_TEST(find_cookie("a=1 ;  confsched = tok ; b=2", "confsched") == "tok");
  BOOST_TEST(find_cookie("\tconfsched=\ttok\t", "confsched") == "tok");
  BOOST_TEST(find_cookie(";;; confsched=tok;;", "confsched") == "tok");
  BOOST_TEST(find_cookie("junk; confsched=tok", "confsched") == "tok");
  BOOST_TEST(find_cookie("confsched; confsched=tok", "confsched") == "tok");
}

BOOST_AUTO_TEST_CASE(quoted_value_is_unquoted) {
  BOOST_TEST(find_cookie("confsched=\"tok\"", "confsched") == "tok");
  BOOST_TEST(find_cookie("confsched = \"tok\" ; x=1", "confsched") == "tok");
  BOOST_TEST(find_cookie("confsched=\"\"", "confsched") == "");
}

BOOST_AUTO_TEST_CASE(name_must_match_exactly) {
  BOOST_TEST(find_cookie("xconfsched=1; confsched=2", "confsched") == "2");
  BOOST_TEST(find_cookie("confschedx=1; confsched=2", "confsched") == "2");
  BOOST_TEST(find_cookie("xconfsched=1", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("confsche=1", "confsched") == std::nullopt);
  // Cookie names are case-sensitive.
  BOOST_TEST(find_cookie("Confsched=1", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("__Host-confsched=v1; confsched=v2", "__Host-confsched") == "v1");
  BOOST_TEST(find_cookie("confsched=v2; __Host-confsched=v1", "__Host-confsched") == "v1");
  BOOST_TEST(find_cookie("__Host-confsched=v1", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("__host-confsched=v1", "__Host-confsched") == std::nullopt);
  // A value that happens to look like "name=..." is not a cookie of that name.
  BOOST_TEST(find_cookie("other=confsched=evil", "confsched") == std::nullopt);
}

BOOST_AUTO_TEST_CASE(first_of_duplicates_wins) {
  BOOST_TEST(find_cookie("confsched=first; confsched=second", "confsched") == "first");
}

BOOST_AUTO_TEST_CASE(value_may_hold_token_characters) {
  const char* token = "staff.2000000000.7.Ab-_09xyzABC";
  BOOST_TEST(find_cookie(std::string("confsched=") + token, "confsched") == token);
  BOOST_TEST(find_cookie("confsched=a=b", "confsched") == "a=b");
  BOOST_TEST(find_cookie("confsched=", "confsched") == "");
}

BOOST_AUTO_TEST_CASE(illegal_characters_give_nullopt) {
  BOOST_TEST(find_cookie("confsched=a b", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("confsched=a\tb", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("confsched=a,b", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("confsched=a\\b", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("confsched=a\"b", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("confsched=\"tok", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("confsched=tok\"", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("confsched=\"", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("confsched=\"a b\"", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("confsched=a\x01"
                         "b",
                         "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("confsched=a\x7F", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("confsched=a\r\nb", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie("confsched=caf\xC3\xA9", "confsched") == std::nullopt);
  BOOST_TEST(find_cookie(std::string_view("confsched=a\0b", 13), "confsched") == std::nullopt);
}

BOOST_AUTO_TEST_CASE(result_points_into_the_header) {
  // Callers keep the view only as long as the header; it must be a slice
  // of it, never a temporary.
  std::string header = "a=1; confsched=tok; b=2";
  auto v = find_cookie(header, "confsched");
  BOOST_TEST_REQUIRE(v.has_value());
  BOOST_TEST(
      (v->data() >= header.data() && v->data() + v->size() <= header.data() + header.size()));
}

BOOST_AUTO_TEST_SUITE_END()
