// One day as staff plan it (model/day_overview.h): rows between starts and
// ends, a cell per run of rows a room spends the same way, gaps with what
// they offer, clash marks from the one rule, and cancelled sessions
// holding nothing.
#include "model/day_overview.h"

#include "test_support.h"

using namespace confsched;

namespace {

struct Day {
  std::vector<Room> rooms;
  std::vector<Speaker> speakers;
  std::vector<Session> sessions;

  Day() {
    rooms = {Room{.id = 7, .name = "A", .position = 1, .display_nonce = std::nullopt},
             Room{.id = 3, .name = "B", .position = 2, .display_nonce = std::nullopt},
             Room{.id = 9, .name = "Empty", .position = 3, .display_nonce = std::nullopt}};
    speakers = {Speaker{.id = 1, .name = "Ada", .affiliation = "", .bio = ""},
                Speaker{.id = 2, .name = "Bo", .affiliation = "", .bio = ""}};
    sessions.reserve(16);  // the pointers into it must stay valid
  }
  // On 2027-06-15 unless `ends` names its own day.
  Session& add(int64_t id, const char* title, const char* starts, const char* ends, size_t room,
               std::vector<size_t> people = {}, const char* status = "scheduled") {
    Session s;
    s.id = id;
    s.title = title;
    s.starts_at = std::string("2027-06-15 ") + starts + ":00";
    s.ends_at = std::string(ends).size() > 5 ? std::string(ends)
                                             : "2027-06-15 " + std::string(ends) + ":00";
    s.room = &rooms.at(room);
    s.status = status;
    for (size_t p : people) s.speakers.push_back(&speakers.at(p));
    sessions.push_back(s);
    return sessions.back();
  }
  DayOverview lay_out() const { return lay_out_overview("2027-06-15", rooms, sessions); }
};

// A room's column read top to bottom: "09:00-10:00 #1", a room clash
// "10:00-10:25 #1+#2", a continued session "#1…", a gap "10:00-10:30 gap
// (add 10:00-10:30)", an open end "11:00- gap (…)"; each with its rows
// when it spans more than one ("x2").
std::vector<std::string> column(const DayOverview& o, int64_t room_id) {
  std::vector<std::string> cells;
  for (const OverviewRow& row : o.rows)
    for (const OverviewCell& c : row.cells) {
      if (c.room->id != room_id) continue;
      std::string text = c.starts + "-" + c.ends + " ";
      if (c.entries.empty()) {
        text += "gap";
        text += c.can_add ? " (add " + c.add_start + "-" + c.add_end + ")" : " (none)";
      }
      for (size_t i = 0; i < c.entries.size(); ++i)
        text += (i ? "+#" : "#") + std::to_string(c.entries[i].session->id) +
                (c.entries[i].continued ? "…" : "");
      if (c.rows > 1) text += " x" + std::to_string(c.rows);
      cells.push_back(text);
    }
  return cells;
}

const OverviewEntry* entry(const DayOverview& o, int64_t id, bool continued = false) {
  for (const OverviewRow& row : o.rows)
    for (const OverviewCell& c : row.cells)
      for (const OverviewEntry& e : c.entries)
        if (e.session->id == id && e.continued == continued) return &e;
  return nullptr;
}

using Cells = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(day_overview)

BOOST_AUTO_TEST_CASE(a_row_per_stretch_and_gaps_where_a_room_is_free) {
  Day day;
  day.add(1, "One", "09:00", "10:00", 0);
  day.add(2, "Two", "10:30", "11:00", 0);
  day.add(3, "Three", "09:30", "10:30", 1);
  DayOverview o = day.lay_out();
  std::vector<std::string> times;
  for (const OverviewRow& r : o.rows) times.push_back(r.time);
  BOOST_TEST(times == (Cells{"09:00", "09:30", "10:00", "10:30", "11:00"}),
             boost::test_tools::per_element());
  BOOST_TEST(column(o, 7) == (Cells{"09:00-10:00 #1 x2", "10:00-10:30 gap (add 10:00-10:30)",
                                    "10:30-11:00 #2", "11:00- gap (add 11:00-11:45)"}),
             boost::test_tools::per_element());
  BOOST_TEST(column(o, 3) == (Cells{"09:00-09:30 gap (add 09:00-09:30)", "09:30-10:30 #3 x2",
                                    "10:30- gap (add 10:30-11:15) x2"}),
             boost::test_tools::per_element());
  // A room without a session that day offers the whole of it.
  BOOST_TEST(column(o, 9) == (Cells{"09:00- gap (add 09:00-09:45) x5"}),
             boost::test_tools::per_element());
  // Each row lists the cells that begin in it, in the rooms' order.
  BOOST_TEST_REQUIRE(o.rows[0].cells.size() == 3u);
  BOOST_TEST(o.rows[0].cells[0].room->id == 7);
  BOOST_TEST(o.rows[0].cells[1].room->id == 3);
  BOOST_TEST(o.rows[0].cells[2].room->id == 9);
  BOOST_TEST(o.rows[1].cells.size() == 1u);  // only B changes at 09:30
  BOOST_TEST(o.clashes == 0u);
  BOOST_TEST(o.cancelled.empty());
}

BOOST_AUTO_TEST_CASE(a_room_clash_shares_a_cell_and_speaker_clashes_are_marked_on_both) {
  Day day;
  day.add(1, "Long", "10:00", "11:30", 0, {0});
  day.add(2, "Short", "10:00", "10:25", 0, {1});
  day.add(3, "Elsewhere", "10:00", "10:45", 1, {1});
  DayOverview o = day.lay_out();
  BOOST_TEST(column(o, 7) ==
                 (Cells{"10:00-10:25 #1+#2", "10:25-11:30 #1… x2", "11:30- gap (add 11:30-12:15)"}),
             boost::test_tools::per_element());
  BOOST_TEST(column(o, 3) == (Cells{"10:00-10:45 #3 x2", "10:45- gap (add 10:45-11:30) x2"}),
             boost::test_tools::per_element());
  BOOST_TEST(o.clashes == 2u);  // the room, and Bo in two places
  const OverviewEntry* one = entry(o, 1);
  const OverviewEntry* two = entry(o, 2);
  const OverviewEntry* three = entry(o, 3);
  BOOST_TEST_REQUIRE((one && two && three));
  BOOST_TEST(one->clashes == (Cells{"Room clash with “Short” (A, 10:00–10:25)"}),
             boost::test_tools::per_element());
  BOOST_TEST(two->clashes == (Cells{"Room clash with “Long” (A, 10:00–11:30)",
                                    "Bo is also in “Elsewhere” (B, 10:00–10:45)"}),
             boost::test_tools::per_element());
  BOOST_TEST(three->clashes == (Cells{"Bo is also in “Short” (A, 10:00–10:25)"}),
             boost::test_tools::per_element());
  // Said once, where the session begins.
  const OverviewEntry* rest = entry(o, 1, true);
  BOOST_TEST_REQUIRE(rest);
  BOOST_TEST(rest->clashes.empty());
}

BOOST_AUTO_TEST_CASE(cancelled_sessions_hold_nothing) {
  Day day;
  day.add(1, "Called off", "09:00", "10:00", 0, {0}, "cancelled");
  day.add(2, "Kept", "09:30", "10:00", 0, {0});
  day.add(3, "Ada elsewhere", "09:00", "10:00", 1, {0});
  DayOverview o = day.lay_out();
  BOOST_TEST_REQUIRE(o.cancelled.size() == 1u);
  BOOST_TEST(o.cancelled[0]->id == 1);
  // Its room is free until the kept session; no clash of room or speaker,
  // though the kept one still clashes with Ada's other session.
  BOOST_TEST(column(o, 7) == (Cells{"09:00-09:30 gap (add 09:00-09:30)", "09:30-10:00 #2",
                                    "10:00- gap (add 10:00-10:45)"}),
             boost::test_tools::per_element());
  BOOST_TEST(!entry(o, 1));
  BOOST_TEST(o.clashes == 1u);
  BOOST_TEST(entry(o, 2)->clashes == (Cells{"Ada is also in “Ada elsewhere” (B, 09:00–10:00)"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_empty_day_offers_every_room_from_nine_and_other_days_are_left_out) {
  Day day;
  Session& other = day.add(1, "Tomorrow", "09:00", "10:00", 0);
  other.starts_at = "2027-06-16 09:00:00";
  other.ends_at = "2027-06-16 10:00:00";
  DayOverview o = day.lay_out();
  BOOST_TEST_REQUIRE(o.rows.size() == 1u);
  BOOST_TEST(o.rows[0].time == "09:00");
  for (int64_t room : {7, 3, 9})
    BOOST_TEST(column(o, room) == (Cells{"09:00- gap (add 09:00-09:45)"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_gap_offers_nothing_past_the_day) {
  Day day;
  day.add(1, "Late", "23:30", "23:50", 0);
  day.add(2, "Night", "23:00", "2027-06-16 01:00:00", 1);
  DayOverview o = day.lay_out();
  // Up to the day's last minute; from 01:00 the next day, nothing.
  BOOST_TEST(column(o, 7) == (Cells{"23:00-23:30 gap (add 23:00-23:30)", "23:30-23:50 #1",
                                    "23:50- gap (add 23:50-23:59) x2"}),
             boost::test_tools::per_element());
  BOOST_TEST(column(o, 3) == (Cells{"23:00-01:00 #2 x3", "01:00- gap (none)"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_events_days_first_to_last) {
  BOOST_TEST(
      days_between("2028-02-28", "2028-03-01") == (Cells{"2028-02-28", "2028-02-29", "2028-03-01"}),
      boost::test_tools::per_element());
  BOOST_TEST(days_between("2027-06-15", "2027-06-15") == (Cells{"2027-06-15"}),
             boost::test_tools::per_element());
  BOOST_TEST(days_between("2027-06-15", "2027-06-14").empty());
  BOOST_TEST(days_between("2027-06-15", "soon").empty());
  BOOST_TEST(days_between("2027-01-01", "2030-01-01").size() == kMaxOverviewDays);
}

BOOST_AUTO_TEST_SUITE_END()
