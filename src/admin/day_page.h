// GET /admin/day?day=YYYY-MM-DD: one day as rooms × time for staff
// (model/day_overview.h): each session linking to its form, room and
// speaker clashes marked, and each gap linking to a new session's form
// filled in with that day, time and room. Without a day, today on the
// event's clock while the event runs, else its first day; a day outside
// the event is a 400. Read from the primary like every staff page, and
// never stored (no-store), so it shows a save at once.
#pragma once

#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

Response admin_day(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
