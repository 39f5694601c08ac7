#include "http/cookie.h"

#include "http/header_text.h"

namespace confsched {

namespace {

bool is_cookie_octet(unsigned char c) {
  // RFC 6265 §4.1.1 cookie-octet.
  return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
         (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

}  // namespace

std::optional<std::string_view> find_cookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    std::string_view pair = next_item(header, ';');

    size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (trim_ows(pair.substr(0, eq)) != name) continue;

    std::string_view value = trim_ows(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    for (char c : value)
      if (!is_cookie_octet(static_cast<unsigned char>(c))) return std::nullopt;
    return value;
  }
  return std::nullopt;
}

std::string set_cookie_value(std::string_view name, std::string_view value, int64_t max_age,
                             bool secure) {
  std::string cookie(name);
  cookie.append("=").append(value).append("; Path=/; Max-Age=").append(std::to_string(max_age));
  cookie += "; HttpOnly; SameSite=Lax";
  if (secure) cookie += "; Secure";
  return cookie;
}

}  // namespace confsched
