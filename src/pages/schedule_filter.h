// The query of /schedule (?day=&room=&track=&q=&view=): parsing, validation
// against the programme, and the one canonical spelling of each filter.
// Pure; fuzzed (fuzz/fuzz_parse_schedule_filter.cc).
//
// Why a canonical form: nginx's page cache and the worker's page cache key
// filtered views on their query, so that a filtered page is rendered once
// for everybody. An arbitrary query string in a key would let ?x=random
// bypass or split the cache; the app therefore answers every query that
// is not exactly canonical with a 303 to the canonical URL (no render, not
// cached), and a value naming no existing day, room or track with a 400.
// Only canonical queries of real values reach a cache.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace confsched {

// The values of `view` besides the list (which has no `view` at all).
inline constexpr std::string_view kGridView = "grid";
// Every session as one list, with nothing before it: what the landing view
// of a large programme links to (and the offline copy keeps), where the
// landing view itself lists only what is on now and next.
inline constexpr std::string_view kWholeView = "all";

struct ScheduleFilter {
  std::string day;    // "YYYY-MM-DD", or "" for every day
  std::string room;   // a room id in decimal, or ""
  std::string track;  // a track id in decimal, or ""
  std::string q;      // free text, trimmed, inner spaces collapsed; or ""
  // "" for the list, kGridView (one day as rooms × time) or kWholeView.
  // The grid always has a day and never a room, track or search
  // (parse_schedule_filter redirects to that form), so each day has exactly
  // one grid URL; kWholeView never comes with a filter.
  std::string view;

  // No query at all: the landing view, which opens with what is on now
  // and next (pages/schedule_glance.h).
  bool empty() const { return !narrowed() && view.empty(); }
  // A day, room, track or search narrows the list.
  bool narrowed() const { return !day.empty() || !room.empty() || !track.empty() || !q.empty(); }
  bool grid() const { return view == kGridView; }
  bool whole() const { return view == kWholeView; }
};

// The values that exist, as they are spelled in a canonical query.
struct FilterChoices {
  std::vector<std::string> days, rooms, tracks;
};

// Longest q kept, in bytes (cut on a character boundary): a search is a
// few words, and the limit bounds the cost of matching it.
inline constexpr size_t kMaxSearchBytes = 100;

struct FilterParse {
  enum class Outcome {
    kCanonical,  // the query is exactly canonical: render it
    kRedirect,   // valid, but spelled otherwise: 303 to canonical
    kInvalid,    // malformed, or a value naming nothing: 400 with problem
  };
  Outcome outcome = Outcome::kCanonical;
  ScheduleFilter filter;
  std::string canonical;  // the query without '?', "" for no filter
  std::string problem;    // for kInvalid, a sentence for the 400 page
};

// raw_query is what follows '?' as the client sent it (possibly empty).
// Unknown parameters are dropped, the first of repeated ones wins, empty
// values mean "no filter". view=list is the list's other spelling; any
// other view but grid and all is invalid. view=grid drops room, track and
// q, and without a day takes the first of choices.days (without any day,
// the view is dropped: there is nothing to lay out). view=all with a
// filter is dropped: a filtered list is already a list of its own.
FilterParse parse_schedule_filter(std::string_view raw_query, const FilterChoices& choices);

// "day=2027-06-15&room=3&q=rust%20async", "day=2027-06-15&view=grid": fixed
// order (day, room, track, q, view), empty ones left out.
std::string canonical_schedule_query(const ScheduleFilter& filter);

// Lower case for case-insensitive search of UTF-8 text: ASCII, Latin-1,
// Latin Extended-A, Greek and Cyrillic capitals are folded (not the whole
// of Unicode's case folding, which needs tables this site does without).
// Bytes that are not valid UTF-8 are copied unchanged. Pure.
std::string fold_case(std::string_view text);

}  // namespace confsched
