// The TZif reader and calendar arithmetic behind /now (util/time_zone.h).
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
  BOOST_TEST(utc_offset_text(0) == "UTC");
  BOOST_TEST(utc_offset_text(3600) == "UTC+01:00");
  BOOST_TEST(utc_offset_text(-(3 * 3600 + 1800)) == "UTC-03:30");
  BOOST_TEST(utc_offset_text(5 * 3600 + 45 * 60) == "UTC+05:45");
}

// What a page states beside the zone's name: the offset of the days it
// shows, both when summer time starts or ends among them.
BOOST_AUTO_TEST_CASE(offsets_between_names_a_change_of_offset) {
  auto london = TimeZone::load("Europe/London");
  BOOST_TEST_REQUIRE(london.has_value());
  auto day = [](const char* text) { return *parse_civil(text); };
  BOOST_TEST(london->offsets_between(day("2027-06-15"), day("2027-06-17 23:59")) == "UTC+01:00");
  BOOST_TEST(london->offsets_between(day("2027-01-15"), day("2027-01-15 12:00")) == "UTC");
  // Summer time starts on 28 March 2027.
  BOOST_TEST(london->offsets_between(day("2027-03-27"), day("2027-03-29 23:59")) ==
             "UTC, then UTC+01:00");
}

BOOST_AUTO_TEST_CASE(names_outside_the_database_are_refused) {
  for (const char* name : {"", "../../etc/passwd", "/etc/localtime", "Europe/../UTC", "Europe/",
                           "No/Such_Zone", "Europe/London\n", "Europe//London"})
    BOOST_TEST(!TimeZone::load(name).has_value(), name);
}

BOOST_AUTO_TEST_CASE(malformed_tzif_is_refused) {
  BOOST_TEST(!TimeZone::from_tzif("").has_value());
  BOOST_TEST(!TimeZone::from_tzif("TZif2").has_value());
  BOOST_TEST(!TimeZone::from_tzif(std::string(44, 'x')).has_value());
  // A version 1 header claiming 1 type but carrying no data.
  std::string header = "TZif";
  header += std::string(16, '\0');
  header += std::string("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1\0\0\0\0", 24);
  BOOST_TEST(!TimeZone::from_tzif(header).has_value());
}

BOOST_AUTO_TEST_CASE(a_minimal_version_1_file_reads) {
  // No transitions, one type of +02:00.
  std::string f = "TZif";
  f += std::string(16, '\0');
  const char counts[24] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 4};
  f.append(counts, 24);
  const char type[6] = {0, 0, 0x1c, 0x20, 0, 0};
  f.append(type, 6);
  f += "XYZ";
  f += '\0';
  auto zone = TimeZone::from_tzif(f);
  BOOST_TEST_REQUIRE(zone.has_value());
  BOOST_TEST(zone->offset_at(0) == 7200);
}

BOOST_AUTO_TEST_SUITE_END()
