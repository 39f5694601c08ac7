// The kinds and statuses of model/session_terms.h held against the ENUMs
// the schema declares for sessions.kind and sessions.status (sql/*.sql, in
// the order the migrations run; a later ALTER replaces an earlier column),
// and what each consumer makes of the list.
#include "model/session_terms.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "model/session_form.h"
#include "test_support.h"

using namespace confsched;

namespace {

std::vector<std::string> words_of(const std::string& enum_list) {
  std::vector<std::string> words;
  static const std::regex quoted("'([^']*)'");
  for (std::sregex_iterator it(enum_list.begin(), enum_list.end(), quoted), end; it != end; ++it)
    words.push_back((*it)[1]);
  return words;
}

// "kind" and "status" -> the schema's words for sessions' columns.
std::map<std::string, std::vector<std::string>> schema_enums() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(CONFSCHED_SOURCE_DIR "/sql"))
    if (entry.path().extension() == ".sql") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::map<std::string, std::vector<std::string>> enums;
  static const std::regex table(R"(\bTABLE\s+`?sessions`?\b)", std::regex::icase);
  static const std::regex column(R"(\b(kind|status)`?\s+ENUM\s*\(([^)]*)\))", std::regex::icase);
  for (const auto& file : files) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    std::string sql = text.str();
    size_t start = 0;
    while (start < sql.size()) {
      size_t end = sql.find(';', start);
      std::string statement = sql.substr(start, end == std::string::npos ? end : end - start);
      start = end == std::string::npos ? sql.size() : end + 1;
      if (!std::regex_search(statement, table)) continue;
      for (std::sregex_iterator it(statement.begin(), statement.end(), column), stop; it != stop;
           ++it)
        enums[(*it)[1]] = words_of((*it)[2]);
    }
  }
  return enums;
}

template <size_t N>
std::vector<std::string> values_of(const std::array<SessionTerm, N>& terms) {
  std::vector<std::string> values;
  for (const SessionTerm& t : terms) values.emplace_back(t.value);
  return values;
}

SessionChoices choices() {
  SessionChoices c;
  c.first_day = c.last_day = "2026-06-10";
  c.room_ids = {1};
  return c;
}

std::vector<std::string> sorted(std::vector<std::string> words) {
  std::sort(words.begin(), words.end());
  return words;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(session_terms)

BOOST_AUTO_TEST_CASE(the_lists_are_the_schemas_enums) {
  auto enums = schema_enums();
  BOOST_REQUIRE_EQUAL(enums.count("kind"), 1U);
  BOOST_REQUIRE_EQUAL(enums.count("status"), 1U);
  auto kinds = sorted(values_of(kSessionKinds));
  auto schema_kinds = sorted(enums["kind"]);
  BOOST_CHECK_EQUAL_COLLECTIONS(kinds.begin(), kinds.end(), schema_kinds.begin(),
                                schema_kinds.end());
  auto statuses = sorted(values_of(kSessionStatuses));
  auto schema_statuses = sorted(enums["status"]);
  BOOST_CHECK_EQUAL_COLLECTIONS(statuses.begin(), statuses.end(), schema_statuses.begin(),
                                schema_statuses.end());
}

BOOST_AUTO_TEST_CASE(labels_and_notes) {
  BOOST_CHECK_EQUAL(session_kind_label("keynote"), "Keynote");
  BOOST_CHECK_EQUAL(session_kind_label("talk"), "Talk");
  BOOST_CHECK_EQUAL(session_status_label("cancelled"), "Cancelled");
  BOOST_CHECK_EQUAL(session_status_note("scheduled"), "");
  BOOST_CHECK_EQUAL(session_status_note("moved"), "Moved");
  BOOST_CHECK(!is_session_kind("lecture"));
  BOOST_CHECK(!is_session_kind("Talk"));
  BOOST_CHECK(!is_session_status("canceled"));
}

// The staff form accepts exactly the list's words.
BOOST_AUTO_TEST_CASE(form_and_csv_accept_every_listed_word) {
  for (const SessionTerm& kind : kSessionKinds) {
    BOOST_TEST_CONTEXT(kind.value) {
      SessionDraft draft;
      draft.kind = std::string(kind.value);
      draft.status = "scheduled";
      draft.room_id = "1";
      BOOST_CHECK(validate_draft(draft, choices()).count("kind") == 0);
    }
  }
  for (const SessionTerm& status : kSessionStatuses) {
    BOOST_TEST_CONTEXT(status.value) {
      SessionDraft draft;
      draft.kind = "talk";
      draft.status = std::string(status.value);
      draft.room_id = "1";
      BOOST_CHECK(validate_draft(draft, choices()).count("status") == 0);
    }
  }
  SessionDraft odd;
  odd.kind = "lecture";
  odd.status = "postponed";
  odd.room_id = "1";
  FieldErrors errors = validate_draft(odd, choices());
  BOOST_CHECK(errors.count("kind") == 1);
  BOOST_CHECK(errors.count("status") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
