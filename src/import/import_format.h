// Which reader a schedule file needs, told from its first bytes, and one
// entry point over all readers (the CLI and the /admin/import page share
// it). Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/imported_programme.h"

namespace confsched {

enum class ImportFormat { kFrabXml, kScheduleJson, kCsv };

// "frab-xml", "schedule-json", "csv": the names the CLI accepts and the
// audit row records.
std::string_view format_name(ImportFormat format);
std::optional<ImportFormat> format_from_name(std::string_view name);

// By content, never by file name: after an optional UTF-8 BOM and
// whitespace, '<' is XML and '{' JSON; anything else is taken as CSV
// (whose reader then says what is wrong with it, with the line).
ImportFormat detect_import_format(std::string_view bytes);

// Runs the reader for `format`.
ScheduleParseResult parse_schedule(ImportFormat format, std::string_view bytes,
                                   const ScheduleParseOptions& options);

}  // namespace confsched
