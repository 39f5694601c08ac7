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

std::optional<FormFields> checked_staff_post(Site& site, const Request& request,
                                             Response& refusal) {
  auto form = parse_urlencoded(request.body);
  if (!form) {
    refusal = site.error_page(400);
    return std::nullopt;
  }
  if (!csrf_token_valid(form->get("csrf").value_or(""), site.session_token(request),
                        site.secret())) {
    log_warning("403 " + request.path + " post without a valid CSRF token from " +
                request.remote_addr);
    refusal = site.error_page(403);
    return std::nullopt;
  }
  return form;
}

std::string page_csrf_token(Site& site, const Request& request) {
  return csrf_token(site.session_token(request), site.secret());
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
