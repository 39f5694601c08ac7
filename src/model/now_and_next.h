// What is on now and next in each room: the selection behind /now and
// /display/<room-id>, and the session a room status is about. Pure.
#pragma once

#include <string_view>
#include <vector>

#include "model/programme.h"

namespace confsched {

struct RoomNow {
  const Room* room = nullptr;
  const Session* current = nullptr;  // running at local_time, if any
  const Session* next = nullptr;     // the first to start after local_time
};

// One entry per room, in the programme's room order. local_time is the
// event's wall-clock time as "YYYY-MM-DD HH:MM:SS", the form of
// Session::starts_at, so that times compare as strings. A session runs
// from its start (inclusive) to its end (exclusive). Cancelled and moved
// sessions are included (the pages mark them): a screen must say that the
// talk people came for is off. If two overlap in one room (staff may save
// that), the one that started last is current.
std::vector<RoomNow> now_and_next(const Programme& programme, std::string_view local_time);

}  // namespace confsched
