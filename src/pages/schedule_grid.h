// One day of the programme as rooms × time (/schedule?day=…&view=grid):
// which column, lane and rows each session takes. Pure, so the placement
// rules (overlaps side by side, breaks across every room) are unit-tested
// apart from the page (tests/unit/schedule_grid_test.cc).
//
// Rows are 5 minutes each, counted from the whole hour before the day's
// first session. The page gives the rows to CSS as classes, not as style
// attributes: the Content-Security-Policy allows no inline style.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "model/programme.h"

namespace confsched {

inline constexpr int kGridSlotMinutes = 5;
inline constexpr int kGridSlotsPerHour = 60 / kGridSlotMinutes;
// The rows reach at most this far past the first hour: a session that runs
// on longer is cut at the grid's bottom (its cell still says its times).
// The stylesheet has a class for each hour count up to here.
inline constexpr int kGridMaxHours = 30;
// Sessions of one room that overlap each other stand side by side, each in
// a lane of its own, up to this many; the stylesheet has a class per lane.
// Beyond that a session shares the lane that frees first.
inline constexpr int kGridMaxLanes = 12;

struct GridPlace {
  const Session* session = nullptr;
  int slot = 0;  // the first row, from 0 at the grid's first hour
  int span = 1;  // rows, at least one
  int lane = 1;  // within its room's column, from 1; 1 for a spanning place
};

struct GridColumn {
  const Room* room = nullptr;  // nullptr: sessions without a room that could not span
  int lanes = 1;
  std::vector<GridPlace> places;  // by start
};

struct DayGrid {
  int first_hour = 0;  // the hour of day of row 0
  int hours = 0;       // the grid has hours * kGridSlotsPerHour rows
  // Rooms by position, only those with a session that day; then, if there
  // is any, the column of room-less sessions that could not span.
  std::vector<GridColumn> columns;
  // Breaks and room-less sessions that overlap nothing else of the day:
  // they run across every column.
  std::vector<GridPlace> spanning;
};

// Whether a session runs across every room when nothing else overlaps it:
// a break, or a session held in no room.
bool spans_rooms(const Session& session);

// `sessions`: one day's sessions (by start time, as Programme keeps them);
// `rooms`: the programme's rooms, by position. A session whose times do not
// parse is left out.
DayGrid lay_out_day(const std::vector<const Session*>& sessions, const std::vector<Room>& rooms);

// The WCAG 2 contrast ratio of two colours given as "#rrggbb" (1 to 21);
// nullopt if either is not one. The grid draws a track's colour only as a
// stripe beside text on the cell's own background, so text contrast never
// depends on it; this tells whether the stripe itself stands out from that
// background by the 3:1 WCAG asks of graphics (else the page outlines it).
std::optional<double> contrast_ratio(std::string_view colour, std::string_view other);

}  // namespace confsched
