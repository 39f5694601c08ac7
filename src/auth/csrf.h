// CSRF tokens for staff forms (OWASP: HMAC-based, bound to the session).
// The token is an HMAC of the staff session cookie under the site secret:
// another site can neither read the HttpOnly cookie nor compute the token,
// and the token dies with the session. Admin pages are never cached, so
// per-session tokens are safe to put in them. Pure.
#pragma once

#include <string>
#include <string_view>

namespace confsched {

std::string csrf_token(std::string_view session_token, std::string_view secret);

// Constant-time check of a submitted token against the session's.
bool csrf_token_valid(std::string_view submitted, std::string_view session_token,
                      std::string_view secret);

}  // namespace confsched
