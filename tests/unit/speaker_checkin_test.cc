// Speaker check-in (model/speaker_checkin.h): the desk's order and who is
// marked as due.
#include "model/speaker_checkin.h"

#include "test_support.h"

using namespace confsched;

namespace {

CheckinSession session(int64_t id, std::string start, std::string end) {
  return {id, "Talk " + std::to_string(id), "Hall", std::move(start), std::move(end)};
}

SpeakerToday speaker(int64_t id, std::string name, std::vector<CheckinSession> sessions,
                     bool arrived = false) {
  SpeakerToday s;
  s.id = id;
  s.name = std::move(name);
  s.sessions = std::move(sessions);
  s.arrived = arrived;
  return s;
}

std::vector<int64_t> order(const std::vector<CheckinRow>& rows) {
  std::vector<int64_t> ids;
  for (const CheckinRow& r : rows) ids.push_back(r.speaker.id);
  return ids;
}

const CheckinRow& row_of(const std::vector<CheckinRow>& rows, int64_t id) {
  for (const CheckinRow& r : rows)
    if (r.speaker.id == id) return r;
  throw std::logic_error("no row " + std::to_string(id));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(speaker_checkin)

BOOST_AUTO_TEST_CASE(speakers_come_by_their_next_session_and_those_done_come_last) {
  auto rows = checkin_list(
      {
          speaker(1, "Zoe", {session(10, "16:00", "17:00")}),
          // Her morning talk is over: the afternoon one counts.
          speaker(2, "Ana", {session(11, "14:00", "15:00"), session(12, "09:00", "10:00")}),
          speaker(3, "Done", {session(13, "09:00", "10:00")}),
          // On stage now: first, since the list is "who matters soonest".
          speaker(4, "Onstage", {session(14, "10:15", "11:00")}),
          // The same start as Ana: by name.
          speaker(5, "Bea", {session(15, "14:00", "14:30")}),
          speaker(6, "Alf", {session(16, "08:00", "09:00")}),
      },
      "10:30:00");
  BOOST_TEST(order(rows) == (std::vector<int64_t>{4, 2, 5, 1, 6, 3}),
             boost::test_tools::per_element());
  BOOST_TEST(row_of(rows, 2).next->id == 11);
  BOOST_TEST(row_of(rows, 4).on_now);
  BOOST_TEST(!row_of(rows, 2).on_now);
  BOOST_TEST(!row_of(rows, 3).next.has_value());
  // Sessions come back by start.
  BOOST_TEST(row_of(rows, 2).speaker.sessions.front().id == 12);
}

BOOST_AUTO_TEST_CASE(due_means_not_arrived_and_on_stage_within_the_hour) {
  auto rows = checkin_list(
      {
          speaker(1, "In an hour", {session(1, "11:30", "12:00")}),
          speaker(2, "In 61 minutes", {session(2, "11:31", "12:00")}),
          speaker(3, "Arrived", {session(3, "11:00", "12:00")}, true),
          speaker(4, "Missing on stage", {session(4, "10:00", "11:00")}),
          speaker(5, "Done", {session(5, "09:00", "10:00")}),
          speaker(6, "Soon", {session(6, "10:45", "11:15")}),
      },
      "10:30");
  BOOST_TEST(row_of(rows, 1).due_soon);
  BOOST_TEST(!row_of(rows, 2).due_soon);
  BOOST_TEST(!row_of(rows, 3).due_soon);
  BOOST_TEST(row_of(rows, 4).due_soon);
  BOOST_TEST(!row_of(rows, 5).due_soon);
  BOOST_TEST(row_of(rows, 6).due_soon);
}

BOOST_AUTO_TEST_CASE(a_session_ending_now_is_over_and_one_past_midnight_is_not) {
  auto rows = checkin_list({speaker(1, "Ends now", {session(1, "09:30", "10:30")}),
                            speaker(2, "Late night", {session(2, "23:00", "01:00")})},
                           "23:30");
  BOOST_TEST(!row_of(rows, 1).next.has_value());
  BOOST_TEST_REQUIRE(row_of(rows, 2).next.has_value());
  BOOST_TEST(row_of(rows, 2).on_now);
  rows = checkin_list({speaker(1, "Ends now", {session(1, "09:30", "10:30")})}, "10:30:00");
  BOOST_TEST(!rows.at(0).next.has_value());
  BOOST_TEST(!rows.at(0).due_soon);
}

BOOST_AUTO_TEST_CASE(nobody_speaking_is_an_empty_list) {
  BOOST_TEST(checkin_list({}, "10:00").empty());
}

BOOST_AUTO_TEST_SUITE_END()
