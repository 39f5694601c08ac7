// Format detection and dispatch for the schedule readers.
#include "import/import_format.h"

#include "import/frab_xml.h"
#include "import/schedule_csv.h"
#include "import/schedule_json.h"

namespace confsched {

std::string_view format_name(ImportFormat format) {
  switch (format) {
    case ImportFormat::kFrabXml:
      return "frab-xml";
    case ImportFormat::kScheduleJson:
      return "schedule-json";
    case ImportFormat::kCsv:
      return "csv";
  }
  return "csv";
}

std::optional<ImportFormat> format_from_name(std::string_view name) {
  for (ImportFormat f : {ImportFormat::kFrabXml, ImportFormat::kScheduleJson, ImportFormat::kCsv})
    if (format_name(f) == name) return f;
  return std::nullopt;
}

ImportFormat detect_import_format(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  size_t i = bytes.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos) return ImportFormat::kCsv;
  if (bytes[i] == '<') return ImportFormat::kFrabXml;
  if (bytes[i] == '{') return ImportFormat::kScheduleJson;
  return ImportFormat::kCsv;
}

ScheduleParseResult parse_schedule(ImportFormat format, std::string_view bytes,
                                   const ScheduleParseOptions& options) {
  switch (format) {
    case ImportFormat::kFrabXml:
      return parse_frab_xml(bytes, options);
    case ImportFormat::kScheduleJson:
      return parse_schedule_json(bytes, options);
    case ImportFormat::kCsv:
      break;
  }
  return parse_schedule_csv(bytes, options);
}

}  // namespace confsched
