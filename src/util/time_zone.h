// UTC to local wall-clock time for a named IANA zone, and the way a page
// states that zone to its reader.
//
// The zone rules come from Howard Hinnant's date/tz library (Debian's
// libhowardhinnant-date-dev, built to read the system tz database under
// /usr/share/zoneinfo), the library C++20's std::chrono time zones were
// standardised from; GCC 12's libstdc++ has no std::chrono::tzdb yet. It
// knows the zones' abbreviations ("BST"). A TimeZone is an immutable
// value: the library reads the database once per process, on first use,
// and converting touches neither the disk nor any global. Thread-safe.
//
// Limit, stated: Debian's build of the library (3.0.1, USE_OS_TZDB) uses
// the transitions a zone's file lists, not the POSIX rule in its footer,
// and Debian's files list them to 2037; after that the last offset stands.
// The library's own reader of that rule (date/ptz.h) does not compile as
// C++20 with GCC 12 (hh_mm_ss is both date's and std::chrono's), and a
// conference in 2038 is far enough off to wait for GCC 14's std::chrono.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/time_text.h"

namespace date {
class time_zone;
}

namespace confsched {

// What is in force in a zone at an instant.
struct ZoneState {
  int32_t offset_seconds = 0;  // east of UTC
  std::string abbreviation;    // "BST", "CEST"; "+03" where the zone has no letters
};

class TimeZone {
 public:
  // The zone of that IANA name (letters, digits, '_', '-', '+', '/'; no
  // "..", no leading '/'). nullopt for any other name or one the system's
  // database does not hold.
  static std::optional<TimeZone> load(std::string_view name);

  const std::string& name() const { return name_; }
  // What is in force at the instant utc_seconds.
  ZoneState state_at(int64_t utc_seconds) const;
  // Seconds east of UTC in force at the instant utc_seconds.
  int32_t offset_at(int64_t utc_seconds) const { return state_at(utc_seconds).offset_seconds; }
  // The local wall-clock time at the instant utc_seconds.
  CivilDateTime local_time(int64_t utc_seconds) const;
  // The instant of a local wall-clock time. One skipped by a change to
  // summer time is read with the offset before the change; one that
  // happens twice, as its first occurrence.
  int64_t utc_of(const CivilDateTime& local) const;
  // What a page says beside the zone's name, for the local times from
  // first to last (zone_note.h): "BST, UTC+01:00", or
  // "GMT, UTC+00:00, then BST, UTC+01:00" when a change falls in between.
  // Abbreviations that are only digits ("+03") are left out, and so is
  // everything for UTC itself (""), whose name says it all.
  std::string statement_between(const CivilDateTime& first, const CivilDateTime& last) const;

 private:
  TimeZone(const date::time_zone* zone, std::string name) : zone_(zone), name_(std::move(name)) {}
  const date::time_zone*
      zone_;  // owned by the library's database, which lives as long as the process
  std::string name_;
};

// The civil date and time local_seconds after the epoch (proleptic
// Gregorian calendar). Pure.
CivilDateTime civil_from_seconds(int64_t local_seconds);

// The inverse of civil_from_seconds. Pure.
int64_t seconds_from_civil(const CivilDateTime& t);

// "UTC+01:00", "UTC-03:30", "UTC+00:00". Pure.
std::string utc_offset_text(int32_t offset_seconds);

// "YYYY-MM-DD HH:MM:SS", the form of the database's times.
std::string format_civil(const CivilDateTime& t);

}  // namespace confsched
