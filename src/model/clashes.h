// Two sessions that cannot both happen as planned: the same room at the
// same time, or a speaker in two places at once. One rule for every path
// that moves a session or changes its speakers (the staff form, running
// late, swap and move, `confsched import --dry-run` and the upload
// preview), so that each warns about the same things in the same words.
// Pure.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace confsched {

// A session as the check sees it. Times are the event's wall clock,
// "YYYY-MM-DD HH:MM:SS", which sort as text; rooms and speakers are
// compared by name, exactly (names are unique in their tables, and the
// importers and the form match them by name too).
struct Booking {
  std::string title{};
  std::string room{};
  std::string starts_at{}, ends_at{};
  std::vector<std::string> speakers{};
  bool cancelled = false;  // clashes with nothing
};

struct Clash {
  size_t first = 0, second = 0;  // indexes into the bookings; first starts no later
  std::string speaker{};         // empty: the two share the room
};

// Whether two bookings overlap in time (touching ends do not) and neither
// is cancelled.
bool overlap(const Booking& a, const Booking& b);

// Every clash among bookings: one per pair sharing the room, and one per
// speaker a pair shares. Ordered by the pairs' start, then room before
// speakers. Sweeps by start time, so a programme of thousands of sessions
// costs little more than its clashes.
std::vector<Clash> find_clashes(const std::vector<Booking>& bookings);

// The sentence staff read for a clash, naming the other session from the
// point of view of `from` (one of the pair): "Room clash with “Keynote”
// (Hall A, 09:00–09:45)" or "Ada Lovelace is also in “Keynote” (Hall A,
// 09:00–09:45)". The day is given when the two fall on different days.
std::string describe_clash(const std::vector<Booking>& bookings, const Clash& clash, size_t from);

// The sentences of the clashes the first `changed` bookings (those a
// change would move) have, with each other or with the rest, in
// find_clashes' order: what a form shows before "Save anyway". With more
// than one changed, each sentence starts with whose it is ("“Keynote”
// at 10:10: ...").
//
// With was (the changed bookings as they are now, in the same order), a
// clash they have already is left out: only those the change causes.
std::vector<std::string> clashes_of_changed(const std::vector<Booking>& bookings, size_t changed,
                                            const std::vector<Booking>* was = nullptr);

}  // namespace confsched
