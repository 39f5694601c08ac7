// Invariants every schedule reader's result must hold, whatever the
// input: shared by the reader fuzz targets.
#pragma once

#include <set>
#include <string>

#include "fuzz_support.h"
#include "model/imported_programme.h"
#include "model/limits.h"
#include "model/session_terms.h"
#include "util/text_rules.h"
#include "util/web_url.h"

// Text a reader stores is text a person may write (util/text_rules.h).
inline bool one_line_ok(const std::string& text) {
  return !confsched::text_problem(text, confsched::TextLines::kOne);
}

inline void check_programme(const confsched::ImportedProgramme& p) {
  FUZZ_CHECK(!p.sessions.empty() && !p.rooms.empty());
  FUZZ_CHECK(one_line_ok(p.event.name) && one_line_ok(p.event.venue.value_or("")));
  for (const auto& r : p.rooms) FUZZ_CHECK(one_line_ok(r));
  for (const auto& t : p.tracks) FUZZ_CHECK(one_line_ok(t.name));
  for (const auto& sp : p.speakers) FUZZ_CHECK(one_line_ok(sp.name));
  FUZZ_CHECK(p.event.starts_on.size() == 10 && p.event.starts_on <= p.event.ends_on);
  std::set<std::string> guids;
  for (const auto& s : p.sessions) {
    FUZZ_CHECK(!s.title.empty() && !confsched::exceeds(confsched::kSessionTitle, s.title));
    FUZZ_CHECK(s.starts_at.size() == 19 && s.ends_at.size() == 19 && s.starts_at < s.ends_at);
    FUZZ_CHECK(s.starts_at.substr(0, 10) >= p.event.starts_on);
    FUZZ_CHECK(s.starts_at.substr(0, 10) <= p.event.ends_on);
    FUZZ_CHECK(s.room < p.rooms.size());
    FUZZ_CHECK(!s.track || *s.track < p.tracks.size());
    FUZZ_CHECK(confsched::is_session_kind(s.kind) && confsched::is_session_status(s.status));
    FUZZ_CHECK(!confsched::exceeds(confsched::kSessionAbstract, s.abstract));
    FUZZ_CHECK(one_line_ok(s.title));
    FUZZ_CHECK(!confsched::text_problem(s.abstract, confsched::TextLines::kMany));
    // Guids become sessions.external_id, which is UNIQUE.
    FUZZ_CHECK(s.guid.empty() || guids.insert(s.guid).second);
    for (size_t i : s.speakers) FUZZ_CHECK(i < p.speakers.size());
    for (const auto& m : s.materials)
      FUZZ_CHECK(confsched::is_web_url(m.url) && !m.label.empty() && one_line_ok(m.label));
  }
  for (const auto& t : p.tracks) FUZZ_CHECK(t.colour.size() == 7 && t.colour[0] == '#');
}
