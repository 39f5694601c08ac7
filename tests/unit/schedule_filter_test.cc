// /schedule's query: canonical spelling, validation, case folding
// (pages/schedule_filter.h).
#include "pages/schedule_filter.h"

#include "test_support.h"

using namespace confsched;
using Outcome = FilterParse::Outcome;

namespace {

const FilterChoices kChoices{{"2027-06-15", "2027-06-16"}, {"1", "2", "12"}, {"3", "4"}};

}  // namespace

BOOST_AUTO_TEST_SUITE(schedule_filter)

BOOST_AUTO_TEST_CASE(no_query_is_canonical) {
  auto p = parse_schedule_filter("", kChoices);
  BOOST_TEST((p.outcome == Outcome::kCanonical));
  BOOST_TEST(p.canonical == "");
  BOOST_TEST(p.filter.empty());
}

BOOST_AUTO_TEST_CASE(canonical_queries_pass_as_they_are) {
  for (const char* q : {"day=2027-06-15", "room=12", "track=4", "q=rust", "q=rust%20async",
                        "day=2027-06-16&room=1&track=3&q=caf%C3%A9"}) {
    auto p = parse_schedule_filter(q, kChoices);
    BOOST_TEST((p.outcome == Outcome::kCanonical), q);
    BOOST_TEST(p.canonical == q);
  }
  auto p = parse_schedule_filter("day=2027-06-16&room=1&track=3&q=caf%C3%A9", kChoices);
  BOOST_TEST(p.filter.day == "2027-06-16");
  BOOST_TEST(p.filter.room == "1");
  BOOST_TEST(p.filter.track == "3");
  BOOST_TEST(p.filter.q == "café");
}

BOOST_AUTO_TEST_CASE(other_spellings_redirect_to_the_canonical_one) {
  struct Case {
    const char* raw;
    const char* canonical;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"x=1", ""},                                           // unknown dropped
           {"day=&room=&track=&q=", ""},                          // the empty form
           {"room=2&day=2027-06-15", "day=2027-06-15&room=2"},    // order
           {"q=rust+async", "q=rust%20async"},                    // '+' from a form
           {"q=%20%20rust%09%0Aasync%20", "q=rust%20async"},      // white space tidied
           {"room=2&room=1", "room=2"},                           // the first wins
           {"day=2027-06-15&utm_source=mail", "day=2027-06-15"},  // tracking junk
           {"q=Rust", "q=Rust"}}) {
    auto p = parse_schedule_filter(c.raw, kChoices);
    BOOST_TEST(p.canonical == c.canonical, c.raw);
    BOOST_TEST((p.outcome == (std::string_view(c.raw) == c.canonical ? Outcome::kCanonical
                                                                     : Outcome::kRedirect)),
               c.raw);
  }
}

BOOST_AUTO_TEST_CASE(values_naming_nothing_are_invalid) {
  for (const char* raw : {"day=2027-06-17", "day=yesterday", "room=7", "room=01", "room=-1",
                          "track=1", "track=%3Cscript%3E", "q=%ZZ", "q=%00", "q=%FF"}) {
    auto p = parse_schedule_filter(raw, kChoices);
    BOOST_TEST((p.outcome == Outcome::kInvalid), raw);
    BOOST_TEST(!p.problem.empty(), raw);
  }
}

BOOST_AUTO_TEST_CASE(long_searches_are_cut_on_a_character_boundary) {
  std::string raw = "q=";
  for (int i = 0; i < 80; ++i) raw += "%C3%A9";  // 160 bytes of é
  auto p = parse_schedule_filter(raw, kChoices);
  BOOST_TEST((p.outcome == Outcome::kRedirect));
  BOOST_TEST(p.filter.q.size() == kMaxSearchBytes);
  BOOST_TEST(p.filter.q.substr(p.filter.q.size() - 2) == "é");
  // The redirect target is canonical itself.
  BOOST_TEST((parse_schedule_filter(p.canonical, kChoices).outcome == Outcome::kCanonical));
}

