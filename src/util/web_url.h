// The links a session may carry (materials.url): the one check the staff
// form, the schedule importers and restore from history share. Pure.
#pragma once

#include <string>
#include <string_view>

#include "util/translate.h"

namespace confsched {

enum class WebUrlCheck {
  kOk,
  // Not an absolute http(s) URL we publish: another scheme, no host,
  // shorter than 10 bytes, or a character that would need escaping in an
  // href (space, control, quote, angle bracket, backslash) or a '%' in
  // the authority (a host is plain ASCII or IDNA, never percent-encoded;
  // "a%40b" is how an '@' would hide there).
  kNotAWebUrl,
  // The authority holds userinfo, "user[:password]@" (RFC 3986 §3.2.1).
  // A password in a published link is a leaked secret, and a user name
  // lets a link show one host and open another
  // ("https://example.org@evil.example/").
  kHasUserinfo,
};

// Judges url as it is: nothing is trimmed, decoded or normalised first.
// Its length is the caller's to check against the column
// (model/limits.h, kMaterialUrl).
// The scheme must be written "http://" or "https://" in lower case; the
// authority runs to the first '/', '?' or '#' (RFC 3986 §3.2), so an '@'
// in the path, query or fragment is fine.
WebUrlCheck check_web_url(std::string_view url);

inline bool is_web_url(std::string_view url) { return check_web_url(url) == WebUrlCheck::kOk; }

// `url` as logs and pages show it: without user info, query or fragment,
// which may carry a token. Pure.
std::string url_for_display(std::string_view url);

// The message for kHasUserinfo, for forms and importers alike.
inline constexpr std::string_view kUserinfoMessage =
    tr_mark("links must not carry a user name or password");

}  // namespace confsched
