// Route path matching: exact paths, and a prefix + id + suffix such as
// /admin/session/5/history.
#include "web/router.h"

#include "admin/import_page.h"
#include "model/session_form.h"
#include "test_support.h"

using namespace confsched;

namespace {

bool matches(std::string_view path, std::string_view prefix, bool with_id, std::string_view suffix,
             int64_t expected_id = 0) {
  int64_t id = 0;
  bool ok = route_path_matches(path, prefix, with_id, suffix, id);
  if (ok && with_id) BOOST_TEST(id == expected_id, path);
  return ok;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(router)

BOOST_AUTO_TEST_CASE(only_the_upload_and_the_session_form_take_a_larger_body) {
  BOOST_TEST(body_limit("/admin/import") == kMaxImportBodyBytes);
  BOOST_TEST(kMaxImportBodyBytes > kMaxBodyBytes);
  // The session form carries a whole session, as large as the schema
  // holds (issue 15); restore posts only ids.
  BOOST_TEST(body_limit("/admin/session/new") == kMaxSessionFormBodyBytes);
  BOOST_TEST(body_limit("/admin/session/5") == kMaxSessionFormBodyBytes);
  BOOST_TEST(kMaxSessionFormBodyBytes > kMaxBodyBytes);
  BOOST_TEST(body_limit("/admin/session/5/restore") == kMaxBodyBytes);
  BOOST_TEST(body_limit("/admin/session/05") == kMaxBodyBytes);
  BOOST_TEST(body_limit("/admin/event") == kMaxBodyBytes);
  BOOST_TEST(body_limit("/login") == kMaxBodyBytes);
  BOOST_TEST(body_limit("/admin/import/") == kMaxBodyBytes);
  BOOST_TEST(body_limit("/no/such/page") == kMaxBodyBytes);
}

BOOST_AUTO_TEST_CASE(exact_paths) {
  BOOST_TEST(matches("/admin", "/admin", false, ""));
  BOOST_TEST(!matches("/admin/", "/admin", false, ""));
  BOOST_TEST(!matches("/adm", "/admin", false, ""));
}

BOOST_AUTO_TEST_CASE(an_id_and_nothing_after_it) {
  BOOST_TEST(matches("/admin/session/5", "/admin/session/", true, "", 5));
  BOOST_TEST(matches("/session/123", "/session/", true, "", 123));
  for (const char* bad : {"/admin/session/", "/admin/session/5/history", "/admin/session/05",
                          "/admin/session/5/", "/admin/session/x", "/admin/sessions/5"})
    BOOST_TEST(!matches(bad, "/admin/session/", true, ""), "matched \"" << bad << "\"");
}

BOOST_AUTO_TEST_CASE(an_id_then_a_suffix) {
  BOOST_TEST(matches("/admin/session/5/history", "/admin/session/", true, "/history", 5));
  BOOST_TEST(matches("/admin/session/42/restore", "/admin/session/", true, "/restore", 42));
  for (const char* bad :
       {"/admin/session/5", "/admin/session//history", "/admin/session/history",
        "/admin/session/5/history/", "/admin/session/5/historyx", "/admin/session/5x/history",
        "/admin/session/0/history", "/admin/session/5/restore", "/admin/session/5/history/history",
        "/history", "/admin/session/"})
    BOOST_TEST(!matches(bad, "/admin/session/", true, "/history"), "matched \"" << bad << "\"");
}

BOOST_AUTO_TEST_SUITE_END()
