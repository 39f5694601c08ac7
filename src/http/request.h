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
// routes that allow more (body_limit in pages/router.h: the file upload).
inline constexpr size_t kMaxBodyBytes = 64 * 1024;

}  // namespace confsched
