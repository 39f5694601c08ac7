// Wall-clock date and time text as the schedule shows it. Times in the
// database are local to the event's time zone ("YYYY-MM-DD HH:MM:SS"), so
// formatting needs no time-zone arithmetic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace confsched {

struct CivilDateTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

// Parses "YYYY-MM-DD" or "YYYY-MM-DD HH:MM[:SS]" (or with a 'T' between
// them, as ISO 8601 writes it): a real calendar day. The one parser of
// dates and times; forms and importers all ask it. Pure.
std::optional<CivilDateTime> parse_civil(std::string_view text);
// "HH:MM" or "HH:MM:SS" below 24:00, as seconds since midnight: a time of
// day without a date (a frab <start>, a CSV's start and end). Pure.
std::optional<int> parse_clock(std::string_view text);

// "Friday 12 June 2026".
std::string format_day_label(const CivilDateTime& t);
// "09:30".
std::string format_clock(const CivilDateTime& t);
// "2026-06-12", usable as an HTML id.
std::string format_iso_date(const CivilDateTime& t);
// "12–14 June 2026" (or across months/years as needed).
std::string format_date_range(const CivilDateTime& first, const CivilDateTime& last);

// "HH:MM" of a stored time ("YYYY-MM-DD HH:MM[:SS]"), or the text as it is
// when it is not one. Pure.
std::string clock_of(const std::string& stored);

// A stored UTC time ("YYYY-MM-DD HH:MM:SS") with " UTC" after it, or
// "never" for "". Pure.
std::string utc_or_never(const std::string& stored_utc);

}  // namespace confsched
