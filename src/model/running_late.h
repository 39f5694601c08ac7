// "Running late": a session, and with it every later session in its room
// that day, moved later by some minutes in one save (README "Running
// late"). What staff type and what a preview shows are checked here; the
// store moves the rows. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/form_keys.h"
#include "model/session_form.h"

namespace confsched {

// A keynote overruns by minutes, not by hours; more is a new programme.
inline constexpr int kMaxDelayMinutes = 240;

// The typed delay: a whole number of minutes, 1 to kMaxDelayMinutes, or
// nullopt.
std::optional<int> parse_delay_minutes(std::string_view typed);

// The draft minutes later; its end may pass midnight (an end before the
// start is on the next day: SessionDraft::ends_at), its start stays on its
// date. nullopt when the start would pass midnight.
std::optional<SessionDraft> delayed(const SessionDraft& draft, int minutes);

// The sessions a preview showed, each with the revision it had then:
// "12.3,15.1" (id.revision, by start). What the save checks the rows
// against, so that a session changed since the preview (or one that joined
// the list) stops the save.
using Previewed = std::vector<std::pair<int64_t, int64_t>>;
std::string previewed_text(const Previewed& previewed);
// nullopt unless text is exactly what previewed_text writes for 1 to 500
// sessions with ids and revisions of 1 to 18 digits.
std::optional<Previewed> parse_previewed(std::string_view text);

// The announcement a running-late save offers, ready to post: "Hall A is
// running 10 minutes late: “Keynote” starts at 09:10." or, with the
// following sessions, "..., and the sessions after it there start 10
// minutes later."
std::string delay_announcement(const std::string& room, const std::string& title,
                               const std::string& new_start, int minutes, bool following);

// The fields of the running-late form and its preview
// (templates/admin_session.tpl, admin_delay.tpl).
inline constexpr std::string_view kDelayActions[] = {"preview", "save"};
bool is_previewed_text(std::string_view value);
inline constexpr FormKey kDelayFormKeys[] = {{.name = "minutes"},
                                             {.name = "following", .valid = is_ticked},
                                             {.name = "action", .choices = kDelayActions},
                                             {.name = "previewed", .valid = is_previewed_text},
                                             {.name = "accept_clash", .valid = is_ticked},
                                             {.name = "announce", .valid = is_ticked},
                                             {.name = "announcement"}};

}  // namespace confsched
