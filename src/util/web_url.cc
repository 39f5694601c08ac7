// Session links; see web_url.h.
#include "util/web_url.h"

namespace confsched {

namespace {

constexpr size_t kMinUrlBytes = 10;  // "http://a.b": anything shorter is a slip

// Characters that never appear in a link we publish: they would need
// escaping in an href, or browsers read them otherwise than RFC 3986 does
// (a backslash is a '/' to a browser, so "https://a\@b" would send it to
// another host than a strict parser sees).
bool is_refused_byte(unsigned char c) {
  return c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\';
}

}  // namespace

WebUrlCheck check_web_url(std::string_view url) {
  std::string_view rest;
  if (url.substr(0, 7) == "http://")
    rest = url.substr(7);
  else if (url.substr(0, 8) == "https://")
    rest = url.substr(8);
  else
    return WebUrlCheck::kNotAWebUrl;
  if (url.size() < kMinUrlBytes) return WebUrlCheck::kNotAWebUrl;
  for (char c : url)
    if (is_refused_byte(static_cast<unsigned char>(c))) return WebUrlCheck::kNotAWebUrl;
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.find('@') != std::string_view::npos) return WebUrlCheck::kHasUserinfo;
  if (authority.empty() || authority.front() == ':' ||
      authority.find('%') != std::string_view::npos)
    return WebUrlCheck::kNotAWebUrl;
  return WebUrlCheck::kOk;
}

std::string url_for_display(std::string_view url) {
  size_t scheme_end = url.find("://");
  std::string_view rest = scheme_end == std::string_view::npos ? url : url.substr(scheme_end + 3);
  std::string_view scheme =
      scheme_end == std::string_view::npos ? std::string_view() : url.substr(0, scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("?#"));
  size_t path = rest.find('/');
  size_t at = rest.substr(0, path).rfind('@');
  if (at != std::string_view::npos) rest = rest.substr(at + 1);
  return std::string(scheme) + std::string(rest);
}

}  // namespace confsched
