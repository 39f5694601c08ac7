// The "Your name" form on /admin and POST /admin/name, which keeps the
// chosen display name in a cookie for the audit log.
#pragma once

#include <ctemplate/template.h>

#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

// Sets the name cookie and 303s to /admin; 422 with the typed value when
// the name cannot be used; 403 without a valid CSRF token.
Response admin_set_name(Site& site, const Request& request, const RouteParams& params);

// Adds the form, showing the current name, as the NAME_FORM include of a
// page's dictionary.
void add_name_form(ctemplate::TemplateDictionary& d, Site& site, const Request& request);

}  // namespace confsched
