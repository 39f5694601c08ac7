// The programme in the two exchange formats other schedule tools read:
// the schedule JSON of c3voc/frab/pretalx (c3voc's schema.json) and the
// frab schedule XML (c3voc's schedule.xml.xsd), which `confsched import
// frab-xml` reads back. Cancelled sessions are left out (feed_text.h).
// Same thread-safety as feed_text.h.
#pragma once

#include <string>

#include "feeds/feed_text.h"
#include "store/programme.h"

namespace confsched {

std::string render_schedule_json(const Programme& programme, const FeedOptions& options);
std::string render_schedule_xml(const Programme& programme, const FeedOptions& options);

// s as a JSON string literal, quotes included (RFC 8259 §7); s must be
// valid UTF-8, as everything from the database is. Pure.
std::string json_string(std::string_view s);

}  // namespace confsched
