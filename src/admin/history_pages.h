// /admin/session/<id>/history (every audit row of a session, newest first,
// with the fields each one changed) and /admin/session/<id>/restore (POST:
// write one row's values back).
#pragma once

#include "http/form_keys.h"
#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

// The fields of a Restore button (templates/admin_history.tpl), as
// dispatch checks them (http/form_keys.h): which audit row, the session's
// revision the page showed, and which side of the row ("after", the
// default: what it saved; "before": what it replaced).
inline constexpr std::string_view kRestoreSides[] = {"after", "before"};
inline constexpr FormKey kRestoreFormKeys[] = {
    {.name = "audit_id", .valid = is_decimal_number},
    {.name = "revision", .valid = is_decimal_number},
    {.name = "version", .choices = kRestoreSides},
};

Response admin_history(Site& site, const Request& request, const RouteParams& params);
Response admin_restore(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
