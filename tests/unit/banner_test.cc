// Announcements as the shipped templates render them: in the banner,
// nothing when there is nothing to show, levels told apart by class and
// label, text escaped, a room's name before a room's announcement; beside
// a room (/now, its screen), that room's own only.
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

ShownAnnouncement shown(std::string body, std::string level,
                        std::optional<int64_t> room_id = std::nullopt, std::string room_name = "") {
  return {std::move(body), std::move(level), room_id, std::move(room_name)};
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
  std::string page =
      schedule_with({shown("Fire drill at 11:00", "important"),
                     shown("Coffee in the foyer", "info"), shown("Unknown level", "shouting")});
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
  std::string page =
      schedule_with({shown("<script>alert(1)</script> & \"x\"\nsecond line", "info")});
  BOOST_TEST(page.find("<script>alert(1)") == std::string::npos);
  BOOST_TEST(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;\nsecond line") !=
             std::string::npos);
}

// Issue 17: the banner is on pages about every room, so an announcement
// for one says which, escaped like the text.
BOOST_AUTO_TEST_CASE(a_rooms_announcement_is_named_after_its_room_in_the_banner) {
  std::string page =
      schedule_with({shown("Fire drill", "important"),
                     shown("Closing session moved to Hall B", "info", 4, "Hall <A>")});
  BOOST_TEST(page.find("<p class=\"announcement-text\"><strong class=\"announcement-room\">Hall "
                       "&lt;A&gt;:</strong> Closing session moved to Hall B</p>") !=
             std::string::npos);
  BOOST_TEST(count(page, "announcement-room") == 1u, "the one for everywhere has no room");
}

BOOST_AUTO_TEST_CASE(beside_a_room_only_its_own_announcements_without_its_name) {
  const std::vector<ShownAnnouncement> all = {
      shown("Everywhere", "important"), shown("For room 4, first", "important", 4, "Hall A"),
      shown("For room 5", "info", 5, "Hall B"), shown("For room 4, second", "info", 4, "Hall A")};
  std::string page = shipped().render(PageFrame{"Now", "Conf", true}, "display.tpl",
                                      [&](ctemplate::TemplateDictionary& d) {
                                        d.SetValue("ROOM", "Hall A");
                                        fill_room_notes(d, all, 4);
                                      });
  BOOST_TEST(page.find("For room 4, first") < page.find("For room 4, second"));
  BOOST_TEST(page.find("Everywhere") == std::string::npos);
  BOOST_TEST(page.find("For room 5") == std::string::npos);
  BOOST_TEST(page.find("announcement-room") == std::string::npos);
  BOOST_TEST(count(page, "class=\"announcement announcement-important\"") == 1u);
  std::string none =
      shipped().render(PageFrame{"Now", "Conf", true}, "display.tpl",
                       [&](ctemplate::TemplateDictionary& d) { fill_room_notes(d, all, 6); });
  BOOST_TEST(none.find("announcement") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
