#include "cli/site_archive.h"

#include <string>

#include "test_support.h"

using confsched::archive_file;
using confsched::archive_links;
using confsched::relative_link;

BOOST_AUTO_TEST_SUITE(site_archive)

BOOST_AUTO_TEST_CASE(every_archived_page_has_one_file) {
  BOOST_TEST(*archive_file("/", "") == "index.html");
  BOOST_TEST(*archive_file("/schedule", "") == "schedule.html");
  BOOST_TEST(*archive_file("/schedule", "view=all") == "schedule/all.html");
  BOOST_TEST(*archive_file("/schedule", "day=2027-06-15") == "schedule/2027-06-15.html");
  BOOST_TEST(*archive_file("/schedule", "day=2027-06-15&view=grid") ==
             "schedule/2027-06-15-grid.html");
  BOOST_TEST(*archive_file("/schedule", "room=3") == "schedule/room-3.html");
  BOOST_TEST(*archive_file("/schedule", "track=12") == "schedule/track-12.html");
  BOOST_TEST(*archive_file("/session/12", "") == "session/12.html");
  BOOST_TEST(*archive_file("/session/12.ics", "") == "session/12.ics");
  BOOST_TEST(*archive_file("/speaker/7", "") == "speaker/7.html");
  BOOST_TEST(*archive_file("/speakers", "") == "speakers.html");
  BOOST_TEST(*archive_file("/changes", "") == "changes.html");
  BOOST_TEST(*archive_file("/schedule.json", "") == "schedule.json");
  BOOST_TEST(*archive_file("/schedule.xml", "") == "schedule.xml");
  BOOST_TEST(*archive_file("/schedule.ics", "") == "schedule.ics");
  BOOST_TEST(*archive_file("/static/style.0123abcd.css", "") == "static/style.0123abcd.css");
  BOOST_TEST(*archive_file("/brand/logo.0123abcd.svg", "") == "brand/logo.0123abcd.svg");
}

BOOST_AUTO_TEST_CASE(live_only_pages_and_other_spellings_are_left_out) {
  for (const char* path : {"/now",
                           "/login",
                           "/logout",
                           "/feeds",
                           "/stars",
                           "/admin",
                           "/admin/session/3",
                           "/display/3",
                           "/my-sessions.ics",
                           "/_status",
                           "/pages-version",
                           "/sw.js",
                           "/session/",
                           "/session/07",
                           "/session/0",
                           "/session/1x",
                           "/speaker/",
                           "/speakers/",
                           "/session/12/history",
                           "/static/",
                           "/static/../secret",
                           "/static/.hidden",
                           "/static/a..css",
                           "/static/a/b.css",
                           "/brand/",
                           "/brand/../secret",
                           "/brand/a/b.css",
                           "/session/.ics",
                           "/index.html",
                           ""})
    BOOST_TEST(!archive_file(path, ""), path);
  // Only the canonical queries of the views the archive keeps.
  for (const char* query :
       {"q=rust", "day=2027-06-15&room=3", "view=grid&day=2027-06-15", "day=2027-6-15",
        "day=2027-06-15&view=all", "room=03", "room=", "track=x", "view=list", "day=2027-06-15x"})
    BOOST_TEST(!archive_file("/schedule", query), query);
  BOOST_TEST(!archive_file("/session/12", "x=1"));
  BOOST_TEST(!archive_file("/", "next=/schedule"));
}

BOOST_AUTO_TEST_CASE(links_are_relative_to_the_page_that_holds_them) {
  BOOST_TEST(relative_link("index.html", "schedule.html") == "schedule.html");
  BOOST_TEST(relative_link("index.html", "session/12.html") == "session/12.html");
  BOOST_TEST(relative_link("session/12.html", "schedule.html") == "../schedule.html");
  BOOST_TEST(relative_link("session/12.html", "session/13.html") == "13.html");
  BOOST_TEST(relative_link("session/12.html", "speaker/4.html") == "../speaker/4.html");
  BOOST_TEST(relative_link("schedule/all.html", "schedule.html") == "../schedule.html");
  // A folder named like the start of another is not shared.
  BOOST_TEST(relative_link("speaker/4.html", "speakers.html") == "../speakers.html");
}

BOOST_AUTO_TEST_CASE(site_links_in_href_src_and_action_become_relative) {
  auto page = archive_links(
      "<link rel=\"stylesheet\" href=\"/static/style.ab12.css\">\n"
      "<a href=\"/schedule?day=2027-06-15&amp;view=grid\">grid</a> "
      "<a href=\"/schedule#d2027-06-15\">back</a> <a href=\"/speaker/4\">Ana</a>\n"
      "<form method=\"get\" action=\"/schedule\"></form>",
      "session/12.html");
  BOOST_TEST(
      page.html ==
      "<link rel=\"stylesheet\" href=\"../static/style.ab12.css\">\n"
      "<a href=\"../schedule/2027-06-15-grid.html\">grid</a> "
      "<a href=\"../schedule.html#d2027-06-15\">back</a> <a href=\"../speaker/4.html\">Ana</a>\n"
      "<form method=\"get\" action=\"../schedule.html\"></form>");
  const std::vector<std::string> expected = {"/static/style.ab12.css",
                                             "/schedule?day=2027-06-15&view=grid", "/schedule",
                                             "/speaker/4", "/schedule"};
  BOOST_TEST(page.targets == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(links_to_what_is_left_out_lead_to_the_note) {
  auto page = archive_links(
      "<a href=\"/now\">Now</a> <a href=\"/feeds\">Subscribe</a> "
      "<form method=\"post\" action=\"/logout\"></form> <a href=\"/schedule?q=x\">x</a>",
      "schedule/all.html");
  BOOST_TEST(
      page.html ==
      "<a href=\"../not-archived.html\">Now</a> <a href=\"../not-archived.html\">Subscribe</a> "
      "<form method=\"post\" action=\"../not-archived.html\"></form> "
      "<a href=\"../not-archived.html\">x</a>");
  BOOST_TEST(page.targets.empty());
}

BOOST_AUTO_TEST_CASE(other_values_and_text_are_kept) {
  const std::string kept =
      "<a href=\"https://example.org/slides\">slides</a> <a href=\"#day-2\">day 2</a> "
      "<a href=\"//cdn.example.org/x\">x</a> <p data-href=\"/now\">href=\"/now\" in text</p> "
      "<a href=\"mailto:a@example.org\">mail</a> <a class=\"x\" title=\"/now\">t</a>";
  auto page = archive_links(kept, "index.html");
  BOOST_TEST(page.html == kept);
  BOOST_TEST(page.targets.empty());
}

BOOST_AUTO_TEST_CASE(an_unterminated_value_is_left_as_it_is) {
  auto page = archive_links("<a href=\"/now\">x</a> <a href=\"/schedule", "index.html");
  BOOST_TEST(page.html == "<a href=\"not-archived.html\">x</a> <a href=\"/schedule");
  BOOST_TEST(page.targets.empty());
}

BOOST_AUTO_TEST_SUITE_END()
