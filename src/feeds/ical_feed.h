// The programme as iCalendar (RFC 5545), written by libical: one VEVENT per
// session, times in UTC (so no VTIMEZONE is needed and every client agrees
// on the instant), UIDs stable for as long as the session exists. Same
// thread-safety as feed_text.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "feeds/feed_text.h"
#include "store/programme.h"

namespace confsched {

// The whole programme, cancelled sessions included (STATUS:CANCELLED, so a
// subscribed calendar removes them rather than keeping a stale copy).
std::string render_ical(const Programme& programme, const FeedOptions& options);

// One session, or nullopt when the programme has no session of that id.
std::optional<std::string> render_session_ical(const Programme& programme,
                                               const FeedOptions& options, int64_t session_id);

}  // namespace confsched
