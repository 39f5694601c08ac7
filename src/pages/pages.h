// One handler per page family; the route table in router.cc ties them to
// paths. A handler loads data, fills a template dictionary and renders.
#pragma once

#include <string>

#include "db/programme.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/router.h"

namespace confsched {

class Site;

// "15–17 June 2027" for the event's first and last day.
std::string event_dates(const EventInfo& event);

Response home_page(Site& site, const Request& request, const RouteParams& params);
Response login_page(Site& site, const Request& request, const RouteParams& params);
Response logout(Site& site, const Request& request, const RouteParams& params);
Response auth_check(Site& site, const Request& request, const RouteParams& params);
Response schedule_page(Site& site, const Request& request, const RouteParams& params);
Response session_page(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
