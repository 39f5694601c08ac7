// What the three feed formats (iCalendar, schedule JSON, frab XML) share:
// their options, stable identifiers, and time arithmetic in the event's
// zone. Pure, but the zone lookups use libical's time-zone table, which is
// global and not thread-safe: one thread per process (workers are
// single-threaded; tests and tools are too).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/programme.h"
#include "util/time_text.h"

struct icaltimetype;

namespace confsched {

// A wall-clock time as libical's floating (zone-less) time.
icaltimetype to_ical_wall_time(const CivilDateTime& local);

struct FeedOptions {
  // "https://conf.example.org" (Config::public_url), or empty: links are
  // then relative.
  std::string base_url;
  // The right-hand side of iCalendar UIDs and the namespace of guids.
  std::string uid_domain;
  // Changes with the data: the schedule formats' "version".
  std::string version;
};

// The UID domain: the host of base_url, else "<16 hex>.confsched.invalid"
// from a hash of the secret (stable for one installation, unique across
// installations, and revealing nothing about the secret).
std::string feed_uid_domain(std::string_view base_url, std::string_view secret);

// A UUID-shaped guid for a session, stable for (domain, id): frab XML and
// the schedule JSON require one per event. RFC 9562 version 8 (custom),
// from SHA-256.
std::string session_guid(std::string_view uid_domain, int64_t id);

// Whether s is a UUID in its text form (8-4-4-4-12 hex digits, either
// case), as the exchange formats' guid must be. Pure.
bool is_uuid(std::string_view s);

// The guid the exchange formats give session `id`: its external id (the
// guid it was imported with) in lower case when that is a UUID, so that
// apps keeping favourites by guid keep them; else session_guid(uid_domain,
// id), stable for sessions created here. Pure.
std::string exported_guid(std::string_view external_id, std::string_view uid_domain, int64_t id);

// Seconds east of UTC of a wall-clock time in zone (an IANA name); nullopt
// when the zone is unknown to the system's tz database.
std::optional<int> utc_offset(std::string_view zone, const CivilDateTime& local);

// "2026-06-12T09:30:00+01:00" (ISO 8601 with the zone's offset at that
// time; "+00:00" when the zone is unknown, which is as good as can be done).
std::string iso_local_with_offset(std::string_view zone, const CivilDateTime& local);

// Minutes from start to end (0 if end is not later).
int64_t minutes_between(const CivilDateTime& start, const CivilDateTime& end);
// "01:30" (hours may exceed 24).
std::string hours_minutes(int64_t minutes);

// Lower-case ASCII letters, digits and '_' from text, runs of anything else
// as one '_', trimmed; at most max_len. For acronyms and slugs.
std::string slug_of(std::string_view text, size_t max_len);

// Sessions the exchange formats (JSON, XML) list: everything but cancelled
// ones, which frab and pretalx leave out of their exports too. (iCalendar
// keeps them, as STATUS:CANCELLED, so subscribed calendars drop them.)
bool listed_in_exchange_formats(const Session& s);

}  // namespace confsched
