// Room statuses (model/room_status.h): their names, what delegates read,
// and which session a status set now is about (and so when it ends).
#include "model/room_status.h"

#include "test_support.h"

using namespace confsched;

namespace {

Session at(const char* starts, const char* ends) {
  Session s;
  s.starts_at = starts;
  s.ends_at = ends;
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(room_status)

BOOST_AUTO_TEST_CASE(names_round_trip_and_nothing_else_parses) {
  for (RoomStatus s : {RoomStatus::kFull, RoomStatus::kLate, RoomStatus::kMoved})
    BOOST_CHECK(parse_room_status(room_status_name(s)) == s);
  using namespace std::string_view_literals;
  for (std::string_view bad : {""sv, "clear"sv, "Full"sv, "full "sv, "moved\n"sv, "late\0x"sv})
    BOOST_CHECK_MESSAGE(!parse_room_status(bad), bad);
}

BOOST_AUTO_TEST_CASE(text_names_the_room_it_moved_to) {
  BOOST_CHECK_EQUAL(room_status_text(RoomStatus::kMoved, "Hall <B>"), "Moved to Hall <B>");
  BOOST_CHECK_EQUAL(room_status_text(RoomStatus::kLate, "ignored"), "Starting late");
  BOOST_CHECK_EQUAL(room_status_text(RoomStatus::kFull, ""), "Full: no seats left");
}

BOOST_AUTO_TEST_CASE(the_session_on_now_else_the_next_one_today) {
  const Session running = at("2027-06-15 10:00:00", "2027-06-15 11:00:00");
  const Session later = at("2027-06-15 14:00:00", "2027-06-15 15:00:00");
  const Session tomorrow = at("2027-06-16 09:00:00", "2027-06-16 10:00:00");
  const char* now = "2027-06-15 10:30:00";
  // On now: the status ends with it, even when another follows.
  BOOST_CHECK_EQUAL(room_status_session(RoomNow{nullptr, &running, &later}, now), &running);
  // Between sessions: the next one, for "starting late".
  BOOST_CHECK_EQUAL(room_status_session(RoomNow{nullptr, nullptr, &later}, now), &later);
  // Nothing more today: no session to end with, whatever tomorrow holds.
  BOOST_CHECK(room_status_session(RoomNow{nullptr, nullptr, &tomorrow}, now) == nullptr);
  BOOST_CHECK(room_status_session(RoomNow{nullptr, nullptr, nullptr}, now) == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
