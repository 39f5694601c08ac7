// Helpers shared by the staff settings pages.
#include "admin/settings_common.h"

#include "auth/csrf.h"
#include "site/site.h"
#include "util/log.h"

namespace confsched {

void show_problem(SettingsDict& d, const std::string& message) {
  if (!message.empty()) d.AddSectionDictionary("PROBLEM")->SetValue("MESSAGE", message);
}

std::string form_value(const FormFields& form, std::string_view name) {
  return std::string(form.get(name).value_or(""));
}

}  // namespace confsched
