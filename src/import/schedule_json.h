// Reading the schedule JSON format (c3voc's schema.json: what frab, pretalx
// and our own /schedule.json export) into imported_programme.h's plain
// programme, as the other readers do. Pure: no database, no files.
// Thread-safe.
#pragma once

#include <string_view>

#include "model/imported_programme.h"

namespace confsched {

// Nesting deeper than this is refused before the document is parsed (a
// schedule needs 7 levels; a file of a million '[' must not cost a stack).
inline constexpr size_t kMaxScheduleJsonDepth = 32;

// Parses a whole schedule JSON document. Errors name where they are: the
// line for malformed JSON ("line 3: ..."), else the day, room and event
// ("day 2, room \"Saal 1\", event 6561: ..."), since a JSON value has no
// line once parsed. The limits of imported_programme.h and the columns'
// as every reader; options.default_time_zone when the file has no
// time_zone_name.
ScheduleParseResult parse_schedule_json(std::string_view json, const ScheduleParseOptions& options);

}  // namespace confsched
