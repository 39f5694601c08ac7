// /admin/upstream: keeping in step with pretalx or frab (README "Keeping
// in step with pretalx or frab"). GET shows how the last sync went and
// every upstream change that was not applied because staff had edited the
// session here; a POST of one change's button (session_id, choice = take
// or keep) takes upstream's version or keeps ours, audited, and answers
// 303 back to the list.
#pragma once

#include <string_view>

#include "http/form_keys.h"
#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

inline constexpr std::string_view kUpstreamChoices[] = {"take", "keep"};
inline constexpr FormKey kUpstreamFormKeys[] = {{.name = "session_id", .valid = is_decimal_number},
                                                {.name = "choice", .choices = kUpstreamChoices}};

Response admin_upstream(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
