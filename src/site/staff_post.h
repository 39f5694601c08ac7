// The gate every staff POST passes: a well-formed body of its route's kind
// carrying the staff session's CSRF token (auth/csrf.h). dispatch applies
// it to every route whose row says csrf (web/route_table.h) before the
// handler runs.
#pragma once

#include <cstddef>
#include <optional>

#include "http/form.h"
#include "http/multipart.h"
#include "http/request.h"
#include "http/response.h"

namespace confsched {

class Site;

// The fields of a staff POST whose CSRF token is valid. Otherwise nullopt,
// with `refusal` set to 400 (a malformed body) or 403 (no valid token) and
// one log line for the 403.
std::optional<FormFields> checked_staff_post(Site& site, const Request& request, Response& refusal);

// The same for a staff POST sent as multipart/form-data (a form with a file
// input), whose CSRF token is one of its fields. refusal is then 400, 413
// or 415 with the reader's reason, or 403.
std::optional<MultipartForm> checked_staff_upload(Site& site, const Request& request,
                                                  size_t max_body, Response& refusal);

}  // namespace confsched
