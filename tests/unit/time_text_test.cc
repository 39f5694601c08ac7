#include "util/time_text.h"

#include <chrono>
#include <string>

#include "test_support.h"

using confsched::CivilDateTime;
using confsched::format_clock;
using confsched::format_date_range;
using confsched::format_day_label;
using confsched::format_iso_date;
using confsched::parse_civil;
using confsched::parse_clock;

namespace {

constexpr std::string_view kEnDash = "\xE2\x80\x93";

CivilDateTime day(int y, int m, int d) {
  CivilDateTime t;
  t.year = y;
  t.month = m;
  t.day = d;
  return t;
}

std::string with_dash(std::string_view before, std::string_view after) {
  return std::string(before) + std::string(kEnDash) + std::string(after);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(time_text)

BOOST_AUTO_TEST_CASE(parse_date_only) {
  auto t = parse_civil("2026-06-12");
  BOOST_TEST_REQUIRE(t.has_value());
  BOOST_TEST(t->year == 2026);
  BOOST_TEST(t->month == 6);
  BOOST_TEST(t->day == 12);
  BOOST_TEST(t->hour == 0);
  BOOST_TEST(t->minute == 0);
  BOOST_TEST(t->second == 0);
}

BOOST_AUTO_TEST_CASE(parse_date_and_time) {
  auto t = parse_civil("2026-06-12 09:30");
  BOOST_TEST_REQUIRE(t.has_value());
  BOOST_TEST(t->hour == 9);
  BOOST_TEST(t->minute == 30);
  BOOST_TEST(t->second == 0);

  auto s = parse_civil("2026-12-31 23:59:58");
  BOOST_TEST_REQUIRE(s.has_value());
  BOOST_TEST(s->year == 2026);
  BOOST_TEST(s->month == 12);
  BOOST_TEST(s->day == 31);
  BOOST_TEST(s->hour == 23);
  BOOST_TEST(s->minute == 59);
  BOOST_TEST(s->second == 58);

  auto midnight = parse_civil("2026-01-01 00:00:00");
  BOOST_TEST_REQUIRE(midnight.has_value());
  BOOST_TEST(midnight->hour == 0);
}

BOOST_AUTO_TEST_CASE(parse_rejects_malformed_text) {
  for (const char* bad : {"",
                          "2026",
                          "2026-06",
                          "2026-06-1",
                          "2026-6-12",
                          "26-06-12",
                          "2026/06/12",
                          "2026-06-12 ",
                          "2026-06-12 9:30",
                          "2026-06-12 09:3",
                          "2026-06-12 09",
                          "2026-06-12 09-30",
                          "2026-06-12_09:30",
                          "abcd-ef-gh",
                          "+026-06-12",
                          "-026-06-12",
                          "2026-+6-12",
                          "2026-06--1",
                          " 2026-06-12",
                          "2026-06-12x",
                          "2026-06-12 0x:30"}) {
    BOOST_TEST(!parse_civil(bad).has_value(), "accepted \"" << bad << "\"");
  }
}

BOOST_AUTO_TEST_CASE(parse_rejects_trailing_garbage) {
  // The format is exactly "YYYY-MM-DD" or "YYYY-MM-DD HH:MM[:SS]".
  for (const char* bad :
       {"2026-06-12 09:30xy", "2026-06-12 09:30:", "2026-06-12 09:30:1", "2026-06-12 09:30:15Z",
        "2026-06-12 09:30:15junk", "2026-06-12 09:30 and more"}) {
    BOOST_TEST(!parse_civil(bad).has_value(), "accepted \"" << bad << "\"");
  }
}

BOOST_AUTO_TEST_CASE(parse_rejects_out_of_range_fields) {
  for (const char* bad :
       {"2026-00-10", "2026-13-01", "2026-99-01", "2026-06-00", "2026-06-32", "2026-06-12 24:00",
        "2026-06-12 25:00", "2026-06-12 09:60", "2026-06-12 09:30:61", "2026-06-12 99:99:99"}) {
    BOOST_TEST(!parse_civil(bad).has_value(), "accepted \"" << bad << "\"");
  }
}

BOOST_AUTO_TEST_CASE(parse_rejects_impossible_calendar_dates) {
  // Day 31 of a 30-day month, or a 29 February outside a leap year, is no
  // day at all; the schedule would show a weekday for it.
  for (const char* bad : {"2026-02-29", "2026-02-30", "2026-02-31", "2026-04-31", "2026-06-31",
                          "2026-09-31", "2026-11-31", "2100-02-29"}) {
    BOOST_TEST(!parse_civil(bad).has_value(), "accepted \"" << bad << "\"");
  }
  for (const char* good : {"2028-02-29", "2000-02-29", "2026-01-31", "2026-12-31"}) {
    BOOST_TEST(parse_civil(good).has_value(), "refused \"" << good << "\"");
  }
}

BOOST_AUTO_TEST_CASE(day_labels) {
  BOOST_TEST(format_day_label(day(2027, 6, 15)) == "Tuesday 15 June 2027");
  BOOST_TEST(format_day_label(day(2026, 6, 12)) == "Friday 12 June 2026");
  BOOST_TEST(format_day_label(day(2000, 2, 29)) == "Tuesday 29 February 2000");
  BOOST_TEST(format_day_label(day(2024, 1, 1)) == "Monday 1 January 2024");
  BOOST_TEST(format_day_label(day(2026, 12, 31)) == "Thursday 31 December 2026");
  BOOST_TEST(format_day_label(day(2027, 3, 1)) == "Monday 1 March 2027");
}

BOOST_AUTO_TEST_CASE(weekday_agrees_with_std_chrono_for_two_centuries) {
  namespace chr = std::chrono;
  const char* names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                         "Thursday", "Friday", "Saturday"};
  int wrong = 0;
  std::string first_wrong;
  for (chr::sys_days d = chr::sys_days(chr::year(1901) / 1 / 1);
       d <= chr::sys_days(chr::year(2100) / 12 / 31); d += chr::days(1)) {
    chr::year_month_day ymd(d);
    CivilDateTime t = day(int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())));
    std::string label = format_day_label(t);
    std::string expected = names[chr::weekday(d).c_encoding()];
    if (label.rfind(expected + " ", 0) != 0) {
      if (wrong++ == 0) first_wrong = label;
    }
  }
  BOOST_TEST(wrong == 0, "first wrong label: " << first_wrong);
}

