// Turns FastCGI/CGI parameters (RFC 3875 §4.1) into a Request. Pure: the
// parameters come through a lookup function, so tests and fuzzers need no
// socket.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "http/request.h"

namespace confsched {

// Returns the value of a CGI parameter such as "REQUEST_URI", or nullptr.
using ParamLookup = std::function<const char*(const char*)>;

// The body length a request declares: nullopt for none, or a status (400
// for a malformed CONTENT_LENGTH, 413 above `limit`) when it must be
// refused before anything is read.
struct BodyLength {
  size_t bytes = 0;
  int refuse_status = 0;  // 0: read `bytes` bytes
};
BodyLength declared_body_length(const ParamLookup& params, size_t limit = kMaxBodyBytes);

// The decoded path of the request target (what Request::path will hold),
// known before the body is read so that its route can set the body's
// limit; nullopt when build_request would refuse it.
std::optional<std::string> request_path(const ParamLookup& params);

// The id of a request for log lines: the web server's own, so that the
// app's lines and the access log can be matched (nginx's $request_id, which
// conf/nginx/confsched.conf passes as REQUEST_ID; Apache's mod_unique_id,
// which sets UNIQUE_ID), when it is 1 to 64 characters of [A-Za-z0-9@_-];
// else fallback (the worker's own count). Anything else is not used, so
// nothing a client controls reaches a log line unchecked.
std::string request_id_of(const ParamLookup& params, std::string fallback);

// Builds the request from parameters and the body already read. Returns an
// HTTP status (400) instead when the target has malformed percent-encoding,
// invalid UTF-8 or a NUL byte.
std::variant<Request, int> build_request(const ParamLookup& params, std::string body);

}  // namespace confsched
