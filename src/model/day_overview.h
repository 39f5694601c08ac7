// One day of the programme as staff plan it (/admin/day): a column per
// room, a row per stretch of time between two of the day's starts or ends,
// and in each cell what holds the room then: one session, a room clash
// (two or more at once), or a gap where a session could be added. Room and
// speaker clashes are the one rule's (model/clashes.h), in its words.
// Pure, so the layout is unit-tested apart from the page
// (tests/unit/day_overview_test.cc).
//
// Rows are not a fixed time grid: a row per stretch keeps a day of short
// and long sessions to as few rows as it has changes, so that a phone
// shows a room's afternoon in a screen or two, and a gap is exactly as
// long as the room is free.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/programme.h"

namespace confsched {

// One session in a cell.
struct OverviewEntry {
  const Session* session = nullptr;
  // It began in an earlier row: another session of its room started or
  // ended meanwhile. Its clashes are listed where it begins.
  bool continued = false;
  // Each clash it has that day, from its side (describe_clash).
  std::vector<std::string> clashes = {};
};

// A room's cell: rows [row, row + rows) of the day's table.
struct OverviewCell {
  const Room* room = nullptr;
  size_t rows = 1;
  std::string starts = {}, ends = {};  // "HH:MM"; ends "" when open (the last row)
  // Empty: a gap. More than one: a room clash.
  std::vector<OverviewEntry> entries = {};
  // A gap on the day itself (not past midnight): the times a new session
  // there is offered with, its end at most kNewSessionMinutes later and
  // never past the gap.
  bool can_add = false;
  std::string add_start = {}, add_end = {};
};

struct OverviewRow {
  std::string time = {};  // "HH:MM", when the row begins
  // The cells that begin in this row, in the rooms' order: a table's rows
  // leave out what a cell above still spans.
  std::vector<OverviewCell> cells = {};
};

struct DayOverview {
  std::vector<OverviewRow> rows = {};
  // Held apart: a cancelled session holds no room and no speaker, so its
  // slot shows as a gap; this lists them for their forms.
  std::vector<const Session*> cancelled = {};
  size_t clashes = 0;  // how many find_clashes found that day
};

// The day's layout. `day`: "YYYY-MM-DD"; a session belongs to the
// conference day it starts on (model/conference_day.h: a talk at 00:15
// closes the evening before when the day changes at 04:00). `rooms`: the
// columns, in order (every room, so that an empty one offers its whole
// day); a session in no listed room is left out. The rows run from the day's first start to its
// last end, then one open row from there; a day without sessions has one open row from 09:00.
DayOverview lay_out_overview(const std::string& day, const std::vector<Room>& rooms,
                             const std::vector<Session>& sessions, int day_change = 0);

// The event's days, first to last ("YYYY-MM-DD"), at most kMaxOverviewDays;
// none when either does not parse or last is before first.
inline constexpr size_t kMaxOverviewDays = 366;
std::vector<std::string> days_between(const std::string& first, const std::string& last);

}  // namespace confsched
