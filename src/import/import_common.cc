// Helpers shared by the schedule readers (frab XML, schedule JSON, CSV):
// text limits, the date and time formats, and the builder that turns
// named rooms, tracks and speakers into an ImportedProgramme. Pure.
#include "import/import_common.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

#include "model/conference_day.h"
#include "model/session_form.h"
#include "model/settings_form.h"
#include "util/text_rules.h"
#include "util/translate.h"
#include "util/utf8.h"
#include "util/web_url.h"

namespace confsched::import_detail {

// ---------------------------------------------------------------- text

std::string frab_kind(std::string_view type) {
  std::string t;
  for (char c : type) t += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  static const std::map<std::string, std::string, std::less<>> kinds = {
      {"keynote", "keynote"},   {"workshop", "workshop"}, {"hands-on", "workshop"},
      {"tutorial", "workshop"}, {"podium", "panel"},      {"panel", "panel"},
      {"discussion", "panel"},  {"break", "break"},       {"pause", "break"},
      {"social", "social"},     {"party", "social"},      {"concert", "social"},
      {"djset", "social"},      {"meetup", "social"},     {"get-together", "social"}};
  auto it = kinds.find(t);
  return it == kinds.end() ? "talk" : it->second;
}

bool plausible_time_zone(std::string_view name) {
  if (name.empty() || exceeds(kEventTimeZone, name) || name.front() == '/' || name.back() == '/')
    return false;
  char previous = '/';
  for (char c : name) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '+' || c == '/';
    // No "..", no "//", no leading dot: a zone name is also a path below
    // /usr/share/zoneinfo for whoever resolves it.
    if (!ok || (c == '/' && previous == '/')) return false;
    previous = c;
  }
  return true;
}

// ---------------------------------------------------------------- time

using std::chrono::local_days;
using std::chrono::local_seconds;

std::optional<int> digits(std::string_view s) {
  int v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || s[0] == '-')
    return std::nullopt;
  return v;
}

namespace {

local_days day_of(const CivilDateTime& t) {
  return local_days(std::chrono::year_month_day{std::chrono::year(t.year),
                                                std::chrono::month(static_cast<unsigned>(t.month)),
                                                std::chrono::day(static_cast<unsigned>(t.day))});
}

}  // namespace

std::optional<local_days> parse_date(std::string_view s) {
  if (s.size() != 10) return std::nullopt;
  auto t = parse_civil(s);
  if (!t) return std::nullopt;
  return day_of(*t);
}

// "YYYY-MM-DDTHH:MM[:SS]" followed by nothing, a fraction, "Z" or an
// offset. The offset is that of the event's zone at that moment (frab
// writes local times), so the wall clock is the part before it.
std::optional<local_seconds> parse_local_datetime(std::string_view s) {
  if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
  auto day = parse_date(s.substr(0, 10));
  size_t clock_len = s.size() >= 19 && s[16] == ':' ? 8 : 5;
  auto clock = parse_clock(s.substr(11, clock_len));
  std::string_view rest = s.substr(11 + clock_len);
  if (!day || !clock) return std::nullopt;
  if (!rest.empty() && rest[0] != 'Z' && rest[0] != '+' && rest[0] != '-' && rest[0] != '.')
    return std::nullopt;
  return local_seconds(*day) + std::chrono::seconds(*clock);
}

// frab durations: "H:MM", "HH:MM" or "HH:MM:SS", more than zero.
std::optional<std::chrono::seconds> parse_duration(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon < 1 || colon > 2) return std::nullopt;
  std::string_view rest = s.substr(colon + 1);
  if (rest.size() != 2 && !(rest.size() == 5 && rest[2] == ':')) return std::nullopt;
  auto h = digits(s.substr(0, colon)), m = digits(rest.substr(0, 2));
  auto sec = rest.size() == 5 ? digits(rest.substr(3, 2)) : std::optional<int>(0);
  if (!h || !m || !sec || *m > 59 || *sec > 59) return std::nullopt;
  std::chrono::seconds total((*h * 60 + *m) * 60 + *sec);
  if (total.count() == 0) return std::nullopt;
  return total;
}

int day_change_of_days(const std::vector<SourceDay>& days) {
  int latest = 0;
  for (const SourceDay& day : days) {
    local_days end_day = std::chrono::floor<std::chrono::days>(day.end);
    if (end_day != day.date + std::chrono::days(1)) continue;  // by midnight, or nonsense
    auto minutes =
        std::chrono::duration_cast<std::chrono::minutes>(day.end - local_seconds(end_day));
    latest = std::max(latest, static_cast<int>(minutes.count()));
  }
  return std::min(latest, kMaxDayChangeMinutes);
}

