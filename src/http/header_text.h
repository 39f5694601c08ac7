// Small helpers shared by the parsers of header values (cookies, ETag
// lists, Accept-Encoding). Pure and allocation-free.
#pragma once

#include <string_view>

namespace confsched {

// Without the optional whitespace (spaces and tabs, RFC 9110 §5.6.3) at
// either end.
inline std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The text up to the next separator (or the end), which it removes from
// rest together with the separator. Empty items are returned too: lists
// may have them ("a,,b").
inline std::string_view next_item(std::string_view& rest, char separator) {
  size_t at = rest.find(separator);
  std::string_view item = rest.substr(0, at);
  rest = at == std::string_view::npos ? std::string_view() : rest.substr(at + 1);
  return item;
}

}  // namespace confsched
