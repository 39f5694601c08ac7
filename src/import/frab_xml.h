// Reading a frab schedule.xml (the format frab and pretalx export, c3voc's
// schedule.xml.xsd) into a plain programme. Pure: no database, no files.
// Thread-safe once libxml2 is initialised (xmlInitParser, called on first
// use; call it before starting threads if several threads import at once).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/session_form.h"

namespace confsched {

struct ImportedEvent {
  std::string name;                  // the conference's <title>
  std::string time_zone;             // <time_zone_name>, else the option's
  std::string starts_on, ends_on;    // YYYY-MM-DD, widened to cover every session's start
  std::optional<std::string> venue;  // only when the file names one
};

struct ImportedTrack {
  std::string name;
  std::string colour;  // "#rrggbb": the file's, else one of a fixed palette
};

struct ImportedSpeaker {
  int64_t frab_id = 0;  // the <person id>; 0 when the file gave none
  std::string name;
};

struct ImportedSession {
  int64_t frab_id = 0;  // the <event id>; 0 when the file gave none
  // A stable external id (frab/pretalx guid, the CSV's guid column); empty
  // when the file gave none. Unique within a programme.
  std::string guid;
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
  std::vector<ImportedSpeaker> speakers;  // one per frab person id (or name, without an id)
  std::vector<ImportedSession> sessions;  // in file order
  size_t days = 0;                        // <day> elements
};

struct FrabOptions {
  // Used when the file has no <time_zone_name>; empty means "refuse such a
  // file" (wall-clock times mean nothing without their zone).
  std::string default_time_zone;
  // The event's name for formats that carry none (CSV); empty: "Conference".
  std::string default_event_name = {};
};

// Either a programme or one line saying what is wrong and where ("line 12:
// event 6561: ...").
struct FrabParseResult {
  std::optional<ImportedProgramme> programme;
  std::string error;
  bool ok() const { return programme.has_value(); }
};

// Limits on what a schedule may hold; larger inputs are refused, not cut.
inline constexpr size_t kMaxFrabXmlBytes = 20u << 20;
inline constexpr size_t kMaxFrabElements = 1'000'000;
inline constexpr size_t kMaxFrabSessions = 20'000;
inline constexpr size_t kMaxFrabRoomsOrTracks = 1'000;
inline constexpr size_t kMaxFrabDays = 366;

// Parses a whole schedule.xml. Refuses (never truncates) any text longer
// than its column in sql/001_schema.sql, any document with a DOCTYPE, and
// times it cannot place.
FrabParseResult parse_frab_xml(std::string_view xml, const FrabOptions& options);

// frab's free-text <type> ("lecture", "workshop", "podium", ...) as one of
// sessions.kind's values; "talk" for anything unrecognised.
std::string frab_kind(std::string_view type);

// Whether a name could be an IANA time zone ("Europe/Berlin", "UTC"):
// syntax only, since the parser reads no files.
bool plausible_time_zone(std::string_view name);

}  // namespace confsched
