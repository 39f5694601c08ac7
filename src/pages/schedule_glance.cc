#include "pages/schedule_glance.h"

#include <algorithm>

#include "model/now_and_next.h"

namespace confsched {

ScheduleGlance schedule_glance(const Programme& programme, std::string_view local_time) {
  ScheduleGlance glance;
  if (programme.sessions.empty()) return glance;
  // Sessions come sorted by start; the last end need not be the last
  // session's (a long workshop may outlast the closing talk).
  const std::string& first_start = programme.sessions.front().starts_at;
  const std::string* last_end = &programme.sessions.front().ends_at;
  for (const Session& s : programme.sessions)
    if (s.ends_at > *last_end) last_end = &s.ends_at;
  if (local_time < first_start)
    glance.phase = ScheduleGlance::Phase::kBefore;
  else if (local_time < *last_end)
    glance.phase = ScheduleGlance::Phase::kDuring;
  else
    glance.phase = ScheduleGlance::Phase::kAfter;

  // Before and after the event, the rooms as they stand before it starts:
  // nothing runs, and each room's next session is its first.
  const bool during = glance.phase == ScheduleGlance::Phase::kDuring;
  for (const RoomNow& room : now_and_next(programme, during ? local_time : std::string_view())) {
    if (room.current) glance.now.push_back(room.current);
    if (room.next) glance.next.push_back(room.next);
  }
  // now_and_next lists rooms in order, so a stable sort by start keeps the
  // rooms' order within each starting time.
  auto by_start = [](const Session* a, const Session* b) { return a->starts_at < b->starts_at; };
  std::stable_sort(glance.now.begin(), glance.now.end(), by_start);
  std::stable_sort(glance.next.begin(), glance.next.end(), by_start);
  return glance;
}

std::string glance_key(const ScheduleGlance& glance) {
  static constexpr char kPhaseLetter[] = {'b', 'd', 'a'};
  std::string key(1, kPhaseLetter[static_cast<int>(glance.phase)]);
  for (const auto* list : {&glance.now, &glance.next}) {
    key += ':';
    for (const Session* s : *list) key += std::to_string(s->id) + ",";
  }
  return key;
}

}  // namespace confsched
