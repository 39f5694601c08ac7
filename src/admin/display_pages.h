// /admin/displays: each room's screen link (/display/<room-id>?token=...),
// with per room a button that turns the screen on or gives it a new link
// (the old one stops working at once) and one that turns it off. No-store;
// every POST carries the CSRF token and leaves an audit row.
#pragma once

#include "http/form_keys.h"
#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

// The fields of a screen's buttons, as dispatch checks them
// (http/form_keys.h).
inline constexpr std::string_view kDisplayFormActions[] = {"link", "off"};
inline constexpr FormKey kDisplayFormKeys[] = {
    {.name = "room", .valid = is_decimal_number},
    {.name = "action", .choices = kDisplayFormActions},
};

Response admin_displays(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
