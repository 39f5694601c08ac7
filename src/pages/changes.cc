// "/changes": what changed in the programme and when, newest first, from
// the audit log (every staff edit writes a row in the same transaction).
// Depends on the data version only: each audited write bumps it.
#include <map>

#include "model/history.h"
#include "pages/pages.h"
#include "site/site.h"
#include "site/zone_note.h"
#include "util/time_text.h"
#include "util/translate.h"

namespace confsched {

namespace {

std::optional<std::string> side_value(const std::optional<AuditValues>& side,
                                      std::string_view key) {
  if (!side) return std::nullopt;
  auto it = side->find(key);
  return it == side->end() ? std::nullopt : it->second;
}

std::string when_text(const std::optional<std::string>& civil) {
  if (!civil) return "";
  auto t = parse_civil(*civil);
  return t ? format_day_label(*t) + ", " + format_clock(*t) : *civil;
}

std::string room_name(const std::map<std::string, std::string>& rooms,
                      const std::optional<std::string>& id) {
  if (!id) return "";
  auto it = rooms.find(*id);
  return it == rooms.end() ? tr("a room since deleted") : it->second;
}

void fill_change(ctemplate::TemplateDictionary& d, const AuditEntry& e, const TimeZone& zone,
                 const std::map<std::string, std::string>& rooms) {
  auto kinds = change_kinds(e.before, e.after);
  if (kinds.empty()) return;  // a save that changed nothing
  auto* row = d.AddSectionDictionary("CHANGE");
  const CivilDateTime at = zone.local_time(e.changed_unix);
  row->SetValue("AT_ISO", format_civil(at));
  // For agenda.js: which of these the browser has shown before.
  row->SetValue("AT_UNIX", std::to_string(e.changed_unix));
  row->SetValue("AT", format_day_label(at) + ", " + format_clock(at));
  // A deleted session has only the values before.
  const std::optional<AuditValues>& shown = e.after ? e.after : e.before;
  row->SetValue("TITLE", side_value(shown, "title").value_or("(untitled)"));
  if (e.after)
    row->AddSectionDictionary("LINK")->SetIntValue("ID", static_cast<long>(e.session_id));
  else
    row->ShowSection("NO_LINK");
  for (std::string_view kind : kinds) {
    auto* k = row->AddSectionDictionary("KIND");
    k->SetValue("NAME", std::string(kind));
  }
  row->SetValue("WHEN", when_text(side_value(shown, "starts_at")));
  row->SetValue("ROOM", room_name(rooms, side_value(shown, "room_id")));
  // Where and when it was, for a move or a new time.
  if (e.before && e.after) {
    std::string was;
    if (auto start = side_value(e.before, "starts_at"); start != side_value(e.after, "starts_at"))
      was = when_text(start);
    if (auto room = side_value(e.before, "room_id"); room != side_value(e.after, "room_id"))
      was += (was.empty() ? "" : ", ") + room_name(rooms, room);
    if (!was.empty()) row->AddSectionDictionary("WAS")->SetValue("TEXT", was);
  }
}

}  // namespace

Response changes_page(Site& site, const Request&, const RouteParams&) {
  const Programme& programme = site.programme();
  const std::vector<AuditEntry>& changes = site.changes();
  const TimeZone& zone = site.event_zone(programme.event.time_zone);
  std::map<std::string, std::string> rooms;
  for (const Room& r : programme.rooms) rooms[std::to_string(r.id)] = r.name;
  std::string body =
      site.templates().render(site.shared_frame(tr("Changes"), programme.event.name), "changes.tpl",
                              [&](ctemplate::TemplateDictionary& d) {
                                add_zone_note(site, d, programme.event, programme.event.starts_on,
                                              programme.event.ends_on + " 23:59");
                                for (const AuditEntry& e : changes) fill_change(d, e, zone, rooms);
                                if (changes.empty()) d.ShowSection("NONE");
                              });
  return html_response(200, std::move(body), cache_control::kPrivateRevalidate);
}

}  // namespace confsched
