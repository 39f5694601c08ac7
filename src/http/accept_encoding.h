// Accept-Encoding (RFC 9110 §12.5.3): may the response be sent gzipped?
// Pure, so it has a fuzz target.
#pragma once

#include <string_view>

namespace confsched {

// True when the header value lets a gzip-coded response through: "gzip"
// (or the old alias "x-gzip") with a q-value above 0, or, when gzip is not
// named at all, "*" with a q-value above 0. An absent or empty header means
// "no preference", which we answer with identity: every client understands
// it, and the cost is only bytes.
bool accepts_gzip(std::string_view header);

}  // namespace confsched
