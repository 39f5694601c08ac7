#include "util/utf8.h"

namespace confsched {

std::optional<char32_t> decode_utf8(std::string_view text, size_t& i) {
  const size_t start = i++;
  auto c = static_cast<unsigned char>(text[start]);
  if (c < 0x80) return c;
  size_t length;
  char32_t code_point;
  char32_t minimum;
  if ((c & 0xE0) == 0xC0) {
    length = 2;
    code_point = c & 0x1F;
    minimum = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    length = 3;
    code_point = c & 0x0F;
    minimum = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    length = 4;
    code_point = c & 0x07;
    minimum = 0x10000;
  } else {
    return std::nullopt;
  }
  if (text.size() - start < length) return std::nullopt;
  for (size_t k = 1; k < length; ++k) {
    auto next = static_cast<unsigned char>(text[start + k]);
    if ((next & 0xC0) != 0x80) return std::nullopt;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  if (code_point < minimum || code_point > 0x10FFFF) return std::nullopt;
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return std::nullopt;
  i = start + length;
  return code_point;
}

bool is_valid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();)
    if (!decode_utf8(text, i)) return false;
  return true;
}

size_t code_point_count(std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++count) decode_utf8(text, i);
  return count;
}

bool has_control_characters(std::string_view text, bool allow_newlines) {
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\t') continue;
    if (allow_newlines && (c == '\n' || c == '\r')) continue;
    if (c < 0x20 || c == 0x7F) return true;
  }
  return false;
}

}  // namespace confsched
