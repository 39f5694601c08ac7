#include "http/etag.h"

#include "http/header_text.h"

namespace confsched {

namespace {

std::string_view strip_weak(std::string_view tag) {
  if (tag.size() >= 2 && tag[0] == 'W' && tag[1] == '/') tag.remove_prefix(2);
  return tag;
}

}  // namespace

bool if_none_match_matches(std::string_view header, std::string_view etag) {
  std::string_view want = strip_weak(etag);
  while (!header.empty()) {
    std::string_view item = trim_ows(next_item(header, ','));
    if (item == "*") return true;
    if (!item.empty() && strip_weak(item) == want) return true;
  }
  return false;
}

}  // namespace confsched
