// Staff logins on the web: /admin/people, where admins add people, set
// their role or a new password, or remove them; and /admin/account, where
// each person changes their own password. The CLI's `confsched staff` does
// the same from a shell (README "Staff logins").
#pragma once

#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

Response admin_people(Site& site, const Request& request, const RouteParams& params);
Response admin_account(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
