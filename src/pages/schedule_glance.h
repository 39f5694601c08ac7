// The sessions /schedule opens with (issue 16): on a phone, the first
// screen after login answers "what is on now, and next?" before any list.
// Pure: the selection depends only on the programme and the event's
// wall-clock time, so the page's cache variant can be derived from it
// (schedule_variant) and the cached page is the same for everybody.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/programme.h"

namespace confsched {

struct ScheduleGlance {
  enum class Phase {
    kBefore,  // the first session has not started
    kDuring,  // from the first start to the last end, nights included
    kAfter,   // the last session has ended
  };
  Phase phase = Phase::kBefore;
  // During the event: what runs now, one per room at most (model/now_and_next.h
  // decides which, as on /now), sorted by start, then by the rooms' order.
  std::vector<const Session*> now;
  // During the event, each room's next session; before and after it, each
  // room's first, since the question then is how the programme begins.
  // Sorted by start, then by the rooms' order.
  std::vector<const Session*> next;
};

// local_time is the event's wall-clock time, "YYYY-MM-DD HH:MM:SS", as
// Session::starts_at. Sessions without a room are left out, as on /now: a
// glance is "which room, what".
ScheduleGlance schedule_glance(const Programme& programme, std::string_view local_time);

// Names a glance for a cache key: its phase and sessions, in order. Two
// instants with the same glance render the same page.
std::string glance_key(const ScheduleGlance& glance);

}  // namespace confsched
