// The programme as iCalendar (RFC 5545), written by libical: one VEVENT per
// session, times in UTC (so no VTIMEZONE is needed and every client agrees
// on the instant), UIDs stable for as long as the session exists. Same
// thread-safety as feed_text.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "feeds/feed_text.h"
#include "store/programme.h"

namespace confsched {

// The whole programme, cancelled sessions included (STATUS:CANCELLED, so a
// subscribed calendar removes them rather than keeping a stale copy).
std::string render_ical(const Programme& programme, const FeedOptions& options);

// One session, or nullopt when the programme has no session of that id.
std::optional<std::string> render_session_ical(const Programme& programme,
                                               const FeedOptions& options, int64_t session_id);

// The sessions of ids (ascending; ids of no session are left out, so a
// calendar drops a deleted session), with a reminder alarm_minutes before
// each that is not cancelled (0: none). UIDs and SEQUENCE as in the whole
// programme's, so a phone moves or cancels the same event when it changes.
std::string render_my_sessions_ical(const Programme& programme, const FeedOptions& options,
                                    const std::vector<int64_t>& ids, int alarm_minutes);

}  // namespace confsched
