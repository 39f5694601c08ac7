// The staff form for one announcement: what was typed, kept as typed (so a
// refused save shows it again unchanged), and its validation. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/form.h"
#include "http/form_keys.h"
#include "model/limits.h"
#include "model/session_form.h"

namespace confsched {

// When an announcement stops showing. Times are never typed: "for N
// minutes/hours from now" needs no time-zone arithmetic (the database adds
// it to UTC_TIMESTAMP(); sql/003_announcements.sql).
inline constexpr std::string_view kEndsKeep = "keep";    // editing only: leave the end as it is
inline constexpr std::string_view kEndsNever = "never";  // until withdrawn
inline constexpr std::string_view kEndsAfter = "after";  // duration + unit from now

struct AnnouncementDraft {
  std::string body;
  std::string level;     // "info" or "important"
  std::string ends;      // one of the kEnds* values
  std::string duration;  // a whole number, when ends is "after"
  std::string unit;      // "minutes" or "hours"
};

// A banner, not an article: far less than announcements.body holds.
inline constexpr ColumnLimit kAnnouncementText = stricter(kAnnouncementBody, 2000);
inline constexpr size_t kMaxAnnouncementBytes = kAnnouncementText.max;
inline constexpr int64_t kMaxAnnouncementMinutes = 14 * 24 * 60;

// Reads the draft's fields; absent fields are empty. The body's line breaks
// become "\n" and blank space around it goes; everything else is kept.
AnnouncementDraft announcement_from_form(const FormFields& form);

// Empty when the draft can be saved. "keep" is a valid end only when
// editing an existing announcement.
FieldErrors validate_announcement(const AnnouncementDraft& draft, bool editing);

// Minutes from now until the end, for a valid draft whose end is "after".
std::optional<int64_t> announcement_minutes(const AnnouncementDraft& draft);

// How long until an end, for staff: "2 h 5 min", "45 min", "under a minute".
// "" when the end has passed.
std::string describe_time_left(int64_t seconds);

// The fields of the announcement forms (templates/announcement_fields.tpl
// and the withdraw buttons), as dispatch checks them (http/form_keys.h).
// A new announcement's form has no revision.
inline constexpr std::string_view kAnnouncementFormActions[] = {"save", "withdraw"};
inline constexpr FormKey kAnnouncementFormKeys[] = {
    {.name = "body"},
    {.name = "level"},
    {.name = "ends"},
    {.name = "duration"},
    {.name = "unit"},
    {.name = "revision", .valid = is_decimal_number},
    {.name = "action", .choices = kAnnouncementFormActions},
};

}  // namespace confsched
