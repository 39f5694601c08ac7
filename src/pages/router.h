// The route table and the one place where its policies are enforced:
// allowed methods, who may see a page, and how it is cached.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"
#include "http/response.h"

namespace confsched {

class Site;

// What a handler gets besides the request: the numeric id from paths such
// as /session/<id>.
struct RouteParams {
  int64_t id = 0;
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

// Finds the route, checks method and access, answers conditional requests
// and serves or fills the worker's page cache. May throw; Site::handle is
// the barrier.
Response dispatch(Site& site, const Request& request);

// The largest body a request to path may carry: kMaxBodyBytes, or more
// for a route that takes file uploads. The FastCGI edge asks before it
// reads a body. Pure.
size_t body_limit(std::string_view path);

// For a request whose body is larger than most routes take (a file
// upload), asked by the FastCGI edge before it reads the body: the answer
// that refuses the request's head (no route, wrong method, no access: the
// login redirect or 403), so that only those allowed to send a large body
// make the worker read one; nullopt to read it. May throw like dispatch;
// Site::admit_body is the barrier.
std::optional<Response> refuse_before_body(Site& site, const Request& head);

// Whether path is the route's: exactly prefix, or with_id, prefix + id +
// suffix ("/admin/session/5/history"); sets id then. Pure.
bool route_path_matches(std::string_view path, std::string_view prefix, bool with_id,
                        std::string_view suffix, int64_t& id);

// Parses the decimal id of /session/<id>: digits only, no leading zero,
// at most 18 digits. Pure.
bool parse_path_id(std::string_view text, int64_t& id);

}  // namespace confsched
