// Conference days (model/conference_day.h) and the day change the
// importers read off a file's days (import/import_common.h).
#include "model/conference_day.h"

#include "import/import_common.h"
#include "test_support.h"

using namespace confsched;

BOOST_AUTO_TEST_SUITE(conference_day)

BOOST_AUTO_TEST_CASE(the_small_hours_belong_to_the_evening_before) {
  // CCC's days change at 04:00: 00:15 and 03:59 close the day before.
  BOOST_TEST(confsched::conference_day("2014-12-28 00:15:00", 240) == "2014-12-27");
  BOOST_TEST(confsched::conference_day("2014-12-28 03:59:00", 240) == "2014-12-27");
  BOOST_TEST(confsched::conference_day("2014-12-28 04:00:00", 240) == "2014-12-28");
  BOOST_TEST(confsched::conference_day("2014-12-27 23:59:00", 240) == "2014-12-27");
  // Midnight: the calendar's own day.
  BOOST_TEST(confsched::conference_day("2014-12-28 00:15:00", 0) == "2014-12-28");
  // Across a month and a year.
  BOOST_TEST(confsched::conference_day("2015-01-01 01:00", 240) == "2014-12-31");
  BOOST_TEST(confsched::conference_day("2016-03-01 01:00", 240) == "2016-02-29");
  // What is not a time keeps its first ten characters.
  BOOST_TEST(confsched::conference_day("2014-13-40 01:00", 240) == "2014-13-40");
}

BOOST_AUTO_TEST_CASE(next_calendar_day_and_the_day_change_text) {
  BOOST_TEST(next_calendar_day("2014-12-31") == "2015-01-01");
  BOOST_TEST(next_calendar_day("2016-02-28") == "2016-02-29");
  BOOST_TEST(next_calendar_day("2014-12-31 10:00") == "");
  BOOST_TEST(next_calendar_day("soon") == "");
  BOOST_TEST(parse_day_change("04:00").value_or(-1) == 240);
  BOOST_TEST(parse_day_change("00:00").value_or(-1) == 0);
  BOOST_TEST(parse_day_change("12:00").value_or(-1) == 720);
  for (const char* bad : {"12:01", "23:00", "4:00", "04:00:00", "", "04-00", "24:00"})
    BOOST_TEST(!parse_day_change(bad).has_value(), bad);
  BOOST_TEST(format_day_change(240) == "04:00");
  BOOST_TEST(format_day_change(0) == "00:00");
  BOOST_TEST(format_day_change(720) == "12:00");
}

BOOST_AUTO_TEST_CASE(a_files_days_give_the_day_change) {
  using namespace std::chrono;
  using import_detail::SourceDay;
  auto day = [](int d) { return local_days(year(2014) / December / d); };
  auto at = [&](int d, int h, int m) { return local_seconds(day(d)) + hours(h) + minutes(m); };
  // 31C3: every day ends at 04:00 the next morning.
  BOOST_TEST(
      import_detail::day_change_of_days({{day(27), at(28, 4, 0)}, {day(28), at(29, 4, 0)}}) == 240);
  // The latest end counts.
  BOOST_TEST(import_detail::day_change_of_days(
                 {{day(27), at(28, 2, 30)}, {day(28), at(29, 5, 0)}}) == 300);
  // Days that end by midnight (or at it) change at midnight.
  BOOST_TEST(
      import_detail::day_change_of_days({{day(27), at(27, 18, 0)}, {day(28), at(29, 0, 0)}}) == 0);
  // An end two days on says nothing; one after noon is cut to noon.
  BOOST_TEST(import_detail::day_change_of_days({{day(27), at(29, 4, 0)}}) == 0);
  BOOST_TEST(import_detail::day_change_of_days({{day(27), at(28, 15, 0)}}) == kMaxDayChangeMinutes);
}

BOOST_AUTO_TEST_SUITE_END()
