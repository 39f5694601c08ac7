// The shipped templates: they load, and whatever the data holds comes out
// escaped for its context.
#include "site/templates.h"

#include "test_support.h"

using namespace confsched;

namespace {

const Templates& shipped() {
  static const Templates templates(CONFSCHED_SOURCE_DIR "/templates",
                                   CONFSCHED_SOURCE_DIR "/templates/static");
  return templates;
}

std::string render_session(const std::string& title, const std::string& url) {
  return shipped().render(PageFrame{title, "Conf <b>", true}, "session.tpl",
                          [&](ctemplate::TemplateDictionary& d) {
                            d.SetValue("TITLE", title);
                            d.SetValue("DAY_ID", "day-2027-06-15\" onclick=\"x");
                            d.ShowSection("HAS_MATERIALS");
                            auto* m = d.AddSectionDictionary("MATERIAL");
                            m->SetValue("LABEL", "<Slides>");
                            m->SetValue("URL", url);
                          });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(templates)

BOOST_AUTO_TEST_CASE(text_is_html_escaped) {
  std::string page =
      render_session("<script>alert(1)</script> & \"quotes\"", "https://example.org/");
  BOOST_TEST(page.find("<script>alert(1)") == std::string::npos);
  BOOST_TEST(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;") !=
             std::string::npos);
  BOOST_TEST(page.find("Conf &lt;b&gt;") != std::string::npos);
  BOOST_TEST(page.find("&lt;Slides&gt;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(attribute_values_cannot_break_out) {
  std::string page = render_session("t", "https://example.org/");
  BOOST_TEST(page.find("\" onclick=\"x") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(javascript_urls_are_neutralised) {
  std::string page = render_session("t", "javascript:alert(1)");
  BOOST_TEST(page.find("javascript:alert") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(stylesheet_name_carries_a_content_hash) {
  const std::string& url = shipped().stylesheet_url();
  BOOST_TEST(url.rfind("/static/style.", 0) == 0u);
  BOOST_TEST(url.size() == std::string("/static/style.").size() + 16 + 4);
  BOOST_TEST(shipped().digest().size() == 12u);
}

BOOST_AUTO_TEST_CASE(agenda_script_name_carries_a_content_hash) {
  const std::string& url = shipped().agenda_script_url();
  BOOST_TEST(url.rfind("/static/agenda.", 0) == 0u);
  BOOST_TEST(url.size() == std::string("/static/agenda.").size() + 16 + 3);
}

// The agenda script is external and deferred (the CSP allows no inline
// script), and only signed-in pages load it: the login page has no sessions.
BOOST_AUTO_TEST_CASE(agenda_script_only_on_signed_in_pages) {
  // Opening tag up to the text the script is handed (data-text-*).
  const std::string tag = "<script src=\"" + shipped().agenda_script_url() + "\" defer ";
  std::string in = render_session("t", "https://example.org/");
  BOOST_TEST(in.find(tag) != std::string::npos);
  std::string out = shipped().render(PageFrame{"t", "Conf", false}, "error.tpl",
                                     [](ctemplate::TemplateDictionary&) {});
  BOOST_TEST(out.find("<script") == std::string::npos);
}

// The offline script names the service worker with the templates' digest
// (a deployment with other templates or scripts is a new worker with a
// new cache), and, like the agenda, is loaded by signed-in pages only.
BOOST_AUTO_TEST_CASE(offline_script_names_the_worker_by_digest) {
  const Templates& t = shipped();
  BOOST_TEST(t.offline_script_url().rfind("/static/offline.", 0) == 0u);
  BOOST_TEST(t.service_worker_url() == "/sw.js?v=" + t.digest());
  const std::string tag = "<script src=\"" + t.offline_script_url() + "\" data-sw=\"" +
                          t.service_worker_url() + "\" defer ";
  BOOST_TEST(render_session("t", "https://example.org/").find(tag) != std::string::npos);
  std::string out =
      t.render(PageFrame{"t", "Conf", false}, "error.tpl", [](ctemplate::TemplateDictionary&) {});
  BOOST_TEST(out.find("sw.js") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_missing_folder_is_refused) {
  BOOST_CHECK_THROW(Templates("/nonexistent", "/nonexistent"), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
