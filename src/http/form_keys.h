// What a form may carry: each field by name, with the check its value must
// pass before a handler sees it. Modelled on kcgi's keys[]: a form's keys
// are declared once, beside the form, and the route table names them for
// its route (web/route_table.h), so dispatch refuses a body that carries
// anything else.
//
// A field nobody declared is refused (400), not ignored: our own forms never
// send one, so it means a request made by hand or a form from another
// version of the page, and saving the part we understand would drop the
// rest without a word. A declared field sent twice is refused for the same
// reason: readers take the first value, and no form of ours repeats one.
//
// The checks are for fields a browser fills from our own markup (ids,
// revisions, buttons, choices). Text a person types has no check here: the
// form judges it and answers 422 with the typed values back on screen, so
// nothing typed is lost.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "http/form.h"

namespace confsched {

using FieldCheck = bool (*)(std::string_view value);

struct FormKey {
  std::string_view name;
  // nullptr: any value (typed text, judged by the form itself).
  FieldCheck valid = nullptr;
  // When not empty: the value must be one of these (a button's or a
  // select's values).
  std::span<const std::string_view> choices = {};
};

// Decimal digits only, at most 18 (an id or a revision; ids start at 1).
bool is_decimal_number(std::string_view value);
// "" or is_decimal_number: an optional id.
bool is_optional_number(std::string_view value);
// What a checkbox sends when ticked ("1", the value our forms give it).
bool is_ticked(std::string_view value);
// A version tag the page printed: [0-9A-Za-z_-], at most 128 characters.
bool is_version_tag(std::string_view value);

// The key named name in keys, or nullptr.
const FormKey* find_form_key(std::span<const FormKey> keys, std::string_view name);
// Whether value passes key's check and is one of its choices, if it has any.
bool value_passes(const FormKey& key, std::string_view value);

// nullopt when every field of form is declared in keys (or is also_allowed,
// the CSRF field dispatch reads itself), comes once and passes its check;
// else the sentence for the 400 page, naming the field.
std::optional<std::string> form_key_problem(const FormFields& form, std::span<const FormKey> keys,
                                            std::string_view also_allowed = {});

// The same for the names of an upload's file parts.
std::optional<std::string> file_key_problem(std::span<const std::string> part_names,
                                            std::span<const FormKey> keys);

}  // namespace confsched
