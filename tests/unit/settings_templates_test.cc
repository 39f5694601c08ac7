// The settings pages' templates: typed text comes back escaped, and long
// texts keep their line breaks in the form (the HTML default escaping
// would turn them into spaces and lose every paragraph on the next save).
#include "site/templates.h"
#include "test_support.h"

using namespace confsched;

namespace {

const Templates& shipped() {
  static const Templates templates(CONFSCHED_SOURCE_DIR "/templates",
                                   CONFSCHED_SOURCE_DIR "/templates/static");
  return templates;
}

const std::string kMarkup = "<script>alert('x')</script> & \"q\"";
const std::string kEscaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;";

std::string render(const std::string& tpl, const std::string& long_field) {
  return shipped().render(PageFrame{"t", "Conf", true}, tpl, [&](ctemplate::TemplateDictionary& d) {
    d.SetValue("NAME", kMarkup);
    d.SetValue(long_field, kMarkup + "\n\nSecond paragraph.");
    d.SetValue("CSRF", "token\"><x");
    d.AddSectionDictionary("CONFLICT")->SetValue(long_field, kMarkup + "\n\nTheirs.");
  });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(settings_templates)

BOOST_AUTO_TEST_CASE(long_texts_keep_line_breaks_and_are_escaped) {
  for (auto [tpl, field] :
       {std::pair{"admin_event.tpl", "INTRO"}, std::pair{"admin_speaker.tpl", "BIO"},
        std::pair{"admin_speakers.tpl", "BIO"}}) {
    std::string page = render(tpl, field);
    BOOST_TEST(page.find(kEscaped + "\n\nSecond paragraph.</textarea>") != std::string::npos, tpl);
    BOOST_TEST(page.find("<script>") == std::string::npos, tpl);
    BOOST_TEST(page.find("value=\"" + kEscaped + "\"") != std::string::npos, tpl);
    BOOST_TEST(page.find("token&quot;&gt;&lt;x") != std::string::npos, tpl);
  }
  std::string conflict = render("admin_event.tpl", "INTRO");
  BOOST_TEST(conflict.find(kEscaped + "\n\nTheirs.</dd>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(password_inputs_never_carry_a_value) {
  std::string page =
      shipped().render(PageFrame{"t", "Conf", true}, "admin_passwords.tpl",
                       [](ctemplate::TemplateDictionary& d) { d.SetValue("CSRF", "tok"); });
  size_t inputs = 0;
  for (size_t at = page.find("type=\"password\""); at != std::string::npos;
       at = page.find("type=\"password\"", at + 1)) {
    ++inputs;
    size_t end = page.find('>', at);
    BOOST_TEST(page.substr(at, end - at).find("value=") == std::string::npos);
  }
  BOOST_TEST(inputs == 4u);
}

BOOST_AUTO_TEST_CASE(screen_links_show_only_for_rooms_that_are_on) {
  std::string page = shipped().render(
      PageFrame{"t", "Conf", true}, "admin_displays.tpl", [](ctemplate::TemplateDictionary& d) {
        d.SetValue("CSRF", "tok");
        auto* off = d.AddSectionDictionary("ROOM");
        off->SetIntValue("ID", 1);
        off->SetValue("NAME", kMarkup);
        off->ShowSection("OFF");
        auto* on = d.AddSectionDictionary("ROOM");
        on->SetIntValue("ID", 2);
        on->SetValue("NAME", "Hall");
        auto* link = on->AddSectionDictionary("ON");
        link->SetValue("PATH", "/display/2?token=abc-_");
        link->SetValue("URL", "https://conf.example/display/2?token=abc-_");
      });
  BOOST_TEST(page.find("<script>") == std::string::npos);
  BOOST_TEST(page.find(kEscaped) != std::string::npos);
  const std::string room1 = page.substr(page.find("id=\"room-1\""));
  const std::string room2 = page.substr(page.find("id=\"room-2\""));
  BOOST_TEST(room1.substr(0, room1.find("</li>")).find("display-link") == std::string::npos);
  BOOST_TEST(room2.find("href=\"/display/2?token=abc-_\">https://conf.example/display/2?token=abc-_"
                        "</a>") != std::string::npos);
  BOOST_TEST(page.find("name=\"csrf\" value=\"tok\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
