// Reading the schedule JSON format (c3voc's schema.json: what frab, pretalx
// and our own /schedule.json export) into the same plain programme the frab
// XML reader produces. Pure: no database, no files. Thread-safe.
#pragma once

#include <string_view>

#include "import/frab_xml.h"

namespace confsched {

// Nesting deeper than this is refused before the document is parsed (a
// schedule needs 7 levels; a file of a million '[' must not cost a stack).
inline constexpr size_t kMaxScheduleJsonDepth = 32;

// Parses a whole schedule JSON document. Errors name where they are: the
// line for malformed JSON ("line 3: ..."), else the day, room and event
// ("day 2, room \"Saal 1\", event 6561: ..."), since a JSON value has no
// line once parsed. The same limits as parse_frab_xml (size, columns,
// counts); options.default_time_zone when the file has no time_zone_name.
FrabParseResult parse_schedule_json(std::string_view json, const FrabOptions& options);

}  // namespace confsched
