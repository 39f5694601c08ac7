// The plain programme every schedule reader (frab XML, schedule JSON, CSV)
// produces, what each reader is given and returns, and the limits they
// share. Pure data: no database, no files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/session_form.h"

namespace confsched {

struct ImportedEvent {
  std::string name;                  // the conference's title, else the option's
  std::string time_zone;             // the file's time zone, else the option's
  std::string starts_on, ends_on;    // YYYY-MM-DD, widened to cover every session's start
  std::optional<std::string> venue;  // only when the file names one
  // When the file's days hand over (model/conference_day.h), from its
  // <day>s' or "days"' ends (import_common.h: day_change_of_days); nullopt
  // when the file lists no days (CSV), which keeps the event's own.
  std::optional<int> day_change = {};
};

struct ImportedTrack {
  std::string name;
  std::string colour;  // "#rrggbb": the file's, else one of a fixed palette
};

struct ImportedSpeaker {
  // The person's id as frab and pretalx number them (frab XML's <person
  // id>, schedule JSON's "id"); 0 when the file gave none (CSV never does).
  int64_t frab_id = 0;
  std::string name;
};

struct ImportedSession {
  // The event's id as frab and pretalx number them (frab XML's <event id>,
  // schedule JSON's "id"); 0 when the file gave none (CSV never does).
  int64_t frab_id = 0;
  // A stable external id (frab/pretalx guid, the CSV's guid column); empty
  // when the file gave none. Unique within a programme.
  std::string guid;
  // The event's slug and its page at the source (frab XML's <slug> and
  // <url>, schedule JSON's "slug" and "url"), which the exports give back
  // (sql/012); empty when the file gave none or one the readers do not
  // keep (import_common.h: source_slug, source_url). CSV has neither.
  std::string slug = {}, url = {};
  std::string title, abstract;
  // "YYYY-MM-DD HH:MM:SS", wall clock in the event's time zone (the schema's
  // convention), after midnight crossings are resolved.
  std::string starts_at, ends_at;
  size_t room = 0;                   // index into ImportedProgramme::rooms
  std::optional<size_t> track;       // index into ImportedProgramme::tracks
  std::string kind;                  // one of sessions.kind's values
  std::string status = "scheduled";  // sessions.status; only CSV sets another
  std::vector<size_t> speakers;      // indexes into ImportedProgramme::speakers, billing order
  std::vector<Material> materials;
};

struct ImportedProgramme {
  ImportedEvent event;
  std::vector<std::string> rooms;  // in the order the file first names them
  std::vector<ImportedTrack> tracks;
  std::vector<ImportedSpeaker> speakers;  // one per person id (or name, without an id)
  std::vector<ImportedSession> sessions;  // in file order
  size_t days = 0;  // the days the file lists, else those its sessions start on
};

struct ScheduleParseOptions {
  // Used when the file names no time zone; empty means "refuse such a
  // file" (wall-clock times mean nothing without their zone).
  std::string default_time_zone;
  // The event's name for formats that carry none (CSV); empty: "Conference".
  std::string default_event_name = {};
};

// Either a programme or one line saying what is wrong and where ("line 12:
// event 6561: ...").
struct ScheduleParseResult {
  std::optional<ImportedProgramme> programme;
  std::string error;
  bool ok() const { return programme.has_value(); }
};

// Limits on what a schedule may hold, in any format; larger inputs are
// refused, not cut.
inline constexpr size_t kMaxScheduleBytes = 20u << 20;
inline constexpr size_t kMaxScheduleSessions = 20'000;
inline constexpr size_t kMaxScheduleRoomsOrTracks = 1'000;
inline constexpr size_t kMaxScheduleDays = 366;

}  // namespace confsched