BOOST_AUTO_TEST_CASE(the_grid_has_one_url_per_day) {
  auto p = parse_schedule_filter("day=2027-06-16&view=grid", kChoices);
  BOOST_TEST((p.outcome == Outcome::kCanonical));
  BOOST_TEST(p.filter.grid());
  BOOST_TEST(p.filter.day == "2027-06-16");
  struct Case {
    const char* raw;
    const char* canonical;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"view=grid&day=2027-06-16", "day=2027-06-16&view=grid"},  // order
           {"view=grid", "day=2027-06-15&view=grid"},                 // the first day
           {"day=&view=grid", "day=2027-06-15&view=grid"},
           // What the grid does not show is dropped, not refused.
           {"day=2027-06-16&room=2&view=grid", "day=2027-06-16&view=grid"},
           {"day=2027-06-16&track=3&view=grid", "day=2027-06-16&view=grid"},
           {"day=2027-06-16&q=rust&view=grid", "day=2027-06-16&view=grid"},
           {"room=1&track=4&q=x&view=grid", "day=2027-06-15&view=grid"},
           {"day=2027-06-16&view=grid&view=list", "day=2027-06-16&view=grid"},  // first wins
           // The list is the view without a view.
           {"view=list", ""},
           {"day=2027-06-16&view=list", "day=2027-06-16"},
           {"view=", ""}}) {
    auto r = parse_schedule_filter(c.raw, kChoices);
    BOOST_TEST((r.outcome == Outcome::kRedirect), c.raw);
    BOOST_TEST(r.canonical == c.canonical, c.raw);
    BOOST_TEST((parse_schedule_filter(r.canonical, kChoices).outcome == Outcome::kCanonical),
               c.raw);
  }
}

BOOST_AUTO_TEST_CASE(unknown_views_and_grids_of_nothing_are_invalid) {
  for (const char* raw : {"view=Grid", "view=grid%20", "view=table", "view=%3Cb%3E",
                          "day=2027-06-17&view=grid", "room=7&view=grid", "track=1&view=grid"}) {
    auto p = parse_schedule_filter(raw, kChoices);
    BOOST_TEST((p.outcome == Outcome::kInvalid), raw);
    BOOST_TEST(!p.problem.empty(), raw);
  }
  BOOST_TEST(parse_schedule_filter("view=table", kChoices).problem.find("view") !=
             std::string::npos);
  // A programme without sessions has no day to lay out: the list it is.
  auto p = parse_schedule_filter("view=grid", FilterChoices{{}, {"1"}, {}});
  BOOST_TEST((p.outcome == Outcome::kRedirect));
  BOOST_TEST(p.canonical == "");
}

BOOST_AUTO_TEST_CASE(the_whole_programme_has_one_url_and_no_filter) {
  auto p = parse_schedule_filter("view=all", kChoices);
  BOOST_TEST((p.outcome == Outcome::kCanonical));
  BOOST_TEST(p.filter.whole());
  BOOST_TEST(!p.filter.grid());
  BOOST_TEST(!p.filter.empty());  // not the landing view
  BOOST_TEST(!p.filter.narrowed());
  BOOST_TEST(!parse_schedule_filter("", kChoices).filter.whole());
  BOOST_TEST(parse_schedule_filter("", kChoices).filter.empty());
  struct Case {
    const char* raw;
    const char* canonical;
  };
  for (const Case& c :
       std::initializer_list<Case>{// A filter is a list of its own: the view goes.
                                   {"day=2027-06-16&view=all", "day=2027-06-16"},
                                   {"room=2&view=all", "room=2"},
                                   {"q=rust&view=all", "q=rust"},
                                   {"view=all&view=grid", "view=all"},  // first wins
                                   {"view=all&x=1", "view=all"},
                                   {"view=grid&view=all", "day=2027-06-15&view=grid"}}) {
    auto r = parse_schedule_filter(c.raw, kChoices);
    BOOST_TEST((r.outcome == Outcome::kRedirect), c.raw);
    BOOST_TEST(r.canonical == c.canonical, c.raw);
    BOOST_TEST((parse_schedule_filter(r.canonical, kChoices).outcome == Outcome::kCanonical),
               c.raw);
  }
  for (const char* raw : {"view=All", "view=all%20", "view=everything"})
    BOOST_TEST((parse_schedule_filter(raw, kChoices).outcome == Outcome::kInvalid), raw);
}

BOOST_AUTO_TEST_CASE(fold_case_lowers_ascii_latin_greek_cyrillic) {
  BOOST_TEST(fold_case("Rust ASYNC") == "rust async");
  BOOST_TEST(fold_case("ÉCOLE Ærø") == "école ærø");
  BOOST_TEST(fold_case("ŁÓDŹ Čech") == "łódź čech");
  BOOST_TEST(fold_case("ΑΘΗΝΑ") == "αθηνα");
  BOOST_TEST(fold_case("МОСКВА Ёж") == "москва ёж");
  BOOST_TEST(fold_case("日本 😀") == "日本 😀");
  BOOST_TEST(fold_case("×") == "×");  // U+00D7 has no lower case
  BOOST_TEST(fold_case("bad \xC3") == "bad \xC3");
}

BOOST_AUTO_TEST_SUITE_END()
