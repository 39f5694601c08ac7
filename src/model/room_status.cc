// Room statuses; see room_status.h.
#include "model/room_status.h"

#include "util/translate.h"

namespace confsched {

std::string_view room_status_name(RoomStatus status) {
  switch (status) {
    case RoomStatus::kFull:
      return "full";
    case RoomStatus::kLate:
      return "late";
    case RoomStatus::kMoved:
      return "moved";
  }
  return "full";
}

std::optional<RoomStatus> parse_room_status(std::string_view name) {
  for (RoomStatus s : {RoomStatus::kFull, RoomStatus::kLate, RoomStatus::kMoved})
    if (room_status_name(s) == name) return s;
  return std::nullopt;
}

std::string room_status_text(RoomStatus status, std::string_view moved_to) {
  switch (status) {
    case RoomStatus::kFull:
      return tr("Full: no seats left");
    case RoomStatus::kLate:
      return tr("Starting late");
    case RoomStatus::kMoved:
      return fill_text(tr("Moved to {room}"), {{"room", moved_to}});
  }
  return {};
}

const Session* room_status_session(const RoomNow& room, std::string_view local_time) {
  if (room.current) return room.current;
  // Times are "YYYY-MM-DD HH:MM:SS": the first ten characters are the day.
  if (room.next && room.next->starts_at.compare(0, 10, local_time.substr(0, 10)) == 0)
    return room.next;
  return nullptr;
}

}  // namespace confsched
