// Swap and move (issue 17): two sessions trade slots (day, times and room),
// or one goes to another room at the same time. Pure; the store saves the
// result of either in one transaction (store/session_moves.h).
#pragma once

#include <string_view>
#include <utility>

#include "http/form_keys.h"
#include "model/running_late.h"
#include "model/session_form.h"

namespace confsched {

// a in b's slot and b in a's, everything else as it was.
std::pair<SessionDraft, SessionDraft> swap_slots(const SessionDraft& a, const SessionDraft& b);

// draft in room_id (a decimal id), at the same time.
SessionDraft moved_to_room(const SessionDraft& draft, const std::string& room_id);

// The fields of the swap and move forms (templates/admin_session.tpl,
// admin_move.tpl): the session to swap with or the room to move to.
inline constexpr std::string_view kMoveActions[] = {"preview", "save"};
inline constexpr FormKey kMoveFormKeys[] = {{.name = "with", .valid = is_decimal_number},
                                            {.name = "room_id", .valid = is_decimal_number},
                                            {.name = "action", .choices = kMoveActions},
                                            {.name = "previewed", .valid = is_previewed_text},
                                            {.name = "accept_clash", .valid = is_ticked}};

}  // namespace confsched
