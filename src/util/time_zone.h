// UTC to local wall-clock time for a named IANA zone, read from the system
// tz database (/usr/share/zoneinfo) in its TZif form (RFC 8536).
//
// Why not the alternatives: GCC 12's libstdc++ has no std::chrono::tzdb
// (get_tzdb, zoned_time arrived in GCC 13/14), and setenv("TZ") + tzset() +
// localtime_r changes process-global state on every call. A TimeZone is an
// immutable value: load it once, then convert without touching the disk or
// any global. Thread-safe after construction.
//
// Limit, stated: only the transitions listed in the file are used, not the
// POSIX rule in its footer. Debian's tzdata ships "fat" files whose list
// runs to 2037; past the last listed transition the last offset stands.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/time_text.h"

namespace confsched {

class TimeZone {
 public:
  // Parses TZif bytes (version 1, or the 64-bit block of version 2+).
  // nullopt when they are not a well-formed TZif file. Pure.
  static std::optional<TimeZone> from_tzif(std::string_view bytes);
  // Reads zoneinfo_dir/name. nullopt for a name that is not a plain zone
  // name (letters, digits, '_', '-', '+', '/'; no "..", no leading '/')
  // or a file that is missing or malformed.
  static std::optional<TimeZone> load(std::string_view name,
                                      const std::string& zoneinfo_dir = "/usr/share/zoneinfo");

  // Seconds east of UTC in force at the instant utc_seconds.
  int32_t offset_at(int64_t utc_seconds) const;
  // The local wall-clock time at the instant utc_seconds.
  CivilDateTime local_time(int64_t utc_seconds) const;
  // The offsets in force from local time first to local time last, as a
  // page states them beside the zone's name: "UTC+01:00", or
  // "UTC+01:00, then UTC" when a change (summer time) falls in between.
  std::string offsets_between(const CivilDateTime& first, const CivilDateTime& last) const;

 private:
  std::vector<int64_t> transitions_;  // ascending UTC instants
  std::vector<int32_t> offsets_;      // offset from each transition on
  int32_t initial_offset_ = 0;        // before the first transition
};

// The civil date and time utc_seconds + offset_seconds after the epoch
// (proleptic Gregorian calendar). Pure.
CivilDateTime civil_from_seconds(int64_t local_seconds);

// The inverse of civil_from_seconds. Pure.
int64_t seconds_from_civil(const CivilDateTime& t);

// "UTC+01:00", "UTC-03:30"; "UTC" for 0. Pure.
std::string utc_offset_text(int32_t offset_seconds);

// "YYYY-MM-DD HH:MM:SS", the form of the database's times.
std::string format_civil(const CivilDateTime& t);

}  // namespace confsched
