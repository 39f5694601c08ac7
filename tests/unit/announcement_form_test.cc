// The staff announcement form: values kept as typed, every validation rule,
// typed days and times read on the event's wall clock, the write a valid
// draft stands for, and the "time left" wording.
#include "model/announcement_form.h"

#include "test_support.h"

using namespace confsched;

namespace {

using Kind = AnnouncementTime::Kind;

const TimeZone& london() {
  static const TimeZone zone = *TimeZone::load("Europe/London");
  return zone;
}

// 2026-06-10 09:30:00 UTC: 10:30 in London (BST, UTC+01:00).
constexpr int64_t kNow = 1781083800;
constexpr int64_t kMinute = 60, kHour = 3600, kDay = 86400;

AnnouncementContext context() {
  AnnouncementContext c;
  c.now = kNow;
  c.zone = &london();
  c.room_ids = {1, 2, 7};
  return c;
}

// Editing an announcement stored with these times.
AnnouncementContext editing(int64_t start, std::optional<int64_t> end) {
  AnnouncementContext c = context();
  c.stored = AnnouncementContext::Stored{start, end};
  return c;
}

AnnouncementDraft valid() {
  AnnouncementDraft d;
  d.body = "Lunch is served in the foyer.\nVegan options at the far end.";
  d.level = "info";
  d.starts = "now";
  d.ends = "after";
  d.duration = "90";
  d.unit = "minutes";
  return d;
}

// Starting at a typed day and time, for 90 minutes.
AnnouncementDraft starting(std::string day, std::string time) {
  AnnouncementDraft d = valid();
  d.starts = "at";
  d.start_day = std::move(day);
  d.start_time = std::move(time);
  return d;
}

// d, ending at a typed day and time instead.
AnnouncementDraft ends_at(AnnouncementDraft d, std::string day, std::string time) {
  d.ends = "at";
  d.duration = "";
  d.end_day = std::move(day);
  d.end_time = std::move(time);
  return d;
}

// Starting now, ending at a typed day and time.
AnnouncementDraft ending(std::string day, std::string time) {
  return ends_at(valid(), std::move(day), std::move(time));
}

std::string only_error(const AnnouncementDraft& d, const AnnouncementContext& c = context()) {
  FieldErrors e = validate_announcement(d, c);
  BOOST_REQUIRE_EQUAL(e.size(), 1u);
  return e.begin()->first;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(announcement_form)

BOOST_AUTO_TEST_CASE(valid_drafts_have_no_errors) {
  BOOST_TEST(validate_announcement(valid(), context()).empty());
  AnnouncementDraft never = valid();
  never.ends = "never";
  never.duration = "";
  never.level = "important";
  BOOST_TEST(validate_announcement(never, context()).empty());
  AnnouncementDraft keep = never;
  keep.starts = "keep";
  keep.ends = "keep";
  BOOST_TEST(validate_announcement(keep, editing(kNow - kHour, std::nullopt)).empty());
  AnnouncementDraft longest = valid();
  longest.body = std::string(kMaxAnnouncementBytes, 'x');
  longest.duration = "336";
  longest.unit = "hours";
  BOOST_TEST(validate_announcement(longest, context()).empty());
  AnnouncementDraft in_a_room = valid();
  in_a_room.room = "7";
  BOOST_TEST(validate_announcement(in_a_room, context()).empty());
  BOOST_TEST(validate_announcement(starting("2026-06-10", "14:00"), context()).empty());
  BOOST_TEST(validate_announcement(ending("2026-06-10", "14:00"), context()).empty());
}

BOOST_AUTO_TEST_CASE(form_values_are_read_with_line_breaks_normalised) {
  auto form = parse_urlencoded(
      "body=%0D%0A++Room+change%3A%0D%0A%3Cb%3ETalk%3C%2Fb%3E%0Dmoved++%0D%0A&level=important"
      "&room=2&starts=at&start_day=+2026-06-12+&start_time=09%3A15+"
      "&ends=after&duration=+15+&unit=hours&end_day=&end_time=");
  BOOST_REQUIRE(form.has_value());
  AnnouncementDraft d = announcement_from_form(*form);
  BOOST_TEST(d.body == "Room change:\n<b>Talk</b>\nmoved");
  BOOST_TEST(d.level == "important");
  BOOST_TEST(d.room == "2");
  BOOST_TEST(d.starts == "at");
  BOOST_TEST(d.start_day == "2026-06-12");
  BOOST_TEST(d.start_time == "09:15");
  BOOST_TEST(d.ends == "after");
  BOOST_TEST(d.duration == "15");
  BOOST_TEST(d.unit == "hours");
  BOOST_TEST(d.end_day == "");
  AnnouncementDraft empty = announcement_from_form(FormFields{});
  BOOST_TEST(empty.body == "");
  BOOST_TEST(empty.starts == "");
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
  BOOST_TEST(validate_announcement(with_body(umlauts), context()).empty());
  BOOST_TEST(only_error(with_body(umlauts + "x")) == "body");
  for (const char* bad : {"bell\a", "tab\there", "nul\x01", "del\x7F", "esc\x1B[31m", "csi\xC2\x9B",
                          "evil\u202Eeman", "iso\u2066late\u2069"})
    BOOST_TEST(only_error(with_body(bad)) == "body", "accepted " << bad);
  BOOST_TEST(validate_announcement(with_body("Room \u202Echanged"), context()).at("body") ==
             "The announcement contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text display "
             "in a misleading order.");
  // Multi-line text: the line and paragraph separators are line breaks here.
  BOOST_TEST(validate_announcement(with_body("one\u2028two\ntwo\u2029three"), context()).empty());
}

BOOST_AUTO_TEST_CASE(level_must_be_one_of_the_enum) {
  for (const char* bad : {"", "warning", "Important", "info' OR '1"}) {
    AnnouncementDraft d = valid();
    d.level = bad;
    BOOST_TEST(only_error(d) == "level", "accepted level " << bad);
  }
}

BOOST_AUTO_TEST_CASE(the_room_is_everywhere_or_one_that_exists) {
  for (const char* bad : {"3", "0", "x", "1 ", "-1", "01x", "99999999999999999999"}) {
    AnnouncementDraft d = valid();
    d.room = bad;
    BOOST_TEST(only_error(d) == "room", "accepted room \"" << bad << "\"");
  }
  AnnouncementDraft d = valid();
  d.room = "2";
  BOOST_TEST(validate_announcement(d, context()).empty());
}

BOOST_AUTO_TEST_CASE(the_end_is_checked) {
  AnnouncementDraft keep = valid();
  keep.ends = "keep";
  keep.duration = "";
  BOOST_TEST(only_error(keep) == "ends", "keep is for editing only");
  AnnouncementDraft unknown = keep;
  unknown.ends = "tomorrow";
  BOOST_TEST(only_error(unknown, editing(kNow, std::nullopt)) == "ends");
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
  AnnouncementDraft stray_day = valid();
  stray_day.end_time = "12:00";
  BOOST_TEST(only_error(stray_day) == "end_at", "an end time while it ends after a duration");
}

BOOST_AUTO_TEST_CASE(the_start_is_checked) {
  AnnouncementDraft keep = valid();
  keep.starts = "keep";
  BOOST_TEST(only_error(keep) == "starts", "keep is for editing only");
  for (const char* bad : {"", "later", "At"}) {
    AnnouncementDraft d = valid();
    d.starts = bad;
    BOOST_TEST(only_error(d) == "starts", "accepted starts \"" << bad << "\"");
  }
  AnnouncementDraft stray = valid();
  stray.start_day = "2026-06-10";
  BOOST_TEST(only_error(stray) == "start_at", "a start day while it starts now is a slip");
}

// Unknown days and times are refused, never guessed at: each is 422 with
// the message by the day and time fields.
BOOST_AUTO_TEST_CASE(unknown_days_and_times_are_refused) {
  const std::pair<const char*, const char*> bad[] = {{"", ""},
                                                     {"2026-06-10", ""},
                                                     {"", "14:00"},
                                                     {"2026-02-30", "14:00"},
                                                     {"2026-13-01", "14:00"},
                                                     {"10/06/2026", "14:00"},
                                                     {"2026-6-10", "14:00"},
                                                     {"2026-06-10", "24:00"},
                                                     {"2026-06-10", "14:60"},
                                                     {"2026-06-10", "9:15"},
                                                     {"2026-06-10", "14:00:00"},
                                                     {"2026-06-10", "2pm"},
                                                     {"2026-06-10 14:00", "14:00"},
                                                     {"2026-06-1x", "14:00"},
                                                     {"2026-06-10", "14-00"}};
  for (const auto& [day, time] : bad) {
    BOOST_TEST(only_error(starting(day, time)) == "start_at", "start " << day << " " << time);
    BOOST_TEST(only_error(ending(day, time)) == "end_at", "end " << day << " " << time);
  }
  BOOST_TEST(validate_announcement(starting("2026-02-30", "14:00"), context()).at("start_at") ==
             "Give the start as a day (YYYY-MM-DD) and a time (HH:MM).");
}

BOOST_AUTO_TEST_CASE(typed_times_are_the_events_wall_clock) {
  // Summer: BST is UTC+01:00.
  BOOST_TEST(typed_instant("2026-06-10", "10:30", london()).value_or(0) == kNow);
  // Winter: GMT is UTC.
  BOOST_TEST(typed_instant("2026-12-01", "09:00", london()).value_or(0) == 1796115600);
  // 29 March 2026, 01:30 does not exist in London (clocks go from 01:00
  // GMT to 02:00 BST): read with the offset before the change, so 01:30 UTC.
  BOOST_TEST(typed_instant("2026-03-29", "01:30", london()).value_or(0) == 1774747800);
  // 25 October 2026, 01:30 happens twice: the first, in BST (00:30 UTC).
  BOOST_TEST(typed_instant("2026-10-25", "01:30", london()).value_or(0) == 1792888200);
  const TimeZone tokyo = *TimeZone::load("Asia/Tokyo");
  BOOST_TEST(typed_instant("2026-06-10", "18:30", tokyo).value_or(0) == kNow);
  BOOST_TEST(!typed_instant("2026-06-10", "25:00", london()));
  BOOST_TEST(!typed_instant("2026-06-10T10", ":30", london()));
}

BOOST_AUTO_TEST_CASE(the_start_comes_before_the_end) {
  // Ending at or before the start.
  AnnouncementDraft at_start = ends_at(starting("2026-06-10", "14:00"), "2026-06-10", "14:00");
  BOOST_TEST(only_error(at_start) == "end_at");
  BOOST_TEST(validate_announcement(at_start, context()).at("end_at") ==
             "The end must be after the start.");
  at_start.end_time = "13:59";
  BOOST_TEST(only_error(at_start) == "end_at");
  at_start.end_time = "14:01";
  BOOST_TEST(validate_announcement(at_start, context()).empty());
  // An end that has passed (the start is now).
  BOOST_TEST(validate_announcement(ending("2026-06-10", "10:30"), context()).at("end_at") ==
             "That end has passed already: choose a later one.");
  // Keeping a stored end that the new start passes.
  AnnouncementDraft later = starting("2026-06-11", "09:00");
  later.ends = "keep";
  later.duration = "";
  BOOST_TEST(only_error(later, editing(kNow - kHour, kNow + 2 * kHour)) == "ends");
  // Keeping a stored end that has passed, started again now: choose an end.
  AnnouncementDraft again = valid();
  again.ends = "keep";
  again.duration = "";
  BOOST_TEST(only_error(again, editing(kNow - 2 * kDay, kNow - kDay)) == "ends");
  // Keeping both is left alone, even for one that has ended: its text can
  // still be corrected.
  again.starts = "keep";
  BOOST_TEST(validate_announcement(again, editing(kNow - 2 * kDay, kNow - kDay)).empty());
}

BOOST_AUTO_TEST_CASE(a_start_in_the_past_is_now) {
  AnnouncementDraft past = ends_at(starting("2026-06-09", "08:00"), "2026-06-10", "12:00");
  BOOST_TEST(validate_announcement(past, context()).empty());
  AnnouncementWrite w = announcement_write(past, context());
  BOOST_TEST((w.start.kind == Kind::kNow));
  BOOST_TEST(w.start.minutes == 0);
  BOOST_TEST((w.end.kind == Kind::kAt));
  BOOST_TEST(w.end.at == kNow + 90 * kMinute);
  // A duration then counts from now.
  AnnouncementWrite after = announcement_write(starting("2000-01-01", "00:00"), context());
  BOOST_TEST((after.start.kind == Kind::kNow));
  BOOST_TEST((after.end.kind == Kind::kNow));
  BOOST_TEST(after.end.minutes == 90);
}

BOOST_AUTO_TEST_CASE(at_most_fourteen_days_from_the_start) {
  // 14 days after a start tomorrow at 09:00: the end may be then, not later.
  AnnouncementDraft d = ends_at(starting("2026-06-11", "09:00"), "2026-06-25", "09:00");
  BOOST_TEST(validate_announcement(d, context()).empty());
  d.end_time = "09:01";
  BOOST_TEST(only_error(d) == "end_at");
  BOOST_TEST(validate_announcement(d, context()).at("end_at") ==
             "An announcement can show for at most 14 days (336 hours) from its start.");
  // From now, for one that starts now or has started.
  BOOST_TEST(only_error(ending("2026-06-24", "10:31")) == "end_at");
  BOOST_TEST(validate_announcement(ending("2026-06-24", "10:30"), context()).empty());
  // A start more than a year ahead is a typo.
  BOOST_TEST(validate_announcement(starting("2027-06-10", "10:30"), context()).empty());
  BOOST_TEST(only_error(starting("2027-06-11", "10:31")) == "start_at");
  BOOST_TEST(only_error(starting("9999-12-31", "23:59")) == "start_at");
}

BOOST_AUTO_TEST_CASE(the_write_of_a_valid_draft) {
  AnnouncementDraft now_after = valid();
  now_after.room = "2";
  now_after.level = "important";
  AnnouncementWrite w = announcement_write(now_after, context());
  BOOST_TEST(w.body == now_after.body);
  BOOST_TEST(w.level == "important");
  BOOST_TEST(w.room_id.value_or(0) == 2);
  BOOST_TEST((w.start.kind == Kind::kNow));
  BOOST_TEST((w.end.kind == Kind::kNow));
  BOOST_TEST(w.end.minutes == 90);
  BOOST_TEST(!announcement_write(valid(), context()).room_id.has_value(), "everywhere");

  // A start ahead: the duration counts from it.
  AnnouncementWrite later = announcement_write(starting("2026-06-10", "14:00"), context());
  BOOST_TEST((later.start.kind == Kind::kAt));
  BOOST_TEST(later.start.at == kNow + 3 * kHour + 30 * kMinute);
  BOOST_TEST((later.end.kind == Kind::kAt));
  BOOST_TEST(later.end.at == later.start.at + 90 * kMinute);

  AnnouncementDraft never = valid();
  never.ends = "never";
  never.duration = "";
  BOOST_TEST((announcement_write(never, context()).end.kind == Kind::kNone));

  // Kept times stay; a duration after a kept start still to come counts
  // from it, after one that has passed from now.
  AnnouncementDraft keep = valid();
  keep.starts = "keep";
  AnnouncementWrite kept = announcement_write(keep, editing(kNow + kHour, std::nullopt));
  BOOST_TEST((kept.start.kind == Kind::kKeep));
  BOOST_TEST((kept.end.kind == Kind::kAt));
  BOOST_TEST(kept.end.at == kNow + kHour + 90 * kMinute);
  kept = announcement_write(keep, editing(kNow - kHour, std::nullopt));
  BOOST_TEST((kept.end.kind == Kind::kNow));
  BOOST_TEST(kept.end.minutes == 90);
  keep.ends = "keep";
  keep.duration = "";
  BOOST_TEST((announcement_write(keep, editing(kNow, kNow + kHour)).end.kind == Kind::kKeep));
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
