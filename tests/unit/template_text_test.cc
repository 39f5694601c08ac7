#include "util/template_text.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "mo_test_support.h"
#include "test_support.h"

using confsched::MessageCatalogue;
using confsched::TextRun;
using confsched::translatable_runs;
using confsched::translated_template;
using confsched::usable_translation;
using confsched::testing::mo_catalogue;
using confsched::testing::mo_read_file;
using confsched::testing::MoEntry;

namespace {

using TtTexts = std::vector<std::string>;

TtTexts tt_texts(std::string_view tpl) {
  TtTexts texts;
  for (const TextRun& run : translatable_runs(tpl)) {
    BOOST_TEST_REQUIRE(run.offset + run.length <= tpl.size());
    texts.emplace_back(tpl.substr(run.offset, run.length));
  }
  return texts;
}

bool tt_blank(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

BOOST_AUTO_TEST_SUITE(template_text)

BOOST_AUTO_TEST_CASE(runs_lie_between_tags_trimmed) {
  BOOST_TEST(tt_texts("<p>Hello world</p>\n<p>\n  Second  run\t</p>") ==
                 (TtTexts{"Hello world", "Second  run"}),
             boost::test_tools::per_element());
  BOOST_TEST(tt_texts("Before any tag<br>after <em>it</em>, last") ==
                 (TtTexts{"Before any tag", "after", "it", ", last"}),
             boost::test_tools::per_element());
  BOOST_TEST(tt_texts("").empty());
  BOOST_TEST(tt_texts("<div><span></span>  \n </div>").empty());
}

BOOST_AUTO_TEST_CASE(variables_stay_inside_runs) {
  BOOST_TEST(tt_texts("<p>Saved {{COUNT}} sessions.</p>") == (TtTexts{"Saved {{COUNT}} sessions."}),
             boost::test_tools::per_element());
  BOOST_TEST(tt_texts("<p>{{NAME:h}} signed in</p>") == (TtTexts{"{{NAME:h}} signed in"}),
             boost::test_tools::per_element());
  BOOST_TEST(tt_texts("<p>By {{SPEAKER}}</p><p>{{TITLE}}</p>") == (TtTexts{"By {{SPEAKER}}"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(structural_markers_end_runs) {
  BOOST_TEST(tt_texts("<p>Before {{#SECTION}} inside {{/SECTION}} after</p>") ==
                 (TtTexts{"Before", "inside", "after"}),
             boost::test_tools::per_element());
  BOOST_TEST(tt_texts("Header {{>FOOTER}} rest") == (TtTexts{"Header", "rest"}),
             boost::test_tools::per_element());
  // A comment's words are not text on the page.
  BOOST_TEST(tt_texts("{{!a comment with words}}Shown text") == (TtTexts{"Shown text"}),
             boost::test_tools::per_element());
  BOOST_TEST(tt_texts("{{%AUTOESCAPE context=\"HTML\"}}\nPage title") == (TtTexts{"Page title"}),
             boost::test_tools::per_element());
  // A plain variable does not end a run; a section marker right after one does.
  BOOST_TEST(tt_texts("Hello {{NAME}}{{#ADMIN}} (staff){{/ADMIN}}!") ==
                 (TtTexts{"Hello {{NAME}}", "(staff)"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(attributes_people_read_are_runs) {
  const std::string tpl =
      "<input type=\"search\" placeholder=\"Search talks\" name=\"q\">"
      "<a href=\"/schedule\" class=\"nav link\" title=\"The whole programme\">Schedule</a>"
      "<img src=\"logo.png\" alt='Conference logo'>"
      "<button aria-label=\"Close {{NAME}}\">x</button>";
  BOOST_TEST(tt_texts(tpl) == (TtTexts{"Search talks", "The whole programme", "Schedule",
                                       "Conference logo", "Close {{NAME}}", "x"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(other_attributes_are_not_runs) {
  BOOST_TEST(tt_texts("<a href=\"/about us\" class=\"big link\" id=\"main\"></a>").empty());
  // Names that merely end in one of the read ones.
  BOOST_TEST(tt_texts("<div data-title=\"Some words\" subtitle=\"More words\"></div>").empty());
  BOOST_TEST(tt_texts("<a href=\"{{URL}}\" title=\"Open {{NAME}}\">{{NAME}}</a>") ==
                 (TtTexts{"Open {{NAME}}"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(script_and_style_content_is_not_text) {
  BOOST_TEST(tt_texts("<script>var greeting = 'hello there';</script>"
                      "<style>p { color: red }</style><p>Shown</p>") == (TtTexts{"Shown"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(runs_without_a_letter_are_not_runs) {
  BOOST_TEST(tt_texts("<td> \xC2\xB7 </td><td>\xE2\x80\x93</td><td>{{TITLE}}</td>"
                      "<td>&nbsp;&mdash;&nbsp;</td><td>12:30</td><td>{{A}} / {{B}}</td>"
                      "<td>({{COUNT}})</td>")
                 .empty());
  // A letter of its own beside a reference or a variable makes a run.
  BOOST_TEST(tt_texts("<p>&amp; more</p><p>{{N}}x</p><p>AT&T</p>") ==
                 (TtTexts{"&amp; more", "{{N}}x", "AT&T"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(runs_know_their_offsets_and_lines) {
  const std::string tpl = "<h1>\n  Title\n</h1>\n<p title=\"Tip\">\n\nBody {{X}} text</p>\nTail";
  const auto runs = translatable_runs(tpl);
  BOOST_TEST_REQUIRE(runs.size() == 4u);
  BOOST_TEST(tpl.substr(runs[0].offset, runs[0].length) == "Title");
  BOOST_TEST(runs[0].offset == tpl.find("Title"));
  BOOST_TEST(runs[0].line == 2u);
  BOOST_TEST(tpl.substr(runs[1].offset, runs[1].length) == "Tip");
  BOOST_TEST(runs[1].line == 4u);
  BOOST_TEST(tpl.substr(runs[2].offset, runs[2].length) == "Body {{X}} text");
  BOOST_TEST(runs[2].line == 6u);
  BOOST_TEST(tpl.substr(runs[3].offset, runs[3].length) == "Tail");
  BOOST_TEST(runs[3].line == 7u);
  BOOST_TEST(translatable_runs("Only line").at(0).line == 1u);
}

BOOST_AUTO_TEST_CASE(unclosed_markup_ends_the_text) {
  // An unclosed marker or quote leaves no run that reaches past it.
  BOOST_TEST(tt_texts("<p>Words {{UNCLOSED more words") == (TtTexts{"Words"}),
             boost::test_tools::per_element());
  BOOST_TEST(tt_texts("<p title=\"never closed>Words</p>").empty());
  BOOST_TEST(tt_texts("Last words <p").size() == 1u);
}

BOOST_AUTO_TEST_CASE(usable_translation_accepts_same_variables_anywhere) {
  BOOST_TEST(usable_translation("Save", "Speichern"));
  BOOST_TEST(usable_translation("Saved {{COUNT}} sessions.", "{{COUNT}} Sitzungen gespeichert."));
  BOOST_TEST(usable_translation("{{A}} of {{B}}", "{{B}} von {{A}}"));
  BOOST_TEST(usable_translation("{{A}} and {{A}}", "{{A}} und {{A}}"));
  BOOST_TEST(usable_translation("Caf\xC3\xA9 & more", "Caf\xC3\xA9 &amp; mehr"));
}

BOOST_AUTO_TEST_CASE(usable_translation_refuses_markup) {
  BOOST_TEST(!usable_translation("Save", ""));
  BOOST_TEST(!usable_translation("Save", "<b>Speichern</b>"));
  BOOST_TEST(!usable_translation("Save", "Speichern <"));
  BOOST_TEST(!usable_translation("Save", "Speichern >"));
  BOOST_TEST(!usable_translation("Save", "\"Speichern\""));
  BOOST_TEST(!usable_translation("Save", "Speichern\" onclick=\"x"));
}

BOOST_AUTO_TEST_CASE(usable_translation_refuses_changed_variables) {
  const std::string msgid = "Saved {{COUNT}} sessions.";
  BOOST_TEST(!usable_translation(msgid, "Sitzungen gespeichert."));                // missing
  BOOST_TEST(!usable_translation(msgid, "{{COUNT}} von {{TOTAL}} gespeichert."));  // extra
  BOOST_TEST(!usable_translation(msgid, "{{COUNT}} {{COUNT}} gespeichert."));      // twice
  BOOST_TEST(!usable_translation(msgid, "{{ANZAHL}} Sitzungen gespeichert."));     // renamed
  BOOST_TEST(!usable_translation(msgid, "{{COUNT:h}} Sitzungen gespeichert."));    // modifier
  BOOST_TEST(!usable_translation("{{A}} and {{A}}", "{{A}} und"));                 // one of two
  BOOST_TEST(!usable_translation("Hello", "{{NAME}} Hallo"));
}

BOOST_AUTO_TEST_CASE(usable_translation_refuses_structural_markers_and_stray_braces) {
  BOOST_TEST(!usable_translation("Hello", "{{#X}}Hallo{{/X}}"));
  BOOST_TEST(!usable_translation("Hello", "Hallo {{#X}}"));
  BOOST_TEST(!usable_translation("Hello", "Hallo {{>FOOTER}}"));
  BOOST_TEST(!usable_translation("Hello", "Hallo {{!x}}"));
  BOOST_TEST(!usable_translation("Hello", "Hallo {{%AUTOESCAPE}}"));
  BOOST_TEST(!usable_translation("Hello", "Hallo {{"));
  BOOST_TEST(!usable_translation("Hello", "Hallo }}"));
  BOOST_TEST(!usable_translation("Hi {{N}}", "Hallo {{N}} }}"));
  BOOST_TEST(!usable_translation("Hi {{N}}", "Hallo {{{N}}"));
}

BOOST_AUTO_TEST_CASE(translated_template_replaces_only_usable_translations) {
  const std::string tpl =
      "{{%AUTOESCAPE context=\"HTML\"}}\n"
      "<h1 class=\"title\">Schedule</h1>\n"
      "<p>Saved {{COUNT}} sessions.</p>\n"
      "<input name=\"q\" placeholder=\"Search talks\">\n"
      "{{#ROOM}}<p>Untranslated</p>{{/ROOM}}\n"
      "<p>Bad one</p><p title=\"Lost one\">Done</p>\n";
  const MessageCatalogue catalogue = mo_catalogue({
      {"", "Content-Type: text/plain; charset=UTF-8\n"},
      {"Schedule", "Programm"},
      {"Saved {{COUNT}} sessions.", "{{COUNT}} Sitzungen gespeichert."},
      {"Search talks", "Vortr\xC3\xA4ge suchen"},
      {"Bad one", "<b>B\xC3\xB6se</b>"},
      {"Lost one", "Verloren"},
      {"Done", "Fertig {{COUNT}}"},
      {"Not in the template", "Nicht da"},
  });
  std::vector<std::string> refused;
  const std::string out = translated_template(tpl, catalogue, &refused);
  BOOST_TEST(out ==
             "{{%AUTOESCAPE context=\"HTML\"}}\n"
             "<h1 class=\"title\">Programm</h1>\n"
             "<p>{{COUNT}} Sitzungen gespeichert.</p>\n"
             "<input name=\"q\" placeholder=\"Vortr\xC3\xA4ge suchen\">\n"
             "{{#ROOM}}<p>Untranslated</p>{{/ROOM}}\n"
             "<p>Bad one</p><p title=\"Verloren\">Done</p>\n");
  BOOST_TEST(refused == (std::vector<std::string>{"Bad one", "Done"}),
             boost::test_tools::per_element());
  BOOST_TEST(translated_template(tpl, catalogue) == out);  // no list to fill is fine too
}

BOOST_AUTO_TEST_CASE(translated_template_keeps_blanks_around_runs) {
  const MessageCatalogue catalogue = mo_catalogue({{"Save", "Speichern"}});
  BOOST_TEST(translated_template("<b>\n  Save \t</b>  Save", catalogue) ==
             "<b>\n  Speichern \t</b>  Speichern");
  BOOST_TEST(translated_template("", catalogue) == "");
  BOOST_TEST(translated_template("Saved", catalogue) == "Saved");  // whole runs only
}

// Every shipped template: runs are clean text, an empty catalogue changes
// nothing, and neither does one that translates every run into itself
// (so runs neither overlap nor come out of order).
BOOST_AUTO_TEST_CASE(shipped_templates) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(CONFSCHED_SOURCE_DIR "/templates"))
    if (entry.path().extension() == ".tpl") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  BOOST_TEST_REQUIRE(!files.empty());

  std::set<std::string> msgids;
  for (const auto& file : files) {
    const std::string tpl = mo_read_file(file);
    BOOST_TEST_CONTEXT(file.filename().string()) {
      BOOST_TEST(translated_template(tpl, MessageCatalogue()) == tpl);
      size_t previous_end = 0;
      for (const TextRun& run : translatable_runs(tpl)) {
        BOOST_TEST_REQUIRE(run.offset + run.length <= tpl.size());
        const std::string text = tpl.substr(run.offset, run.length);
        BOOST_TEST_CONTEXT("line " << run.line << ": " << text) {
          BOOST_TEST(!text.empty());
          BOOST_TEST(!(text.empty() || tt_blank(text.front()) || tt_blank(text.back())));
          BOOST_TEST(text.find_first_of("<>") == std::string::npos);
          BOOST_TEST(run.offset >= previous_end);
          BOOST_TEST(run.line ==
                     static_cast<size_t>(std::count(
                         tpl.begin(), tpl.begin() + static_cast<long>(run.offset), '\n')) +
                         1);
        }
        previous_end = run.offset + run.length;
        msgids.insert(text);
      }
    }
  }

  std::vector<MoEntry> identity;
  for (const std::string& msgid : msgids) identity.push_back({msgid, msgid});
  const MessageCatalogue same = mo_catalogue(identity);
  BOOST_TEST(same.messages().size() == msgids.size());
  for (const auto& file : files) {
    const std::string tpl = mo_read_file(file);
    BOOST_TEST_CONTEXT(file.filename().string()) {
      std::vector<std::string> refused;
      BOOST_TEST(translated_template(tpl, same, &refused) == tpl);
      BOOST_TEST(refused.empty());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
