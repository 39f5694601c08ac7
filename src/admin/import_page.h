// /admin/import: staff upload a schedule file (frab XML, schedule JSON or
// CSV) as multipart/form-data, see what the import would add, update and
// delete, and confirm. Every POST carries the CSRF token as a form field.
//
// A browser cannot fill a file input again, so the preview page carries
// the previewed file itself back with its Import button: base64url in a
// hidden field (no line breaks for a browser to rewrite, so CRLFs inside a
// CSV's quoted cells arrive as they were), with a digest binding it to the
// format and prune choice previewed. Nothing is stored between the two
// requests. The file's text is never put back into the page unencoded.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "http/form_keys.h"
#include "http/multipart.h"
#include "http/request.h"
#include "http/response.h"
#include "import/import_format.h"
#include "site/route.h"

namespace confsched {

class Site;

// The fields and the file of the import forms (templates/admin_import.tpl),
// as dispatch checks them (http/form_keys.h); read_import_form below
// judges their values.
inline constexpr std::string_view kImportFormActions[] = {"preview", "import"};
inline constexpr FormKey kImportFormKeys[] = {
    {.name = "schedule"},  // the file input
    {.name = "format"},
    {.name = "prune", .valid = is_ticked},
    {.name = "action", .choices = kImportFormActions},
    {.name = "content"},
    {.name = "filename"},
    {.name = "previewed", .valid = is_version_tag},
};

// Files up to this size are taken here: ten times the 31C3 frab export
// (4 days, 138 events, 351 KiB). Larger ones go through `confsched import`.
inline constexpr size_t kMaxUploadFileBytes = size_t{4} << 20;
// The request body on /admin/import: the file, or on confirmation the file
// in base64 (4/3 of it: at most 5.33 MiB) with the other fields.
inline constexpr size_t kMaxImportBodyBytes = size_t{6} << 20;

// The form's keys, validated. Preview: schedule (the file input), format
// ("auto" or a format_name), prune ("1" when ticked), action=preview.
// Import: the same format and prune as hidden fields, content (the
// previewed file, base64url), filename, previewed (its digest),
// action=import. Other keys never reach it: dispatch refuses them
// (kImportFormKeys). Pure.
struct ImportFormValues {
  std::string schedule;                // the file's bytes
  std::string filename;                // without any path, for the page and the audit row
  std::optional<ImportFormat> format;  // nullopt: tell from the content
  bool prune = false;
  bool confirmed = false;  // action=import; anything else previews
  std::string previewed;   // an import goes ahead only for the file previewed
};
struct ImportFormResult {
  ImportFormValues values;
  int status = 0;     // 0, or the refusal's status: 422, or 413 for a file too large
  std::string error;  // "" when valid
};
ImportFormResult read_import_form(const MultipartForm& form);

// What the Import button must send back as `previewed`: a digest of the
// file together with the format and prune choice it was previewed with.
std::string preview_digest(const ImportFormValues& values);

// The last component of a file name as a browser may send it (RFC 7578
// §4.2: a receiver must not trust a path in it), at most 255 bytes (cut at
// a character); "" when that is not one-line text (util/text_rules.h).
// Pure.
std::string upload_base_name(std::string_view filename);

Response admin_import(Site& site, const Request& request, const RouteParams& params);

}  // namespace confsched
