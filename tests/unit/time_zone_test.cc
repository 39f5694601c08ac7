// Time zones and calendar arithmetic behind every page's times (util/time_zone.h).
#include "util/time_zone.h"

#include "test_support.h"

using namespace confsched;

BOOST_AUTO_TEST_SUITE(time_zone)

BOOST_AUTO_TEST_CASE(civil_from_seconds_knows_the_calendar) {
  BOOST_TEST(format_civil(civil_from_seconds(0)) == "1970-01-01 00:00:00");
  BOOST_TEST(format_civil(civil_from_seconds(951782400)) == "2000-02-29 00:00:00");
  BOOST_TEST(format_civil(civil_from_seconds(1814313600 + 3599)) == "2027-06-30 00:59:59");
  BOOST_TEST(format_civil(civil_from_seconds(-1)) == "1969-12-31 23:59:59");
}

BOOST_AUTO_TEST_CASE(london_switches_between_gmt_and_bst) {
  auto london = TimeZone::load("Europe/London");
  BOOST_TEST_REQUIRE(london.has_value());
  // 2027-01-15 12:00 UTC: GMT.
  BOOST_TEST(format_civil(london->local_time(1800014400)) == "2027-01-15 12:00:00");
  // 2027-06-15 12:00 UTC: BST, an hour ahead.
  BOOST_TEST(format_civil(london->local_time(1813060800)) == "2027-06-15 13:00:00");
  // The 2027 spring change is on 28 March at 01:00 UTC.
  BOOST_TEST(london->offset_at(1806195600 - 1) == 0);
  BOOST_TEST(london->offset_at(1806195600) == 3600);
}

BOOST_AUTO_TEST_CASE(zones_east_and_west_and_utc) {
  auto tokyo = TimeZone::load("Asia/Tokyo");
  auto ny = TimeZone::load("America/New_York");
  auto utc = TimeZone::load("UTC");
  BOOST_TEST_REQUIRE((tokyo && ny && utc));
  BOOST_TEST(tokyo->offset_at(1813060800) == 9 * 3600);
  BOOST_TEST(ny->offset_at(1813060800) == -4 * 3600);
  BOOST_TEST(ny->offset_at(1800014400) == -5 * 3600);
  BOOST_TEST(utc->offset_at(1813060800) == 0);
}

BOOST_AUTO_TEST_CASE(seconds_from_civil_inverts_civil_from_seconds) {
  for (int64_t t : {int64_t{0}, int64_t{951782400}, int64_t{1814313600 + 3599}, int64_t{-1},
                    int64_t{-86400 * 800 + 17}, int64_t{4102444800}})
    BOOST_TEST(seconds_from_civil(civil_from_seconds(t)) == t);
}

BOOST_AUTO_TEST_CASE(utc_offsets_are_written_with_sign_hours_and_minutes) {
  BOOST_TEST(utc_offset_text(0) == "UTC+00:00");
  BOOST_TEST(utc_offset_text(3600) == "UTC+01:00");
  BOOST_TEST(utc_offset_text(-(3 * 3600 + 1800)) == "UTC-03:30");
  BOOST_TEST(utc_offset_text(5 * 3600 + 45 * 60) == "UTC+05:45");
}

BOOST_AUTO_TEST_CASE(zones_know_their_abbreviations) {
  auto london = TimeZone::load("Europe/London");
  auto dubai = TimeZone::load("Asia/Dubai");
  BOOST_TEST_REQUIRE((london && dubai));
  BOOST_TEST(london->state_at(1800014400).abbreviation == "GMT");
  BOOST_TEST(london->state_at(1813060800).abbreviation == "BST");
  BOOST_TEST(london->state_at(1813060800).offset_seconds == 3600);
  BOOST_TEST(dubai->state_at(1813060800).abbreviation == "+04");
}

// Summer time in the last year Debian's zone files list (util/time_zone.h
// states the limit after it).
BOOST_AUTO_TEST_CASE(summer_time_holds_to_the_end_of_the_listed_transitions) {
  auto london = TimeZone::load("Europe/London");
  BOOST_TEST_REQUIRE(london.has_value());
  // 2037-07-01 12:00 UTC.
  BOOST_TEST(london->offset_at(2130062400) == 3600);
  BOOST_TEST(london->state_at(2130062400).abbreviation == "BST");
}

BOOST_AUTO_TEST_CASE(local_times_map_back_to_instants) {
  auto london = TimeZone::load("Europe/London");
  BOOST_TEST_REQUIRE(london.has_value());
  auto at = [](const char* text) { return *parse_civil(text); };
  BOOST_TEST(london->utc_of(at("2027-06-15 13:00")) == 1813060800);
  BOOST_TEST(london->utc_of(at("2027-01-15 12:00")) == 1800014400);
  // 01:30 on 28 March 2027 does not exist in London: read with GMT.
  BOOST_TEST(london->utc_of(at("2027-03-28 01:30")) == 1806195600 + 1800);
  // 01:30 on 31 October 2027 happens twice: the first, in BST.
  BOOST_TEST(london->utc_of(at("2027-10-31 01:30")) == 1824942600);
}

// What a page states beside the zone's name: the abbreviation and offset
// of the days it shows, both when summer time starts or ends among them.
BOOST_AUTO_TEST_CASE(statements_name_abbreviation_offset_and_a_change) {
  auto london = TimeZone::load("Europe/London");
  auto utc = TimeZone::load("UTC");
  auto kolkata = TimeZone::load("Asia/Kolkata");
  auto dubai = TimeZone::load("Asia/Dubai");
  BOOST_TEST_REQUIRE((london && utc && kolkata && dubai));
  auto day = [](const char* text) { return *parse_civil(text); };
  BOOST_TEST(london->statement_between(day("2027-06-15"), day("2027-06-17 23:59")) ==
             "BST, UTC+01:00");
  BOOST_TEST(london->statement_between(day("2027-01-15"), day("2027-01-15 12:00")) ==
             "GMT, UTC+00:00");
  // Summer time starts on 28 March 2027.
  BOOST_TEST(london->statement_between(day("2027-03-27"), day("2027-03-29 23:59")) ==
             "GMT, UTC+00:00, then BST, UTC+01:00");
  BOOST_TEST(london->statement_between(day("2027-10-30"), day("2027-10-31 23:59")) ==
             "BST, UTC+01:00, then GMT, UTC+00:00");
  BOOST_TEST(kolkata->statement_between(day("2027-06-15"), day("2027-06-16")) == "IST, UTC+05:30");
  BOOST_TEST(dubai->statement_between(day("2027-06-15"), day("2027-06-16")) == "UTC+04:00");
  BOOST_TEST(utc->statement_between(day("2027-06-15"), day("2027-06-16")) == "");
}

BOOST_AUTO_TEST_CASE(names_outside_the_database_are_refused) {
  for (const char* name : {"", "../../etc/passwd", "/etc/localtime", "Europe/../UTC", "Europe/",
                           "No/Such_Zone", "Europe/London\n", "Europe//London", "europe/london"})
    BOOST_TEST(!TimeZone::load(name).has_value(), name);
  BOOST_TEST(TimeZone::load("Europe/London")->name() == "Europe/London");
}

BOOST_AUTO_TEST_SUITE_END()
