// /admin/session/<id>/history (every audit row of a session, newest first,
// with the fields each one changed) and /admin/session/<id>/restore (POST:
// write one row's values back).
#pragma once

#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

Response admin_history(Site& site, const Request& request, const RouteParams& params);
Response admin_restore(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
