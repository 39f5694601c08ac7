// The route table and the one place where its policies are enforced:
// allowed methods, who may see a page, and how it is cached.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"
#include "http/response.h"
#include "site/route.h"

namespace confsched {

class Site;

// Finds the route, checks method and access, answers conditional requests
// and serves or fills the worker's page cache. May throw; handle_request
// (web/request_boundary.h) is the barrier.
Response dispatch(Site& site, const Request& request);

// The largest body a request to path may carry: kMaxBodyBytes, or more
// for a route that takes file uploads or the session form. The FastCGI edge asks before it
// reads a body. Pure.
size_t body_limit(std::string_view path);

// For a request whose body is larger than most routes take (a file
// upload), asked by the FastCGI edge before it reads the body: the answer
// that refuses the request's head (no route, wrong method, no access: the
// login redirect or 403), so that only those allowed to send a large body
// make the worker read one; nullopt to read it. May throw like dispatch;
// admit_body (web/request_boundary.h) is the barrier.
std::optional<Response> refuse_before_body(Site& site, const Request& head);

// Whether path is the route's: exactly prefix, or with_id, prefix + id +
// suffix ("/admin/session/5/history"); sets id then. Pure.
bool route_path_matches(std::string_view path, std::string_view prefix, bool with_id,
                        std::string_view suffix, int64_t& id);

// Parses the decimal id of /session/<id>: digits only, no leading zero,
// at most 18 digits. Pure.
bool parse_path_id(std::string_view text, int64_t& id);

}  // namespace confsched
