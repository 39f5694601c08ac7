// A room's status as door volunteers set it (README "Room status"): full,
// starting late, or moved to another room. A status is a room-bound
// announcement (sql/009) that ends when the session it is about ends, so
// it reaches /now, every banner and the room's screen the way any
// announcement does, and clears itself with no request to trigger it
// (the workers' announcement clock, store/credentials.h). Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/form_keys.h"
#include "model/now_and_next.h"

namespace confsched {

enum class RoomStatus { kFull, kLate, kMoved };

// "full", "late", "moved": the form's values and the column's (sql/009).
std::string_view room_status_name(RoomStatus status);
std::optional<RoomStatus> parse_room_status(std::string_view name);

// What delegates read, in the room's block on /now, on its screen, and
// after "<room>: " in the banner. moved_to is the other room's name.
std::string room_status_text(RoomStatus status, std::string_view moved_to);

// The session a status set at local_time is about: the one running in the
// room, else the next one to start there the same day (a volunteer at the
// door of an empty room says "starting late" of the talk people wait
// for). nullptr when nothing is on in the room for the rest of the day:
// there is then nothing for the status to end with.
const Session* room_status_session(const RoomNow& room, std::string_view local_time);

// The tap page's forms (templates/admin_room_status.tpl): one room, one
// choice; "moved" names the room it moved to, "clear" ends the status.
inline constexpr std::string_view kRoomStatusChoices[] = {"full", "late", "moved", "clear"};
inline constexpr FormKey kRoomStatusFormKeys[] = {
    {.name = "room_id", .valid = is_decimal_number},
    {.name = "status", .choices = kRoomStatusChoices},
    {.name = "moved_to", .valid = is_optional_number}};

}  // namespace confsched
