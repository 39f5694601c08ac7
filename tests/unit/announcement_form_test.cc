// The staff announcement form: values kept as typed, every validation rule,
// the duration arithmetic and the "time left" wording.
#include "model/announcement_form.h"

#include "test_support.h"

using namespace confsched;

namespace {

AnnouncementDraft valid() {
  AnnouncementDraft d;
  d.body = "Lunch is served in the foyer.\nVegan options at the far end.";
  d.level = "info";
  d.ends = "after";
  d.duration = "90";
  d.unit = "minutes";
  return d;
}

std::string only_error(const AnnouncementDraft& d, bool editing = false) {
  FieldErrors e = validate_announcement(d, editing);
  BOOST_REQUIRE_EQUAL(e.size(), 1u);
  return e.begin()->first;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(announcement_form)

BOOST_AUTO_TEST_CASE(valid_drafts_have_no_errors) {
  BOOST_TEST(validate_announcement(valid(), false).empty());
  AnnouncementDraft never = valid();
  never.ends = "never";
  never.duration = "";
  never.level = "important";
  BOOST_TEST(validate_announcement(never, false).empty());
  AnnouncementDraft keep = never;
  keep.ends = "keep";
  BOOST_TEST(validate_announcement(keep, true).empty());
  AnnouncementDraft longest = valid();
  longest.body = std::string(kMaxAnnouncementBytes, 'x');
  longest.duration = "336";
  longest.unit = "hours";
  BOOST_TEST(validate_announcement(longest, false).empty());
}

BOOST_AUTO_TEST_CASE(form_values_are_read_with_line_breaks_normalised) {
  auto form = parse_urlencoded(
      "body=%0D%0A++Room+change%3A%0D%0A%3Cb%3ETalk%3C%2Fb%3E%0Dmoved++%0D%0A&level=important"
      "&ends=after&duration=+15+&unit=hours");
  BOOST_REQUIRE(form.has_value());
  AnnouncementDraft d = announcement_from_form(*form);
  BOOST_TEST(d.body == "Room change:\n<b>Talk</b>\nmoved");
  BOOST_TEST(d.level == "important");
  BOOST_TEST(d.ends == "after");
  BOOST_TEST(d.duration == "15");
  BOOST_TEST(d.unit == "hours");
  AnnouncementDraft empty = announcement_from_form(FormFields{});
  BOOST_TEST(empty.body == "");
  BOOST_TEST(empty.ends == "");
}

BOOST_AUTO_TEST_CASE(the_body_is_required_bounded_and_free_of_control_characters) {
  auto with_body = [](std::string body) {
    AnnouncementDraft d = valid();
    d.body = std::move(body);
    return d;
  };
  BOOST_TEST(only_error(with_body("")) == "body");
  BOOST_TEST(only_error(with_body(std::string(kMaxAnnouncementBytes + 1, 'x'))) == "body");
  // 1000 two-byte characters are 2000 bytes: allowed; one more is not.
  std::string umlauts;
  for (int i = 0; i < 1000; ++i) umlauts += "\xC3\xBC";
  BOOST_TEST(validate_announcement(with_body(umlauts), false).empty());
  BOOST_TEST(only_error(with_body(umlauts + "x")) == "body");
  for (const char* bad : {"bell\a", "tab\there", "nul\x01", "del\x7F", "esc\x1B[31m", "csi\xC2\x9B",
                          "evil\u202Eeman", "iso\u2066late\u2069"})
    BOOST_TEST(only_error(with_body(bad)) == "body", "accepted " << bad);
  BOOST_TEST(validate_announcement(with_body("Room \u202Echanged"), false).at("body") ==
             "The announcement contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text display "
             "in a misleading order.");
  // Multi-line text: the line and paragraph separators are line breaks here.
  BOOST_TEST(validate_announcement(with_body("one\u2028two\ntwo\u2029three"), false).empty());
}

BOOST_AUTO_TEST_CASE(level_must_be_one_of_the_enum) {
  for (const char* bad : {"", "warning", "Important", "info' OR '1"}) {
    AnnouncementDraft d = valid();
    d.level = bad;
    BOOST_TEST(only_error(d) == "level", "accepted level " << bad);
  }
}

BOOST_AUTO_TEST_CASE(the_end_is_checked) {
  AnnouncementDraft keep = valid();
  keep.ends = "keep";
  keep.duration = "";
  BOOST_TEST(only_error(keep, false) == "ends", "keep is for editing only");
  AnnouncementDraft unknown = keep;
  unknown.ends = "tomorrow";
  BOOST_TEST(only_error(unknown, true) == "ends");
  for (const char* bad : {"", "0", "-5", "1.5", "ten", "1e3", "9999999", " "}) {
    AnnouncementDraft d = valid();
    d.duration = bad;
    BOOST_TEST(only_error(d) == "duration", "accepted duration \"" << bad << "\"");
  }
  AnnouncementDraft too_long = valid();
  too_long.duration = "337";
  too_long.unit = "hours";
  BOOST_TEST(only_error(too_long) == "duration");
  too_long.duration = "20161";
  too_long.unit = "minutes";
  BOOST_TEST(only_error(too_long) == "duration");
  AnnouncementDraft bad_unit = valid();
  bad_unit.unit = "days";
  BOOST_TEST(only_error(bad_unit) == "duration");
  AnnouncementDraft stray = valid();
  stray.ends = "never";
  BOOST_TEST(only_error(stray) == "duration", "a duration with no end is a slip");
}

BOOST_AUTO_TEST_CASE(minutes_from_now) {
  BOOST_TEST(announcement_minutes(valid()).value_or(0) == 90);
  AnnouncementDraft hours = valid();
  hours.duration = "2";
  hours.unit = "hours";
  BOOST_TEST(announcement_minutes(hours).value_or(0) == 120);
  AnnouncementDraft never = valid();
  never.ends = "never";
  BOOST_TEST(!announcement_minutes(never).has_value());
  AnnouncementDraft zero = valid();
  zero.duration = "0";
  BOOST_TEST(!announcement_minutes(zero).has_value());
}

BOOST_AUTO_TEST_CASE(time_left_reads_naturally) {
  BOOST_TEST(describe_time_left(0) == "");
  BOOST_TEST(describe_time_left(-30) == "");
  BOOST_TEST(describe_time_left(59) == "under a minute");
  BOOST_TEST(describe_time_left(60) == "1 min");
  BOOST_TEST(describe_time_left(61) == "2 min");
  BOOST_TEST(describe_time_left(3600) == "1 h");
  BOOST_TEST(describe_time_left(3600 + 5 * 60) == "1 h 5 min");
  BOOST_TEST(describe_time_left(14 * 24 * 3600) == "14 d");
  BOOST_TEST(describe_time_left(24 * 3600 + 60) == "1 d 1 min");
}

BOOST_AUTO_TEST_SUITE_END()
