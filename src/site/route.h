// What every page handler is given and may give back besides a Response:
// the parameters the route table took from the path, and the variant that
// keys a shared page in the caches (web/router.h applies both).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "http/form.h"
#include "http/multipart.h"
#include "http/request.h"
#include "http/response.h"
#include "model/staff_member.h"

namespace confsched {

class Site;

// What a handler gets besides the request: the numeric id from paths such
// as /session/<id>, and a staff POST's fields, which dispatch has read and
// checked (a well-formed body of the row's kind carrying the staff
// session's CSRF token: site/staff_post.h) before the handler runs.
struct RouteParams {
  int64_t id = 0;
  const FormFields* form = nullptr;       // a checked staff POST's fields
  const MultipartForm* upload = nullptr;  // and its files, for an upload
  // On staff routes, who is signed in (set by dispatch before the handler
  // runs; never nullptr there).
  const StaffIdentity* staff = nullptr;
};

// What a shared page depends on besides its path and the data version:
// the canonical filter of /schedule, the minute of /now. It is part of the
// worker cache's key and of the ETag. A route's variant function may
// instead answer the request itself (a 303 to the canonical URL, a 400, a
// 403 for a bad display token) before any cache is looked at.
struct PageVariant {
  std::string key;                 // "" for none
  bool keep = true;                // false: render per request, never cache
  std::optional<Response> answer;  // set: send this, no page
};
using VariantFn = PageVariant (*)(Site&, const Request&, const RouteParams&);

}  // namespace confsched
