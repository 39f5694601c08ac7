// Which characters text that people write for others to read may hold:
// session titles and abstracts, speaker, room and track names, the event's
// details, announcements, link labels, staff display names. The one place
// this rule lives; the staff forms, the schedule importers and restore from
// history all ask it, and the log (util/log.h) escapes what it names. Pure.
//
// Refused everywhere:
// - control characters: C0 (U+0000-U+001F) but for the white space a field
//   allows, DEL (U+007F) and C1 (U+0080-U+009F). They are invisible on a
//   page, and terminals and some viewers act on them (ESC starts a terminal
//   escape sequence, U+009B CSI is its one-character form, U+0085 is a line
//   break).
// - the bidirectional embeddings, overrides and isolates U+202A-U+202E and
//   U+2066-U+2069 (Unicode's UAX #9, explicit formatting characters). They
//   make text display in another order than it is stored ("Trojan Source",
//   CVE-2021-42574): a title can read as something it does not say, and an
//   unclosed one reorders the page, feed or calendar entry around it. Right-
//   to-left text needs none of them: the implicit rules do, and U+200E/U+200F
//   (LEFT-TO-RIGHT and RIGHT-TO-LEFT MARK), which stay allowed, fix what they
//   get wrong. A multi-line text refuses them too, for the same reasons.
// Refused in one-line text only:
// - U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR, line breaks that
//   a one-line field, a calendar summary or a log line must not hold.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace confsched {

// The blanks typed or imported text loses at either end, whatever the
// field: space, tab, CR and LF (what a textarea, a spreadsheet cell or an
// XML element's indentation adds around a value). Other spaces, U+00A0 or
// U+3000, are text a person may mean, and stay. The one trim: forms and
// importers alike.
inline constexpr std::string_view kEdgeBlanks = " \t\r\n";
std::string_view trim_blanks(std::string_view text);

enum class TextLines {
  kOne,   // titles, names, labels: tab is the only white-space control
  kMany,  // abstracts, biographies, announcements: tab, LF and CR too
};

// C0 controls, DEL and C1 controls, as code points.
bool is_control_character(char32_t code_point);
// U+202A-U+202E and U+2066-U+2069.
bool is_bidi_control(char32_t code_point);
// U+2028 and U+2029.
bool is_line_or_paragraph_separator(char32_t code_point);

// What is wrong with text for a field of that shape, as the words that
// follow the field's name ("contains U+202E RIGHT-TO-LEFT OVERRIDE, which
// can make text display in a misleading order"; "is not valid UTF-8
// text"), or nullopt when nothing is. Names the first offending character.
// Length limits are the caller's: they differ from field to field.
std::optional<std::string> text_problem(std::string_view utf8, TextLines lines);

// The words text_problem uses for one character: for fields with rules of
// their own on top of these.
std::string character_problem(char32_t code_point, TextLines lines);

// "U+202E RIGHT-TO-LEFT OVERRIDE" for the characters above that have a
// short useful name, else "U+001B": for messages.
std::string character_name(char32_t code_point);
// "U+202E".
std::string code_point_number(char32_t code_point);

}  // namespace confsched
