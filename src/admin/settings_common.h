// What the event, room, track, speaker and password pages share: the
// no-store page frame, the CSRF-checked form of a staff POST, and showing
// field messages next to their fields.
#pragma once

#include <ctemplate/template.h>

#include <functional>
#include <optional>
#include <string>

#include "admin/staff_page.h"
#include "http/form.h"
#include "http/request.h"
#include "http/response.h"
#include "model/session_form.h"
#include "store/session_store.h"

namespace confsched {

class Site;

using SettingsDict = ctemplate::TemplateDictionary;

// A staff page: never stored anywhere (it carries a CSRF token).

// Section PROBLEM with MESSAGE when message is not empty.
void show_problem(SettingsDict& d, const std::string& message);

// The first value of a form field, or "".
std::string form_value(const FormFields& form, std::string_view name);

}  // namespace confsched
