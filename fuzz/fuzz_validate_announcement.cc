// The announcement form (/admin/announcements), read and judged as a staff
// POST body against a fixed clock, zone and rooms: a draft that
// validate_announcement accepts stands for a write whose times the
// database can hold and whose end comes after its start, at most 14 days
// later; and typed_instant reads only what it can give back.
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

#include "fuzz_support.h"
#include "http/form.h"
#include "model/announcement_form.h"
#include "util/time_text.h"
#include "util/time_zone.h"

using namespace confsched;

namespace {

// 2026-06-10 09:30:00 UTC, as the golden tier's clock.
constexpr int64_t kNow = 1781083800;

const TimeZone& zone() {
  static const TimeZone london = *TimeZone::load("Europe/London");
  return london;
}

// The instant a write's time stands for, "now" being kNow.
std::optional<int64_t> instant(const AnnouncementTime& t, std::optional<int64_t> kept) {
  switch (t.kind) {
    case AnnouncementTime::Kind::kKeep:
      return kept;
    case AnnouncementTime::Kind::kNow:
      return kNow + t.minutes * 60;
    case AnnouncementTime::Kind::kAt:
      return t.at;
    case AnnouncementTime::Kind::kNone:
      break;
  }
  return std::nullopt;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto form = parse_urlencoded(fuzz_input(data, size));
  if (!form) return 0;
  AnnouncementDraft draft = announcement_from_form(*form);
  if (auto t = typed_instant(draft.start_day, draft.start_time, zone())) {
    // What was read is the day and time typed, on the zone's wall clock
    // (give or take a change of offset, which moves it by at most a day).
    CivilDateTime local = zone().local_time(*t);
    FUZZ_CHECK(format_iso_date(local) == draft.start_day ||
               std::abs(*t - seconds_from_civil(*parse_civil(draft.start_day))) < 2 * 86400);
  }
  AnnouncementContext context;
  context.now = kNow;
  context.zone = &zone();
  context.room_ids = {1, 2, 3};
  // Edit an announcement that started an hour ago and ends in an hour, as
  // every other input's parity says.
  if (size % 2) context.stored = AnnouncementContext::Stored{kNow - 3600, kNow + 3600};
  if (!validate_announcement(draft, context).empty()) return 0;
  AnnouncementWrite w = announcement_write(draft, context);
  FUZZ_CHECK(!w.room_id || context.room_ids.count(*w.room_id));
  FUZZ_CHECK(w.start.kind != AnnouncementTime::Kind::kNone);
  std::optional<int64_t> start = instant(w.start, kNow - 3600);
  std::optional<int64_t> end =
      instant(w.end, context.stored ? context.stored->end : std::optional<int64_t>());
  FUZZ_CHECK(start.has_value());
  // Every instant fits a DATETIME (1000-01-01 to 9999-12-31).
  for (const auto& t : {start, end})
    if (t) FUZZ_CHECK(*t > -30610224000 && *t < 253402300800);
  // Unless both are kept as they were, the end comes after the start (or
  // now, for a start that has passed), and at most 14 days later.
  if (end && !(w.start.kind == AnnouncementTime::Kind::kKeep &&
               w.end.kind == AnnouncementTime::Kind::kKeep)) {
    int64_t from = std::max(*start, kNow);
    FUZZ_CHECK(*end > from);
    FUZZ_CHECK(*end - from <= kMaxAnnouncementMinutes * 60);
  }
  return 0;
}
