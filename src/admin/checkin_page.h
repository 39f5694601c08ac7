// /admin/checkin: speaker check-in at the info desk (README "Speaker
// check-in"). GET lists today's speakers by their next session, those due
// on stage within the hour and not yet arrived marked; a POST of one row's
// button (speaker_id, arrived=1|0) marks or unmarks the arrival, audited,
// and answers 303 back to that row. Today and "now" are the event's clock.
#pragma once

#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

Response admin_checkin(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
