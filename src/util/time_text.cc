#include "util/time_text.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace confsched {

namespace {

constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};
constexpr std::array<const char*, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};

bool read_int(std::string_view text, size_t pos, size_t len, int& out) {
  if (pos + len > text.size()) return false;
  for (size_t i = pos; i < pos + len; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  auto r = std::from_chars(text.data() + pos, text.data() + pos + len, out);
  return r.ec == std::errc();
}

// Sakamoto's method; 0 = Sunday.
int weekday(int y, int m, int d) {
  static const int offsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + offsets[m - 1] + d) % 7;
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

const char* month_name(int month) {
  return month >= 1 && month <= 12 ? kMonths[static_cast<size_t>(month - 1)] : "?";
}

}  // namespace

std::optional<CivilDateTime> parse_civil(std::string_view text) {
  CivilDateTime t;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!read_int(text, 0, 4, t.year) || !read_int(text, 5, 2, t.month) ||
      !read_int(text, 8, 2, t.day))
    return std::nullopt;
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in_month(t.year, t.month))
    return std::nullopt;
  if (text.size() == 10) return t;
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  if ((text[10] != ' ' && text[10] != 'T') || text[13] != ':') return std::nullopt;
  if (!read_int(text, 11, 2, t.hour) || !read_int(text, 14, 2, t.minute)) return std::nullopt;
  if (text.size() == 19) {
    if (text[16] != ':' || !read_int(text, 17, 2, t.second)) return std::nullopt;
  }
  if (t.hour > 23 || t.minute > 59 || t.second > 60) return std::nullopt;
  return t;
}

std::optional<int> parse_clock(std::string_view text) {
  if ((text.size() != 5 && text.size() != 8) || text[2] != ':' ||
      (text.size() == 8 && text[5] != ':'))
    return std::nullopt;
  int hour = 0, minute = 0, second = 0;
  if (!read_int(text, 0, 2, hour) || !read_int(text, 3, 2, minute) ||
      (text.size() == 8 && !read_int(text, 6, 2, second)))
    return std::nullopt;
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  return (hour * 60 + minute) * 60 + second;
}

std::string format_day_label(const CivilDateTime& t) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %d %s %d",
                kWeekdays[static_cast<size_t>(weekday(t.year, t.month, t.day))], t.day,
                month_name(t.month), t.year);
  return buf;
}

std::string format_clock(const CivilDateTime& t) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour % 100, t.minute % 100);
  return buf;
}

std::string format_iso_date(const CivilDateTime& t) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year % 10000, t.month % 100, t.day % 100);
  return buf;
}

std::string format_date_range(const CivilDateTime& first, const CivilDateTime& last) {
  char buf[96];
  if (first.year != last.year) {
    std::snprintf(buf, sizeof buf, "%d %s %d – %d %s %d", first.day, month_name(first.month),
                  first.year, last.day, month_name(last.month), last.year);
  } else if (first.month != last.month) {
    std::snprintf(buf, sizeof buf, "%d %s – %d %s %d", first.day, month_name(first.month), last.day,
                  month_name(last.month), last.year);
  } else if (first.day != last.day) {
    std::snprintf(buf, sizeof buf, "%d–%d %s %d", first.day, last.day, month_name(last.month),
                  last.year);
  } else {
    std::snprintf(buf, sizeof buf, "%d %s %d", first.day, month_name(first.month), first.year);
  }
  return buf;
}

std::string clock_of(const std::string& stored) {
  auto t = parse_civil(stored);
  return t ? format_clock(*t) : stored;
}

std::string utc_or_never(const std::string& stored_utc) {
  return stored_utc.empty() ? "never" : stored_utc + " UTC";
}

}  // namespace confsched
