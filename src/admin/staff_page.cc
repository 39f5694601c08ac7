#include "admin/staff_page.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <thread>

#include "auth/csrf.h"
#include "site/site.h"

namespace confsched {

std::string page_csrf_token(Site& site, const Request& request) {
  return csrf_token(site.session_token(request), site.secret());
}

Response staff_page(Site& site, int status, const std::string& title, const std::string& tpl,
                    const std::function<void(ctemplate::TemplateDictionary&)>& fill) {
  return html_response(status, site.templates().render(site.frame(title, true), tpl, fill),
                       cache_control::kNoStore);
}

void wait_until_workers_notice(const Site& site) {
  unsigned int ms = std::min(site.config().version_check_ms, 2000u) + 50;
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

void add_select_options(ctemplate::TemplateDictionary& d, const char* section,
                        const SelectOptions& options, const std::string& selected) {
  for (const auto& [value, label] : options) {
    ctemplate::TemplateDictionary* option = d.AddSectionDictionary(section);
    option->SetValue("VALUE", value);
    option->SetValue("NAME", label);
    if (value == selected) option->ShowSection("SELECTED");
  }
}

void show_field_errors(ctemplate::TemplateDictionary& d,
                       const std::map<std::string, std::string>& errors) {
  for (const auto& [field, message] : errors) {
    std::string section = field + "_ERROR";
    for (char& ch : section) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    d.AddSectionDictionary(section)->SetValue("MESSAGE", message);
  }
}

}  // namespace confsched
