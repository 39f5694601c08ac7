#include "util/time_text.h"

#include <array>
#include <charconv>
#include <cstdio>

#include "util/translate.h"

namespace confsched {

namespace {

// Their English names, marked for the catalogue: each page shows them in
// the site's language.
const std::array<std::string_view, 12> kMonths = {
    tr_mark("January"),   tr_mark("February"), tr_mark("March"),    tr_mark("April"),
    tr_mark("May"),       tr_mark("June"),     tr_mark("July"),     tr_mark("August"),
    tr_mark("September"), tr_mark("October"),  tr_mark("November"), tr_mark("December")};
const std::array<std::string_view, 7> kWeekdays = {
    tr_mark("Sunday"),   tr_mark("Monday"), tr_mark("Tuesday"), tr_mark("Wednesday"),
    tr_mark("Thursday"), tr_mark("Friday"), tr_mark("Saturday")};

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

std::string month_name(int month) {
  return month >= 1 && month <= 12 ? tr(kMonths[static_cast<size_t>(month - 1)]) : "?";
}

std::string number(int n) { return std::to_string(n); }

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
  const std::string weekday_name =
      tr(kWeekdays[static_cast<size_t>(weekday(t.year, t.month, t.day))]);
  return fill_text(tr("{weekday} {day} {month} {year}"), {{"weekday", weekday_name},
                                                          {"day", number(t.day)},
                                                          {"month", month_name(t.month)},
                                                          {"year", number(t.year)}});
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
  const std::string first_day = number(first.day), last_day = number(last.day);
  const std::string first_year = number(first.year), last_year = number(last.year);
  if (first.year != last.year)
    return fill_text(tr("{first_day} {first_month} {first_year} – {last_day} {last_month} "
                        "{last_year}"),
                     {{"first_day", first_day},
                      {"first_month", month_name(first.month)},
                      {"first_year", first_year},
                      {"last_day", last_day},
                      {"last_month", month_name(last.month)},
                      {"last_year", last_year}});
  if (first.month != last.month)
    return fill_text(tr("{first_day} {first_month} – {last_day} {last_month} {year}"),
                     {{"first_day", first_day},
                      {"first_month", month_name(first.month)},
                      {"last_day", last_day},
                      {"last_month", month_name(last.month)},
                      {"year", last_year}});
  if (first.day != last.day)
    return fill_text(tr("{first_day}–{last_day} {month} {year}"),
                     {{"first_day", first_day},
                      {"last_day", last_day},
                      {"month", month_name(last.month)},
                      {"year", last_year}});
  return fill_text(tr("{day} {month} {year}"),
                   {{"day", first_day}, {"month", month_name(first.month)}, {"year", first_year}});
}

std::string clock_of(const std::string& stored) {
  auto t = parse_civil(stored);
  return t ? format_clock(*t) : stored;
}

std::string utc_or_never(const std::string& stored_utc) {
  return stored_utc.empty() ? tr("never") : stored_utc + " UTC";
}

}  // namespace confsched
