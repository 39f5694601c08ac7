// Staff pages for announcements: /admin/announcements (every announcement
// and the form for a new one) and /admin/announcements/<id> (edit, or
// withdraw with action=withdraw). Every response is no-store; every POST
// carries a CSRF token bound to the staff session.
#pragma once

#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

Response admin_announcements(Site& site, const Request& request, const RouteParams& params);
Response admin_announcement(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
