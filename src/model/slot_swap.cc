#include "model/slot_swap.h"

namespace confsched {

std::pair<SessionDraft, SessionDraft> swap_slots(const SessionDraft& a, const SessionDraft& b) {
  SessionDraft a_after = a, b_after = b;
  a_after.day = b.day;
  a_after.start = b.start;
  a_after.end = b.end;
  a_after.room_id = b.room_id;
  b_after.day = a.day;
  b_after.start = a.start;
  b_after.end = a.end;
  b_after.room_id = a.room_id;
  return {a_after, b_after};
}

SessionDraft moved_to_room(const SessionDraft& draft, const std::string& room_id) {
  SessionDraft after = draft;
  after.room_id = room_id;
  return after;
}

}  // namespace confsched
