// The characters person-written text may hold; see text_rules.h.
#include "util/text_rules.h"

#include <cstdio>

#include "util/translate.h"
#include "util/utf8.h"

namespace confsched {

std::string_view trim_blanks(std::string_view text) {
  const size_t first = text.find_first_not_of(kEdgeBlanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kEdgeBlanks) - first + 1);
}

namespace {

bool is_line_break(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x85 || is_line_or_paragraph_separator(cp);
}

bool allowed_white_space(char32_t cp, TextLines lines) {
  return cp == '\t' || (lines == TextLines::kMany && (cp == '\n' || cp == '\r'));
}

}  // namespace

std::string character_problem(char32_t cp, TextLines lines) {
  if (is_bidi_control(cp))
    return fill_text(tr("contains {character}, which can make text display in a misleading order"),
                     {{"character", character_name(cp)}});
  if (lines == TextLines::kOne && is_line_break(cp))
    return fill_text(tr("contains a line break ({character}) but must be one line"),
                     {{"character", character_name(cp)}});
  return fill_text(tr("contains the control character {character}"),
                   {{"character", character_name(cp)}});
}

bool is_control_character(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool is_bidi_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool is_line_or_paragraph_separator(char32_t cp) { return cp == 0x2028 || cp == 0x2029; }

std::optional<std::string> text_problem(std::string_view utf8, TextLines lines) {
  for (size_t i = 0; i < utf8.size();) {
    std::optional<char32_t> cp = decode_utf8(utf8, i);
    if (!cp) return tr("is not valid UTF-8 text");
    bool refused = (is_control_character(*cp) && !allowed_white_space(*cp, lines)) ||
                   is_bidi_control(*cp) ||
                   (lines == TextLines::kOne && is_line_or_paragraph_separator(*cp));
    if (refused) return character_problem(*cp, lines);
  }
  return std::nullopt;
}

std::string character_name(char32_t cp) {
  // Unicode's names (the Name property, or for controls, which have none,
  // the alias in NameAliases.txt) of the characters people meet in practice.
  struct Named {
    char32_t code_point;
    const char* name;
  };
  static constexpr Named kNames[] = {
      {0x00, "NULL"},
      {0x09, "CHARACTER TABULATION"},
      {0x0A, "LINE FEED"},
      {0x0D, "CARRIAGE RETURN"},
      {0x1B, "ESCAPE"},
      {0x7F, "DELETE"},
      {0x85, "NEXT LINE"},
      {0x9B, "CONTROL SEQUENCE INTRODUCER"},
      {0x2028, "LINE SEPARATOR"},
      {0x2029, "PARAGRAPH SEPARATOR"},
      {0x202A, "LEFT-TO-RIGHT EMBEDDING"},
      {0x202B, "RIGHT-TO-LEFT EMBEDDING"},
      {0x202C, "POP DIRECTIONAL FORMATTING"},
      {0x202D, "LEFT-TO-RIGHT OVERRIDE"},
      {0x202E, "RIGHT-TO-LEFT OVERRIDE"},
      {0x2066, "LEFT-TO-RIGHT ISOLATE"},
      {0x2067, "RIGHT-TO-LEFT ISOLATE"},
      {0x2068, "FIRST STRONG ISOLATE"},
      {0x2069, "POP DIRECTIONAL ISOLATE"},
  };
  for (const Named& n : kNames)
    if (n.code_point == cp) return code_point_number(cp) + " " + n.name;
  return code_point_number(cp);
}

std::string code_point_number(char32_t cp) {
  char number[16];
  std::snprintf(number, sizeof number, "U+%04X", static_cast<unsigned int>(cp));
  return number;
}

}  // namespace confsched
