#include "model/conference_day.h"

#include "util/time_text.h"
#include "util/time_zone.h"

namespace confsched {

namespace {

constexpr int64_t kSecondsPerDay = 24 * 3600;

std::string date_shifted(const CivilDateTime& t, int days) {
  CivilDateTime midnight{t.year, t.month, t.day, 0, 0, 0};
  return format_iso_date(civil_from_seconds(seconds_from_civil(midnight) + days * kSecondsPerDay));
}

}  // namespace

std::string conference_day(std::string_view local, int day_change_minutes) {
  // Asked for every session on every /schedule request (the filter's day
  // choices): a time at or after the day change is on its own date, read
  // off the text without building a date.
  if (local.size() >= 16 && (local[10] == ' ' || local[10] == 'T')) {
    auto clock = parse_clock(local.substr(11, 5));
    if (clock && *clock / 60 >= day_change_minutes && parse_civil(local.substr(0, 10)))
      return std::string(local.substr(0, 10));
  }
  auto t = parse_civil(local);
  if (!t) return std::string(local.substr(0, 10));
  if (t->hour * 60 + t->minute < day_change_minutes) return date_shifted(*t, -1);
  return format_iso_date(*t);
}

std::string next_calendar_day(std::string_view day) {
  auto t = parse_civil(day);
  if (!t || day.size() != 10) return "";
  return date_shifted(*t, 1);
}

std::optional<int> parse_day_change(std::string_view hhmm) {
  if (hhmm.size() != 5) return std::nullopt;
  auto seconds = parse_clock(hhmm);
  if (!seconds || *seconds / 60 > kMaxDayChangeMinutes) return std::nullopt;
  return *seconds / 60;
}

std::string format_day_change(int minutes) {
  CivilDateTime t{2000, 1, 1, minutes / 60, minutes % 60, 0};
  return format_clock(t);
}

}  // namespace confsched
