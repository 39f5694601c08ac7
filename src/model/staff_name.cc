#include "model/staff_name.h"

#include "http/cookie.h"
#include "http/percent.h"
#include "util/text_rules.h"
#include "util/utf8.h"

namespace confsched {

std::string trim_display_name(std::string_view typed) {
  while (!typed.empty() && (typed.front() == ' ' || typed.front() == '\t')) typed.remove_prefix(1);
  while (!typed.empty() && (typed.back() == ' ' || typed.back() == '\t')) typed.remove_suffix(1);
  return std::string(typed);
}

std::optional<std::string> display_name_error(std::string_view name) {
  if (name.empty()) return "Please give a name (1 to 60 characters).";
  if (!is_valid_utf8(name)) return "The name holds bytes that are not valid UTF-8 text.";
  if (exceeds(kDisplayName, name)) return "A name may have at most 60 characters.";
  if (auto problem = text_problem(name, TextLines::kOne)) return "The name " + *problem + ".";
  // A tab too, which one-line text may otherwise hold: it shows as a space
  // in the history, so two different names would look the same there.
  if (name.find('\t') != std::string_view::npos)
    return "The name " + character_problem('\t', TextLines::kOne) + ".";
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
