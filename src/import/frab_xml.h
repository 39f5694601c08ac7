// Reading a frab schedule.xml (the format frab and pretalx export, c3voc's
// schedule.xml.xsd) into imported_programme.h's plain programme. Pure: no database, no files.
// Thread-safe once libxml2 is initialised (xmlInitParser, called on first
// use; call it before starting threads if several threads import at once).
#pragma once

#include <cstddef>
#include <string_view>

#include "model/imported_programme.h"

namespace confsched {

// Elements in one document at the most (besides imported_programme.h's
// limits, which every format shares).
inline constexpr size_t kMaxFrabElements = 1'000'000;

// Parses a whole schedule.xml. Refuses (never truncates) any text longer
// than its column in sql/001_schema.sql, any document with a DOCTYPE, and
// times it cannot place.
ScheduleParseResult parse_frab_xml(std::string_view xml, const ScheduleParseOptions& options);

}  // namespace confsched
