#include "http/form.h"

#include <strings.h>

#include "http/percent.h"
#include "util/utf8.h"

namespace confsched {

std::optional<std::string_view> FormFields::get(std::string_view name) const {
  for (const auto& [key, value] : fields_)
    if (key == name) return std::string_view(value);
  return std::nullopt;
}

std::optional<FormFields> parse_urlencoded(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> fields;
  while (!text.empty()) {
    size_t amp = text.find('&');
    std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) continue;  // "a=1&&b=2" is tolerated, as browsers do

    size_t eq = pair.find('=');
    std::string_view raw_name = pair.substr(0, eq);
    std::string_view raw_value =
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    auto name = percent_decode(raw_name, PlusMeans::kSpace);
    auto value = percent_decode(raw_value, PlusMeans::kSpace);
    if (!name || !value) return std::nullopt;
    if (!is_valid_utf8(*name) || !is_valid_utf8(*value)) return std::nullopt;
    if (fields.size() == kMaxFormFields) return std::nullopt;
    fields.emplace_back(std::move(*name), std::move(*value));
  }
  return FormFields(std::move(fields));
}

bool is_urlencoded_type(std::string_view type) {
  constexpr std::string_view kForm = "application/x-www-form-urlencoded";
  if (type.size() < kForm.size() || strncasecmp(type.data(), kForm.data(), kForm.size()) != 0)
    return false;
  return type.size() == kForm.size() || type[kForm.size()] == ';' || type[kForm.size()] == ' ';
}

}  // namespace confsched
