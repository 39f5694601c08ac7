// The query of /schedule (?day=&room=&track=&q=): parsing, validation
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

struct ScheduleFilter {
  std::string day;    // "YYYY-MM-DD", or "" for every day
  std::string room;   // a room id in decimal, or ""
  std::string track;  // a track id in decimal, or ""
  std::string q;      // free text, trimmed, inner spaces collapsed; or ""

  bool empty() const { return day.empty() && room.empty() && track.empty() && q.empty(); }
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
// values mean "no filter".
FilterParse parse_schedule_filter(std::string_view raw_query, const FilterChoices& choices);

// "day=2027-06-15&room=3&q=rust%20async": fixed order, empty ones left out.
std::string canonical_schedule_query(const ScheduleFilter& filter);

// Lower case for case-insensitive search of UTF-8 text: ASCII, Latin-1,
// Latin Extended-A, Greek and Cyrillic capitals are folded (not the whole
// of Unicode's case folding, which needs tables this site does without).
// Bytes that are not valid UTF-8 are copied unchanged. Pure.
std::string fold_case(std::string_view text);

}  // namespace confsched
