// What the landing view of /schedule opens with (pages/schedule_glance.h).
#include "pages/schedule_glance.h"
#include "test_support.h"

using namespace confsched;

namespace {

using Phase = ScheduleGlance::Phase;

Programme three_rooms() {
  Programme p;
  p.rooms = {{1, "Main hall", 1, std::nullopt},
             {2, "Room B", 2, std::nullopt},
             {3, "Room C", 3, std::nullopt}};
  p.sessions.reserve(8);
  auto add = [&](int64_t id, const char* start, const char* end, int room) {
    Session s;
    s.id = id;
    s.title = "S" + std::to_string(id);
    s.starts_at = start;
    s.ends_at = end;
    s.status = "scheduled";
    if (room > 0) s.room = &p.rooms[static_cast<size_t>(room - 1)];
    p.sessions.push_back(std::move(s));
  };
  // Sorted by start, as load_programme gives them. Room C starts late and
  // holds a workshop that outlasts every other session.
  add(1, "2027-06-15 09:00:00", "2027-06-15 10:00:00", 1);
  add(2, "2027-06-15 09:00:00", "2027-06-15 10:00:00", 2);
  add(3, "2027-06-15 10:00:00", "2027-06-15 11:00:00", 1);
  add(4, "2027-06-15 10:30:00", "2027-06-15 11:00:00", 2);
  add(5, "2027-06-15 14:00:00", "2027-06-15 15:00:00", 0);  // no room
  add(6, "2027-06-16 09:00:00", "2027-06-16 10:00:00", 2);
  add(7, "2027-06-16 09:30:00", "2027-06-16 18:00:00", 3);
  add(8, "2027-06-16 10:00:00", "2027-06-16 11:00:00", 1);
  return p;
}

std::vector<int64_t> ids(const std::vector<const Session*>& sessions) {
  std::vector<int64_t> out;
  for (const Session* s : sessions) out.push_back(s->id);
  return out;
}

using Ids = std::vector<int64_t>;

}  // namespace

BOOST_AUTO_TEST_SUITE(landing_glance)

BOOST_AUTO_TEST_CASE(before_the_event_each_rooms_first_session) {
  Programme p = three_rooms();
  ScheduleGlance g = schedule_glance(p, "2027-06-14 23:59:59");
  BOOST_TEST((g.phase == Phase::kBefore));
  BOOST_TEST(g.now.empty());
  // By start, then by room: Main hall and Room B at 09:00, Room C the next day.
  BOOST_TEST(ids(g.next) == (Ids{1, 2, 7}));
}

BOOST_AUTO_TEST_CASE(during_the_event_now_and_each_rooms_next) {
  Programme p = three_rooms();
  ScheduleGlance g = schedule_glance(p, "2027-06-15 09:00:00");  // start is inclusive
  BOOST_TEST((g.phase == Phase::kDuring));
  BOOST_TEST(ids(g.now) == (Ids{1, 2}));
  BOOST_TEST(ids(g.next) == (Ids{3, 4, 7}));
  g = schedule_glance(p, "2027-06-15 10:15:00");  // a gap in Room B
  BOOST_TEST(ids(g.now) == (Ids{3}));
  BOOST_TEST(ids(g.next) == (Ids{4, 7, 8}));  // Main hall next runs the next day
}

BOOST_AUTO_TEST_CASE(what_runs_now_is_sorted_by_start_then_room) {
  Programme p = three_rooms();
  // Main hall (first in order) started at 10:00, Room C at 09:30.
  ScheduleGlance g = schedule_glance(p, "2027-06-16 10:30:00");
  BOOST_TEST(ids(g.now) == (Ids{7, 8}));
}

BOOST_AUTO_TEST_CASE(the_night_between_days_is_during_the_event) {
  Programme p = three_rooms();
  ScheduleGlance g = schedule_glance(p, "2027-06-15 23:00:00");
  BOOST_TEST((g.phase == Phase::kDuring));
  BOOST_TEST(g.now.empty());
  BOOST_TEST(ids(g.next) == (Ids{6, 7, 8}));
}

BOOST_AUTO_TEST_CASE(the_event_ends_with_its_last_end_not_its_last_start) {
  Programme p = three_rooms();
  // Session 8 (the last to start) has ended; the workshop runs on.
  ScheduleGlance g = schedule_glance(p, "2027-06-16 17:59:59");
  BOOST_TEST((g.phase == Phase::kDuring));
  BOOST_TEST(ids(g.now) == (Ids{7}));
  BOOST_TEST(g.next.empty());
  g = schedule_glance(p, "2027-06-16 18:00:00");  // end is exclusive
  BOOST_TEST((g.phase == Phase::kAfter));
  BOOST_TEST(g.now.empty());
  BOOST_TEST(ids(g.next) == (Ids{1, 2, 7}));  // how it began
}

BOOST_AUTO_TEST_CASE(an_empty_programme_has_nothing_to_show) {
  ScheduleGlance g = schedule_glance(Programme{}, "2027-06-15 10:00:00");
  BOOST_TEST(g.now.empty());
  BOOST_TEST(g.next.empty());
}

BOOST_AUTO_TEST_CASE(the_key_changes_exactly_when_the_glance_does) {
  Programme p = three_rooms();
  auto key = [&](const char* at) { return glance_key(schedule_glance(p, at)); };
  BOOST_TEST(key("2027-06-15 09:00:00") == key("2027-06-15 09:59:59"));
  BOOST_TEST(key("2027-06-15 09:59:59") != key("2027-06-15 10:00:00"));
  // Before and after show the same sessions, but say different things.
  BOOST_TEST(key("2027-06-14 12:00:00") != key("2027-06-17 12:00:00"));
  BOOST_TEST(key("2027-06-14 12:00:00") == key("2027-06-15 08:00:00"));
  // The same sessions now or next are different pages.
  BOOST_TEST(key("2027-06-15 10:15:00") != key("2027-06-15 10:45:00"));
}

BOOST_AUTO_TEST_SUITE_END()
