// One handler per page family; the route table in router.cc ties them to
// paths. A handler loads data, fills a template dictionary and renders.
#pragma once

#include <optional>
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

// Feeds (feeds.cc): iCalendar, schedule JSON, frab XML, and the page that
// gives a delegate the subscription link.
Response schedule_ics(Site& site, const Request& request, const RouteParams& params);
Response session_ics(Site& site, const Request& request, const RouteParams& params);
Response schedule_json(Site& site, const Request& request, const RouteParams& params);
Response schedule_xml(Site& site, const Request& request, const RouteParams& params);
Response feeds_page(Site& site, const Request& request, const RouteParams& params);
// Whether a feed may be served: nullopt with a valid session cookie or
// feed token (?token=), else 401 (neither) or 403 (a bad or revoked
// token), as plain text: a calendar app can follow no login redirect.
std::optional<Response> refuse_feed(Site& site, const Request& request);

}  // namespace confsched
