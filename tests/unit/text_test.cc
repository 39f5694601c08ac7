// Page text helpers: paragraphs and shortened abstracts.
#include "model/text.h"

#include "test_support.h"
#include "util/utf8.h"

using namespace confsched;

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(paragraphs_split_on_blank_lines) {
  auto p = split_paragraphs("One\nline two\n\n  \nSecond.\r\n\nThird ");
  BOOST_REQUIRE(p.size() == 3u);
  BOOST_TEST(p[0] == "One line two");
  BOOST_TEST(p[1] == "Second.");
  BOOST_TEST(p[2] == "Third");
  BOOST_TEST(split_paragraphs("").empty());
  BOOST_TEST(split_paragraphs("\n\n \n").empty());
}

BOOST_AUTO_TEST_CASE(short_text_is_kept_whole) { BOOST_TEST(shorten("  short  ", 100) == "short"); }

BOOST_AUTO_TEST_CASE(long_text_is_cut_at_a_word_with_an_ellipsis) {
  std::string cut = shorten("alpha beta gamma delta epsilon", 20);
  BOOST_TEST(cut == "alpha beta gamma…");
}

BOOST_AUTO_TEST_CASE(never_cuts_inside_a_utf8_sequence) {
  // 'é' is two bytes; every cut position must leave valid UTF-8.
  std::string text;
  for (int i = 0; i < 40; ++i) text += "é";
  for (size_t limit = 1; limit < text.size(); ++limit)
    BOOST_TEST(is_valid_utf8(shorten(text, limit)), "limit " << limit);
}

BOOST_AUTO_TEST_CASE(a_room_is_placed_by_floor_then_directions) {
  BOOST_TEST(room_whereabouts({}) == "");
  BOOST_TEST(room_whereabouts({.floor = "Level 2"}) == "Level 2");
  BOOST_TEST(room_whereabouts({.description = "Left of the stairs"}) == "Left of the stairs");
  BOOST_TEST(room_whereabouts({.description = "Left of the stairs", .floor = "Level 2"}) ==
             "Level 2 · Left of the stairs");
  // The links are not where the room is.
  BOOST_TEST(room_whereabouts({.map_url = "https://example.org/map"}) == "");
}

BOOST_AUTO_TEST_SUITE_END()
