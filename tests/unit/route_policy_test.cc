// The route table's invariants: the policy rows must hold whatever rows are
// added later (issue 15). Each check names the row that breaks it.
#include <string>

#include "test_support.h"
#include "web/route_table.h"

using namespace confsched;

namespace {

std::string name_of(const Route& route) {
  std::string name(route.path);
  if (route.with_id) name += "{id}" + std::string(route.suffix);
  if (route.any_name) name += "{name}";
  return name;
}

// A path the row answers: the id 7 for a with_id row.
std::string sample_path(const Route& route) {
  std::string path(route.path);
  if (route.with_id) path += "7" + std::string(route.suffix);
  if (route.any_name) path += "name.css";
  return path;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(route_policy)

BOOST_AUTO_TEST_CASE(every_staff_page_is_staff_only_never_cached_and_its_posts_csrf_checked) {
  int staff_rows = 0;
  for (const Route& route : route_table()) {
    if (!starts_with(route.path, "/admin")) continue;
    ++staff_rows;
    BOOST_TEST(for_staff(route.access), name_of(route) << " must be staff-only");
    BOOST_TEST((route.caching == Caching::kNone), name_of(route) << " must never be cached");
    BOOST_TEST(!route.front_cached, name_of(route) << " must never reach the front cache");
    if (route.methods & kPost) {
      BOOST_TEST(route.csrf, name_of(route) << ": a staff POST without a CSRF check");
      BOOST_TEST((route.body != Body::kNone), name_of(route) << ": a CSRF token needs a body");
    }
  }
  BOOST_TEST(staff_rows >= 10);
}

// What only admins may do (model/staff_member.h): people, the shared
// passwords, imports, the event's settings and the rooms' screens.
BOOST_AUTO_TEST_CASE(admin_pages_are_for_admins_only) {
  std::vector<std::string> admin_only;
  for (const Route& route : route_table())
    if (route.access == Access::kAdmin) admin_only.emplace_back(route.path);
  const std::vector<std::string> expected = {"/admin/event", "/admin/displays", "/admin/people",
                                             "/admin/passwords", "/admin/import"};
  BOOST_TEST(admin_only == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_post_by_staff_session_escapes_the_csrf_check) {
  for (const Route& route : route_table()) {
    if (for_staff(route.access) && (route.methods & kPost)) BOOST_TEST(route.csrf, name_of(route));
    if (route.csrf) {
      BOOST_TEST((route.methods & kPost), name_of(route) << ": csrf on a route without POST");
      BOOST_TEST(for_staff(route.access), name_of(route));
    }
  }
}

BOOST_AUTO_TEST_CASE(only_what_is_the_same_for_everybody_is_kept_by_the_front_cache) {
  int front = 0;
  for (const Route& route : route_table()) {
    if (!route.front_cached) continue;
    ++front;
    // The front cache keys on the path only; its auth_request lets in any
    // signed-in role, and a public row has no login check in front of it
    // (so no variant either: there is no cookie to tell one by). Anything
    // else (a feed token, a display token, staff) is checked by the app on
    // every request.
    const bool delegate_page =
        route.access == Access::kSignedIn && route.type == content_type::kHtml;
    const bool public_resource = route.access == Access::kPublic && route.variant == nullptr;
    BOOST_TEST((delegate_page || public_resource), name_of(route));
    BOOST_TEST((route.caching == Caching::kShared), name_of(route) << ": one page for everyone");
    BOOST_TEST(route.methods == unsigned{kGet}, name_of(route) << ": GET only");
  }
  // /schedule, /session/{id}, /speakers, /speaker/{id}, /now, /changes,
  // /pages-version
  BOOST_TEST(front == 7);
}

BOOST_AUTO_TEST_CASE(shared_pages_are_read_only_and_say_how_browsers_keep_them) {
  for (const Route& route : route_table()) {
    if (route.caching != Caching::kShared) continue;
    BOOST_TEST(route.methods == unsigned{kGet}, name_of(route));
    BOOST_TEST(!route.cache_control.empty(), name_of(route));
  }
}

BOOST_AUTO_TEST_CASE(uploads_and_resends_are_where_they_belong) {
  for (const Route& route : route_table()) {
    BOOST_TEST(route.handler != nullptr, name_of(route));
    BOOST_TEST(route.max_body >= kMaxBodyBytes, name_of(route));
    if (route.body == Body::kUpload) BOOST_TEST(route.max_body > kMaxBodyBytes, name_of(route));
    // Only a staff form can be put back on screen when the database is away.
    if (route.db_down == WhenDbDown::kResendForm) {
      BOOST_TEST((route.body == Body::kForm), name_of(route));
      BOOST_TEST(route.csrf, name_of(route));
    }
  }
}

BOOST_AUTO_TEST_CASE(no_browser_post_goes_unprotected) {
  for (const Route& route : route_table()) {
    if (!(route.methods & kPost)) {
      BOOST_TEST(!route.same_site, name_of(route) << ": same_site on a route without POST");
      continue;
    }
    // nginx's login check before an upload's body: it changes nothing and
    // no browser posts to it.
    if (route.path == "/_auth/upload") continue;
    BOOST_TEST((route.csrf || route.same_site),
               name_of(route) << ": a POST with neither a CSRF token nor an Origin check");
    // Staff forms carry a token; the Origin check is for the forms that
    // cannot (login, logout).
    BOOST_TEST(!(route.csrf && route.same_site), name_of(route));
  }
}

BOOST_AUTO_TEST_CASE(every_form_declares_its_fields) {
  for (const Route& route : route_table()) {
    const bool takes_body = (route.methods & kPost) && route.body != Body::kNone;
    // A row with a body and no keys would refuse every field; keys without
    // a body would never be checked.
    BOOST_TEST(takes_body == !route.keys.empty(), name_of(route));
    for (size_t i = 0; i < route.keys.size(); ++i) {
      // dispatch reads the CSRF token itself; a form must not declare it
      // as one of its own fields.
      BOOST_TEST(route.keys[i].name != "csrf", name_of(route));
      for (size_t j = 0; j < i; ++j)
        BOOST_TEST(route.keys[i].name != route.keys[j].name,
                   name_of(route) << " declares " << route.keys[i].name << " twice");
    }
    // Uploads are staff forms: their CSRF token is one of the parts.
    if (route.body == Body::kUpload) BOOST_TEST(route.csrf, name_of(route));
  }
}

BOOST_AUTO_TEST_CASE(every_row_answers_its_own_paths) {
  // No row hides behind an earlier one ("/admin/session/new" before the
  // id row, "/session/{id}.ics" beside "/session/{id}").
  for (const Route& route : route_table()) {
    RouteParams params;
    const Route* found = find_route(sample_path(route), params);
    BOOST_TEST(found == &route, sample_path(route) << " finds another row");
  }
  RouteParams params;
  BOOST_TEST(find_route("/admin/session/new", params)->path == "/admin/session/new");
  BOOST_TEST(find_route("/session/07", params) == nullptr);
  BOOST_TEST(find_route("/nowhere", params) == nullptr);
}

// The speaker rows beside each other: "/speaker/" with an id never takes
// "/speakers", and only the exact spellings are answered (the front
// server's and the service worker's patterns hold the same line).
BOOST_AUTO_TEST_CASE(speaker_paths_are_exact) {
  RouteParams params;
  BOOST_TEST(find_route("/speakers", params)->path == "/speakers");
  const Route* one = find_route("/speaker/12", params);
  BOOST_TEST((one && one->path == "/speaker/" && one->with_id));
  BOOST_TEST(params.id == 12);
  for (const char* hostile :
       {"/speakers/", "/speakers/12", "/speakers12", "/speaker", "/speaker/", "/speaker/01",
        "/speaker/1x", "/speaker/-1", "/speaker/+1", "/speaker/12/", "/speaker/12.ics", "/Speakers",
        "/speaker/1234567890123456789"}) {
    BOOST_TEST(find_route(hostile, params) == nullptr, hostile);
  }
}

BOOST_AUTO_TEST_SUITE_END()
