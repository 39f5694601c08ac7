#include "admin/staff_name_page.h"

#include "admin/staff_page.h"
#include "auth/csrf.h"
#include "model/staff_name.h"
#include "site/site.h"
#include "store/audit.h"
#include "util/log.h"

namespace confsched {

namespace {

using Dict = ctemplate::TemplateDictionary;

void fill_name_form(Dict& d, Site& site, const Request& request, const std::string& shown,
                    const std::string& error) {
  Dict* form = d.AddIncludeDictionary("NAME_FORM");
  form->SetFilename("admin_name_form.tpl");
  form->SetValue("CSRF", page_csrf_token(site, request));
  form->SetValue("DISPLAY_NAME", shown);
  if (!error.empty()) form->AddSectionDictionary("NAME_ERROR")->SetValue("MESSAGE", error);
  std::string current = staff_display_name(request);
  if (current.empty())
    form->ShowSection("NO_CURRENT_NAME");
  else
    form->AddSectionDictionary("CURRENT_NAME")->SetValue("NAME", current);
}

Response refuse_name(Site& site, const Request& request, const std::string& typed,
                     const std::string& error) {
  return staff_page(site, 422, "Your name", "admin_name.tpl",
                    [&](Dict& d) { fill_name_form(d, site, request, typed, error); });
}

}  // namespace

void add_name_form(Dict& d, Site& site, const Request& request) {
  fill_name_form(d, site, request, staff_display_name(request), "");
}

Response admin_set_name(Site& site, const Request& request, const RouteParams& params) {
  const FormFields& form = *params.form;
  std::string typed(form.get("display_name").value_or(""));
  std::string name = trim_display_name(typed);
  if (auto error = display_name_error(name)) return refuse_name(site, request, typed, *error);

  const int64_t lifetime = int64_t{site.config().session_hours} * 3600;
  Response r = redirect_303("/admin");
  r.add_header("Set-Cookie", display_name_set_cookie(name, request.https, lifetime));
  return r;
}

}  // namespace confsched