BOOST_AUTO_TEST_CASE(parsed_text_feeds_the_label) {
  auto t = parse_civil("2027-06-15 10:00:00");
  BOOST_TEST_REQUIRE(t.has_value());
  BOOST_TEST(format_day_label(*t) == "Tuesday 15 June 2027");
  BOOST_TEST(format_clock(*t) == "10:00");
  BOOST_TEST(format_iso_date(*t) == "2027-06-15");
}

BOOST_AUTO_TEST_CASE(clock_and_iso_date_are_zero_padded) {
  CivilDateTime t = day(2026, 6, 2);
  t.hour = 9;
  t.minute = 5;
  BOOST_TEST(format_clock(t) == "09:05");
  BOOST_TEST(format_iso_date(t) == "2026-06-02");
  t.hour = 0;
  t.minute = 0;
  BOOST_TEST(format_clock(t) == "00:00");
  BOOST_TEST(format_iso_date(day(987, 1, 1)) == "0987-01-01");
}

BOOST_AUTO_TEST_CASE(date_range_within_a_month) {
  BOOST_TEST(format_date_range(day(2026, 6, 12), day(2026, 6, 14)) ==
             with_dash("12", "14 June 2026"));
  BOOST_TEST(format_date_range(day(2026, 6, 1), day(2026, 6, 2)) == with_dash("1", "2 June 2026"));
}

BOOST_AUTO_TEST_CASE(date_range_single_day) {
  BOOST_TEST(format_date_range(day(2026, 6, 12), day(2026, 6, 12)) == "12 June 2026");
}

BOOST_AUTO_TEST_CASE(date_range_across_months) {
  BOOST_TEST(format_date_range(day(2026, 6, 30), day(2026, 7, 2)) ==
             with_dash("30 June ", " 2 July 2026"));
}

BOOST_AUTO_TEST_CASE(date_range_across_years) {
  BOOST_TEST(format_date_range(day(2026, 12, 30), day(2027, 1, 2)) ==
             with_dash("30 December 2026 ", " 2 January 2027"));
}

BOOST_AUTO_TEST_CASE(date_range_ignores_time_of_day) {
  CivilDateTime a = day(2026, 6, 12), b = day(2026, 6, 12);
  a.hour = 9;
  b.hour = 18;
  BOOST_TEST(format_date_range(a, b) == "12 June 2026");
}

BOOST_AUTO_TEST_CASE(parse_clock_reads_a_time_of_day) {
  BOOST_TEST(parse_clock("00:00").value() == 0);
  BOOST_TEST(parse_clock("09:30").value() == 9 * 3600 + 30 * 60);
  BOOST_TEST(parse_clock("23:59:59").value() == 86399);
  for (const char* bad : {"24:00", "9:30", "09:60", "09:30:60", "09.30", "+9:30", "09:30 ",
                          "09:3a", "", "09:30:5", "0930"})
    BOOST_TEST(!parse_clock(bad).has_value(), bad);
}

BOOST_AUTO_TEST_SUITE_END()
