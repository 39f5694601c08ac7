// Which conference day a time belongs to. A conference's day need not end
// at midnight: CCC's frab days run from late morning to 04:00 the next
// morning, so a talk at 00:15 belongs to the evening before, and delegates
// look for it there. The event's day change (event.day_change, minutes
// after midnight; sql/013) says when one day hands over to the next. An
// import takes it from the source's days (import/import_common.h:
// day_change_of_days); staff set it for programmes made here
// (/admin/event). Every page, feed and staff list that groups sessions by
// day asks conference_day, so they all agree. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace confsched {

// The latest day change: a day that hands over after noon would put
// afternoon sessions on the day before, which no programme means.
inline constexpr int kMaxDayChangeMinutes = 12 * 60;

// "YYYY-MM-DD" of the conference day that `local` ("YYYY-MM-DD HH:MM[:SS]",
// the event's wall clock) falls on: its calendar date, or the date before
// when its time of day is earlier than day_change_minutes. The first ten
// characters as they are when `local` is not a time.
std::string conference_day(std::string_view local, int day_change_minutes);

// The calendar date after "YYYY-MM-DD"; "" when `day` is not one.
std::string next_calendar_day(std::string_view day);

// "HH:MM", 00:00 to 12:00, as minutes after midnight; nullopt otherwise.
std::optional<int> parse_day_change(std::string_view hhmm);
// 240 -> "04:00".
std::string format_day_change(int minutes);

}  // namespace confsched
