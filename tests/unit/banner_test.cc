// The announcements banner as the shipped templates render it: nothing when
// there is nothing to show, levels told apart by class and label, text
// escaped.
#include "pages/banner.h"

#include "site/templates.h"
#include "test_support.h"

using namespace confsched;

namespace {

const Templates& shipped() {
  static const Templates templates(CONFSCHED_SOURCE_DIR "/templates",
                                   CONFSCHED_SOURCE_DIR "/templates/static");
  return templates;
}

std::string schedule_with(const std::vector<ShownAnnouncement>& announcements) {
  return shipped().render(PageFrame{"Schedule", "Conf", true}, "schedule.tpl",
                          [&](ctemplate::TemplateDictionary& d) {
                            auto* banner = d.AddIncludeDictionary("BANNER");
                            banner->SetFilename("banner.tpl");
                            fill_banner(*banner, announcements);
                          });
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(banner)

BOOST_AUTO_TEST_CASE(no_announcements_no_banner) {
  std::string page = schedule_with({});
  BOOST_TEST(page.find("announcement") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(levels_have_their_own_class_and_order_is_kept) {
  std::string page = schedule_with({{"Fire drill at 11:00", "important"},
                                    {"Coffee in the foyer", "info"},
                                    {"Unknown level", "shouting"}});
  BOOST_TEST(count(page, "class=\"announcement announcement-important\"") == 1u);
  BOOST_TEST(count(page, "class=\"announcement announcement-info\"") == 2u);
  BOOST_TEST(count(page, "class=\"announcement-label\"") == 1u);
  BOOST_TEST(page.find("Fire drill") < page.find("Coffee"));
  // After the page's one statement of the zone (the times staff type are
  // the event's), before the filters and the programme.
  BOOST_TEST(page.find("class=\"when-where\"") < page.find("announcements"));
  BOOST_TEST(page.find("announcements") < page.find("<form class=\"filter\""));
}

BOOST_AUTO_TEST_CASE(text_is_escaped_and_line_breaks_kept) {
  std::string page = schedule_with({{"<script>alert(1)</script> & \"x\"\nsecond line", "info"}});
  BOOST_TEST(page.find("<script>alert(1)") == std::string::npos);
  BOOST_TEST(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;\nsecond line") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
