// Lengths and messages for the column limits; see limits.h.
#include "model/limits.h"

#include "util/translate.h"
#include "util/utf8.h"

namespace confsched {

namespace {

// 65535 -> "65,535": the form's messages have always grouped digits so.
std::string grouped(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

size_t length_in(LimitUnit unit, std::string_view text) {
  return unit == LimitUnit::kBytes ? text.size() : code_point_count(text);
}

bool exceeds(const ColumnLimit& limit, std::string_view text) {
  // Bytes bound characters from above: most text is decided without
  // decoding it.
  if (text.size() <= limit.max) return false;
  return length_in(limit.unit, text) > limit.max;
}

std::string longer_than(const ColumnLimit& limit) {
  return fill_text(limit.unit == LimitUnit::kBytes ? tr("is longer than {count} bytes")
                                                   : tr("is longer than {count} characters"),
                   {{"count", grouped(limit.max)}});
}

std::string field_message(std::string_view label, std::string_view problem) {
  return fill_text(tr("{field} {problem}."), {{"field", tr(label)}, {"problem", problem}});
}

std::optional<std::string> length_problem(const ColumnLimit& limit, std::string_view text) {
  if (exceeds(limit, text)) return longer_than(limit);
  return std::nullopt;
}

std::optional<std::string> column_text_problem(const ColumnLimit& limit, std::string_view text,
                                               TextLines lines) {
  if (auto problem = length_problem(limit, text)) return problem;
  return text_problem(text, lines);
}

}  // namespace confsched
