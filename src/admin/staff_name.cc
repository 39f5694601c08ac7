#include "admin/staff_name.h"

#include "http/cookie.h"
#include "http/percent.h"
#include "http/utf8.h"

namespace confsched {

namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

size_t code_points(std::string_view utf8) {
  size_t n = 0;
  for (char c : utf8)
    if (!is_continuation(static_cast<unsigned char>(c))) ++n;
  return n;
}

// Decodes the code point starting at text[i] of valid UTF-8 and advances i.
char32_t next_code_point(std::string_view text, size_t& i) {
  auto c = static_cast<unsigned char>(text[i++]);
  if (c < 0x80) return c;
  size_t more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  char32_t cp = c & (0x3Fu >> more);
  for (size_t k = 0; k < more && i < text.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[i++]) & 0x3Fu);
  return cp;
}

// C0 (tab included), DEL and C1 controls, line and paragraph separators,
// and the bidirectional embeddings, overrides and isolates: a name holding
// them could break the history's lines or make the text around it read in
// another order than it was written.
bool is_forbidden(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool has_forbidden(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size();)
    if (is_forbidden(next_code_point(utf8, i))) return true;
  return false;
}

}  // namespace

std::string trim_display_name(std::string_view typed) {
  while (!typed.empty() && (typed.front() == ' ' || typed.front() == '\t')) typed.remove_prefix(1);
  while (!typed.empty() && (typed.back() == ' ' || typed.back() == '\t')) typed.remove_suffix(1);
  return std::string(typed);
}

std::optional<std::string> display_name_error(std::string_view name) {
  if (name.empty()) return "Please give a name (1 to 60 characters).";
  if (!is_valid_utf8(name)) return "The name holds bytes that are not valid UTF-8 text.";
  if (code_points(name) > kMaxDisplayNameChars) return "A name may have at most 60 characters.";
  if (has_forbidden(name)) return "The name holds control characters or line breaks.";
  return std::nullopt;
}

std::string display_name_cookie_value(std::string_view name) { return percent_encode(name, false); }

std::optional<std::string> display_name_from_cookie(std::string_view value) {
  auto name = percent_decode(value, PlusMeans::kPlus);
  if (!name || display_name_error(*name)) return std::nullopt;
  // Only what display_name_cookie_value writes: no untrimmed names either.
  if (trim_display_name(*name) != *name) return std::nullopt;
  return name;
}

std::string display_name_set_cookie(std::string_view name, bool https, int64_t max_age) {
  return set_cookie_value(kStaffNameCookie, display_name_cookie_value(name), max_age, https);
}

}  // namespace confsched
