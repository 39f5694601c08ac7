// The golden tier: every delegate page family, its errors and the route
// table's answers (404, 405 with Allow, 303 to the login, 403, 304),
// rendered by the real dispatch, templates and page code from the fixed
// programme (fixed_source.h), compared byte for byte with
// tests/golden/expected/. What only the whole stack proves (nginx's cache
// and login check, MariaDB, signals, workers) stays in tests/integration.
// The staff pages are staff_pages_test.cc's.
//
// A page that changes on purpose: `CONFSCHED_GOLDEN_UPDATE=1 ctest -R
// golden` rewrites the expected files; read the diff before committing it.
#include <boost/test/unit_test.hpp>

#include "auth/display_token.h"
#include "auth/feed_token.h"
#include "golden_support.h"
#include "web/request_boundary.h"

namespace confsched::golden {
namespace {

struct PageCase {
  const char* name;
  RequestSpec spec;
  int status;
};

std::string delegate() { return session_for(Role::kDelegate, 1); }
std::string feed_token() { return sign_feed_token(FeedClaims{Role::kDelegate, 1}, kSecret); }

std::vector<PageCase> page_cases() {
  const std::string d = delegate();
  const std::string feed = "?token=" + feed_token();
  const std::string screen = "?token=" + display_token(kSecret, 1, 42);
  return {
      {"home", {.target = "/"}, 200},
      {"home_signed_in", {.target = "/", .session = d}, 200},
      {"home_staff", {.target = "/", .session = session_for(Role::kStaff, 1)}, 200},
      {"login", {.target = "/login"}, 200},
      {"pages_version", {.target = "/pages-version"}, 200},
      {"logout_page", {.target = "/logout", .session = d}, 200},
      {"schedule_anonymous", {.target = "/schedule"}, 303},
      {"schedule", {.target = "/schedule", .session = d}, 200},
      {"schedule_day_room", {.target = "/schedule?day=2026-06-10&room=2", .session = d}, 200},
      {"schedule_search", {.target = "/schedule?q=kernels", .session = d}, 200},
      {"schedule_filter_not_canonical",
       {.target = "/schedule?room=2&day=2026-06-10", .session = d},
       303},
      {"schedule_unknown_day", {.target = "/schedule?day=2026-06-12", .session = d}, 400},
      {"schedule_post", {.method = "POST", .target = "/schedule", .session = d}, 405},
      // The grid of the first day: escaping, the coffee break across every
      // room, session 8 beside session 3 in Room <B>, cancelled session 4.
      {"schedule_grid", {.target = "/schedule?day=2026-06-10&view=grid", .session = d}, 200},
      {"schedule_grid_with_room",
       {.target = "/schedule?day=2026-06-10&room=2&view=grid", .session = d},
       303},
      {"schedule_grid_no_day", {.target = "/schedule?view=grid", .session = d}, 303},
      {"schedule_unknown_view", {.target = "/schedule?view=table", .session = d}, 400},
      {"schedule_whole", {.target = "/schedule?view=all", .session = d}, 200},
      {"schedule_whole_with_day",
       {.target = "/schedule?day=2026-06-10&view=all", .session = d},
       303},
      {"session", {.target = "/session/2", .session = d}, 200},
      {"session_cancelled", {.target = "/session/4", .session = d}, 200},
      {"session_unknown", {.target = "/session/999", .session = d}, 404},
      {"session_leading_zero", {.target = "/session/02", .session = d}, 404},
      {"session_anonymous", {.target = "/session/2"}, 303},
      {"speakers", {.target = "/speakers", .session = d}, 200},
      {"speakers_anonymous", {.target = "/speakers"}, 303},
      // Markup in the name, Markdown and raw HTML in the bio.
      {"speaker", {.target = "/speaker/2", .session = d}, 200},
      {"speaker_cancelled_only", {.target = "/speaker/5", .session = d}, 200},
      {"speaker_on_no_session", {.target = "/speaker/4", .session = d}, 404},
      {"speaker_unknown", {.target = "/speaker/999", .session = d}, 404},
      {"speaker_anonymous", {.target = "/speaker/2"}, 303},
      {"now", {.target = "/now", .session = d}, 200},
      {"changes", {.target = "/changes", .session = d}, 200},
      {"feeds", {.target = "/feeds", .session = d}, 200},
      {"feed_ics", {.target = "/schedule.ics" + feed}, 200},
      {"feed_json", {.target = "/schedule.json" + feed}, 200},
      {"feed_xml", {.target = "/schedule.xml" + feed}, 200},
      {"feed_session_ics", {.target = "/session/2.ics" + feed}, 200},
      {"feed_my_sessions", {.target = "/my-sessions.ics" + feed + "&ids=4,2,999&alarm=10"}, 200},
      {"feed_my_sessions_bad_ids", {.target = "/my-sessions.ics" + feed + "&ids=2,,4"}, 400},
      {"stars", {.target = "/stars?ids=4,2,999", .session = d}, 200},
      {"stars_none", {.target = "/stars?ids=999", .session = d}, 200},
      {"stars_one", {.target = "/stars?ids=2", .session = d}, 200},
      {"stars_bad_ids", {.target = "/stars?ids=2,x", .session = d}, 400},
      {"stars_anonymous", {.target = "/stars?ids=2"}, 303},
      {"stars_qr", {.target = "/stars/qr.svg?ids=2,4", .session = d}, 200},
      {"feed_no_token", {.target = "/schedule.ics"}, 401},
      {"feed_bad_token", {.target = "/schedule.ics?token=nope"}, 403},
      {"display", {.target = "/display/1" + screen}, 200},
      {"display_wrong_token", {.target = "/display/2" + screen}, 403},
      {"admin_as_delegate", {.target = "/admin", .session = d}, 403},
      {"unknown_path", {.target = "/nowhere", .session = d}, 404},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pages)

BOOST_AUTO_TEST_CASE(every_page_family_as_expected) {
  GoldenSite golden;
  for (const PageCase& c : page_cases()) {
    BOOST_TEST_CONTEXT(c.name) {
      Response r = handle_request(*golden.site, make_request(c.spec));
      BOOST_CHECK_EQUAL(r.status, c.status);
      // Stated apart from the golden files, so that a blind regeneration
      // cannot make them hold: markup from the data never reaches an HTML
      // page unescaped. (The feeds are text/calendar and JSON, where the
      // same names are plain text, escaped by those formats' own rules.)
      const std::string* type = r.header("Content-Type");
      if (type && type->rfind("text/html", 0) == 0) {
        BOOST_CHECK(r.body.find("<script>alert") == std::string::npos);
        BOOST_CHECK(r.body.find("<b>this</b>") == std::string::npos);
        BOOST_CHECK(r.body.find("<i>and html</i>") == std::string::npos);
      }
      std::string problem = compare_with_expected(c.name, printable(r));
      BOOST_CHECK_MESSAGE(problem.empty(), problem);
    }
  }
}

// RFC 9110 §15.5.6: a 405 names the methods the resource allows.
BOOST_AUTO_TEST_CASE(method_not_allowed_names_the_allowed_methods) {
  GoldenSite golden;
  Response r = handle_request(
      *golden.site,
      make_request({.method = "DELETE", .target = "/session/2", .session = delegate()}));
  BOOST_CHECK_EQUAL(r.status, 405);
  BOOST_REQUIRE(r.header("Allow") != nullptr);
  BOOST_CHECK_EQUAL(*r.header("Allow"), "GET, HEAD");
}

BOOST_AUTO_TEST_CASE(unknown_paths_and_sessions_are_404) {
  GoldenSite golden;
  for (const char* path :
       {"/no-such-page", "/login/extra", "/schedule.php", "/session/999999", "/session/abc",
        "/session/",     "/session/12x", "/session/-1",   "/session/2/",     "/display/",
        "/display/9",    "/speakers/",   "/speaker/",     "/speaker/1x",     "/speaker/01",
        "/speaker/-1",   "/speaker/2/",  "/speaker/4",    "/speaker/999999", "/speakers/2",
        "/speakers2"}) {
    BOOST_TEST_CONTEXT(path) {
      Response r =
          handle_request(*golden.site, make_request({.target = path, .session = delegate()}));
      // A display link without its token is refused before the room is
      // looked up: no page tells whether a room exists.
      BOOST_CHECK(r.status == 404 ||
                  (r.status == 403 && std::string(path).rfind("/display/", 0) == 0));
    }
  }
}

BOOST_AUTO_TEST_CASE(every_wrong_method_is_405_with_allow) {
  GoldenSite golden;
  struct Case {
    const char* method;
    const char* path;
    const char* allow;
  };
  for (const Case& c :
       {Case{"PUT", "/schedule", "GET, HEAD"}, Case{"DELETE", "/", "GET, HEAD"},
        Case{"PUT", "/login", "GET, HEAD, POST"}, Case{"PATCH", "/session/2", "GET, HEAD"},
        Case{"POST", "/schedule.ics", "GET, HEAD"}, Case{"DELETE", "/logout", "GET, HEAD, POST"}}) {
    BOOST_TEST_CONTEXT(c.method << " " << c.path) {
      Response r = handle_request(
          *golden.site,
          make_request({.method = c.method, .target = c.path, .session = delegate()}));
      BOOST_CHECK_EQUAL(r.status, 405);
      BOOST_REQUIRE(r.header("Allow") != nullptr);
      BOOST_CHECK_EQUAL(*r.header("Allow"), c.allow);
    }
  }
}

// What a client puts in the query or the path never comes back raw.
BOOST_AUTO_TEST_CASE(client_text_is_escaped_where_it_is_shown) {
  GoldenSite golden;
  const std::string evil = "%22%3E%3Cscript%3Ealert(2)%3C%2Fscript%3E";
  for (const std::string& target :
       {"/login?next=" + evil, "/login?next=%2F" + evil, "/schedule?q=" + evil, "/session/" + evil,
        "/speaker/" + evil}) {
    BOOST_TEST_CONTEXT(target) {
      Response r =
          handle_request(*golden.site, make_request({.target = target, .session = delegate()}));
      BOOST_CHECK(r.body.find("<script>alert(2)") == std::string::npos);
      for (const auto& [name, value] : r.headers) BOOST_CHECK(value.find('<') == std::string::npos);
    }
  }
}

// A conditional request with the page's own ETag is a 304 without a body;
// after the data version moves, the same ETag gets the whole page again.
BOOST_AUTO_TEST_CASE(etag_follows_the_data_version) {
  GoldenSite golden(/*version_check_ms=*/0);
  Response first =
      handle_request(*golden.site, make_request({.target = "/schedule", .session = delegate()}));
  BOOST_REQUIRE(first.header("ETag") != nullptr);
  const std::string etag = *first.header("ETag");
  Response again = handle_request(
      *golden.site,
      make_request(
          {.target = "/schedule", .session = delegate(), .extra = {{"HTTP_IF_NONE_MATCH", etag}}}));
  BOOST_CHECK_EQUAL(again.status, 304);
  BOOST_CHECK(again.body.empty());
  golden.source.state.data_version += 1;
  Response after_edit = handle_request(
      *golden.site,
      make_request(
          {.target = "/schedule", .session = delegate(), .extra = {{"HTTP_IF_NONE_MATCH", etag}}}));
  BOOST_CHECK_EQUAL(after_edit.status, 200);
  BOOST_REQUIRE(after_edit.header("ETag") != nullptr);
  BOOST_CHECK_NE(*after_edit.header("ETag"), etag);
}

// While the database is away, a worker that holds the programme keeps
// serving it; one that never loaded it answers 503.
BOOST_AUTO_TEST_CASE(outage_serves_what_is_held) {
  GoldenSite warm(/*version_check_ms=*/0);
  BOOST_CHECK_EQUAL(
      handle_request(*warm.site, make_request({.target = "/session/2", .session = delegate()}))
          .status,
      200);
  warm.source.available = false;
  Response held =
      handle_request(*warm.site, make_request({.target = "/session/2", .session = delegate()}));
  BOOST_CHECK_EQUAL(held.status, 200);
  BOOST_CHECK(held.body.find("Kernels &lt;for&gt;") != std::string::npos);

  GoldenSite cold;
  cold.source.available = false;
  BOOST_CHECK_EQUAL(
      handle_request(*cold.site, make_request({.target = "/session/2", .session = delegate()}))
          .status,
      503);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace confsched::golden
