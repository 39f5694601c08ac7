// The one gate every staff POST passes: a well-formed form body carrying
// the CSRF token of the staff session (auth/csrf.h).
#pragma once

#include <optional>
#include <string>

#include "http/form.h"
#include "http/request.h"
#include "http/response.h"

namespace confsched {

class Site;

// The fields of a staff POST whose CSRF token is valid. Otherwise nullopt,
// with `refusal` set to 400 (a malformed body) or 403 (no valid token) and
// one log line for the 403.
std::optional<FormFields> checked_staff_post(Site& site, const Request& request, Response& refusal);

// The token every form on a staff page must carry.
std::string page_csrf_token(Site& site, const Request& request);

}  // namespace confsched
