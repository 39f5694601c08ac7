// A request as the application sees it: owned strings, no FastCGI handles.
// The edge (fcgi_edge.cc) builds it; everything behind it is testable
// without a socket.
#pragma once

#include <string>

#include "http/form.h"

namespace confsched {

struct Request {
  std::string method;        // "GET", "POST", ... ("HEAD" is kept as is)
  std::string path;          // decoded path, without the query string
  std::string raw_target;    // the path and query exactly as the client sent them
  FormFields query;          // parsed query string
  std::string body;          // at most its route's limit (kMaxBodyBytes for most)
  std::string content_type;  // CONTENT_TYPE, may be empty
  std::string cookie_header;
  // The session token this request presents: exactly what the front server
  // extracted from the Cookie header and keys its login-check cache on, when
  // it says so (CONFSCHED_SESSION, conf/nginx/confsched.conf), so that the
  // app judges the very bytes the cache entry is filed under; otherwise the
  // value of the scheme's session cookie as find_cookie reads it. "" for none.
  std::string session_token;
  // CONFSCHED_FRONT_CACHE: the Cache-Control the front server's own cache
  // wants on an answer it may keep (nginx reads stale-while-revalidate from
  // it, see router.cc). Empty when the front server keeps nothing.
  std::string front_cache;
  std::string if_none_match;
  std::string accept_encoding;
  std::string origin;          // Origin header
  std::string sec_fetch_site;  // Sec-Fetch-Site header
  std::string host;            // Host header
  std::string remote_addr;
  bool https = false;

  bool is_head() const { return method == "HEAD"; }
  // GET and HEAD are answered alike; HEAD just has no body on the wire.
  bool is_get_like() const { return method == "GET" || method == "HEAD"; }
  // "https://host" or "http://host", as a browser would send it in Origin.
  std::string own_origin() const { return (https ? "https://" : "http://") + host; }
};

// Bodies above this are refused with 413 before being read, but on the
// routes that allow more (body_limit in web/router.h: the file upload and
// the session form).
inline constexpr size_t kMaxBodyBytes = 64 * 1024;

}  // namespace confsched