std::string format_date(local_days day) {
  std::chrono::year_month_day ymd(day);
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

std::string format_datetime(local_seconds t) {
  local_days day = std::chrono::floor<std::chrono::days>(t);
  auto secs = static_cast<int>((t - local_seconds(day)).count());
  char clock[32];
  std::snprintf(clock, sizeof clock, " %02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60);
  return format_date(day) + clock;
}

// ---------------------------------------------------------------- text

std::string_view palette_colour(size_t i) {
  // Distinct hues for tracks the file gives no colour.
  static constexpr std::array<std::string_view, 10> kPalette = {
      "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
      "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"};
  return kPalette[i % kPalette.size()];
}

// A value for an error message: the first 60 bytes, cut at a character
// boundary so the message stays valid UTF-8, with every character that
// one-line text may not hold (util/text_rules.h) written as "<U+202E>":
// a message quoting a refused value must not carry what it refuses.
std::string excerpt(std::string_view s) {
  size_t shown = std::min<size_t>(s.size(), 60);
  while (shown < s.size() && (static_cast<unsigned char>(s[shown]) & 0xC0) == 0x80) --shown;
  std::string out = "\"";
  for (size_t i = 0; i < shown;) {
    size_t start = i;
    std::optional<char32_t> cp = decode_utf8(s, i);
    if (!cp)  // the readers hand over valid UTF-8; this is for safety's sake
      out += "<?>";
    else if (is_control_character(*cp) || is_bidi_control(*cp) ||
             is_line_or_paragraph_separator(*cp))
      out += "<" + code_point_number(*cp) + ">";
    else
      out.append(s.substr(start, i - start));
  }
  return out + (shown < s.size() ? "…" : "") + "\"";
}

// ---------------------------------------------------------------- builder

std::string line_at(int64_t line) {
  return fill_text(tr("line {line}"), {{"line", std::to_string(line)}});
}

[[noreturn]] void refuse_at(const std::string& where, const std::string& message) {
  throw ImportRefusal{where.empty() ? message : where + ": " + message};
}

// "the room name is longer than 120 characters": what (marked with
// tr_mark) and a problem (model/limits.h, util/text_rules.h).
std::string text_problem_at(std::string_view what, std::string_view problem) {
  return fill_text(tr("{field} {problem}"), {{"field", tr(what)}, {"problem", problem}});
}

std::string one_line_text(const std::string& where, std::string_view what, std::string_view raw,
                          const ColumnLimit& limit) {
  std::string s = one_line(raw);
  if (auto problem = column_text_problem(limit, s, TextLines::kOne))
    refuse_at(where, text_problem_at(what, *problem));
  return s;
}

std::string checked_text(const std::string& where, std::string_view what, std::string_view raw,
                         const ColumnLimit& limit) {
  if (one_line(raw).empty())
    refuse_at(where, fill_text(tr("{field} is empty"), {{"field", tr(what)}}));
  return one_line_text(where, what, raw, limit);
}

void check_abstract(const std::string& where, std::string_view what, std::string_view text) {
  if (auto problem = session_abstract_problem(text))
    refuse_at(where, text_problem_at(what, *problem));
}

std::optional<Material> material_link(const std::string& where, std::string_view url,
                                      std::string_view text) {
  WebUrlCheck check = check_web_url(url);
  // The address is not quoted back: it holds the secret.
  if (check == WebUrlCheck::kHasUserinfo) refuse_at(where, tr(kUserinfoMessage));
  if (check != WebUrlCheck::kOk || exceeds(kMaterialUrl, url)) return std::nullopt;
  std::string label = one_line_text(where, tr_mark("a link text"), text, kMaterialLabel);
  return Material{label.empty() ? "Link" : label, std::string(url)};
}

std::string source_slug(std::string_view raw) {
  std::string_view slug = trim_blanks(raw);
  if (slug.size() < 2 || exceeds(kSessionExternalSlug, slug)) return "";
  auto plain = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  for (char c : slug)
    if (!plain(c) && c != '_' && c != '-') return "";
  return plain(slug.back()) ? std::string(slug) : "";
}

std::string source_url(const std::string& where, std::string_view raw) {
  std::string_view url = trim_blanks(raw);
  if (url.empty()) return "";
  WebUrlCheck check = check_web_url(url);
  if (check == WebUrlCheck::kHasUserinfo) refuse_at(where, tr(kUserinfoMessage));
  if (check != WebUrlCheck::kOk || exceeds(kSessionExternalUrl, url)) return "";
  return std::string(url);
}

void ProgrammeBuilder::set_event(const std::string& where, std::string_view name,
                                 std::string_view venue, std::string_view zone,
                                 std::optional<local_days> first, std::optional<local_days> last) {
  p_.event.name = checked_text(where, tr_mark("the conference title"), name, kEventName);
  if (!one_line(venue).empty())
    p_.event.venue = checked_text(where, tr_mark("the venue"), venue, kEventVenue);
  std::string z = std::string(trim_blanks(zone));
  if (z.empty()) z = default_zone_;
  if (z.empty()) refuse_at(where, tr("the file names no time zone and none was given"));
  if (!plausible_time_zone(z))
    refuse_at(where, fill_text(tr("time zone {zone} is not valid"), {{"zone", excerpt(z)}}));
  p_.event.time_zone = z;
  first_day_ = first;
  last_day_ = last;
}

size_t ProgrammeBuilder::room(const std::string& where, std::string_view raw) {
  std::string name = checked_text(where, tr_mark("the room name"), raw, kRoomName);
  auto [it, fresh] = room_index_.emplace(name, p_.rooms.size());
  if (fresh) {
    if (p_.rooms.size() >= kMaxScheduleRoomsOrTracks)
      refuse_at(where, fill_text(tr("more than {count} rooms"),
                                 {{"count", std::to_string(kMaxScheduleRoomsOrTracks)}}));
    p_.rooms.push_back(name);
  }
  return it->second;
}

std::optional<size_t> ProgrammeBuilder::track(const std::string& where, std::string_view raw,
                                              std::string_view colour) {
  std::string name = one_line_text(where, tr_mark("the track name"), raw, kTrackName);
  if (name.empty()) return std::nullopt;
  auto it = track_index_.find(name);
  if (it != track_index_.end()) return it->second;
  if (p_.tracks.size() >= kMaxScheduleRoomsOrTracks)
    refuse_at(where, fill_text(tr("more than {count} tracks"),
                               {{"count", std::to_string(kMaxScheduleRoomsOrTracks)}}));
  std::string c =
      is_hex_colour(colour) ? std::string(colour) : std::string(palette_colour(p_.tracks.size()));
  track_index_.emplace(name, p_.tracks.size());
  p_.tracks.push_back(ImportedTrack{name, c});
  return p_.tracks.size() - 1;
}

std::optional<size_t> ProgrammeBuilder::speaker(const std::string& where, int64_t id,
                                                std::string_view raw) {
  std::string name = one_line_text(where, tr_mark("a speaker name"), raw, kSpeakerName);
  // A deleted account can leave a nameless person behind; nobody to show.
  if (name.empty()) return std::nullopt;
  // Identity by id (names change, ids do not); by name only without one.
  std::string key = id > 0 ? "#" + std::to_string(id) : "=" + name;
  auto [it, fresh] = person_index_.emplace(key, p_.speakers.size());
  if (fresh) p_.speakers.push_back(ImportedSpeaker{id > 0 ? id : 0, name});
  return it->second;
}

void ProgrammeBuilder::add_session(const std::string& where, ImportedSession s, local_seconds start,
                                   std::chrono::seconds duration) {
  if (p_.sessions.size() >= kMaxScheduleSessions)
    refuse_at(where, fill_text(tr("more than {count} sessions"),
                               {{"count", std::to_string(kMaxScheduleSessions)}}));
  if (duration.count() <= 0) refuse_at(where, tr("the session does not end after it starts"));
  check_abstract(where, tr_mark("the abstract"), s.abstract);
  if (s.speakers.size() > kMaxSpeakersPerSession)
    refuse_at(where, fill_text(tr("more than {count} speakers"),
                               {{"count", std::to_string(kMaxSpeakersPerSession)}}));
  if (s.materials.size() > kMaxMaterialsPerSession)
    refuse_at(where, fill_text(tr("more than {count} links"),
                               {{"count", std::to_string(kMaxMaterialsPerSession)}}));
  if (auto problem = length_problem(kSessionExternalId, s.guid))
    refuse_at(where, text_problem_at(tr_mark("the guid"), *problem));
  if (!s.guid.empty() && !guids_.insert(s.guid).second)
    refuse_at(where, fill_text(tr("guid {guid} appears twice"), {{"guid", excerpt(s.guid)}}));
  s.starts_at = format_datetime(start);
  s.ends_at = format_datetime(start + duration);
  local_days day = std::chrono::floor<std::chrono::days>(start);
  if (!earliest_ || day < *earliest_) earliest_ = day;
  if (!latest_ || day > *latest_) latest_ = day;
  p_.sessions.push_back(std::move(s));
}

ImportedProgramme ProgrammeBuilder::finish(const std::string& where) {
  if (p_.sessions.empty()) refuse_at(where, tr("the schedule holds no sessions"));
  local_days first = first_day_ ? std::min(*first_day_, *earliest_) : *earliest_;
  local_days last = last_day_ ? std::max(*last_day_, *latest_) : *latest_;
  if (last < first) refuse_at(where, tr("the conference ends before it starts"));
  p_.event.starts_on = format_date(first);
  p_.event.ends_on = format_date(last);
  std::set<std::string> days;
  for (const ImportedSession& s : p_.sessions) days.insert(s.starts_at.substr(0, 10));
  if (p_.days == 0) p_.days = days.size();
  if (!source_days_.empty()) p_.event.day_change = day_change_of_days(source_days_);
  return std::move(p_);
}

}  // namespace confsched::import_detail
