#include "model/day_overview.h"

#include <algorithm>
#include <map>
#include <set>

#include "model/clashes.h"
#include "model/conference_day.h"
#include "model/session_form.h"
#include "model/session_terms.h"
#include "util/time_text.h"
#include "util/time_zone.h"

namespace confsched {

namespace {

// On the calendar date: where a gap may offer a new session (the form's
// day is its start's date).
bool on_day(const std::string& at, const std::string& day) { return at.compare(0, 10, day) == 0; }

// Whether a session holds its room in the row that begins at `at` (and
// runs to the next boundary, every start and end being one). One that
// ends no later than it starts, which the schema's CHECK forbids, still
// shows, in the row of its start.
bool holds(const Session& s, const std::string& at) {
  return s.starts_at <= at && (at < s.ends_at || at == s.starts_at);
}

// The gap's offer: from its start, kNewSessionMinutes or to its end,
// whichever comes first, on the day only.
void offer_gap(OverviewCell& cell, const std::string& from, const std::string& to,
               const std::string& day) {
  if (!on_day(from, day)) return;
  cell.add_start = clock_of(from);
  cell.add_end = clock_after(cell.add_start, kNewSessionMinutes);
  if (!to.empty() && on_day(to, day)) cell.add_end = std::min(cell.add_end, clock_of(to));
  cell.can_add = cell.add_end > cell.add_start;
}

}  // namespace

DayOverview lay_out_overview(const std::string& day, const std::vector<Room>& rooms,
                             const std::vector<Session>& sessions, int day_change) {
  DayOverview overview;
  std::set<int64_t> room_ids;
  for (const Room& r : rooms) room_ids.insert(r.id);
  std::vector<const Session*> of_day;
  for (const Session& s : sessions)
    if (conference_day(s.starts_at, day_change) == day && s.room && room_ids.count(s.room->id))
      of_day.push_back(&s);

  // The one clash rule, over the day's sessions (a cancelled one clashes
  // with nothing): each clash's sentence goes to both sessions, each from
  // its own side.
  std::vector<Booking> bookings;
  for (const Session* s : of_day) {
    Booking b{.title = s->title,
              .room = s->room->name,
              .starts_at = s->starts_at,
              .ends_at = s->ends_at,
              .cancelled = is_cancelled(s->status)};
    for (const Speaker* speaker : s->speakers) b.speakers.push_back(speaker->name);
    bookings.push_back(std::move(b));
  }
  const std::vector<Clash> clashes = find_clashes(bookings);
  overview.clashes = clashes.size();
  std::map<const Session*, std::vector<std::string>> sentences;
  for (const Clash& c : clashes)
    for (size_t side : {c.first, c.second})
      sentences[of_day[side]].push_back(describe_clash(bookings, c, side));

  std::vector<const Session*> holding;
  std::set<std::string> boundaries;
  for (const Session* s : of_day) {
    if (is_cancelled(s->status)) {
      overview.cancelled.push_back(s);
      continue;
    }
    holding.push_back(s);
    boundaries.insert(s->starts_at);
    boundaries.insert(s->ends_at);
  }
  // An empty day: one open row from where the new-session form starts.
  if (boundaries.empty()) boundaries.insert(day + " " + std::string(kNewSessionStart) + ":00");
  // Row i runs from at[i] to at[i + 1]; the last one is open.
  const std::vector<std::string> at(boundaries.begin(), boundaries.end());
  for (const std::string& t : at) overview.rows.push_back(OverviewRow{.time = clock_of(t)});

  for (const Room& room : rooms) {
    std::vector<const Session*> mine;
    for (const Session* s : holding)
      if (s->room->id == room.id) mine.push_back(s);
    auto in_row = [&](size_t i) {
      std::vector<const Session*> here;
      for (const Session* s : mine)
        if (holds(*s, at[i])) here.push_back(s);
      return here;
    };
    // A cell per run of rows in which the same sessions hold the room.
    for (size_t first = 0; first < at.size();) {
      const std::vector<const Session*> here = in_row(first);
      size_t next = first + 1;
      while (next < at.size() && in_row(next) == here) ++next;
      OverviewCell cell{.room = &room,
                        .rows = next - first,
                        .starts = clock_of(at[first]),
                        .ends = next < at.size() ? clock_of(at[next]) : ""};
      for (const Session* s : here) {
        const bool continued = s->starts_at < at[first];
        cell.entries.push_back(
            OverviewEntry{.session = s,
                          .continued = continued,
                          .clashes = continued ? std::vector<std::string>{} : sentences[s]});
      }
      if (here.empty()) offer_gap(cell, at[first], next < at.size() ? at[next] : "", day);
      overview.rows[first].cells.push_back(std::move(cell));
      first = next;
    }
  }
  return overview;
}

std::vector<std::string> days_between(const std::string& first, const std::string& last) {
  std::vector<std::string> days;
  auto from = parse_civil(first), to = parse_civil(last);
  if (!from || !to || first.size() != 10 || last.size() != 10) return days;
  const int64_t end = seconds_from_civil(*to);
  for (int64_t t = seconds_from_civil(*from); t <= end && days.size() < kMaxOverviewDays;
       t += 86400)
    days.push_back(format_iso_date(civil_from_seconds(t)));
  return days;
}

}  // namespace confsched
