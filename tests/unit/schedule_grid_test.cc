// One day as rooms × time (pages/schedule_grid.h): rows, lanes for
// overlaps, breaks across every room, and the contrast of track colours.
#include "pages/schedule_grid.h"

#include "test_support.h"

using namespace confsched;

namespace {

struct Day {
  std::vector<Room> rooms;
  std::vector<Session> sessions;

  Day() {
    // By position, as Programme keeps them; the third has no session.
    rooms = {Room{.id = 7, .name = "A", .position = 1, .display_nonce = std::nullopt},
             Room{.id = 3, .name = "B", .position = 2, .display_nonce = std::nullopt},
             Room{.id = 9, .name = "Empty", .position = 3, .display_nonce = std::nullopt}};
    sessions.reserve(16);  // the pointers below must stay valid
  }
  Session& add(int64_t id, const char* starts, const char* ends, int room,
               const char* kind = "talk") {
    Session s;
    s.id = id;
    s.starts_at = std::string("2027-06-15 ") + starts + ":00";
    s.ends_at = std::string(ends).size() > 5 ? std::string(ends)
                                             : "2027-06-15 " + std::string(ends) + ":00";
    s.room = room < 0 ? nullptr : &rooms[static_cast<size_t>(room)];
    s.kind = kind;
    s.status = "scheduled";
    sessions.push_back(s);
    return sessions.back();
  }
  DayGrid lay_out() const {
    std::vector<const Session*> day;
    for (const Session& s : sessions) day.push_back(&s);
    return lay_out_day(day, rooms);
  }
};

const GridPlace* find(const DayGrid& g, int64_t id) {
  for (const GridColumn& c : g.columns)
    for (const GridPlace& p : c.places)
      if (p.session->id == id) return &p;
  for (const GridPlace& p : g.spanning)
    if (p.session->id == id) return &p;
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schedule_grid)

BOOST_AUTO_TEST_CASE(rows_count_five_minutes_from_the_first_whole_hour) {
  Day day;
  day.add(1, "09:20", "10:05", 0);
  day.add(2, "11:00", "11:03", 1);  // shorter than a row: one row
  day.add(3, "13:30", "14:10", 0);
  DayGrid g = day.lay_out();
  BOOST_TEST(g.first_hour == 9);
  BOOST_TEST(g.hours == 6);  // 09:00 to 15:00, the last end rounded up
  const GridPlace* p = find(g, 1);
  BOOST_TEST(p->slot == 4);
  BOOST_TEST(p->span == 9);
  BOOST_TEST(find(g, 2)->slot == 24);
  BOOST_TEST(find(g, 2)->span == 1);
  BOOST_TEST(find(g, 3)->slot == 54);
  BOOST_TEST(find(g, 3)->span == 8);
}

BOOST_AUTO_TEST_CASE(rooms_in_position_order_and_only_those_in_use) {
  Day day;
  day.add(1, "10:00", "11:00", 1);
  day.add(2, "10:00", "11:00", 0);
  DayGrid g = day.lay_out();
  BOOST_TEST_REQUIRE(g.columns.size() == 2u);
  BOOST_TEST(g.columns[0].room->id == 7);
  BOOST_TEST(g.columns[1].room->id == 3);
  BOOST_TEST(g.columns[0].lanes == 1);
}

BOOST_AUTO_TEST_CASE(overlapping_sessions_of_a_room_stand_side_by_side) {
  Day day;
  day.add(1, "10:00", "11:30", 0);
  day.add(2, "10:30", "11:00", 0);
  day.add(3, "11:00", "12:00", 0);  // starts as 2 ends: lane 2 is free again
  day.add(4, "10:45", "11:15", 0);
  day.add(5, "11:30", "12:00", 0);  // 1 has ended: back in lane 1
  DayGrid g = day.lay_out();
  BOOST_TEST_REQUIRE(g.columns.size() == 1u);
  BOOST_TEST(g.columns[0].lanes == 3);
  BOOST_TEST(find(g, 1)->lane == 1);
  BOOST_TEST(find(g, 2)->lane == 2);
  BOOST_TEST(find(g, 4)->lane == 3);
  BOOST_TEST(find(g, 3)->lane == 2);
  BOOST_TEST(find(g, 5)->lane == 1);
  // No two places of a lane share a row.
  const auto& places = g.columns[0].places;
  for (const GridPlace& a : places)
    for (const GridPlace& b : places)
      if (&a != &b && a.lane == b.lane)
        BOOST_TEST((a.slot + a.span <= b.slot || b.slot + b.span <= a.slot));
}

BOOST_AUTO_TEST_CASE(lanes_are_capped_and_then_shared) {
  Day day;
  for (int i = 0; i < kGridMaxLanes + 2; ++i) day.add(i + 1, "10:00", "11:00", 0);
  DayGrid g = day.lay_out();
  BOOST_TEST(g.columns[0].lanes == kGridMaxLanes);
  for (const GridPlace& p : g.columns[0].places)
    BOOST_TEST((p.lane >= 1 && p.lane <= kGridMaxLanes));
}

BOOST_AUTO_TEST_CASE(breaks_span_every_room_unless_they_would_hide_something) {
  Day day;
  day.add(1, "09:00", "10:30", 0);
  day.add(2, "09:00", "10:30", 1);
  day.add(3, "10:30", "11:00", 0, "break");  // overlaps nothing: spans
  day.add(4, "11:00", "12:00", -1);          // no room, nothing beside it: spans
  day.add(5, "12:00", "13:00", 1, "break");  // beside a talk in room A: stays in B
  day.add(6, "12:00", "13:00", 0);
  day.add(7, "14:00", "14:30", -1);  // two room-less sessions at once:
  day.add(8, "14:15", "14:45", -1);  // neither spans, both in the no-room column
  DayGrid g = day.lay_out();
  BOOST_TEST_REQUIRE(g.spanning.size() == 2u);
  BOOST_TEST(g.spanning[0].session->id == 3);
  BOOST_TEST(g.spanning[1].session->id == 4);
  BOOST_TEST_REQUIRE(g.columns.size() == 3u);
  BOOST_TEST(g.columns[1].room->id == 3);
  BOOST_TEST(g.columns[1].places.size() == 2u);  // 2 and the break 5
  BOOST_TEST(g.columns[2].room == nullptr);
  BOOST_TEST(g.columns[2].lanes == 2);
  // Nothing that spans shares a row with anything in a column.
  for (const GridPlace& band : g.spanning)
    for (const GridColumn& c : g.columns)
      for (const GridPlace& p : c.places)
        BOOST_TEST((band.slot + band.span <= p.slot || p.slot + p.span <= band.slot));
}

BOOST_AUTO_TEST_CASE(a_day_of_breaks_only_keeps_them_in_columns) {
  Day day;
  day.add(1, "10:00", "10:30", 0, "break");
  DayGrid g = day.lay_out();
  BOOST_TEST(g.spanning.empty());
  BOOST_TEST(g.columns.size() == 1u);
}

BOOST_AUTO_TEST_CASE(late_sessions_are_cut_at_the_bottom_of_the_grid) {
  Day day;
  day.add(1, "00:10", "01:00", 0);
  day.add(2, "23:30", "2027-06-16 09:00:00", 0);  // ends 33 hours after 00:00
  DayGrid g = day.lay_out();
  BOOST_TEST(g.first_hour == 0);
  BOOST_TEST(g.hours == kGridMaxHours);
  const GridPlace* p = find(g, 2);
  BOOST_TEST(p->slot == 23 * 12 + 6);
  BOOST_TEST(p->slot + p->span == kGridMaxHours * kGridSlotsPerHour);
}

BOOST_AUTO_TEST_CASE(times_that_do_not_parse_are_left_out) {
  Day day;
  day.add(1, "10:00", "11:00", 0);
  day.add(2, "10:00", "11:00", 0).ends_at = "soon";
  DayGrid g = day.lay_out();
  BOOST_TEST(find(g, 2) == nullptr);
  BOOST_TEST(find(g, 1) != nullptr);
  BOOST_TEST(lay_out_day({}, day.rooms).columns.empty());
}

BOOST_AUTO_TEST_CASE(contrast_ratio_follows_wcag) {
  BOOST_TEST(*contrast_ratio("#000000", "#ffffff") == 21.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(*contrast_ratio("#ffffff", "#000000") == 21.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(*contrast_ratio("#777777", "#777777") == 1.0, boost::test_tools::tolerance(1e-9));
  // Known pairs: #767676 is the lightest grey with 4.5:1 on white.
  BOOST_TEST(*contrast_ratio("#767676", "#FFFFFF") == 4.54, boost::test_tools::tolerance(0.01));
  BOOST_TEST(*contrast_ratio("#1f77b4", "#f3f5f8") == 4.41, boost::test_tools::tolerance(0.01));
  BOOST_TEST(*contrast_ratio("#ffff99", "#f3f5f8") < 3.0);
  for (const char* bad : {"", "#fff", "#gggggg", "1f77b4", "#1f77b4 ", "red", "#1f77b4;x"})
    BOOST_TEST(!contrast_ratio(bad, "#ffffff").has_value(), bad);
}

BOOST_AUTO_TEST_SUITE_END()
