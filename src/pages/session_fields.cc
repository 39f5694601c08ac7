#include "pages/session_fields.h"

#include "util/time_text.h"

namespace confsched {

void fill_session_fields(ctemplate::TemplateDictionary& d, const Session& s) {
  auto start = parse_civil(s.starts_at);
  auto end = parse_civil(s.ends_at);
  d.SetIntValue("ID", static_cast<long>(s.id));
  // For agenda.js: whether a starred session changed since this browser
  // last showed it.
  d.SetIntValue("REV", static_cast<long>(s.revision));
  d.SetValue("TITLE", s.title);
  d.SetValue("KIND", s.kind);
  d.SetValue("STATUS", s.status);
  d.SetValue("START", start ? format_clock(*start) : s.starts_at);
  d.SetValue("END", end ? format_clock(*end) : s.ends_at);
  d.SetValue("ROOM", s.room ? s.room->name : "");
}

}  // namespace confsched
