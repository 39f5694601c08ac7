// A response value: status, headers, body. Handlers build one; the edge
// writes it only once it is complete, so a failure halfway through a page
// still becomes a clean error page.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace confsched {

// Cache-Control values used across the site, in one place.
namespace cache_control {
// Never stored anywhere: logins, logouts, redirects, anything with a cookie.
inline constexpr std::string_view kNoStore = "no-store";
// Public pages: anyone may store them, but must revalidate (cheap: ETag).
inline constexpr std::string_view kRevalidate = "no-cache";
// Delegate pages: the browser revalidates with the ETag every time; shared
// proxies must not keep them. The site's own nginx cache gets its own
// policy instead (set_cache_policy below) and protects these pages with
// auth_request.
inline constexpr std::string_view kPrivateRevalidate = "private, no-cache";
}  // namespace cache_control

// Content-Type values of the site's own responses.
namespace content_type {
inline constexpr std::string_view kHtml = "text/html; charset=utf-8";
inline constexpr std::string_view kText = "text/plain; charset=utf-8";
inline constexpr std::string_view kCalendar = "text/calendar; charset=utf-8";
// RFC 8259 §11 defines no charset parameter; JSON is UTF-8.
inline constexpr std::string_view kJson = "application/json";
// RFC 7303 §9.1: the XML declaration says UTF-8.
inline constexpr std::string_view kXml = "application/xml";
inline constexpr std::string_view kSvg = "image/svg+xml";
}  // namespace content_type

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  void set_header(std::string_view name, std::string_view value);
  // Adds a header even when one of that name exists (Set-Cookie).
  void add_header(std::string_view name, std::string_view value);
  const std::string* header(std::string_view name) const;

  // The FastCGI/CGI wire form: "Status: 200 OK\r\nName: value\r\n...\r\n"
  // followed by the body unless omit_body (HEAD, 304).
  std::string serialize(bool omit_body) const;
};

std::string_view status_text(int status);

// Common shapes.
Response html_response(int status, std::string body, std::string_view cache_policy);
// Any content type, with the same security headers as html_response.
Response typed_response(int status, std::string body, std::string_view type,
                        std::string_view cache_policy);
Response redirect_303(std::string_view location);

// The Cache-Control of an answer that a cache in front of the app may keep
// and hand to others (a page every delegate shares, a login check's
// verdict). With front_cache empty (no such cache, e.g. behind Apache)
// that is browser_policy. With it (Request::front_cache, passed by the
// front server): front_cache itself, which the front's cache reads (nginx
// takes stale-while-revalidate from it, bounding how long it may serve an
// expired copy), and browser_policy as X-Confsched-Cache-Control, which the
// front sends to the browser in its place (conf/nginx/confsched.conf).
void set_cache_policy(Response& r, std::string_view browser_policy, std::string_view front_cache);
inline constexpr std::string_view kBrowserCacheControlHeader = "X-Confsched-Cache-Control";

}  // namespace confsched
