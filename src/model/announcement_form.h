// The staff form for one announcement: what was typed, kept as typed (so a
// refused save shows it again unchanged), its validation, and the write it
// stands for once valid. Pure: the clock and the event's zone come in as
// values.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "http/form.h"
#include "http/form_keys.h"
#include "model/limits.h"
#include "model/session_form.h"
#include "util/time_zone.h"

namespace confsched {

// When an announcement starts showing.
inline constexpr std::string_view kStartsKeep = "keep";  // editing only: leave the start as it is
inline constexpr std::string_view kStartsNow = "now";
inline constexpr std::string_view kStartsAt = "at";  // start_day + start_time, the event's zone

// When it stops showing.
inline constexpr std::string_view kEndsKeep = "keep";    // editing only: leave the end as it is
inline constexpr std::string_view kEndsNever = "never";  // until withdrawn
inline constexpr std::string_view kEndsAfter = "after";  // duration + unit after it starts
inline constexpr std::string_view kEndsAt = "at";        // end_day + end_time, the event's zone

// The form's fields as typed. Days and times are the event's wall clock,
// as on the session form, because that is the clock of the programme the
// announcements talk about; the database keeps them as UTC (sql/003).
struct AnnouncementDraft {
  std::string body;
  std::string level;                  // "info" or "important"
  std::string room;                   // a room's id, or "" for everywhere
  std::string starts;                 // one of the kStarts* values
  std::string start_day, start_time;  // YYYY-MM-DD and HH:MM, when starts is "at"
  std::string ends;                   // one of the kEnds* values
  std::string duration;               // a whole number, when ends is "after"
  std::string unit;                   // "minutes" or "hours"
  std::string end_day, end_time;      // YYYY-MM-DD and HH:MM, when ends is "at"
};

// A banner, not an article: far less than announcements.body holds.
inline constexpr ColumnLimit kAnnouncementText = stricter(kAnnouncementBody, 2000);
inline constexpr size_t kMaxAnnouncementBytes = kAnnouncementText.max;
// How long one announcement may show, from its start (or from now, once
// it has started): an announcement is news, and one left on for weeks is
// forgotten rather than meant.
inline constexpr int64_t kMaxAnnouncementMinutes = 14 * 24 * 60;
// How far ahead a start may be set. Further is surely a typo (a year for
// a month), and it keeps every instant well inside the DATETIME column and
// the zone rules Debian's tzdata lists (util/time_zone.h).
inline constexpr int64_t kMaxAnnouncementLeadDays = 366;

// What judging a draft needs besides the draft itself.
struct AnnouncementContext {
  int64_t now = 0;                  // Unix seconds, the server's clock
  const TimeZone* zone = nullptr;   // the event's; typed times are read in it
  std::set<int64_t> room_ids = {};  // the rooms an announcement may be for
  // When editing: the stored start and end (Unix seconds, nullopt for no
  // end), which "keep" leaves in force. Absent for a new announcement.
  struct Stored {
    int64_t start = 0;
    std::optional<int64_t> end = std::nullopt;
  };
  std::optional<Stored> stored = std::nullopt;
};

// Reads the draft's fields; absent fields are empty. The body's line breaks
// become "\n" and blank space around it goes, as around the duration, days
// and times; everything else is kept.
AnnouncementDraft announcement_from_form(const FormFields& form);

// The instant of a day ("YYYY-MM-DD") and a time ("HH:MM", below 24:00)
// typed as the event's wall clock in zone. A time skipped by a change to
// summer time is read with the offset before it, one that happens twice
// as its first occurrence (TimeZone::utc_of). nullopt when either is not
// in that form or not a real day or time.
std::optional<int64_t> typed_instant(std::string_view day, std::string_view time,
                                     const TimeZone& zone);

// Empty when the draft can be saved. "keep" is a valid start or end only
// when editing. A start that has passed means now. The end must come after
// the start and at most kMaxAnnouncementMinutes after it (a start that has
// passed counts as now).
FieldErrors validate_announcement(const AnnouncementDraft& draft,
                                  const AnnouncementContext& context);

// One of an announcement's times as a write sets it. Times that depend on
// "now" are left to the database's clock (UTC_TIMESTAMP()), the one the
// workers' announcement clock counts by (store/credentials.h), so that an
// announcement posted "now" is counted as started the moment it is stored.
struct AnnouncementTime {
  enum class Kind {
    kKeep,  // as stored
    kNow,   // now plus `minutes`, by the database's clock
    kAt,    // the instant `at`
    kNone,  // no time: an end of "never"
  };
  Kind kind = Kind::kKeep;
  int64_t minutes = 0;  // kNow
  int64_t at = 0;       // kAt: Unix seconds
};

// What a valid draft writes.
struct AnnouncementWrite {
  std::string body, level;
  std::optional<int64_t> room_id = std::nullopt;  // nullopt: everywhere
  AnnouncementTime start = {}, end = {};
};

// The write a valid draft stands for (validate_announcement found nothing).
// A start that has passed becomes kNow; an end "after" a duration counts
// from the start, or from now when the start has passed.
AnnouncementWrite announcement_write(const AnnouncementDraft& draft,
                                     const AnnouncementContext& context);

// How long until an end, for staff: "2 h 5 min", "45 min", "under a minute".
// "" when the end has passed.
std::string describe_time_left(int64_t seconds);

// The fields of the announcement forms (templates/announcement_fields.tpl
// and the withdraw buttons), as dispatch checks them (http/form_keys.h).
// A new announcement's form has no revision. The typed ones, and the
// start's and end's choices, are judged by validate_announcement, which
// answers 422 with the form as typed.
inline constexpr std::string_view kAnnouncementFormActions[] = {"save", "withdraw"};
inline constexpr FormKey kAnnouncementFormKeys[] = {
    {.name = "body"},
    {.name = "level"},
    {.name = "room", .valid = is_optional_number},
    {.name = "starts"},
    {.name = "start_day"},
    {.name = "start_time"},
    {.name = "ends"},
    {.name = "duration"},
    {.name = "unit"},
    {.name = "end_day"},
    {.name = "end_time"},
    {.name = "revision", .valid = is_decimal_number},
    {.name = "action", .choices = kAnnouncementFormActions},
};

}  // namespace confsched
