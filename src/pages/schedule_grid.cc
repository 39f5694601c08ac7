#include "pages/schedule_grid.h"

#include <algorithm>
#include <cmath>

#include "model/settings_form.h"
#include "util/time_text.h"
#include "util/time_zone.h"

namespace confsched {

namespace {

// A session's times as minutes from midnight of the day's date (an end
// after midnight is past 1440).
struct Minutes {
  const Session* session;
  int64_t start, end;
};

std::optional<int64_t> minutes_from(int64_t midnight, const std::string& text) {
  auto t = parse_civil(text);
  if (!t) return std::nullopt;
  return (seconds_from_civil(*t) - midnight) / 60;
}

bool overlap(const GridPlace& a, const GridPlace& b) {
  return a.slot < b.slot + b.span && b.slot < a.slot + a.span;
}

// Side by side: each place takes the first lane free at its start.
int assign_lanes(std::vector<GridPlace>& places) {
  std::stable_sort(places.begin(), places.end(),
                   [](const GridPlace& a, const GridPlace& b) { return a.slot < b.slot; });
  std::vector<int> lane_end;  // the first free row of each lane
  for (GridPlace& p : places) {
    auto free =
        std::find_if(lane_end.begin(), lane_end.end(), [&](int end) { return end <= p.slot; });
    if (free == lane_end.end() && lane_end.size() < static_cast<size_t>(kGridMaxLanes))
      free = lane_end.insert(lane_end.end(), 0);
    else if (free == lane_end.end())
      free = std::min_element(lane_end.begin(), lane_end.end());
    p.lane = static_cast<int>(free - lane_end.begin()) + 1;
    *free = std::max(*free, p.slot + p.span);
  }
  return std::max<int>(1, static_cast<int>(lane_end.size()));
}

// sRGB channel (0–255) to linear light, as WCAG 2 defines it.
double linear(int channel) {
  double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

std::optional<double> luminance(std::string_view colour) {
  if (!is_hex_colour(colour)) return std::nullopt;
  auto channel = [&](size_t at) {
    return std::stoi(std::string(colour.substr(at, 2)), nullptr, 16);
  };
  return 0.2126 * linear(channel(1)) + 0.7152 * linear(channel(3)) + 0.0722 * linear(channel(5));
}

}  // namespace

bool spans_rooms(const Session& session) { return session.kind == "break" || !session.room; }

DayGrid lay_out_day(const std::vector<const Session*>& sessions, const std::vector<Room>& rooms) {
  DayGrid grid;
  if (sessions.empty()) return grid;
  auto day = parse_civil(sessions.front()->starts_at.substr(0, 10));
  if (!day) return grid;
  const int64_t midnight = seconds_from_civil(*day);
  std::vector<Minutes> times;
  for (const Session* s : sessions) {
    auto start = minutes_from(midnight, s->starts_at);
    auto end = minutes_from(midnight, s->ends_at);
    if (start && end) times.push_back({s, *start, std::max(*end, *start + kGridSlotMinutes)});
  }
  if (times.empty()) return grid;

  int64_t first = times.front().start, last = times.front().end;
  for (const Minutes& m : times) {
    first = std::min(first, m.start);
    last = std::max(last, m.end);
  }
  grid.first_hour = static_cast<int>(std::clamp<int64_t>(first / 60, 0, 23));
  const int64_t origin = grid.first_hour * 60;
  grid.hours = static_cast<int>(std::clamp<int64_t>((last - origin + 59) / 60, 1, kGridMaxHours));
  const int64_t rows = int64_t{grid.hours} * kGridSlotsPerHour;

  std::vector<GridPlace> in_rooms, spanning;
  for (const Minutes& m : times) {
    GridPlace p;
    p.session = m.session;
    int64_t slot = std::clamp<int64_t>((m.start - origin) / kGridSlotMinutes, 0, rows - 1);
    int64_t end = std::clamp<int64_t>((m.end - origin + kGridSlotMinutes - 1) / kGridSlotMinutes,
                                      slot + 1, rows);
    p.slot = static_cast<int>(slot);
    p.span = static_cast<int>(end - slot);
    (spans_rooms(*m.session) ? spanning : in_rooms).push_back(p);
  }

  // A break spans only where it hides nothing: one that overlaps a room's
  // session or another break goes into its room's column (or the room-less
  // one) like any session.
  std::vector<GridPlace> loose;
  for (const GridPlace& p : spanning) {
    auto hits = [&](const GridPlace& other) { return &other != &p && overlap(p, other); };
    bool alone = !in_rooms.empty() && std::none_of(in_rooms.begin(), in_rooms.end(), hits) &&
                 std::none_of(spanning.begin(), spanning.end(), hits);
    (alone ? grid.spanning : loose).push_back(p);
  }
  in_rooms.insert(in_rooms.end(), loose.begin(), loose.end());

  for (const Room& room : rooms) {
    GridColumn column;
    column.room = &room;
    for (const GridPlace& p : in_rooms)
      if (p.session->room && p.session->room->id == room.id) column.places.push_back(p);
    if (column.places.empty()) continue;
    column.lanes = assign_lanes(column.places);
    grid.columns.push_back(std::move(column));
  }
  GridColumn roomless;
  for (const GridPlace& p : in_rooms)
    if (!p.session->room) roomless.places.push_back(p);
  if (!roomless.places.empty()) {
    roomless.lanes = assign_lanes(roomless.places);
    grid.columns.push_back(std::move(roomless));
  }
  return grid;
}

std::optional<double> contrast_ratio(std::string_view colour, std::string_view other) {
  auto a = luminance(colour), b = luminance(other);
  if (!a || !b) return std::nullopt;
  return (std::max(*a, *b) + 0.05) / (std::min(*a, *b) + 0.05);
}

}  // namespace confsched
