// Helpers shared by the staff settings pages.
#include "admin/settings_common.h"

#include <cctype>

#include "auth/csrf.h"
#include "pages/site.h"
#include "util/log.h"

namespace confsched {

Response settings_page(Site& site, int status, const std::string& title, const std::string& tpl,
                       const std::function<void(SettingsDict&)>& fill) {
  return html_response(status, site.templates().render(site.frame(title, true), tpl, fill),
                       cache_control::kNoStore);
}

void show_field_errors(SettingsDict& d, const FieldErrors& errors) {
  for (const auto& [field, message] : errors) {
    std::string section = field + "_ERROR";
    for (char& ch : section) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    d.AddSectionDictionary(section)->SetValue("MESSAGE", message);
  }
}

void show_problem(SettingsDict& d, const std::string& message) {
  if (!message.empty()) d.AddSectionDictionary("PROBLEM")->SetValue("MESSAGE", message);
}

std::string form_value(const FormFields& form, std::string_view name) {
  return std::string(form.get(name).value_or(""));
}

}  // namespace confsched
