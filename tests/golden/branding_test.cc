// [site] branding in the pages (config/branding.h, site/templates.h): the
// delegate and staff pages with a logo, an accent colour and an extra
// stylesheet, compared with tests/golden/expected/branded_*.txt, and the
// branding files as the app serves them. The pages without [site] are
// pages_test.cc's, unchanged by branding's existence.
#include <boost/test/unit_test.hpp>
#include <regex>
#include <string>
#include <vector>

#include "config/config.h"
#include "golden_support.h"
#include "web/request_boundary.h"

namespace confsched::golden {
namespace {

const std::string kBrandingDir = CONFSCHED_SOURCE_DIR "/tests/golden/branding";

// What load_config makes of: logo = logo.svg, accent_colour = #6b2c91,
// stylesheet = extra.css (read the same way, through the checks).
SiteBranding golden_branding() {
  SiteBranding b;
  read_logo(kBrandingDir + "/logo.svg", b);
  b.accent_colour = parse_accent_colour("#6B2C91", "accent_colour");
  b.stylesheet = read_branding_stylesheet(kBrandingDir + "/extra.css");
  return b;
}

Response get(GoldenSite& golden, const std::string& target, const std::string& session = {}) {
  return handle_request(*golden.site, make_request({.target = target, .session = session}));
}

// Every /brand/ URL the page links, in page order.
std::vector<std::string> brand_urls(const std::string& html) {
  static const std::regex url(R"re("(/brand/[a-z]+\.[0-9a-f]{16}\.[a-z]+)")re");
  std::vector<std::string> out;
  for (std::sregex_iterator it(html.begin(), html.end(), url), end; it != end; ++it)
    out.push_back((*it)[1]);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(branding)

BOOST_AUTO_TEST_CASE(branded_pages_as_expected) {
  GoldenSite golden(500, golden_branding());
  const std::string d = session_for(Role::kDelegate, 1);
  const std::string staff = add_person(golden, "Ana", StaffRole::kAdmin);
  struct Case {
    const char* name;
    std::string target;
    std::string session;
  };
  for (const Case& c : {Case{"branded_home", "/", ""}, Case{"branded_schedule", "/schedule", d},
                        Case{"branded_admin", "/admin", staff}}) {
    BOOST_TEST_CONTEXT(c.name) {
      Response r = get(golden, c.target, c.session);
      BOOST_CHECK_EQUAL(r.status, 200);
      // Stated apart from the golden files: the three assets, in order,
      // and the logo's alt text the event's name.
      std::vector<std::string> urls = brand_urls(r.body);
      BOOST_TEST_REQUIRE(urls.size() == 3u);
      BOOST_TEST(urls[0].starts_with("/brand/site."));
      BOOST_TEST(urls[1].starts_with("/brand/extra."));
      BOOST_TEST(urls[2].starts_with("/brand/logo."));
      BOOST_TEST(r.body.find("<img class=\"logo\" src=\"" + urls[2] + "\" alt=\"") !=
                 std::string::npos);
      std::string problem = compare_with_expected(c.name, printable(r));
      BOOST_CHECK_MESSAGE(problem.empty(), problem);
    }
  }
}

BOOST_AUTO_TEST_CASE(branding_files_are_served_immutable_under_their_hashed_names) {
  GoldenSite golden(500, golden_branding());
  // Public: the login page shows the logo to visitors.
  std::vector<std::string> urls = brand_urls(get(golden, "/").body);
  BOOST_TEST_REQUIRE(urls.size() == 3u);
  const char* names[] = {"branded_asset_site_css", "branded_asset_extra_css",
                         "branded_asset_logo_svg"};
  const char* types[] = {"text/css; charset=utf-8", "text/css; charset=utf-8", "image/svg+xml"};
  for (size_t i = 0; i < 3; ++i) {
    BOOST_TEST_CONTEXT(urls[i]) {
      Response r = get(golden, urls[i]);
      BOOST_CHECK_EQUAL(r.status, 200);
      BOOST_REQUIRE(r.header("Content-Type") != nullptr);
      BOOST_TEST(*r.header("Content-Type") == types[i]);
      BOOST_REQUIRE(r.header("Cache-Control") != nullptr);
      BOOST_TEST(*r.header("Cache-Control") == "public, max-age=31536000, immutable");
      std::string problem = compare_with_expected(names[i], printable(r));
      BOOST_CHECK_MESSAGE(problem.empty(), problem);
    }
  }
  // Another hash (an old file's), another name, a path below: 404.
  std::string stale = urls[0];
  stale[stale.size() - 5] = stale[stale.size() - 5] == '0' ? '1' : '0';
  for (const std::string& wrong :
       {stale, std::string("/brand/site.css"), std::string("/brand/"), urls[0] + "/x"})
    BOOST_TEST(get(golden, wrong).status == 404, wrong);
}

BOOST_AUTO_TEST_CASE(without_branding_there_is_nothing_under_brand) {
  GoldenSite golden;
  BOOST_TEST(get(golden, "/").body.find("/brand/") == std::string::npos);
  BOOST_TEST(get(golden, "/brand/site.0123456789abcdef.css").status == 404);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace confsched::golden
