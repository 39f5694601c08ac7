// What is on now and next per room (model/now_and_next.h).
#include "model/now_and_next.h"
#include "test_support.h"

using namespace confsched;

namespace {

Programme two_rooms() {
  Programme p;
  p.rooms = {{1, "Main hall", 1, std::nullopt}, {2, "Room B", 2, std::nullopt}};
  p.sessions.reserve(6);
  auto add = [&](int64_t id, const char* start, const char* end, int room,
                 const char* status = "scheduled") {
    Session s;
    s.id = id;
    s.title = "S" + std::to_string(id);
    s.starts_at = start;
    s.ends_at = end;
    s.status = status;
    s.room = &p.rooms[static_cast<size_t>(room - 1)];
    p.sessions.push_back(std::move(s));
  };
  // Sorted by start, as load_programme gives them.
  add(1, "2027-06-15 09:00:00", "2027-06-15 10:00:00", 1);
  add(2, "2027-06-15 09:30:00", "2027-06-15 10:30:00", 2, "cancelled");
  add(3, "2027-06-15 10:00:00", "2027-06-15 11:00:00", 1);
  add(4, "2027-06-15 11:00:00", "2027-06-15 12:00:00", 1, "moved");
  add(5, "2027-06-16 09:00:00", "2027-06-16 10:00:00", 2);
  return p;
}

int64_t id_of(const Session* s) { return s ? s->id : 0; }

}  // namespace

BOOST_AUTO_TEST_SUITE(now)

BOOST_AUTO_TEST_CASE(current_and_next_per_room) {
  Programme p = two_rooms();
  auto r = now_and_next(p, "2027-06-15 09:45:00");
  BOOST_REQUIRE(r.size() == 2u);
  BOOST_TEST(r[0].room->name == "Main hall");
  BOOST_TEST(id_of(r[0].current) == 1);
  BOOST_TEST(id_of(r[0].next) == 3);
  // A cancelled session is still reported (the page marks it).
  BOOST_TEST(id_of(r[1].current) == 2);
  BOOST_TEST(id_of(r[1].next) == 5);  // next day
}

BOOST_AUTO_TEST_CASE(start_is_inclusive_end_exclusive) {
  Programme p = two_rooms();
  auto r = now_and_next(p, "2027-06-15 10:00:00");
  BOOST_TEST(id_of(r[0].current) == 3);
  BOOST_TEST(id_of(r[0].next) == 4);
  r = now_and_next(p, "2027-06-15 08:59:59");
  BOOST_TEST(id_of(r[0].current) == 0);
  BOOST_TEST(id_of(r[0].next) == 1);
}

BOOST_AUTO_TEST_CASE(nothing_after_the_end) {
  Programme p = two_rooms();
  auto r = now_and_next(p, "2027-06-17 00:00:00");
  for (const RoomNow& room : r) {
    BOOST_TEST(!room.current);
    BOOST_TEST(!room.next);
  }
}

BOOST_AUTO_TEST_SUITE_END()
