#include "http/form_keys.h"

#include <algorithm>
#include <set>

#include "util/translate.h"

namespace confsched {

namespace {

// Names come from the client: shown only as far as they are plain, so the
// page never has to carry odd bytes (the error page escapes it anyway).
// One of two whole messages, marked with tr_mark: with the {name}, or
// without it.
std::string about_name(std::string_view name, std::string_view named, std::string_view unnamed) {
  const bool plain =
      !name.empty() && name.size() <= 40 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      });
  return plain ? fill_text(tr(named), {{"name", name}}) : tr(unnamed);
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
    if (!seen.insert(name).second)
      return about_name(name, tr_mark("The form sent the field \"{name}\" twice."),
                        tr_mark("The form sent the field with an unexpected name twice."));
    if (!also_allowed.empty() && name == also_allowed) continue;
    const FormKey* key = find_form_key(keys, name);
    if (!key)
      return about_name(
          name, tr_mark("The form sent a field this page does not take: \"{name}\"."),
          tr_mark("The form sent a field this page does not take: with an unexpected name."));
    if (!value_passes(*key, value))
      return about_name(name, tr_mark("The form's field \"{name}\" is not valid."),
                        tr_mark("The form's field with an unexpected name is not valid."));
  }
  return std::nullopt;
}

std::optional<std::string> file_key_problem(std::span<const std::string> part_names,
                                            std::span<const FormKey> keys) {
  std::set<std::string_view> seen;
  for (const std::string& name : part_names) {
    if (!seen.insert(name).second)
      return about_name(name, tr_mark("The form sent the file \"{name}\" twice."),
                        tr_mark("The form sent the file with an unexpected name twice."));
    if (!find_form_key(keys, name))
      return about_name(
          name, tr_mark("The form sent a file this page does not take: \"{name}\"."),
          tr_mark("The form sent a file this page does not take: with an unexpected name."));
  }
  return std::nullopt;
}

}  // namespace confsched
