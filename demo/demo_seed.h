// confsched-demo's data: a plausible three-day conference to look at.
#pragma once

#include "store/database.h"
#include "util/time_text.h"

namespace confsched {

// The demo event's time zone.
inline constexpr const char* kDemoTimeZone = "Europe/London";

struct DemoSeedSummary {
  int days = 0, rooms = 0, tracks = 0, sessions = 0, speakers = 0;
};

// Replaces the whole programme (event, rooms, tracks, sessions, speakers,
// materials, announcements) with the demo conference, in one transaction.
// Deterministic: the same data every time for the same first day (the
// conference runs three days from it; only its date counts).
// Credentials are left alone.
DemoSeedSummary seed_demo(Database& db, const CivilDateTime& first_day = {2027, 6, 15});

}  // namespace confsched
