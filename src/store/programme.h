// The programme as pages need it, loaded in a few simple queries and put
// together in C++ (a sorted join over TEXT columns would cost an on-disk
// temporary table per request: MariaDB's in-memory temporary tables cannot
// hold TEXT, so such a sort goes to an Aria table on disk).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/programme.h"
#include "store/database.h"

namespace confsched {

// nullopt when the event row is missing (nothing seeded yet).
std::optional<EventInfo> load_event(Database& db);

// How much of each session and speaker a load brings: the schedule and the
// staff lists need neither bios nor materials; the programme delegate pages
// are rendered from (Site::programme) holds everything a session page shows.
enum class ProgrammeDetail { kSchedule, kFull };

// The whole programme; with kFull, speakers' bios and sessions' materials
// too.
std::optional<Programme> load_programme(Database& db,
                                        ProgrammeDetail detail = ProgrammeDetail::kSchedule);

}  // namespace confsched
