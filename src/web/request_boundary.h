// The request boundary: every request a worker serves passes through here,
// and nothing thrown below gets past it. Errors become a status page and
// one log line.
#pragma once

#include <optional>

#include "http/request.h"
#include "http/response.h"
#include "site/site.h"

namespace confsched {

// The answer to a request, dispatched through the route table. Never
// throws.
Response handle_request(Site& site, const Request& request);

// Asked by the FastCGI edge before it reads a body larger than most routes
// take (web/router.h, refuse_before_body): the answer that refuses the
// head, or nullopt to read the body and handle the request. Never throws.
std::optional<Response> admit_body(Site& site, const Request& head);

}  // namespace confsched
