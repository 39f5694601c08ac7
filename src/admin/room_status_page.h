// /admin/rooms/status: the page door volunteers keep open on a phone.
// Each room with what is on there now (or next today), its status, and one
// tap to say "full", "starting late", "moved to ..." or to clear it
// (README "Room status"; model/room_status.h). No script: every tap is a
// form of its own.
#pragma once

#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

Response admin_room_status(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
