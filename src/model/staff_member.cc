#include "model/staff_member.h"

#include "util/text_rules.h"
#include "util/translate.h"
#include "util/utf8.h"

namespace confsched {

std::string_view staff_role_name(StaffRole role) {
  return role == StaffRole::kAdmin ? "admin" : "editor";
}

std::optional<StaffRole> parse_staff_role(std::string_view name) {
  if (name == "editor") return StaffRole::kEditor;
  if (name == "admin") return StaffRole::kAdmin;
  return std::nullopt;
}

std::string trim_display_name(std::string_view typed) {
  while (!typed.empty() && (typed.front() == ' ' || typed.front() == '\t')) typed.remove_prefix(1);
  while (!typed.empty() && (typed.back() == ' ' || typed.back() == '\t')) typed.remove_suffix(1);
  return std::string(typed);
}

std::optional<std::string> display_name_error(std::string_view name) {
  if (name.empty()) return tr("Please give a name (1 to 60 characters).");
  if (!is_valid_utf8(name)) return tr("The name holds bytes that are not valid UTF-8 text.");
  if (exceeds(kDisplayName, name)) return tr("A name may have at most 60 characters.");
  if (auto problem = text_problem(name, TextLines::kOne))
    return field_message(tr_mark("The name"), *problem);
  if (name.find('\t') != std::string_view::npos)
    return field_message(tr_mark("The name"), character_problem('\t', TextLines::kOne));
  return std::nullopt;
}

std::string staff_login_key(std::string_view name) {
  std::string key(name);
  for (char& c : key)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return key;
}

std::optional<std::string> staff_name_problem(std::string_view name, std::string_view delegate_user,
                                              std::string_view staff_user) {
  if (auto problem = display_name_error(name)) return problem;
  const std::string key = staff_login_key(name);
  if (key == staff_login_key(delegate_user) || key == staff_login_key(staff_user))
    return tr("That is the user name of a shared login. Please choose another name.");
  return std::nullopt;
}

}  // namespace confsched
