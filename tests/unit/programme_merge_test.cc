#include "store/programme_merge.h"

#include <string>

#include "test_support.h"

using namespace confsched;

namespace {

FlatSession flat(int64_t id, const std::string& guid, const std::string& title) {
  FlatSession s;
  s.id = id;
  s.external_id = guid;
  s.title = title;
  s.starts_at = "2026-06-12 09:00:00";
  s.ends_at = "2026-06-12 09:30:00";
  s.room = "Hall";
  s.kind = "talk";
  s.status = "scheduled";
  s.speakers = {"Ada"};
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(programme_merge)

BOOST_AUTO_TEST_CASE(matches_by_guid_and_keeps_ids) {
  std::vector<FlatSession> stored = {flat(5, "a", "A"), flat(6, "b", "B"), flat(7, "", "Staff's")};
  FlatSession b2 = flat(0, "b", "B, renamed");
  b2.frab_id = 99;
  std::vector<FlatSession> file = {flat(0, "a", "A"), b2, flat(0, "c", "C"),
                                   flat(0, "", "No guid")};
  MergePlan plan = plan_merge(file, stored, false);
  BOOST_TEST(plan.unchanged.size() == 1u);
  BOOST_TEST_REQUIRE(plan.updated.size() == 1u);
  BOOST_TEST(plan.updated[0].first.id == 6);
  BOOST_TEST(plan.updated[0].second.id == 6);  // the stored id, not the file's
  BOOST_TEST(plan.updated[0].second.title == "B, renamed");
  BOOST_TEST(plan.added.size() == 2u);  // c, and the one without a guid
  BOOST_TEST(plan.deleted.empty());
  BOOST_TEST_REQUIRE(plan.kept.size() == 1u);
  BOOST_TEST(plan.kept[0].id == 7);
  std::string text = describe_plan(plan);
  BOOST_TEST(
      text.find("~ update #6 B, renamed (2026-06-12 09:00, Hall): title") != std::string::npos,
      text);
  BOOST_TEST(text.find("2 to add, 1 to update, 0 to delete, 1 unchanged, 1 not in the file and "
                       "kept (--prune deletes them)") != std::string::npos,
             text);
}

BOOST_AUTO_TEST_CASE(prune_deletes_what_the_file_lacks) {
  std::vector<FlatSession> stored = {flat(5, "a", "A"), flat(7, "", "Staff's")};
  MergePlan plan = plan_merge({flat(0, "a", "A")}, stored, true);
  BOOST_TEST(plan.kept.empty());
  BOOST_TEST_REQUIRE(plan.deleted.size() == 1u);
  BOOST_TEST(plan.deleted[0].id == 7);
  BOOST_TEST(describe_plan(plan).find("- delete #7 Staff's") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_second_import_of_the_same_file_changes_nothing) {
  std::vector<FlatSession> first = {flat(0, "a", "A"), flat(0, "b", "B")};
  std::vector<FlatSession> stored = first;
  stored[0].id = 1;
  stored[1].id = 2;
  stored[1].room_id = 3;  // ids as stored do not count as differences
  MergePlan plan = plan_merge(first, stored, true);
  BOOST_TEST(plan.unchanged.size() == 2u);
  BOOST_TEST(plan.added.empty());
  BOOST_TEST(plan.updated.empty());
  BOOST_TEST(plan.deleted.empty());
}

BOOST_AUTO_TEST_CASE(every_field_counts_as_a_change) {
  FlatSession a = flat(1, "a", "A");
  for (int field = 0; field < 6; ++field) {
    FlatSession b = a;
    if (field == 0) b.abstract = "x";
    if (field == 1) b.ends_at = "2026-06-12 10:00:00";
    if (field == 2) b.track = "T";
    if (field == 3) b.status = "cancelled";
    if (field == 4) b.speakers.push_back("Bob");
    if (field == 5) b.materials.push_back(Material{"Slides", "https://x.example/"});
    BOOST_TEST(plan_merge({b}, {a}, false).updated.size() == 1u, "field " << field);
  }
}

// The preview lists the clashes the import would bring: a new or changed
// session against anything left, never a clash the programme has already.
BOOST_AUTO_TEST_CASE(the_plan_lists_the_clashes_the_import_brings) {
  FlatSession a = flat(5, "a", "A"), b = flat(6, "b", "B");
  b.room = "Lab";  // Ada in both at 09:00: a clash the programme has already
  FlatSession moved = b;
  moved.id = 0;
  moved.starts_at = "2026-06-12 10:00:00";
  moved.ends_at = "2026-06-12 10:30:00";
  moved.speakers = {"Bo"};
  FlatSession c = flat(0, "c", "C");
  c.room = "Lab";
  c.speakers = {"Cy"};
  c.starts_at = "2026-06-12 10:15:00";
  c.ends_at = "2026-06-12 10:45:00";
  FlatSession d = flat(0, "d", "D");
  d.room = "Yard";
  d.speakers = {"Cy", "Ada"};  // Ada is in A at 09:00-09:30; Cy in C later
  d.starts_at = "2026-06-12 09:15:00";
  d.ends_at = "2026-06-12 09:45:00";
  FlatSession e = flat(0, "e", "E");
  e.room = "Yard";
  e.status = "cancelled";  // would clash with D: cancelled holds nothing
  e.starts_at = d.starts_at;
  e.ends_at = d.ends_at;
  MergePlan plan = plan_merge({flat(0, "a", "A"), moved, c, d, e}, {a, b}, false);
  std::vector<std::string> lines = plan_clashes(plan);
  BOOST_TEST(lines == (std::vector<std::string>{
                          "“D” (2026-06-12 09:15, Yard): Ada is also in “A” (Hall, 09:00–09:30)",
                          "“B” (2026-06-12 10:00, Lab): Room clash with “C” (Lab, 10:15–10:45)"}),
             boost::test_tools::per_element());
  std::string text = describe_plan(plan);
  BOOST_TEST(
      text.find("! clash: “D” (2026-06-12 09:15, Yard): Ada is also in") != std::string::npos,
      text);
  BOOST_TEST(text.find("2 clashes of a room or a speaker after the import") != std::string::npos,
             text);
  // Nothing changed by the file: no clash is listed, not even A/B's.
  BOOST_TEST(plan_clashes(plan_merge({flat(0, "a", "A")}, {a, b}, false)).empty());
}

BOOST_AUTO_TEST_SUITE_END()
