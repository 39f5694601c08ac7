// Reading and changing the rooms' screen links (/admin/displays and
// `confsched display-token`). A change sets rooms.display_nonce (see
// auth/display_token.h) in one transaction with its audit row; the rooms
// trigger bumps data_version, which is how every worker learns of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/session_store.h"

namespace confsched {

struct RoomDisplay {
  int64_t id = 0;
  std::string name;
  std::optional<int64_t> nonce;  // none: the screen is off
};

// Every room, in the order the programme lists them.
std::vector<RoomDisplay> load_room_displays(Database& db);

enum class DisplayChange {
  kNewLink,  // turn on, or replace the link: the old one stops working
  kOn,       // turn on when off; a screen that is on keeps its link
  kOff,      // no link opens the room's screen
};

struct DisplayChanged {
  RoomDisplay room;  // as it is after the change
  bool changed = false;
};

// nullopt when no room has that id. A change that would change nothing
// (kOn when on, kOff when off) writes nothing, not even an audit row.
std::optional<DisplayChanged> change_display(Database& db, int64_t room_id, DisplayChange change,
                                             const AuditContext& who);

}  // namespace confsched
