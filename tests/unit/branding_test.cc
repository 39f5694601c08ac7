// [site] branding (config/branding.h): the keys as load_config reads them,
// every bad value refused with a message that names it, the WCAG contrast
// check, and the hashed names and pages Templates makes of them.
#include "config/branding.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "config/config.h"
#include "site/templates.h"
#include "test_support.h"
#include "util/files.h"
#include "util/temp_dir.h"

using namespace confsched;

namespace {

const GetEnv kNoEnv = [](const char*) -> const char* { return nullptr; };

const std::string kSvg =
    "<?xml version=\"1.0\"?>\n<!-- logo -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
    "viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + std::string("\0\0\0\rIHDR", 8);

// load_config of a file holding text, in a folder that also holds
// logo.svg, logo.png and extra.css.
struct Folder {
  TempDir dir;
  mutable int files = 0;  // each load writes a new file (write_private never overwrites)
  Folder() {
    dir.write_private("logo.svg", kSvg);
    dir.write_private("logo.png", kPng);
    dir.write_private("extra.css", "main { max-width: 60rem; }\n");
  }
  Config load(const std::string& text) const {
    return load_config(dir.write_private("confsched" + std::to_string(++files) + ".ini", text),
                       kNoEnv);
  }
  // The message of the ConfigError, or "" when it loads.
  std::string error(const std::string& text) const {
    try {
      load(text);
    } catch (const ConfigError& e) {
      return e.what();
    }
    return "";
  }
};

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::string templates_dir() { return CONFSCHED_SOURCE_DIR "/templates"; }
std::string static_dir() { return CONFSCHED_SOURCE_DIR "/templates/static"; }

std::string render_home(const Templates& t) {
  return t.render(PageFrame{.title = "T", .site_name = "Conf <2027>"}, "error.tpl",
                  [](ctemplate::TemplateDictionary&) {});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(branding)

BOOST_AUTO_TEST_CASE(without_site_section_there_is_no_branding) {
  Folder f;
  BOOST_TEST(f.load("[server]\nworkers = 2\n").site.empty());
}

BOOST_AUTO_TEST_CASE(good_values_are_read_relative_to_the_files_folder) {
  Folder f;
  Config c = f.load("[site]\nlogo = logo.svg\naccent_colour = #0B5FAE\nstylesheet = extra.css\n");
  BOOST_TEST(c.site.logo == kSvg);
  BOOST_TEST(c.site.logo_type == "image/svg+xml");
  BOOST_TEST(c.site.accent_colour == "#0b5fae");  // lower case, as written into the CSS
  BOOST_TEST(c.site.stylesheet == "main { max-width: 60rem; }\n");
  Config png = f.load("[site]\nlogo = " + f.dir.path() + "/logo.png\naccent_color = #1d2330\n");
  BOOST_TEST(png.site.logo_type == "image/png");
  BOOST_TEST(png.site.accent_colour == "#1d2330");  // the US spelling too
}

BOOST_AUTO_TEST_CASE(empty_values_mean_none) {
  Folder f;
  BOOST_TEST(f.load("[site]\nlogo =\naccent_colour =\nstylesheet =\n").site.empty());
}

BOOST_AUTO_TEST_CASE(each_bad_value_is_refused_with_a_message_naming_it) {
  Folder f;
  f.dir.write_private("logo.gif", "GIF89a");
  f.dir.write_private("fake.png", kSvg);
  f.dir.write_private("fake.svg", kPng);
  f.dir.write_private("page.svg", "<html><body>no</body></html>");
  f.dir.write_private("empty.svg", "");
  f.dir.write_private("huge.svg", "<svg>" + std::string(kMaxBrandingFileBytes, ' ') + "</svg>");
  f.dir.write_private("style.txt", "a{}");
  f.dir.write_private("binary.css", std::string("a{}\0", 4));
  f.dir.write_private("latin1.css", "a::after { content: \"\xe9\"; }");
  std::filesystem::create_directory(f.dir.path() + "/folder.svg");
  const std::pair<std::string, std::string> cases[] = {
      {"logo = logo.gif", "must be an SVG or PNG file"},
      {"logo = missing.svg", "[site] logo: cannot read"},
      {"logo = fake.png", "is named .png but is not a PNG image"},
      {"logo = fake.svg", "is named .svg but is not an SVG image"},
      {"logo = page.svg", "is not an SVG image"},
      {"logo = empty.svg", "is empty"},
      {"logo = huge.svg", "more than the 256 KiB allowed"},
      {"logo = folder.svg", "is not a regular file"},
      {"stylesheet = style.txt", "must be a CSS file named *.css"},
      {"stylesheet = binary.css", "is not UTF-8 text"},
      {"stylesheet = latin1.css", "is not UTF-8 text"},
      {"stylesheet = missing.css", "[site] stylesheet: cannot read"},
      {"accent_colour = blue", "must be a colour as #rrggbb, not \"blue\""},
      {"accent_colour = #0b5fa", "must be a colour as #rrggbb"},
      {"accent_colour = #0b5fae0", "must be a colour as #rrggbb"},
      {"accent_colour = 0b5fae", "must be a colour as #rrggbb"},
      {"accent_colour = #0g5fae", "must be a colour as #rrggbb"},
      {"accent_color = #abc", "[site] accent_color must be a colour"},
      {"accent_colour = #0b5fae\naccent_color = #0b5fae", "repeats accent_colour"},
      {"colour = #0b5fae", "unknown key [site] colour"},
  };
  for (const auto& [line, message] : cases) {
    BOOST_TEST_CONTEXT(line) {
      std::string error = f.error("[site]\n" + line + "\n");
      BOOST_TEST(contains(error, message), error);
      BOOST_TEST(contains(error, ".ini"), error);  // which file
    }
  }
}

// WCAG 2.x's own examples: black on white is 21:1, a colour on itself 1:1;
// #777777 on white is the well-known near miss (4.48:1).
BOOST_AUTO_TEST_CASE(contrast_ratio_follows_wcag) {
  BOOST_TEST(wcag_contrast_ratio("#000000", "#ffffff") == 21.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(wcag_contrast_ratio("#ffffff", "#000000") == 21.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(wcag_contrast_ratio("#0b5fae", "#0b5fae") == 1.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(wcag_contrast_ratio("#777777", "#ffffff") == 4.478,
             boost::test_tools::tolerance(1e-3));
  BOOST_TEST(wcag_contrast_ratio("#767676", "#ffffff") == 4.542,
             boost::test_tools::tolerance(1e-3));
}

// The choice (config/branding.cc): a colour below 4.5:1 against any
// background it sits on is refused, not adjusted.
BOOST_AUTO_TEST_CASE(low_contrast_accent_is_refused_naming_the_ratio) {
  Folder f;
  std::string yellow = f.error("[site]\naccent_colour = #ffcc00\n");
  BOOST_TEST(contains(yellow, "#ffcc00 is too light"), yellow);
  BOOST_TEST(contains(yellow, "WCAG 2.x AA asks at least 4.5:1"), yellow);
  BOOST_TEST(contains(yellow, ":1"), yellow);
  // #767676 passes on white (4.54:1) but not on the schedule's wash
  // (#f3f5f8): every background counts, not only the lightest.
  std::string grey = f.error("[site]\naccent_colour = #767676\n");
  BOOST_TEST(contains(grey, "its contrast with #f3f5f8 is"), grey);
  BOOST_TEST(f.error("[site]\naccent_colour = #6b6b6b\n") == "");
  // The shipped accent passes, and the checked backgrounds are still the
  // stylesheet's: a change there must be made here too.
  BOOST_TEST(f.error("[site]\naccent_colour = #0b5fae\n") == "");
  std::string css = read_whole_file(static_dir() + "/style.css");
  BOOST_TEST(contains(css, "--paper: #ffffff;"));
  BOOST_TEST(contains(css, "--wash: #f3f5f8;"));
  BOOST_TEST(contains(css, ".mine-changed { background: #eef4fb;"));
  BOOST_TEST(contains(css, "color: #fff; }"));
}

BOOST_AUTO_TEST_CASE(no_branding_renders_as_before_and_keeps_the_digest) {
  Templates plain(templates_dir(), static_dir());
  Templates empty(templates_dir(), static_dir(), SiteBranding{});
  BOOST_TEST(plain.digest() == empty.digest());
  std::string page = render_home(empty);
  BOOST_TEST(page == render_home(plain));
  BOOST_TEST(contains(page, "<a class=\"home\" href=\"/\">Conf &lt;2027&gt;</a>"));
  BOOST_TEST(!contains(page, "/brand/"));
  BOOST_TEST(empty.brand_asset("/brand/site.0123456789abcdef.css") == nullptr);
}

BOOST_AUTO_TEST_CASE(branding_gets_hashed_names_in_the_page_and_the_digest) {
  SiteBranding b{.logo = kSvg,
                 .logo_type = "image/svg+xml",
                 .accent_colour = "#1d2330",
                 .stylesheet = "main{}"};
  Templates t(templates_dir(), static_dir(), b);
  Templates plain(templates_dir(), static_dir());
  BOOST_TEST(t.digest() != plain.digest());
  std::string page = render_home(t);
  // The logo in the header, its alt text the event's name (escaped).
  BOOST_TEST(contains(page, "<a class=\"home\" href=\"/\"><img class=\"logo\" src=\"/brand/logo."),
             page);
  BOOST_TEST(contains(page, ".svg\" alt=\"Conf &lt;2027&gt;\"></a>"), page);
  // The generated rules, then the extra stylesheet, both after style.css.
  size_t main_css = page.find("/static/style.");
  size_t generated = page.find("<link rel=\"stylesheet\" href=\"/brand/site.");
  size_t extra = page.find("<link rel=\"stylesheet\" href=\"/brand/extra.");
  BOOST_TEST_REQUIRE(main_css != std::string::npos);
  BOOST_TEST_REQUIRE(generated != std::string::npos);
  BOOST_TEST_REQUIRE(extra != std::string::npos);
  BOOST_TEST(main_css < generated);
  BOOST_TEST(generated < extra);
  // No inline style: the CSP forbids it.
  BOOST_TEST(!contains(page, "style="));
  BOOST_TEST(!contains(page, "<style"));

  size_t start = page.find("/brand/site.");
  std::string url = page.substr(start, page.find('"', start) - start);
  const BrandAsset* rules = t.brand_asset(url);
  BOOST_TEST_REQUIRE(rules != nullptr);
  BOOST_TEST(rules->type == "text/css; charset=utf-8");
  BOOST_TEST(contains(rules->bytes, ":root { --accent: #1d2330; }"));
  BOOST_TEST(contains(rules->bytes, "max-height: 3rem"));

  // A changed file is a new name, and the old name is no asset.
  SiteBranding changed = b;
  changed.stylesheet = "main{ }";
  Templates t2(templates_dir(), static_dir(), changed);
  std::string page2 = render_home(t2);
  size_t s2 = page2.find("/brand/extra.");
  std::string url2 = page2.substr(s2, page2.find('"', s2) - s2);
  size_t s1 = page.find("/brand/extra.");
  std::string url1 = page.substr(s1, page.find('"', s1) - s1);
  BOOST_TEST(url1 != url2);
  BOOST_TEST(t2.brand_asset(url1) == nullptr);
  BOOST_TEST_REQUIRE(t2.brand_asset(url2) != nullptr);
  BOOST_TEST(t2.brand_asset(url2)->bytes == "main{ }");
  BOOST_TEST(t2.digest() != t.digest());
}

BOOST_AUTO_TEST_CASE(accent_alone_links_only_the_generated_rules) {
  Templates t(templates_dir(), static_dir(), SiteBranding{.accent_colour = "#1d2330"});
  std::string page = render_home(t);
  BOOST_TEST(contains(page, "/brand/site."));
  BOOST_TEST(!contains(page, "/brand/extra."));
  BOOST_TEST(!contains(page, "<img"));
  BOOST_TEST(contains(page, "<a class=\"home\" href=\"/\">Conf &lt;2027&gt;</a>"));
}

BOOST_AUTO_TEST_SUITE_END()
