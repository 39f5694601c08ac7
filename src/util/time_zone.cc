#include "util/time_zone.h"

#include <date/date.h>
#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace confsched {

namespace {

using Seconds = date::sys_seconds;

bool plain_zone_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/') return false;
  if (name.find("..") != std::string_view::npos || name.find("//") != std::string_view::npos)
    return false;
  for (char c : name) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '+' || c == '/';
    if (!ok) return false;
  }
  return true;
}

// "BST" is worth showing; "+03" (a zone without letters in the database)
// only repeats the offset.
bool has_letters(std::string_view abbreviation) {
  for (char c : abbreviation)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
  return false;
}

std::string state_text(const ZoneState& s) {
  std::string offset = utc_offset_text(s.offset_seconds);
  return has_letters(s.abbreviation) ? s.abbreviation + ", " + offset : offset;
}

}  // namespace

std::optional<TimeZone> TimeZone::load(std::string_view name) {
  if (!plain_zone_name(name)) return std::nullopt;
  try {
    return TimeZone(date::locate_zone(name), std::string(name));
  } catch (const std::exception&) {  // not in the database, or no database
    return std::nullopt;
  }
}

ZoneState TimeZone::state_at(int64_t utc_seconds) const {
  date::sys_info info = zone_->get_info(Seconds(std::chrono::seconds(utc_seconds)));
  return ZoneState{static_cast<int32_t>(info.offset.count()), info.abbrev};
}

CivilDateTime TimeZone::local_time(int64_t utc_seconds) const {
  return civil_from_seconds(utc_seconds + offset_at(utc_seconds));
}

int64_t TimeZone::utc_of(const CivilDateTime& local) const {
  const date::local_seconds wall{std::chrono::seconds(seconds_from_civil(local))};
  date::local_info info = zone_->get_info(wall);
  // unique and ambiguous: the first offset is the one in force first;
  // nonexistent: first is the offset before the gap.
  return (wall - info.first.offset).time_since_epoch().count();
}

std::string TimeZone::statement_between(const CivilDateTime& first,
                                        const CivilDateTime& last) const {
  if (name_ == "UTC" || name_ == "Etc/UTC") return "";
  const int64_t from = utc_of(first), to = utc_of(last);
  std::string text;
  ZoneState previous;
  // Each period of the zone's history that overlaps [from, to]: an event's
  // few days cross a change at most once or twice.
  for (int64_t at = from;;) {
    date::sys_info info = zone_->get_info(Seconds(std::chrono::seconds(at)));
    ZoneState state{static_cast<int32_t>(info.offset.count()), info.abbrev};
    if (text.empty() || state.offset_seconds != previous.offset_seconds ||
        state.abbreviation != previous.abbreviation)
      text += (text.empty() ? "" : ", then ") + state_text(state);
    previous = state;
    const int64_t end = info.end.time_since_epoch().count();
    if (end > to || end <= at) break;
    at = end;
  }
  return text;
}

CivilDateTime civil_from_seconds(int64_t local_seconds) {
  const date::sys_seconds t{std::chrono::seconds(local_seconds)};
  const date::sys_days day = date::floor<date::days>(t);
  const date::year_month_day ymd(day);
  const date::hh_mm_ss<std::chrono::seconds> clock(t - day);
  CivilDateTime c;
  c.year = static_cast<int>(ymd.year());
  c.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  c.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  c.hour = static_cast<int>(clock.hours().count());
  c.minute = static_cast<int>(clock.minutes().count());
  c.second = static_cast<int>(clock.seconds().count());
  return c;
}

int64_t seconds_from_civil(const CivilDateTime& t) {
  // Day, hour and minute fields beyond their range roll over, as the
  // arithmetic gives them: callers pass parse_civil's checked values.
  const date::sys_days day = date::year(t.year) / date::month(static_cast<unsigned>(t.month)) /
                             date::day(static_cast<unsigned>(t.day));
  return int64_t{day.time_since_epoch().count()} * 86400 + int64_t{t.hour} * 3600 +
         int64_t{t.minute} * 60 + t.second;
}

std::string utc_offset_text(int32_t offset_seconds) {
  const int32_t magnitude = offset_seconds < 0 ? -offset_seconds : offset_seconds;
  char text[16];
  std::snprintf(text, sizeof text, "UTC%c%02d:%02d", offset_seconds < 0 ? '-' : '+',
                magnitude / 3600 % 100, magnitude / 60 % 60);
  return text;
}

std::string format_civil(const CivilDateTime& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", t.year, t.month, t.day, t.hour,
                t.minute, t.second);
  return buf;
}

}  // namespace confsched
