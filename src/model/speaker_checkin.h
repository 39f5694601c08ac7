// Speaker check-in (README "Speaker check-in"): the info desk's list of the
// day's speakers, each with their next session, whether they have arrived,
// and a mark on those due on stage within the hour who have not. Pure: the
// store loads the day (store/speaker_checkins.h), the page shows the list
// (admin/checkin_page.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/form_keys.h"

namespace confsched {

// How far ahead a session makes its speaker "due": long enough to find a
// speaker in the venue, short enough that the marks stay few.
inline constexpr int kDueWithinMinutes = 60;

// One of a speaker's sessions that day (not cancelled).
struct CheckinSession {
  int64_t id = 0;
  std::string title, room;
  std::string start, end;  // "HH:MM", the event's wall clock
};

// A speaker with at least one session that day, and their arrival on it.
struct SpeakerToday {
  int64_t id = 0;
  std::string name;
  std::vector<CheckinSession> sessions;  // any order
  bool arrived = false;
  std::string arrived_at;  // "HH:MM" when arrived
  std::string arrived_by;  // the staff member who marked it
};

// One row of the desk's list.
struct CheckinRow {
  SpeakerToday speaker;  // sessions by start
  // The first session that has not ended: on now or still to come.
  // nullopt: every session of theirs that day is over.
  std::optional<CheckinSession> next;
  bool on_now = false;  // next has started
  // Not arrived, and next starts within kDueWithinMinutes (or has started
  // already: a speaker missing from a session that runs is the most
  // urgent of all).
  bool due_soon = false;
};

// The list at now ("HH:MM" or "HH:MM:SS" on the day, the event's clock):
// speakers with a session to come or on now, by that session's start (then
// name, then id), then those whose sessions are all over, by name, last
// rather than dropped: the desk can still see, and undo, what it marked.
std::vector<CheckinRow> checkin_list(std::vector<SpeakerToday> speakers, std::string_view now);

// The toggle's fields (templates/admin_checkin.tpl): which speaker, and
// arrived (1) or not (0). Anything else is a request our page never makes.
inline constexpr std::string_view kArrivedValues[] = {"1", "0"};
inline constexpr FormKey kCheckinFormKeys[] = {{.name = "speaker_id", .valid = is_decimal_number},
                                               {.name = "arrived", .choices = kArrivedValues}};

}  // namespace confsched
