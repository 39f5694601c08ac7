// Shared pieces of the feeds (see feed_text.h).
#include "feeds/feed_text.h"

#include <libical/ical.h>

#include <cctype>
#include <chrono>
#include <cstdio>

#include "auth/crypto.h"
#include "util/time_zone.h"

namespace confsched {

namespace {

std::chrono::local_seconds to_local(const CivilDateTime& t) {
  std::chrono::year_month_day ymd{std::chrono::year(t.year),
                                  std::chrono::month(static_cast<unsigned>(t.month)),
                                  std::chrono::day(static_cast<unsigned>(t.day))};
  return std::chrono::local_days(ymd) + std::chrono::hours(t.hour) +
         std::chrono::minutes(t.minute) + std::chrono::seconds(t.second);
}

}  // namespace

icaltimetype to_ical_wall_time(const CivilDateTime& local) {
  icaltimetype t = icaltime_null_time();
  t.year = local.year;
  t.month = local.month;
  t.day = local.day;
  t.hour = local.hour;
  t.minute = local.minute;
  t.second = local.second;
  return t;
}

std::string feed_uid_domain(std::string_view base_url, std::string_view secret) {
  if (size_t scheme = base_url.find("://"); scheme != std::string_view::npos) {
    std::string_view host = base_url.substr(scheme + 3);
    host = host.substr(0, host.find('/'));
    if (!host.empty()) return std::string(host);
  }
  return sha256_hex(std::string("confsched-feed-uid|") + std::string(secret)).substr(0, 16) +
         ".confsched.invalid";
}

std::string session_guid(std::string_view uid_domain, int64_t id) {
  std::string h =
      sha256_hex("confsched-session-guid|" + std::string(uid_domain) + "|" + std::to_string(id));
  // Version 8 in the 13th digit, variant 10xx in the 17th (RFC 9562 §5.8).
  h[12] = '8';
  h[16] = "89ab"[std::stoi(h.substr(16, 1), nullptr, 16) & 3];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20, 12);
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

std::string exported_guid(std::string_view external_id, std::string_view uid_domain, int64_t id) {
  if (!is_uuid(external_id)) return session_guid(uid_domain, id);
  std::string guid(external_id);
  for (char& c : guid) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return guid;
}

std::optional<int> utc_offset(std::string_view zone, const CivilDateTime& local) {
  // The same zone rules as every page's times (util/time_zone.h).
  std::optional<TimeZone> tz = TimeZone::load(zone);
  if (!tz) return std::nullopt;
  return tz->offset_at(tz->utc_of(local));
}

std::string iso_local_with_offset(std::string_view zone, const CivilDateTime& local) {
  int offset = utc_offset(zone, local).value_or(0);
  int magnitude = offset < 0 ? -offset : offset;
  char out[64];
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", local.year,
                local.month, local.day, local.hour, local.minute, local.second,
                offset < 0 ? '-' : '+', magnitude / 3600, magnitude / 60 % 60);
  return out;
}

int64_t minutes_between(const CivilDateTime& start, const CivilDateTime& end) {
  auto m = std::chrono::duration_cast<std::chrono::minutes>(to_local(end) - to_local(start));
  return m.count() > 0 ? m.count() : 0;
}

std::string hours_minutes(int64_t minutes) {
  char out[32];
  std::snprintf(out, sizeof out, "%02lld:%02lld", static_cast<long long>(minutes / 60),
                static_cast<long long>(minutes % 60));
  return out;
}

std::string slug_of(std::string_view text, size_t max_len) {
  std::string out;
  bool gap = false;
  for (char c : text) {
    char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    bool keep = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
    if (!keep) {
      gap = !out.empty();
      continue;
    }
    // Never end on '_': stop before a gap that leaves no room after it.
    if (out.size() + (gap ? 2 : 1) > max_len) break;
    if (gap) out += '_';
    gap = false;
    out += lower;
  }
  return out;
}

bool listed_in_exchange_formats(const Session& s) { return s.status != "cancelled"; }

}  // namespace confsched
