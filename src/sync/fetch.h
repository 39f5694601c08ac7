// One conditional GET of an upstream export, through libcurl: bounded in
// time and size, http(s) and file:/// only, redirects to http(s) only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace confsched {

struct FetchRequest {
  std::string url = {};
  // The validators of the last fetch of this URL ("" for none): sent as
  // If-None-Match and If-Modified-Since (RFC 9110 13.1.2, 13.1.3), so an
  // unchanged export costs the server a 304 and no body.
  std::string etag = {}, last_modified = {};
  unsigned int timeout_s = 30;
  size_t max_bytes = 20u << 20;  // a larger body (after decoding) fails
};

struct FetchResult {
  enum class Kind { kBody, kNotModified, kFailed };
  Kind kind = Kind::kFailed;
  long status = 0;  // the HTTP status; 0 for file:///
  std::string body;
  std::string etag, last_modified;  // the response's validators, if any
  std::string error;                // for kFailed: one line, no secrets
};

FetchResult fetch_url(const FetchRequest& request);

// A validator fit to be sent back: at most 500 bytes of printable ASCII
// (RFC 9110 8.8.3's entity-tag characters and an HTTP-date's). Pure.
bool usable_validator(std::string_view value);

}  // namespace confsched
