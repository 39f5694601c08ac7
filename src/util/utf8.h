// UTF-8 validation (RFC 3629 §4): rejects overlong forms, surrogates and
// code points above U+10FFFF. Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace confsched {

// Decodes the well-formed sequence that starts at text[i] and moves i past
// it. For an ill-formed byte (a stray continuation, an overlong or
// truncated sequence, a surrogate, beyond U+10FFFF) it returns nullopt and
// moves i past that one byte only, so a caller can report or escape the
// byte and carry on from the next. i must be below text.size().
std::optional<char32_t> decode_utf8(std::string_view text, size_t& i);

bool is_valid_utf8(std::string_view text);

// How many code points the text holds, as decode_utf8 reads it: for valid
// UTF-8 the number of characters (what MariaDB's VARCHAR(n) counts in
// utf8mb4), and each ill-formed byte counts as one, so text not yet
// validated is never counted shorter than it could be stored.
size_t code_point_count(std::string_view text);

// True when the text holds a C0 control character other than tab, CR and
// LF, or DEL. Such characters have no business in a form field. For text
// a person writes for others to read, util/text_rules.h says more.
bool has_control_characters(std::string_view text, bool allow_newlines);

}  // namespace confsched
