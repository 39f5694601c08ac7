// The one clash rule (model/clashes.h): rooms and speakers, overlaps that
// count and ones that do not, and the sentences staff read.
#include "model/clashes.h"

#include <cstdio>
#include <set>

#include "test_support.h"

using namespace confsched;

namespace {

Booking at(const char* title, const char* room, const char* start, const char* end,
           std::vector<std::string> speakers = {}) {
  return Booking{.title = title,
                 .room = room,
                 .starts_at = std::string("2027-06-15 ") + start + ":00",
                 .ends_at = std::string("2027-06-15 ") + end + ":00",
                 .speakers = std::move(speakers)};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(clashes)

BOOST_AUTO_TEST_CASE(touching_ends_do_not_clash_overlaps_do) {
  BOOST_TEST(!overlap(at("a", "A", "09:00", "10:00"), at("b", "A", "10:00", "11:00")));
  BOOST_TEST(overlap(at("a", "A", "09:00", "10:01"), at("b", "B", "10:00", "11:00")));
  BOOST_TEST(overlap(at("a", "A", "09:00", "12:00"), at("b", "B", "10:00", "11:00")));  // inside
  Booking cancelled = at("c", "A", "09:00", "12:00");
  cancelled.cancelled = true;
  BOOST_TEST(!overlap(cancelled, at("b", "A", "10:00", "11:00")));
}

BOOST_AUTO_TEST_CASE(one_clash_per_shared_room_and_per_shared_speaker) {
  std::vector<Booking> b = {at("Keynote", "Hall", "09:00", "10:00", {"Ada", "Bo"}),
                            at("Workshop", "Lab", "09:30", "11:00", {"Bo", "Ada", "Cy"}),
                            at("Talk", "Hall", "09:45", "10:15", {"Cy"}),
                            at("Later", "Hall", "10:15", "11:00", {"Ada"})};
  std::vector<Clash> c = find_clashes(b);
  // Keynote/Workshop: Ada and Bo (in the order the later one lists them);
  // Keynote/Talk: the room; Workshop/Talk: Cy; Workshop/Later: Ada.
  BOOST_TEST_REQUIRE(c.size() == 5u);
  BOOST_TEST((c[0].first == 0 && c[0].second == 1 && c[0].speaker == "Bo"));
  BOOST_TEST((c[1].first == 0 && c[1].second == 1 && c[1].speaker == "Ada"));
  BOOST_TEST((c[2].first == 0 && c[2].second == 2 && c[2].speaker.empty()));
  BOOST_TEST((c[3].first == 1 && c[3].second == 2 && c[3].speaker == "Cy"));
  BOOST_TEST((c[4].first == 1 && c[4].second == 3 && c[4].speaker == "Ada"));
}

BOOST_AUTO_TEST_CASE(names_compare_exactly_and_a_name_listed_twice_counts_once) {
  std::vector<Booking> b = {at("a", "A", "09:00", "10:00", {"Ada", "Ada"}),
                            at("b", "B", "09:00", "10:00", {"ada", "Ada", "Ada"})};
  std::vector<Clash> c = find_clashes(b);
  BOOST_TEST_REQUIRE(c.size() == 1u);
  BOOST_TEST(c[0].speaker == "Ada");
}

BOOST_AUTO_TEST_CASE(the_order_of_the_input_does_not_matter) {
  std::vector<Booking> b = {at("late", "A", "11:00", "12:00", {"Ada"}),
                            at("early", "B", "09:00", "11:30", {"Ada"})};
  std::vector<Clash> c = find_clashes(b);
  BOOST_TEST_REQUIRE(c.size() == 1u);
  BOOST_TEST((c[0].first == 1 && c[0].second == 0));  // the earlier start first
}

BOOST_AUTO_TEST_CASE(sentences_name_the_other_session_with_its_day_when_it_differs) {
  std::vector<Booking> b = {at("Mine", "Hall <A>", "09:00", "10:00", {"Ada"}),
                            at("Theirs", "Lab", "09:30", "10:30", {"Ada"}),
                            at("Same room", "Hall <A>", "09:15", "09:45")};
  b[1].starts_at = "2027-06-15 09:30:00";
  std::vector<std::string> s = clashes_of_changed(b, 1);
  BOOST_TEST_REQUIRE(s.size() == 2u);
  // In the order the others start.
  BOOST_TEST(s[0] == "Room clash with “Same room” (Hall <A>, 09:15–09:45)");
  BOOST_TEST(s[1] == "Ada is also in “Theirs” (Lab, 09:30–10:30)");
  // A night session that starts the evening before names its day.
  std::vector<Booking> night = {at("Late", "A", "00:15", "01:00", {"Ada"}),
                                at("Evening", "B", "23:00", "23:59", {"Ada"})};
  night[1].starts_at = "2027-06-14 23:00:00";
  night[1].ends_at = "2027-06-15 00:30:00";
  BOOST_TEST(clashes_of_changed(night, 1) ==
                 std::vector<std::string>{"Ada is also in “Evening” (B, 2027-06-14 23:00–00:30)"},
             boost::test_tools::per_element());
}

// A change that moves sessions lists only the clashes it causes when told
// how they were: a clash the room had already is not news.
BOOST_AUTO_TEST_CASE(only_the_clashes_a_change_causes_when_the_old_times_are_given) {
  std::vector<Booking> was = {at("Keynote", "Hall", "09:00", "10:00", {"Ada"}),
                              at("Talk", "Hall", "10:00", "11:00", {"Bo"})};
  std::vector<Booking> after = {at("Keynote", "Hall", "09:15", "10:15", {"Ada"}),
                                at("Talk", "Hall", "10:15", "11:15", {"Bo"}),
                                // the rest of the programme, as it is:
                                at("Lightning", "Lab", "10:00", "10:30", {"Ada", "Bo"})};
  // Talk/Lightning share Bo before and after (not news); the keynote now
  // reaches Lightning's Ada (news).
  BOOST_TEST(clashes_of_changed(after, 2, &was) ==
                 std::vector<std::string>{
                     "“Keynote” at 09:15: Ada is also in “Lightning” (Lab, 10:00–10:30)"},
             boost::test_tools::per_element());
  BOOST_TEST(clashes_of_changed(after, 2).size() == 2u);  // without: both
}

BOOST_AUTO_TEST_CASE(a_sweep_finds_what_every_pair_finds) {
  // 300 sessions in 6 rooms with 40 speakers, laid out pseudo-randomly:
  // the sweep must list exactly the pairs a check of every pair lists.
  std::vector<Booking> b;
  uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8) % 1000; };
  for (int i = 0; i < 300; ++i) {
    int start = static_cast<int>(next() % 600), length = 15 + static_cast<int>(next() % 90);
    auto clock = [](int minutes) {
      char text[32];
      std::snprintf(text, sizeof text, "2027-06-15 %02d:%02d:00", 8 + minutes / 60, minutes % 60);
      return std::string(text);
    };
    Booking x{.title = "s" + std::to_string(i),
              .room = "R" + std::to_string(next() % 6),
              .starts_at = clock(start),
              .ends_at = clock(start + length)};
    for (int k = 0; k < 2; ++k) x.speakers.push_back("P" + std::to_string(next() % 40));
    x.cancelled = next() % 10 == 0;
    b.push_back(x);
  }
  size_t expected = 0;
  for (size_t i = 0; i < b.size(); ++i)
    for (size_t j = i + 1; j < b.size(); ++j) {
      if (!overlap(b[i], b[j])) continue;
      if (b[i].room == b[j].room) ++expected;
      std::set<std::string> mine(b[i].speakers.begin(), b[i].speakers.end());
      std::set<std::string> shared;
      for (const std::string& s : b[j].speakers)
        if (mine.count(s)) shared.insert(s);
      expected += shared.size();
    }
  BOOST_TEST(expected > 50u);  // the layout does clash
  BOOST_TEST(find_clashes(b).size() == expected);
}

BOOST_AUTO_TEST_SUITE_END()
