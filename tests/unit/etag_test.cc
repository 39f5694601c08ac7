#include "http/etag.h"

#include "test_support.h"

using confsched::if_none_match_matches;

namespace {
constexpr std::string_view kTag = "\"d42-t1a2b\"";
}

BOOST_AUTO_TEST_SUITE(etag)

BOOST_AUTO_TEST_CASE(exact_tag_matches) {
  BOOST_TEST(if_none_match_matches("\"d42-t1a2b\"", kTag));
  BOOST_TEST(!if_none_match_matches("\"d42-t1a2c\"", kTag));
  BOOST_TEST(!if_none_match_matches("", kTag));
}

BOOST_AUTO_TEST_CASE(weak_prefix_is_ignored) {
  BOOST_TEST(if_none_match_matches("W/\"d42-t1a2b\"", kTag));
  BOOST_TEST(if_none_match_matches("\"d42-t1a2b\"", "W/\"d42-t1a2b\""));
  // W/ is case-sensitive in the grammar; "w/" makes it no tag of ours.
  BOOST_TEST(!if_none_match_matches("w/\"d42-t1a2b\"", kTag));
  BOOST_TEST(!if_none_match_matches("W/ \"d42-t1a2b\"", kTag));
}

BOOST_AUTO_TEST_CASE(lists) {
  BOOST_TEST(if_none_match_matches("\"a\", \"d42-t1a2b\", \"b\"", kTag));
  BOOST_TEST(if_none_match_matches("\"a\",\"d42-t1a2b\"", kTag));
  BOOST_TEST(if_none_match_matches("W/\"a\", W/\"d42-t1a2b\"", kTag));
  BOOST_TEST(!if_none_match_matches("\"a\", \"b\", W/\"c\"", kTag));
  BOOST_TEST(if_none_match_matches(", ,\"d42-t1a2b\",", kTag));
  BOOST_TEST(!if_none_match_matches(",,,", kTag));
}

BOOST_AUTO_TEST_CASE(star_matches_anything) {
  BOOST_TEST(if_none_match_matches("*", kTag));
  BOOST_TEST(if_none_match_matches("  *  ", kTag));
  BOOST_TEST(if_none_match_matches("*", "\"anything\""));
  // A quoted star is an ordinary tag whose text is '*'.
  BOOST_TEST(!if_none_match_matches("\"*\"", kTag));
  BOOST_TEST(!if_none_match_matches("**", kTag));
}

BOOST_AUTO_TEST_CASE(whitespace_around_items) {
  BOOST_TEST(if_none_match_matches("   \"d42-t1a2b\"   ", kTag));
  BOOST_TEST(if_none_match_matches("\t\"d42-t1a2b\"\t", kTag));
  BOOST_TEST(if_none_match_matches("\"x\" ,\t \"d42-t1a2b\" ", kTag));
}

BOOST_AUTO_TEST_CASE(near_misses_do_not_match) {
  BOOST_TEST(!if_none_match_matches("d42-t1a2b", kTag));       // unquoted
  BOOST_TEST(!if_none_match_matches("\"d42-t1a2b", kTag));     // unterminated
  BOOST_TEST(!if_none_match_matches("\"d42\"", kTag));         // prefix
  BOOST_TEST(!if_none_match_matches("\"d42-t1a2bX\"", kTag));  // longer
  BOOST_TEST(!if_none_match_matches("\"D42-T1A2B\"", kTag));   // case matters
  BOOST_TEST(!if_none_match_matches("\"d42-t1a2b\"x", kTag));
  BOOST_TEST(!if_none_match_matches("\" d42-t1a2b\"", kTag));
}

BOOST_AUTO_TEST_SUITE_END()
