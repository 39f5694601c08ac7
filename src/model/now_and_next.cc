// What is on now and next per room; see now_and_next.h.
#include "model/now_and_next.h"

namespace confsched {

std::vector<RoomNow> now_and_next(const Programme& programme, std::string_view local_time) {
  std::vector<RoomNow> rooms;
  rooms.reserve(programme.rooms.size());
  for (const Room& room : programme.rooms) rooms.push_back({&room, nullptr, nullptr});
  // Sessions come sorted by start, so the last running one found is the
  // latest started, and the first future one is the next.
  for (const Session& s : programme.sessions) {
    if (!s.room) continue;
    RoomNow* entry = nullptr;
    for (RoomNow& r : rooms)
      if (r.room == s.room) entry = &r;
    if (!entry) continue;
    if (s.starts_at <= local_time && local_time < s.ends_at)
      entry->current = &s;
    else if (s.starts_at > local_time && !entry->next)
      entry->next = &s;
  }
  return rooms;
}

}  // namespace confsched
