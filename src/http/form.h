// application/x-www-form-urlencoded parsing (WHATWG URL §5.1), used for both
// query strings and POST bodies. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace confsched {

// Name/value pairs in the order they came. A name may repeat; callers that
// want one value take the first.
class FormFields {
 public:
  FormFields() = default;
  explicit FormFields(std::vector<std::pair<std::string, std::string>> fields)
      : fields_(std::move(fields)) {}

  // The first value given for name, if any.
  std::optional<std::string_view> get(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& all() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// At most this many fields: more is an abuse, not a form.
inline constexpr size_t kMaxFormFields = 256;

// Returns nullopt (the caller answers 400) on malformed percent-encoding,
// a decoded NUL, invalid UTF-8 in a name or value, or too many fields.
std::optional<FormFields> parse_urlencoded(std::string_view text);

// Whether a Content-Type names application/x-www-form-urlencoded, with or
// without parameters ("; charset=UTF-8"); the type is case-insensitive
// (RFC 9110 §8.3.1).
bool is_urlencoded_type(std::string_view content_type);

}  // namespace confsched
