// /admin/import: staff paste a schedule (frab XML, schedule JSON or CSV),
// see what the import would add, update and delete, and confirm. The text
// comes in a <textarea>, not a file upload: the app's body parser reads
// application/x-www-form-urlencoded only (no multipart), and a request body
// is capped at kMaxBodyBytes (64 KiB), so larger files go through
// `confsched import` on the server. Every POST carries the CSRF token.
#pragma once

#include <optional>
#include <string>

#include "http/form.h"
#include "http/request.h"
#include "http/response.h"
#include "import/import_format.h"
#include "pages/router.h"

namespace confsched {

class Site;

// The form's keys, validated: schedule (the text), format ("auto" or a
// format_name), prune ("1" when ticked), action ("preview" or "import"),
// previewed (the SHA-256 of the text the preview showed).
// Other keys are ignored. Pure.
struct ImportFormValues {
  std::string schedule;
  std::optional<ImportFormat> format;  // nullopt: tell from the content
  bool prune = false;
  bool confirmed = false;  // action=import; anything else previews
  std::string previewed;   // an import goes ahead only for the text previewed
};
struct ImportFormResult {
  ImportFormValues values;
  std::string error;  // "" when valid
};
ImportFormResult read_import_form(const FormFields& form);

Response admin_import(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
