// Staff pages for the event's own details, rooms, tracks, speakers and the
// two shared passwords. All no-store; every POST carries the CSRF token.
#pragma once

#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

// /admin/event: name, tagline, venue, dates, introduction.
Response admin_event(Site& site, const Request& request, const RouteParams& params);
// /admin/rooms and /admin/tracks: the list, an add form, and per row a
// form to save (rename, reorder, recolour) or delete.
Response admin_rooms(Site& site, const Request& request, const RouteParams& params);
Response admin_tracks(Site& site, const Request& request, const RouteParams& params);
// /admin/speakers (the list and an add form) and /admin/speakers/<id>.
Response admin_speakers(Site& site, const Request& request, const RouteParams& params);
Response admin_speaker(Site& site, const Request& request, const RouteParams& params);
// /admin/passwords: the delegate and the staff password.
Response admin_passwords(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
