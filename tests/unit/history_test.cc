// A session's audit trail as values: the changed fields of one row, and the
// draft that restores a row's after-values.
#include "model/history.h"

#include "test_support.h"

using namespace confsched;

namespace {

AuditValues row() {
  return {{"title", "A talk"},
          {"abstract", "Text."},
          {"starts_at", "2027-06-16 09:30:00"},
          {"ends_at", "2027-06-16 10:15:00"},
          {"room_id", "2"},
          {"track_id", std::nullopt},
          {"kind", "talk"},
          {"status", "scheduled"}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(history)

BOOST_AUTO_TEST_CASE(change_kinds_name_what_delegates_care_about) {
  using Kinds = std::vector<std::string_view>;
  BOOST_TEST((change_kinds(std::nullopt, row()) == Kinds{"new"}));
  BOOST_TEST((change_kinds(row(), std::nullopt) == Kinds{"deleted"}));
  BOOST_TEST((change_kinds(row(), row()).empty()));
  AuditValues after = row();
  after["ends_at"] = "2027-06-16 10:30:00";
  BOOST_TEST((change_kinds(row(), after) == Kinds{"retimed"}));
  after["starts_at"] = "2027-06-16 09:45:00";
  after["room_id"] = "3";
  BOOST_TEST((change_kinds(row(), after) == Kinds{"moved", "retimed"}));
  after["status"] = "cancelled";
  after["title"] = "Other";
  BOOST_TEST((change_kinds(row(), after) == Kinds{"cancelled", "moved", "retimed", "edited"}));
  AuditValues status_only = row();
  status_only["status"] = "moved";  // the "moved" status alone is an edit, not a room change
  BOOST_TEST((change_kinds(row(), status_only) == Kinds{"edited"}));
}

BOOST_AUTO_TEST_CASE(only_changed_fields_are_listed_in_display_order) {
  AuditValues after = row();
  after["status"] = "moved";
  after["title"] = "New title";
  after["track_id"] = "7";
  auto changes = changed_fields(row(), after);
  BOOST_REQUIRE_EQUAL(changes.size(), 3u);
  BOOST_TEST(changes[0].key == "title");
  BOOST_TEST(changes[0].label == "Title");
  BOOST_TEST(changes[0].before.value_or("") == "A talk");
  BOOST_TEST(changes[0].after.value_or("") == "New title");
  BOOST_TEST(changes[1].key == "track_id");
  BOOST_TEST(!changes[1].before.has_value());
  BOOST_TEST(changes[1].after.value_or("") == "7");
  BOOST_TEST(changes[2].key == "status");
  BOOST_TEST(changed_fields(row(), row()).empty());
}

BOOST_AUTO_TEST_CASE(a_missing_side_changes_every_recorded_field) {
  auto created = changed_fields(std::nullopt, row());
  BOOST_TEST(created.size() == 7u);  // track_id is null on both sides
  for (const auto& c : created) BOOST_TEST(!c.before.has_value());
  auto deleted = changed_fields(row(), std::nullopt);
  BOOST_TEST(deleted.size() == 7u);
  BOOST_TEST(changed_fields(std::nullopt, std::nullopt).empty());
}

BOOST_AUTO_TEST_CASE(after_values_become_the_edit_forms_draft) {
  RestoreDraft r = draft_from_audit(row());
  BOOST_REQUIRE(r.draft.has_value());
  BOOST_TEST(r.problem.empty());
  const SessionDraft& d = *r.draft;
  BOOST_TEST(d.title == "A talk");
  BOOST_TEST(d.abstract == "Text.");
  BOOST_TEST(d.day == "2027-06-16");
  BOOST_TEST(d.start == "09:30");
  BOOST_TEST(d.end == "10:15");
  BOOST_TEST(d.room_id == "2");
  BOOST_TEST(d.track_id == "");
  BOOST_TEST(d.kind == "talk");
  BOOST_TEST(d.status == "scheduled");
  BOOST_TEST(d.starts_at() == "2027-06-16 09:30:00");
  AuditValues with_track = row();
  with_track["track_id"] = "7";
  BOOST_TEST(draft_from_audit(with_track).draft->track_id == "7");
}

// A session that ran past midnight comes back as the form shows it: its
// day, its start, and an end before the start (the next day's).
BOOST_AUTO_TEST_CASE(a_session_past_midnight_is_restored) {
  AuditValues v = row();
  v["starts_at"] = "2027-06-16 23:30:00";
  v["ends_at"] = "2027-06-17 00:30:00";
  RestoreDraft r = draft_from_audit(v);
  BOOST_TEST_REQUIRE(r.draft.has_value(), r.problem);
  BOOST_TEST(r.draft->day == "2027-06-16");
  BOOST_TEST(r.draft->start == "23:30");
  BOOST_TEST(r.draft->end == "00:30");
  BOOST_TEST(r.draft->ends_at() == "2027-06-17 00:30:00");
}

BOOST_AUTO_TEST_CASE(incomplete_or_unrepresentable_values_are_not_restored) {
  AuditValues no_room = row();
  no_room.erase("room_id");
  RestoreDraft r = draft_from_audit(no_room);
  BOOST_TEST(!r.draft.has_value());
  BOOST_TEST(r.problem.find("room_id") != std::string::npos);
  AuditValues null_title = row();
  null_title["title"] = std::nullopt;
  BOOST_TEST(!draft_from_audit(null_title).draft.has_value());
  // The next day only for an end before the start (past midnight).
  for (const char* bad_end : {"2027-06-17 10:30:00", "2027-06-18 00:30:00", "2027-06-16 10:15:30",
                              "2027-06-16T10:15:00", "10:15"}) {
    AuditValues v = row();
    v["ends_at"] = bad_end;
    RestoreDraft bad = draft_from_audit(v);
    BOOST_TEST(!bad.draft.has_value(), bad_end);
    BOOST_TEST(!bad.problem.empty());
  }
}

BOOST_AUTO_TEST_CASE(refusals_say_what_no_longer_exists) {
  BOOST_TEST(restore_problem({{"room_id", "Choose a room from the list."}}) ==
             "This version cannot be restored: its room no longer exists.");
  BOOST_TEST(restore_problem({{"day", "x"}, {"track_id", "y"}}) ==
             "This version cannot be restored: its day is no longer within the event's dates; "
             "its track no longer exists.");
  BOOST_TEST(restore_problem({{"end", "The end must be after the start."}}) ==
             "This version cannot be restored: its end is not valid any more (The end must be "
             "after the start).");
}

// An old version holding what the form now refuses is refused the same way
// (a 409 with the reason, not a 500), since restore validates the draft.
BOOST_AUTO_TEST_CASE(a_version_with_a_bidi_override_cannot_be_restored) {
  AuditValues v = row();
  v["title"] = "Evil\u202Eeman";
  v["materials"] = "Slides | https://alice:secret@example.org/s\n";
  RestoreDraft restored = draft_from_audit(v);
  BOOST_TEST_REQUIRE(restored.draft.has_value());
  SessionChoices c;
  c.first_day = "2027-06-15";
  c.last_day = "2027-06-17";
  c.room_ids = {1, 2, 3};
  c.track_ids = {7};
  FieldErrors errors = validate_draft(*restored.draft, c);
  BOOST_TEST(errors.count("title") == 1u);
  BOOST_TEST(errors.count("materials") == 1u);
  BOOST_TEST(restore_problem(errors) ==
             "This version cannot be restored: its materials is not valid any more (Line 1: links "
             "must not carry a user name or password); its title is not valid any more (The title "
             "contains U+202E RIGHT-TO-LEFT OVERRIDE, which can make text display in a misleading "
             "order).");
}

BOOST_AUTO_TEST_SUITE_END()
