// Cross-site request refusal for state-changing posts that cannot carry a
// CSRF token (the login form sits on cached pages). Pure.
#pragma once

#include <string_view>

namespace confsched {

// True when the browser told us the post comes from another site: a
// Sec-Fetch-Site other than "same-origin" or "none" (typed or bookmarked),
// or an Origin that differs from own_origin ("null" included). A request
// with neither header (curl, old browsers) is not refused: browsers that
// can be lured into a cross-site post send at least one of the two.
bool is_cross_site_request(std::string_view origin, std::string_view sec_fetch_site,
                           std::string_view own_origin);

}  // namespace confsched
