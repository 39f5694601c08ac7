#include "model/speaker_checkin.h"

#include <algorithm>
#include <tuple>

#include "util/time_text.h"

namespace confsched {

namespace {

// Minutes since midnight of "HH:MM[:SS]"; a time the store could not have
// written counts as midnight rather than throwing the desk's page away.
int minute_of(std::string_view clock) {
  std::optional<int> seconds = parse_clock(clock);
  return seconds ? *seconds / 60 : 0;
}

}  // namespace

std::vector<CheckinRow> checkin_list(std::vector<SpeakerToday> speakers, std::string_view now) {
  const int now_minute = minute_of(now);
  std::vector<CheckinRow> rows;
  rows.reserve(speakers.size());
  for (SpeakerToday& speaker : speakers) {
    CheckinRow row;
    std::sort(speaker.sessions.begin(), speaker.sessions.end(),
              [](const CheckinSession& a, const CheckinSession& b) {
                return std::tie(a.start, a.end, a.id) < std::tie(b.start, b.end, b.id);
              });
    for (const CheckinSession& s : speaker.sessions) {
      // One that runs past midnight (an import may store it) ends tomorrow.
      int end = minute_of(s.end);
      if (end <= minute_of(s.start)) end += 24 * 60;
      if (end > now_minute) {
        row.next = s;
        break;
      }
    }
    if (row.next) {
      const int starts_in = minute_of(row.next->start) - now_minute;
      row.on_now = starts_in <= 0;
      row.due_soon = !speaker.arrived && starts_in <= kDueWithinMinutes;
    }
    row.speaker = std::move(speaker);
    rows.push_back(std::move(row));
  }
  // Those still to speak first, soonest first; then those done for the day.
  std::sort(rows.begin(), rows.end(), [](const CheckinRow& a, const CheckinRow& b) {
    if (a.next.has_value() != b.next.has_value()) return a.next.has_value();
    const std::string none;
    const std::string& a_start = a.next ? a.next->start : none;
    const std::string& b_start = b.next ? b.next->start : none;
    return std::tie(a_start, a.speaker.name, a.speaker.id) <
           std::tie(b_start, b.speaker.name, b.speaker.id);
  });
  return rows;
}

}  // namespace confsched
