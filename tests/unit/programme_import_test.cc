#include "store/programme_import.h"

#include <map>
#include <set>
#include <string>

#include "test_support.h"

using confsched::EventInfo;
using confsched::ImportedProgramme;
using confsched::ImportedSession;

namespace {

ImportedSession session(int64_t frab_id, size_t room, const std::string& start) {
  ImportedSession s;
  s.frab_id = frab_id;
  s.title = "Session " + std::to_string(frab_id);
  s.starts_at = "2026-06-12 " + start + ":00";
  s.ends_at = "2026-06-12 23:59:00";
  s.room = room;
  s.kind = "talk";
  return s;
}

// Two rooms, four sessions, two speakers (one without a frab id).
ImportedProgramme small() {
  ImportedProgramme p;
  p.event.name = "Imported";
  p.event.time_zone = "Europe/Berlin";
  p.event.starts_on = p.event.ends_on = "2026-06-12";
  p.rooms = {"A", "B"};
  p.tracks = {{"T", "#123456"}};
  p.speakers = {{40, "Ada"}, {0, "Bob"}};
  p.days = 1;
  // In frab's order: by day, then room.
  p.sessions = {session(101, 0, "10:00"), session(102, 0, "11:00"), session(103, 1, "10:00"),
                session(104, 1, "11:00")};
  p.sessions[0].speakers = {0, 1};
  p.sessions[0].track = 0;
  p.sessions[0].materials = {{"Slides", "https://example.org/s"}};
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(programme_import)

BOOST_AUTO_TEST_CASE(frab_ids_become_session_and_speaker_ids) {
  auto rows = confsched::imported_rows(small(), std::nullopt);
  BOOST_TEST_REQUIRE(rows.sessions.size() == 4u);
  BOOST_TEST(rows.sessions[0].id == 101);
  BOOST_TEST(rows.sessions[0].room_id == 1);
  BOOST_TEST(rows.sessions[2].room_id == 2);
  BOOST_TEST(rows.sessions[0].track_id == std::optional<int64_t>(1));
  // Ada keeps her frab id; Bob, without one, is numbered after it.
  BOOST_TEST(rows.sessions[0].speaker_ids == (std::vector<int64_t>{40, 41}));
  BOOST_TEST(rows.sessions[0].materials.size() == 1u);
  BOOST_TEST(rows.rooms[1].position == 2);
}

BOOST_AUTO_TEST_CASE(repeated_frab_ids_fall_back_to_numbers) {
  ImportedProgramme p = small();
  p.sessions[3].frab_id = 101;  // pretalx: one talk in two slots
  auto rows = confsched::imported_rows(p, std::nullopt);
  for (size_t i = 0; i < rows.sessions.size(); ++i)
    BOOST_TEST(rows.sessions[i].id == static_cast<int64_t>(i + 1));
}

BOOST_AUTO_TEST_CASE(event_keeps_staff_texts_the_file_lacks) {
  EventInfo current{"Old name",   "Our tagline", "Old venue", "UTC",
                    "2020-01-01", "2020-01-02",  "Our intro"};
  auto rows = confsched::imported_rows(small(), current);
  BOOST_TEST(rows.event.name == "Imported");
  BOOST_TEST(rows.event.time_zone == "Europe/Berlin");
  BOOST_TEST(rows.event.starts_on == "2026-06-12");
  BOOST_TEST(rows.event.tagline == "Our tagline");
  BOOST_TEST(rows.event.intro == "Our intro");
  BOOST_TEST(rows.event.venue == "Old venue");
  ImportedProgramme with_venue = small();
  with_venue.event.venue = "New hall";
  BOOST_TEST(confsched::imported_rows(with_venue, current).event.venue == "New hall");
}

BOOST_AUTO_TEST_CASE(scale_reaches_the_counts_and_spreads_sessions_over_rooms) {
  ImportedProgramme p = small();
  ImportedProgramme big = confsched::scale_programme(p, 7, 6);
  BOOST_TEST(big.rooms.size() == 6u);
  BOOST_TEST(big.rooms[2] == "A \u00B7 2");
  BOOST_TEST(big.sessions.size() == 7u);
  std::map<size_t, int> per_room;
  for (const auto& s : big.sessions) {
    BOOST_TEST(s.room < big.rooms.size());
    ++per_room[s.room];
  }
  BOOST_TEST(per_room.size() == 6u);  // no room left empty
  // Numbered ids, since copies have no frab id; all distinct.
  auto rows = confsched::imported_rows(big, std::nullopt);
  std::set<int64_t> ids;
  for (const auto& s : rows.sessions) ids.insert(s.id);
  BOOST_TEST(ids.size() == 7u);
  // Already large enough: unchanged.
  BOOST_TEST(confsched::scale_programme(p, 2, 1).sessions.size() == 4u);
  BOOST_TEST(confsched::scale_programme(p, 2, 1).rooms.size() == 2u);
}

BOOST_AUTO_TEST_CASE(counts) {
  auto c = confsched::count_imported(small());
  BOOST_TEST(c.sessions == 4u);
  BOOST_TEST(c.rooms == 2u);
  BOOST_TEST(c.speakers == 2u);
  BOOST_TEST(c.materials == 1u);
  BOOST_TEST(c.days == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
