#include "util/time_zone.h"

#include <algorithm>
#include <cstdio>

#include "util/files.h"

namespace confsched {

namespace {

// Big-endian reads from a bounds-checked cursor.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool skip(size_t n) {
    if (bytes_.size() - pos_ < n) return false;
    pos_ += n;
    return true;
  }
  bool u8(uint8_t& out) {
    if (pos_ >= bytes_.size()) return false;
    out = static_cast<uint8_t>(bytes_[pos_++]);
    return true;
  }
  bool be(size_t width, int64_t& out) {
    if (bytes_.size() - pos_ < width) return false;
    uint64_t v = 0;
    for (size_t i = 0; i < width; ++i) v = (v << 8) | static_cast<uint8_t>(bytes_[pos_ + i]);
    pos_ += width;
    // Sign-extend 32-bit fields.
    if (width == 4)
      out = static_cast<int32_t>(static_cast<uint32_t>(v));
    else
      out = static_cast<int64_t>(v);
    return true;
  }
  size_t pos() const { return pos_; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

struct Header {
  char version = 0;
  int64_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

bool read_header(Reader& r, Header& h, std::string_view bytes) {
  size_t at = r.pos();
  if (bytes.size() - at < 44 || bytes.substr(at, 4) != "TZif") return false;
  h.version = bytes[at + 4];
  if (!r.skip(20)) return false;
  for (int64_t* field : {&h.isutcnt, &h.isstdcnt, &h.leapcnt, &h.timecnt, &h.typecnt, &h.charcnt})
    if (!r.be(4, *field) || *field < 0 || *field > 100000) return false;
  // RFC 8536 §3.1: at least one type; the indicator counts are 0 or typecnt.
  return h.typecnt > 0 && (h.isutcnt == 0 || h.isutcnt == h.typecnt) &&
         (h.isstdcnt == 0 || h.isstdcnt == h.typecnt);
}

size_t data_size(const Header& h, size_t time_width) {
  return static_cast<size_t>(h.timecnt) * (time_width + 1) + static_cast<size_t>(h.typecnt) * 6 +
         static_cast<size_t>(h.charcnt) + static_cast<size_t>(h.leapcnt) * (time_width + 4) +
         static_cast<size_t>(h.isstdcnt + h.isutcnt);
}

bool plain_zone_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/') return false;
  if (name.find("..") != std::string_view::npos || name.find("//") != std::string_view::npos)
    return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '+' || c == '/';
  });
}

}  // namespace

std::optional<TimeZone> TimeZone::from_tzif(std::string_view bytes) {
  Reader r(bytes);
  Header h;
  if (!read_header(r, h, bytes)) return std::nullopt;
  size_t width = 4;
  // Version 2+: skip the 32-bit block; the second header and the 64-bit
  // block that follow it hold the same data in full.
  if (h.version >= '2') {
    if (!r.skip(data_size(h, 4)) || !read_header(r, h, bytes)) return std::nullopt;
    width = 8;
  }
  std::vector<int64_t> times(static_cast<size_t>(h.timecnt));
  for (int64_t& t : times)
    if (!r.be(width, t)) return std::nullopt;
  std::vector<uint8_t> indices(static_cast<size_t>(h.timecnt));
  for (uint8_t& i : indices)
    if (!r.u8(i) || i >= h.typecnt) return std::nullopt;
  std::vector<int32_t> type_offsets(static_cast<size_t>(h.typecnt));
  for (int32_t& off : type_offsets) {
    int64_t utoff = 0;
    if (!r.be(4, utoff) || !r.skip(2)) return std::nullopt;  // skip isdst, desigidx
    // RFC 8536 §3.2: -2^31 is not allowed; real offsets are within a day.
    if (utoff <= -86400 || utoff >= 86400) return std::nullopt;
    off = static_cast<int32_t>(utoff);
  }
  if (!r.skip(data_size(h, width) - static_cast<size_t>(h.timecnt) * (width + 1) -
              static_cast<size_t>(h.typecnt) * 6))
    return std::nullopt;
  if (!std::is_sorted(times.begin(), times.end())) return std::nullopt;

  TimeZone zone;
  zone.transitions_ = std::move(times);
  zone.offsets_.reserve(indices.size());
  for (uint8_t i : indices) zone.offsets_.push_back(type_offsets[i]);
  // RFC 8536 §3.2: local time type 0 applies before the first transition.
  zone.initial_offset_ = type_offsets[0];
  return zone;
}

std::optional<TimeZone> TimeZone::load(std::string_view name, const std::string& zoneinfo_dir) {
  if (!plain_zone_name(name)) return std::nullopt;
  try {
    return from_tzif(read_whole_file(zoneinfo_dir + "/" + std::string(name)));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

int32_t TimeZone::offset_at(int64_t utc_seconds) const {
  auto it = std::upper_bound(transitions_.begin(), transitions_.end(), utc_seconds);
  if (it == transitions_.begin()) return initial_offset_;
  return offsets_[static_cast<size_t>(it - transitions_.begin()) - 1];
}

CivilDateTime TimeZone::local_time(int64_t utc_seconds) const {
  return civil_from_seconds(utc_seconds + offset_at(utc_seconds));
}

std::string TimeZone::offsets_between(const CivilDateTime& first, const CivilDateTime& last) const {
  // A local time read as UTC is at most a day off the instant; offsets
  // change at night, so the offset there is the one in force.
  const int32_t from = offset_at(seconds_from_civil(first) - offset_at(seconds_from_civil(first)));
  const int32_t to = offset_at(seconds_from_civil(last) - offset_at(seconds_from_civil(last)));
  if (from == to) return utc_offset_text(from);
  return utc_offset_text(from) + ", then " + utc_offset_text(to);
}

int64_t seconds_from_civil(const CivilDateTime& t) {
  // Howard Hinnant's days_from_civil, same source as below.
  const int64_t y = t.month <= 2 ? t.year - 1 : t.year;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = t.month > 2 ? t.month - 3 : t.month + 9;
  const int64_t doy = (153 * mp + 2) / 5 + t.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const int64_t days = era * 146097 + doe - 719468;
  return days * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

std::string utc_offset_text(int32_t offset_seconds) {
  if (offset_seconds == 0) return "UTC";
  const int32_t magnitude = offset_seconds < 0 ? -offset_seconds : offset_seconds;
  char text[16];
  std::snprintf(text, sizeof text, "UTC%c%02d:%02d", offset_seconds < 0 ? '-' : '+',
                magnitude / 3600 % 100, magnitude / 60 % 60);
  return text;
}

CivilDateTime civil_from_seconds(int64_t local_seconds) {
  int64_t days = local_seconds / 86400;
  int64_t rest = local_seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  // Days to civil date: Howard Hinnant's published algorithm
  // ("chrono-Compatible Low-Level Date Algorithms", civil_from_days).
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  CivilDateTime t;
  t.year = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  t.month = static_cast<int>(m);
  t.day = static_cast<int>(d);
  t.hour = static_cast<int>(rest / 3600);
  t.minute = static_cast<int>(rest / 60 % 60);
  t.second = static_cast<int>(rest % 60);
  return t;
}

std::string format_civil(const CivilDateTime& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", t.year, t.month, t.day, t.hour,
                t.minute, t.second);
  return buf;
}

}  // namespace confsched
