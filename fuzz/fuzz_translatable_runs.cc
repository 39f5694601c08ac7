// translatable_runs, usable_translation and translated_template: template
// text is ours, but the tokenizer must hold for any bytes. Runs lie inside
// the text, in order, apart, trimmed, with a line that counts the newlines
// before them; an empty catalogue leaves a template as it is.
#include <algorithm>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "util/template_text.h"

namespace {

bool blank(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view tpl = fuzz_input(data, size);
  size_t previous_end = 0;
  for (const confsched::TextRun& run : confsched::translatable_runs(tpl)) {
    FUZZ_CHECK(run.length > 0);
    FUZZ_CHECK(run.offset >= previous_end);
    FUZZ_CHECK(run.offset <= tpl.size() && run.length <= tpl.size() - run.offset);
    const std::string_view text = tpl.substr(run.offset, run.length);
    FUZZ_CHECK(!blank(text.front()) && !blank(text.back()));
    FUZZ_CHECK(run.line == static_cast<size_t>(std::count(
                               tpl.begin(), tpl.begin() + static_cast<long>(run.offset), '\n')) +
                               1);
    previous_end = run.offset + run.length;
  }

  // Any split into a msgid and a translation: no crash, and a translation
  // that is usable carries none of the characters that change a page.
  const size_t half = tpl.size() / 2;
  const std::string_view msgid = tpl.substr(0, half), translation = tpl.substr(half);
  if (confsched::usable_translation(msgid, translation)) {
    FUZZ_CHECK(!translation.empty());
    FUZZ_CHECK(translation.find_first_of("<>\"") == std::string_view::npos);
  }

  std::vector<std::string> refused;
  FUZZ_CHECK(confsched::translated_template(tpl, confsched::MessageCatalogue(), &refused) == tpl);
  FUZZ_CHECK(refused.empty());
  return 0;
}
