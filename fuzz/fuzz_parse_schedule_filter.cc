// parse_schedule_filter: never crashes; whatever it accepts has a canonical
// form that is itself canonical (a redirect never loops), is clean text
// within the limits, and names only values that exist; a grid has a day
// and nothing else (one cached copy per day).
#include <algorithm>
#include <string>

#include "fuzz_support.h"
#include "pages/schedule_filter.h"
#include "util/utf8.h"

using confsched::FilterChoices;
using confsched::FilterParse;
using confsched::parse_schedule_filter;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const FilterChoices kChoices{{"2027-06-15", "2027-06-16"}, {"1", "2", "12"}, {"3"}};
  std::string_view in = fuzz_input(data, size);
  FilterParse p = parse_schedule_filter(in, kChoices);
  if (p.outcome == FilterParse::Outcome::kInvalid) {
    FUZZ_CHECK(!p.problem.empty());
    return 0;
  }
  FUZZ_CHECK(p.outcome == (in == p.canonical ? FilterParse::Outcome::kCanonical
                                             : FilterParse::Outcome::kRedirect));
  const auto& f = p.filter;
  auto listed = [](const std::vector<std::string>& v, const std::string& s) {
    return s.empty() || std::find(v.begin(), v.end(), s) != v.end();
  };
  FUZZ_CHECK(listed(kChoices.days, f.day));
  FUZZ_CHECK(listed(kChoices.rooms, f.room));
  FUZZ_CHECK(listed(kChoices.tracks, f.track));
  FUZZ_CHECK(f.q.size() <= confsched::kMaxSearchBytes);
  FUZZ_CHECK(confsched::is_valid_utf8(f.q));
  FUZZ_CHECK(f.q.empty() || (f.q.front() != ' ' && f.q.back() != ' '));
  FUZZ_CHECK(f.q.find("  ") == std::string::npos);
  FUZZ_CHECK(f.view.empty() || f.view == confsched::kGridView || f.view == confsched::kWholeView);
  if (f.grid()) FUZZ_CHECK(!f.day.empty() && f.room.empty() && f.track.empty() && f.q.empty());
  // The whole programme is one page: it never comes with a filter.
  if (f.view == confsched::kWholeView)
    FUZZ_CHECK(f.day.empty() && f.room.empty() && f.track.empty() && f.q.empty());
  // The canonical URL answers 200, with the same filter.
  FilterParse again = parse_schedule_filter(p.canonical, kChoices);
  FUZZ_CHECK(again.outcome == FilterParse::Outcome::kCanonical);
  FUZZ_CHECK(again.canonical == p.canonical);
  FUZZ_CHECK(again.filter.day == f.day && again.filter.room == f.room &&
             again.filter.track == f.track && again.filter.q == f.q && again.filter.view == f.view);
  // fold_case keeps valid UTF-8 valid.
  FUZZ_CHECK(confsched::is_valid_utf8(confsched::fold_case(f.q)));
  return 0;
}
