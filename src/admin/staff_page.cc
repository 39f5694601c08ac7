#include "admin/staff_page.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <thread>

#include "auth/csrf.h"
#include "site/site.h"
#include "util/log.h"

namespace confsched {

namespace {

// Whether the form's csrf field is the staff session's token; if not,
// refusal is the 403 page and the attempt is logged.
bool csrf_accepted(Site& site, const Request& request, const FormFields& form, Response& refusal) {
  if (csrf_token_valid(form.get("csrf").value_or(""), site.session_token(request), site.secret()))
    return true;
  log_warning("403 " + request.path + " post without a valid CSRF token from " +
              request.remote_addr);
  refusal = site.error_page(403);
  return false;
}

}  // namespace

std::optional<FormFields> checked_staff_post(Site& site, const Request& request,
                                             Response& refusal) {
  auto form = parse_urlencoded(request.body);
  if (!form) {
    refusal = site.error_page(400);
    return std::nullopt;
  }
  if (!csrf_accepted(site, request, *form, refusal)) return std::nullopt;
  return form;
}

std::optional<MultipartForm> checked_staff_upload(Site& site, const Request& request,
                                                  size_t max_body, Response& refusal) {
  MultipartLimits limits;
  limits.max_body_bytes = max_body;
  MultipartForm form = parse_multipart_form(request.content_type, request.body, limits);
  if (!form.ok()) {
    refusal = site.error_page(form.status, "The form could not be read: " + form.error + ".");
    return std::nullopt;
  }
  if (!csrf_accepted(site, request, form.fields, refusal)) return std::nullopt;
  return form;
}

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
