#include "http/response.h"

#include <strings.h>

#include <stdexcept>

namespace confsched {

namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// The content security policy for every page we render: no inline script
// or style, nothing from elsewhere (OWASP baseline). Cached pages share it,
// so it can carry no nonce.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; "
    "form-action 'self'";

}  // namespace

namespace {

// A CR or LF would let a value start a header of its own (response
// splitting). Callers validate what they pass; this is the backstop.
void check_header(std::string_view name, std::string_view value) {
  if (name.find_first_of("\r\n:") != std::string_view::npos ||
      value.find_first_of("\r\n") != std::string_view::npos)
    throw std::invalid_argument("header " + std::string(name) + " holds a line break");
}

}  // namespace

void Response::set_header(std::string_view name, std::string_view value) {
  check_header(name, value);
  for (auto& [key, existing] : headers) {
    if (same_name(key, name)) {
      existing = std::string(value);
      return;
    }
  }
  headers.emplace_back(std::string(name), std::string(value));
}

void Response::add_header(std::string_view name, std::string_view value) {
  check_header(name, value);
  headers.emplace_back(std::string(name), std::string(value));
}

const std::string* Response::header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (same_name(key, name)) return &value;
  return nullptr;
}

void set_cache_policy(Response& r, std::string_view browser_policy, std::string_view front_cache) {
  if (front_cache.empty()) {
    r.set_header("Cache-Control", browser_policy);
    return;
  }
  r.set_header("Cache-Control", front_cache);
  r.set_header(kBrowserCacheControlHeader, browser_policy);
}

std::string Response::serialize(bool omit_body) const {
  std::string out;
  out.reserve(256 + (omit_body ? 0 : body.size()));
  out += "Status: ";
  out += std::to_string(status);
  out += ' ';
  out += status_text(status);
  out += "\r\n";
  // Every response states its length (RFC 9112 §6.3), so nginx need not
  // chunk it and keep-alive clients know where it ends. A HEAD answer states
  // the length of the GET's body.
  if (status != 204 && status != 304 && !header("Content-Length")) {
    out += "Content-Length: ";
    out += std::to_string(body.size());
    out += "\r\n";
  }
  for (const auto& [name, value] : headers) {
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  out += "\r\n";
  if (!omit_body) out += body;
  return out;
}

std::string_view status_text(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 204:
      return "No Content";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

Response html_response(int status, std::string body, std::string_view cache_policy) {
  return typed_response(status, std::move(body), content_type::kHtml, cache_policy);
}

Response typed_response(int status, std::string body, std::string_view type,
                        std::string_view cache_policy) {
  Response r;
  r.status = status;
  r.set_header("Content-Type", type);
  r.set_header("Cache-Control", cache_policy);
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("Referrer-Policy", "same-origin");
  r.set_header("Content-Security-Policy", kContentSecurityPolicy);
  r.body = std::move(body);
  return r;
}

Response redirect_303(std::string_view location) {
  Response r;
  r.status = 303;
  r.set_header("Location", location);
  r.set_header("Cache-Control", cache_control::kNoStore);
  r.set_header("Content-Type", "text/plain; charset=utf-8");
  r.set_header("X-Content-Type-Options", "nosniff");
  r.body = "See " + std::string(location) + "\n";
  return r;
}

}  // namespace confsched
