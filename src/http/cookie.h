// The Cookie request header (RFC 6265 §5.4 / §4.2.1) and the Set-Cookie
// values the site sends. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace confsched {

// The value of the first cookie called name in a Cookie header, or nullopt.
// Tolerates the sloppiness real browsers and proxies produce (spaces around
// '=' and ';', empty pairs, a quoted value) but never returns a value with
// a ';', a control character or white space in it.
std::optional<std::string_view> find_cookie(std::string_view header, std::string_view name);

// The session cookie's name: "__Host-confsched" over https (the prefix makes
// the browser insist on Secure, Path=/ and no Domain, so a sibling host or
// a plain-http answer cannot plant it), "confsched" otherwise. The nginx
// site (conf/nginx/confsched.conf, map $confsched_session) picks the same
// name by the same rule.
constexpr std::string_view session_cookie_name(bool https) {
  return https ? "__Host-confsched" : "confsched";
}

// A Set-Cookie value as every cookie of the site has it: Path=/, HttpOnly
// (no script reads them), SameSite=Lax, Secure when served over https.
// max_age 0 deletes the cookie. value must be cookie-octets only.
std::string set_cookie_value(std::string_view name, std::string_view value, int64_t max_age,
                             bool secure);

}  // namespace confsched
