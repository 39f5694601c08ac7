// Staff pages under /admin. Every response is no-store; every POST carries
// a CSRF token bound to the staff session.
#pragma once

#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

Response admin_home(Site& site, const Request& request, const RouteParams& params);
Response admin_session(Site& site, const Request& request, const RouteParams& params);
Response admin_new_session(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
