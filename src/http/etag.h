// Conditional requests: If-None-Match against an entity tag (RFC 9110
// §13.1.2). Pure.
#pragma once

#include <string_view>

namespace confsched {

// True when the If-None-Match header value matches etag (a quoted strong
// tag such as "\"d42-t1a2b\""), using the weak comparison that §13.1.2
// prescribes: W/ prefixes are ignored. "*" matches any current entity.
bool if_none_match_matches(std::string_view header, std::string_view etag);

}  // namespace confsched
