// POST /admin/session/<id>/delay: "running late" (README "Running late").
// The session form holds the small form (minutes, "and every later session
// in this room that day"); action=preview answers with every session that
// would move, old and new times, the clashes it would cause and a
// ready-made announcement; action=save moves them all in one transaction
// if they are still as previewed, else shows the preview again (409).
#pragma once

#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

Response admin_delay(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
