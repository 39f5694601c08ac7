// The site in German ([site] language = de, README "Language"): a page of
// every delegate family, the refusals and a few staff pages, rendered from
// the fixed programme with the catalogue the build compiles from
// po/de.po, compared byte for byte with tests/golden/expected/de_*.txt.
// Stated apart from the files: <html lang="de">, and markup the same as
// the English page's, tag for tag (a translation replaces text, never
// structure: util/template_text.h).
#include <boost/test/unit_test.hpp>
#include <regex>
#include <string>
#include <vector>

#include "golden_support.h"
#include "web/request_boundary.h"

namespace confsched::golden {
namespace {

struct GermanCase {
  const char* name;
  RequestSpec spec;
  int status;
};

std::vector<GermanCase> german_cases() {
  const std::string d = session_for(Role::kDelegate, 1);
  const std::string staff = session_for(Role::kStaff, 1);
  return {
      {"de_home", {.target = "/"}, 200},
      {"de_home_signed_in", {.target = "/", .session = d}, 200},
      {"de_login", {.target = "/login"}, 200},
      {"de_schedule", {.target = "/schedule", .session = d}, 200},
      {"de_schedule_whole", {.target = "/schedule?view=all", .session = d}, 200},
      {"de_schedule_grid", {.target = "/schedule?day=2026-06-10&view=grid", .session = d}, 200},
      {"de_schedule_unknown_day", {.target = "/schedule?day=2026-06-12", .session = d}, 400},
      {"de_session", {.target = "/session/2", .session = d}, 200},
      {"de_session_cancelled", {.target = "/session/4", .session = d}, 200},
      {"de_session_unknown", {.target = "/session/999", .session = d}, 404},
      {"de_speakers", {.target = "/speakers", .session = d}, 200},
      {"de_speaker", {.target = "/speaker/2", .session = d}, 200},
      {"de_now", {.target = "/now", .session = d}, 200},
      {"de_changes", {.target = "/changes", .session = d}, 200},
      {"de_feeds", {.target = "/feeds", .session = d}, 200},
      {"de_stars", {.target = "/stars?ids=2,3", .session = d}, 200},
      {"de_staff_admin", {.target = "/admin", .session = staff}, 200},
      {"de_staff_session", {.target = "/admin/session/2", .session = staff}, 200},
      {"de_staff_announcements", {.target = "/admin/announcements", .session = staff}, 200},
  };
}

// The page's tags with their attribute names, in order: what must not
// change with the language (attribute values and text may).
std::vector<std::string> tag_skeleton(const std::string& html) {
  static const std::regex tag(R"re(<(/?[a-zA-Z0-9]+)((?:\s+[a-zA-Z-]+)(?:="[^"]*")?)*\s*/?>)re");
  static const std::regex attribute(R"re(\s+([a-zA-Z-]+)(?:="[^"]*")?)re");
  std::vector<std::string> out;
  for (std::sregex_iterator it(html.begin(), html.end(), tag), end; it != end; ++it) {
    const std::string whole = (*it)[0];
    std::string shape = (*it)[1];
    const std::string rest = whole.substr(1 + shape.size());
    for (std::sregex_iterator a(rest.begin(), rest.end(), attribute), e; a != e; ++a)
      shape += " " + (*a)[1].str();
    out.push_back(shape);
  }
  return out;
}

std::string body_of(GoldenSite& site, const RequestSpec& spec) {
  return handle_request(*site.site, make_request(spec)).body;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pages_de)

BOOST_AUTO_TEST_CASE(german_pages_as_expected) {
  GoldenSite german(500, {}, "de");
  for (const GermanCase& c : german_cases()) {
    BOOST_TEST_CONTEXT(c.name) {
      Response r = handle_request(*german.site, make_request(c.spec));
      BOOST_CHECK_EQUAL(r.status, c.status);
      BOOST_TEST(r.body.find("<html lang=\"de\"") != std::string::npos);
      std::string problem = compare_with_expected(c.name, printable(r));
      BOOST_CHECK_MESSAGE(problem.empty(), problem);
    }
  }
}

BOOST_AUTO_TEST_CASE(german_pages_have_the_english_markup) {
  std::vector<std::string> english;
  {
    GoldenSite site;
    for (const GermanCase& c : german_cases()) english.push_back(body_of(site, c.spec));
  }
  GoldenSite german(500, {}, "de");
  const std::vector<GermanCase> cases = german_cases();
  for (size_t i = 0; i < cases.size(); ++i) {
    BOOST_TEST_CONTEXT(cases[i].name) {
      const std::string page = body_of(german, cases[i].spec);
      BOOST_TEST(page != english[i]);
      BOOST_TEST(tag_skeleton(page) == tag_skeleton(english[i]), boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(the_code_is_english_again_after_a_german_site) {
  { GoldenSite german(500, {}, "de"); }
  GoldenSite english;
  const std::string page =
      body_of(english, {.target = "/session/999", .session = session_for(Role::kDelegate, 1)});
  BOOST_TEST(page.find("Page not found") != std::string::npos);
  BOOST_TEST(page.find("<html lang=\"en\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace confsched::golden
