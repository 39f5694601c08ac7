// UTF-8 validation (RFC 3629 §4): rejects overlong forms, surrogates and
// code points above U+10FFFF. Pure.
#pragma once

#include <string_view>

namespace confsched {

bool is_valid_utf8(std::string_view text);

// True when the text holds a C0 control character other than tab, CR and
// LF, or DEL. Such characters have no business in a form field.
bool has_control_characters(std::string_view text, bool allow_newlines);

}  // namespace confsched
