#include "http/form_keys.h"

#include <algorithm>
#include <set>

namespace confsched {

namespace {

// Names come from the client: shown only as far as they are plain, so the
// page never has to carry odd bytes (the error page escapes it anyway).
std::string shown_name(std::string_view name) {
  const bool plain =
      !name.empty() && name.size() <= 40 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      });
  return plain ? "\"" + std::string(name) + "\"" : "with an unexpected name";
}

}  // namespace

const FormKey* find_form_key(std::span<const FormKey> keys, std::string_view name) {
  auto it =
      std::find_if(keys.begin(), keys.end(), [&](const FormKey& k) { return k.name == name; });
  return it == keys.end() ? nullptr : &*it;
}

bool value_passes(const FormKey& key, std::string_view value) {
  if (key.valid && !key.valid(value)) return false;
  if (key.choices.empty()) return true;
  return std::find(key.choices.begin(), key.choices.end(), value) != key.choices.end();
}

bool is_decimal_number(std::string_view value) {
  return !value.empty() && value.size() <= 18 &&
         std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_optional_number(std::string_view value) {
  return value.empty() || is_decimal_number(value);
}

bool is_ticked(std::string_view value) { return value == "1"; }

bool is_version_tag(std::string_view value) {
  return value.size() <= 128 && std::all_of(value.begin(), value.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  c == '_' || c == '-';
         });
}

std::optional<std::string> form_key_problem(const FormFields& form, std::span<const FormKey> keys,
                                            std::string_view also_allowed) {
  std::set<std::string_view> seen;
  for (const auto& [name, value] : form.all()) {
    if (!seen.insert(name).second) return "The form sent the field " + shown_name(name) + " twice.";
    if (!also_allowed.empty() && name == also_allowed) continue;
    const FormKey* key = find_form_key(keys, name);
    if (!key) return "The form sent a field this page does not take: " + shown_name(name) + ".";
    if (!value_passes(*key, value))
      return "The form's field " + shown_name(name) + " is not valid.";
  }
  return std::nullopt;
}

std::optional<std::string> file_key_problem(std::span<const std::string> part_names,
                                            std::span<const FormKey> keys) {
  std::set<std::string_view> seen;
  for (const std::string& name : part_names) {
    if (!seen.insert(name).second) return "The form sent the file " + shown_name(name) + " twice.";
    if (!find_form_key(keys, name))
      return "The form sent a file this page does not take: " + shown_name(name) + ".";
  }
  return std::nullopt;
}

}  // namespace confsched
