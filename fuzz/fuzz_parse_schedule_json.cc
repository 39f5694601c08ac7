// parse_schedule_json: a schedule JSON from anyone who can hand staff a
// file. Whatever it accepts must fit the schema and point only at what it
// holds; nothing may crash or recurse without bound.
#include <set>
#include <string>

#include "fuzz_support.h"
#include "import/schedule_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  confsched::FrabParseResult r =
      confsched::parse_schedule_json(fuzz_input(data, size), confsched::FrabOptions{"UTC"});
  if (!r.ok()) {
    FUZZ_CHECK(!r.error.empty());
    return 0;
  }
  static const std::set<std::string> kinds = {"talk",  "keynote", "workshop",
                                              "panel", "break",   "social"};
  const confsched::ImportedProgramme& p = *r.programme;
  FUZZ_CHECK(!p.sessions.empty() && !p.rooms.empty());
  FUZZ_CHECK(p.event.starts_on.size() == 10 && p.event.starts_on <= p.event.ends_on);
  std::set<std::string> guids;
  for (const auto& s : p.sessions) {
    FUZZ_CHECK(!s.title.empty() && s.title.size() <= 4 * 300);
    FUZZ_CHECK(s.starts_at.size() == 19 && s.ends_at.size() == 19 && s.starts_at < s.ends_at);
    FUZZ_CHECK(s.starts_at.substr(0, 10) >= p.event.starts_on);
    FUZZ_CHECK(s.starts_at.substr(0, 10) <= p.event.ends_on);
    FUZZ_CHECK(s.room < p.rooms.size());
    FUZZ_CHECK(!s.track || *s.track < p.tracks.size());
    FUZZ_CHECK(kinds.count(s.kind) == 1);
    FUZZ_CHECK(s.abstract.size() <= 65535);
    FUZZ_CHECK(s.guid.empty() || guids.insert(s.guid).second);
    for (size_t i : s.speakers) FUZZ_CHECK(i < p.speakers.size());
    for (const auto& m : s.materials) FUZZ_CHECK(confsched::is_web_url(m.url) && !m.label.empty());
  }
  for (const auto& t : p.tracks) FUZZ_CHECK(t.colour.size() == 7 && t.colour[0] == '#');
  return 0;
}
