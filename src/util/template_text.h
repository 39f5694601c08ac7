// The text in a ctemplate template that a translation replaces: each run
// of words between two tags or two template markers, and the values of the
// attributes people read (aria-label, title, alt, placeholder) or that
// hand a script its text (data-text-*, read by templates/static/*.js). One
// tokenizer for both ends: `confsched messages` extracts these runs as the
// catalogue's msgids, and a worker replaces them with their translations
// when it loads the templates, so what is translated is exactly what was
// extracted. Pure.
//
// A run keeps the variables inside it ("Saved {{COUNT}} sessions."), so a
// translation can move them; markers that open or close a section, include
// a template, or comment (`{{#`, `{{/`, `{{>`, `{{!`, `{{%`) end it, as a
// tag does. The run's text is trimmed of blanks; a run without a letter of
// its own (outside variables and character references: " · ", "–",
// "{{TITLE}}") is not text to translate.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/message_catalogue.h"

namespace confsched {

struct TextRun {
  size_t offset = 0, length = 0;  // the trimmed text, in the template
  size_t line = 1;                // where it starts, for translators
};

std::vector<TextRun> translatable_runs(std::string_view tpl);

// Whether a translation may stand in for msgid: the same template
// variables (as a multiset), and nothing that would change the page's
// structure (no '<', '>', '"' or other template marker).
bool usable_translation(std::string_view msgid, std::string_view translation);

// The template with every run the catalogue translates (usably) replaced;
// `refused` collects the msgids whose translation was not usable.
std::string translated_template(std::string_view tpl, const MessageCatalogue& catalogue,
                                std::vector<std::string>* refused = nullptr);

}  // namespace confsched
