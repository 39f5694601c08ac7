#include "model/running_late.h"

#include <charconv>

#include "util/translate.h"

namespace confsched {

namespace {

constexpr size_t kMaxPreviewed = 500;

std::optional<int64_t> parse_positive(std::string_view text) {
  if (text.empty() || text.size() > 18 || text[0] == '0') return std::nullopt;
  for (char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  int64_t value = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), value);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// "HH:MM" -> minutes since midnight; -1 for anything else.
int minutes_of(std::string_view hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return -1;
  for (size_t i : {0u, 1u, 3u, 4u})
    if (hhmm[i] < '0' || hhmm[i] > '9') return -1;
  return ((hhmm[0] - '0') * 10 + (hhmm[1] - '0')) * 60 + (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
}

std::string hhmm(int minutes) {
  char text[6] = {
      static_cast<char>('0' + minutes / 600),     static_cast<char>('0' + minutes / 60 % 10), ':',
      static_cast<char>('0' + minutes % 60 / 10), static_cast<char>('0' + minutes % 10),      0};
  return text;
}

}  // namespace

std::optional<int> parse_delay_minutes(std::string_view typed) {
  while (!typed.empty() && typed.front() == ' ') typed.remove_prefix(1);
  while (!typed.empty() && typed.back() == ' ') typed.remove_suffix(1);
  if (typed.size() > 3) return std::nullopt;
  auto value = parse_positive(typed);
  if (!value || *value > kMaxDelayMinutes) return std::nullopt;
  return static_cast<int>(*value);
}

std::optional<SessionDraft> delayed(const SessionDraft& draft, int minutes) {
  constexpr int kDay = 24 * 60;
  const int start = minutes_of(draft.start), end = minutes_of(draft.end);
  if (start < 0 || end < 0 || minutes < 0) return std::nullopt;
  // An end before the start is on the next day (SessionDraft::ends_at),
  // so the end may move past midnight; the start stays on its date.
  const int later_start = start + minutes, later_end = (end < start ? end + kDay : end) + minutes;
  if (later_start >= kDay || later_end >= 2 * kDay) return std::nullopt;
  SessionDraft moved = draft;
  moved.start = hhmm(later_start);
  moved.end = hhmm(later_end % kDay);
  return moved;
}

std::string previewed_text(const Previewed& previewed) {
  std::string text;
  for (const auto& [id, revision] : previewed) {
    if (!text.empty()) text += ',';
    text += std::to_string(id) + '.' + std::to_string(revision);
  }
  return text;
}

std::optional<Previewed> parse_previewed(std::string_view text) {
  Previewed out;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    size_t dot = item.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    auto id = parse_positive(item.substr(0, dot));
    auto revision = parse_positive(item.substr(dot + 1));
    if (!id || !revision || out.size() == kMaxPreviewed) return std::nullopt;
    out.emplace_back(*id, *revision);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
    if (text.empty()) return std::nullopt;  // a trailing comma
  }
  if (out.empty()) return std::nullopt;
  return out;
}

bool is_previewed_text(std::string_view value) { return parse_previewed(value).has_value(); }

std::string delay_announcement(const std::string& room, const std::string& title,
                               const std::string& new_start, int minutes, bool following) {
  const std::string count = std::to_string(minutes);
  std::string_view pattern;
  if (following)
    pattern = minutes == 1 ? tr_mark(
                                 "{room} is running 1 minute late: “{title}” starts at {time}, "
                                 "and the sessions after it there start 1 minute later.")
                           : tr_mark(
                                 "{room} is running {count} minutes late: “{title}” starts at "
                                 "{time}, and the sessions after it there start {count} "
                                 "minutes later.");
  else
    pattern = minutes == 1
                  ? tr_mark("{room} is running 1 minute late: “{title}” starts at {time}.")
                  : tr_mark("{room} is running {count} minutes late: “{title}” starts at {time}.");
  return fill_text(tr(pattern),
                   {{"room", room}, {"title", title}, {"time", new_start}, {"count", count}});
}

}  // namespace confsched
