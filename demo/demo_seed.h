// confsched-demo's data: a plausible three-day conference to look at.
#pragma once

#include "store/database.h"

namespace confsched {

struct DemoSeedSummary {
  int days = 0, rooms = 0, tracks = 0, sessions = 0, speakers = 0;
};

// Replaces the whole programme (event, rooms, tracks, sessions, speakers,
// materials, announcements) with the demo conference, in one transaction.
// Deterministic: the same data every time. Credentials are left alone.
DemoSeedSummary seed_demo(Database& db);

}  // namespace confsched
