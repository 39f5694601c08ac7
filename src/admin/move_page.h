// POST /admin/session/<id>/move: swap two sessions' slots ("with") or move
// one to another room at the same time ("room_id"). action=preview shows
// both ends before and after, with the clashes the change causes;
// action=save saves every end in one transaction if none changed since the
// preview (else 409 and the preview again), so a delegate never sees two
// sessions in one slot or one of them missing.
#pragma once

#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

Response admin_move(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
