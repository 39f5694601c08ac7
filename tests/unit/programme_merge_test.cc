#include "store/programme_merge.h"

#include <string>

#include "store/upstream.h"
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
  MergePlan plan = plan_merge(file, stored, PruneMode::kKeep);
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
  MergePlan plan = plan_merge({flat(0, "a", "A")}, stored, PruneMode::kAll);
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
  MergePlan plan = plan_merge(first, stored, PruneMode::kAll);
  BOOST_TEST(plan.unchanged.size() == 2u);
  BOOST_TEST(plan.added.empty());
  BOOST_TEST(plan.updated.empty());
  BOOST_TEST(plan.deleted.empty());
}

BOOST_AUTO_TEST_CASE(every_field_counts_as_a_change) {
  FlatSession a = flat(1, "a", "A");
  for (int field = 0; field < 8; ++field) {
    FlatSession b = a;
    if (field == 0) b.abstract = "x";
    if (field == 1) b.ends_at = "2026-06-12 10:00:00";
    if (field == 2) b.track = "T";
    if (field == 3) b.status = "cancelled";
    if (field == 4) b.speakers.push_back("Bob");
    if (field == 5) b.materials.push_back(Material{"Slides", "https://x.example/"});
    if (field == 6) b.external_slug = "tc-1-a";  // the source's identity (sql/012)
    if (field == 7) b.external_url = "https://frab.example/events/1";
    BOOST_TEST(plan_merge({b}, {a}, PruneMode::kKeep).updated.size() == 1u, "field " << field);
    BOOST_TEST(upstream_fingerprint(b) != upstream_fingerprint(a), "field " << field);
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
  MergePlan plan = plan_merge({flat(0, "a", "A"), moved, c, d, e}, {a, b}, PruneMode::kKeep);
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
  BOOST_TEST(plan_clashes(plan_merge({flat(0, "a", "A")}, {a, b}, PruneMode::kKeep)).empty());
}

// Local edits win: a session whose stored version is not the one its
// import wrote (its baseline) is never overwritten or deleted by a merge.
BOOST_AUTO_TEST_CASE(sessions_edited_here_are_pinned) {
  const FlatSession a = flat(1, "a", "A"), b = flat(2, "b", "B"), c = flat(3, "c", "C");
  FlatSession a_here = a;  // staff moved A here
  a_here.starts_at = "2026-06-12 14:30:00";
  a_here.ends_at = "2026-06-12 15:00:00";
  FlatSession b_here = b;  // staff renamed B here
  b_here.title = "B (moved to the Annex)";
  const FlatSession made_here = flat(4, "", "Staff's");
  Baselines baselines = {
      {1, upstream_fingerprint(a)}, {2, upstream_fingerprint(b)}, {3, upstream_fingerprint(c)}};
  const std::vector<FlatSession> stored = {a_here, b_here, c, made_here};

  // Upstream moves A to 14:00, leaves B as imported, drops C.
  FlatSession a_upstream = a;
  a_upstream.starts_at = "2026-06-12 14:00:00";
  a_upstream.ends_at = "2026-06-12 14:30:00";
  MergePlan plan = plan_merge({a_upstream, b}, stored, PruneMode::kFromUpstream, baselines);
  BOOST_TEST(plan.updated.empty());
  BOOST_TEST_REQUIRE(plan.pinned.size() == 1u);
  BOOST_TEST(plan.pinned[0].first.id == 1);
  BOOST_TEST(plan.pinned[0].second.starts_at == "2026-06-12 14:00:00");
  BOOST_TEST_REQUIRE(plan.edited_here.size() == 1u);
  BOOST_TEST(plan.edited_here[0].id == 2);
  // C came from upstream and was not edited: it goes; staff's own stays.
  BOOST_TEST_REQUIRE(plan.deleted.size() == 1u);
  BOOST_TEST(plan.deleted[0].id == 3);
  BOOST_TEST_REQUIRE(plan.kept.size() == 1u);
  BOOST_TEST(plan.kept[0].id == 4);

  // Dropped upstream after an edit here: parked, not deleted, even with
  // --prune; without baselines (before sql/011) the merge is as it was.
  MergePlan dropped = plan_merge({b}, stored, PruneMode::kAll, baselines);
  BOOST_TEST_REQUIRE(dropped.pinned_removed.size() == 1u);
  BOOST_TEST(dropped.pinned_removed[0].id == 1);
  MergePlan old_style = plan_merge({a_upstream, b}, stored, PruneMode::kKeep);
  BOOST_TEST(old_style.updated.size() == 2u);
  BOOST_TEST(old_style.pinned.empty());

  // Upstream now agrees with the edit: unchanged, nothing to decide.
  MergePlan agreed = plan_merge({a_here}, stored, PruneMode::kKeep, baselines);
  BOOST_TEST(agreed.unchanged.size() == 1u);
  BOOST_TEST(agreed.pinned.empty());
  BOOST_TEST(describe_plan(plan).find("= keep #1 A (2026-06-12 14:30, Hall): edited here; "
                                      "upstream's change (time) waits for staff") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(fingerprints_and_parked_versions) {
  const FlatSession a = flat(1, "a", "A");
  FlatSession b = a;
  b.id = 9;  // ids are not the session's content
  BOOST_TEST(upstream_fingerprint(a) == upstream_fingerprint(b));
  // Every compared field moves the fingerprint; the length prefix keeps
  // neighbouring fields apart.
  FlatSession other = a;
  other.title = "";
  other.abstract = "A";
  BOOST_TEST(upstream_fingerprint(other) != upstream_fingerprint(a));
  FlatSession linked = a;
  linked.materials = {Material{"Slides", "https://example.org/s.pdf"}};
  BOOST_TEST(upstream_fingerprint(linked) != upstream_fingerprint(a));

  linked.external_slug = "tc-1-a";
  linked.external_url = "https://frab.example/events/1";
  auto back = flat_session_from_json(flat_session_json(linked));
  BOOST_TEST_REQUIRE(back.has_value());
  BOOST_TEST((*back == linked));
  // A version parked before sql/012 has no slug or URL: read as none.
  std::string old_json = flat_session_json(a);
  const std::string identity = ",\"external_slug\":\"\",\"external_url\":\"\"";
  const size_t at = old_json.find(identity);
  BOOST_TEST_REQUIRE(at != std::string::npos, old_json);
  old_json.erase(at, identity.size());
  auto older = flat_session_from_json(old_json);
  BOOST_TEST_REQUIRE(older.has_value());
  BOOST_TEST((*older == a));
  BOOST_TEST(!flat_session_from_json("[1]").has_value());
  BOOST_TEST(!flat_session_from_json("{\"title\": 3}").has_value());
  BOOST_TEST(!flat_session_from_json("not json").has_value());
}

BOOST_AUTO_TEST_CASE(upstream_changes_in_words) {
  FlatSession here = flat(1, "a", "Kernels");
  here.starts_at = "2026-06-12 14:30:00";
  here.ends_at = "2026-06-12 15:00:00";
  FlatSession theirs = here;
  theirs.starts_at = "2026-06-12 14:00:00";
  theirs.ends_at = "2026-06-12 14:30:00";
  theirs.room = "Annex";
  theirs.abstract = "New words";
  std::vector<std::string> lines = describe_upstream_change(here, theirs, "Ana");
  BOOST_TEST(lines == (std::vector<std::string>{
                          "upstream moved “Kernels” to 2026-06-12 14:00–14:30; kept "
                          "2026-06-12 14:30–15:00 set here by Ana",
                          "upstream moved “Kernels” to Annex; kept Hall set here by Ana",
                          "upstream changed the abstract of “Kernels”; kept the version set here "
                          "by Ana"}),
             boost::test_tools::per_element());
  BOOST_TEST(describe_upstream_change(here, here, "").empty());
}

BOOST_AUTO_TEST_SUITE_END()
