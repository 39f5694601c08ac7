// Percent-encoding (RFC 3986 §2.1) in both directions. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace confsched {

enum class PlusMeans { kPlus, kSpace };

// Decodes %XX escapes. Returns nullopt on a malformed escape ('%' not
// followed by two hex digits) or on a decoded NUL byte, which no field of
// ours may hold. With PlusMeans::kSpace, '+' decodes to ' ' as in
// application/x-www-form-urlencoded.
std::optional<std::string> percent_decode(std::string_view text, PlusMeans plus);

// Encodes everything but RFC 3986 unreserved characters and, when
// keep_slash is set, '/'. Suitable for a query parameter value.
std::string percent_encode(std::string_view text, bool keep_slash);

// The value of one hex digit (either case), or -1 for any other character.
int hex_value(char c);

}  // namespace confsched
