#include "admin/day_page.h"

#include <algorithm>

#include "admin/staff_page.h"
#include "model/conference_day.h"
#include "model/day_overview.h"
#include "site/site.h"
#include "site/zone_note.h"
#include "util/time_text.h"
#include "util/translate.h"

namespace confsched {

namespace {

using Dict = ctemplate::TemplateDictionary;

std::string day_label(const std::string& day) {
  auto t = parse_civil(day);
  return t ? format_day_label(*t) : day;
}

// The day asked for, or the one to start from: today on the event's clock
// while the event runs (what staff on site look at), else the first day.
// Empty when the day asked for is none of the event's.
std::string chosen_day(Site& site, const Request& request, const EventInfo& event,
                       const std::vector<std::string>& days) {
  auto is_event_day = [&](const std::string& d) {
    return std::find(days.begin(), days.end(), d) != days.end();
  };
  if (auto asked = request.query.get("day")) {
    std::string day(*asked);
    return is_event_day(day) ? day : "";
  }
  const std::string today = conference_day(event_local_now(site, event), event.day_change);
  return is_event_day(today) ? today : days.front();
}

void fill_entry(Dict& cell, const OverviewEntry& e) {
  const Session& s = *e.session;
  Dict* entry = cell.AddSectionDictionary("ENTRY");
  entry->SetIntValue("ID", static_cast<long>(s.id));
  entry->SetValue("TITLE", s.title);
  entry->SetValue("START", s.starts_at.substr(11, 5));
  entry->SetValue("END", s.ends_at.substr(11, 5));
  if (e.continued) entry->ShowSection("CONTINUED");
  if (e.clashes.empty()) return;
  Dict* clash = entry->AddSectionDictionary("CLASH");
  for (const std::string& text : e.clashes)
    clash->AddSectionDictionary("CLASH_ITEM")->SetValue("TEXT", text);
}

void fill_cell(Dict& row, const OverviewCell& c, const std::string& day) {
  Dict* cell = row.AddSectionDictionary("CELL");
  if (c.rows > 1)
    cell->AddSectionDictionary("SPAN")->SetIntValue("ROWS", static_cast<long>(c.rows));
  if (c.entries.empty()) {
    cell->SetValue("KIND", "gap");
    Dict* gap = cell->AddSectionDictionary("GAP");
    gap->SetValue("STARTS", c.starts);
    if (!c.ends.empty()) gap->AddSectionDictionary("UNTIL")->SetValue("ENDS", c.ends);
    if (!c.can_add) return;
    Dict* add = gap->AddSectionDictionary("ADD");
    add->SetValue("DAY", day);
    add->SetValue("START", c.add_start);
    add->SetValue("END", c.add_end);
    add->SetIntValue("ROOM_ID", static_cast<long>(c.room->id));
    add->SetValue("ROOM", c.room->name);
    return;
  }
  bool clash = c.entries.size() > 1;
  for (const OverviewEntry& e : c.entries) clash = clash || !e.clashes.empty();
  cell->SetValue("KIND", c.entries.size() > 1 ? "room-clash" : clash ? "clash" : "held");
  for (const OverviewEntry& e : c.entries) fill_entry(*cell, e);
}

void fill_overview(Dict& d, const DayOverview& overview, const std::vector<Room>& rooms,
                   const std::string& day) {
  for (const Room& r : rooms) d.AddSectionDictionary("ROOM")->SetValue("NAME", r.name);
  for (const OverviewRow& r : overview.rows) {
    Dict* row = d.AddSectionDictionary("ROW");
    row->SetValue("TIME", r.time);
    for (const OverviewCell& c : r.cells) fill_cell(*row, c, day);
  }
  if (overview.clashes > 0) {
    Dict* note = d.AddSectionDictionary("CLASHES");
    note->SetIntValue("COUNT", static_cast<long>(overview.clashes));
    note->SetValue("NOUN", overview.clashes == 1 ? tr("clash") : tr("clashes"));
  } else {
    d.ShowSection("NO_CLASHES");
  }
  if (overview.cancelled.empty()) return;
  Dict* cancelled = d.AddSectionDictionary("CANCELLED");
  for (const Session* s : overview.cancelled) {
    Dict* item = cancelled->AddSectionDictionary("ITEM");
    item->SetIntValue("ID", static_cast<long>(s->id));
    item->SetValue("TITLE", s->title);
    item->SetValue("ROOM", s->room->name);
    item->SetValue("START", s->starts_at.substr(11, 5));
    item->SetValue("END", s->ends_at.substr(11, 5));
  }
}

}  // namespace

Response admin_day(Site& site, const Request& request, const RouteParams&) {
  // One read: rooms, sessions and speakers as one version of the programme.
  std::optional<Programme> programme = site.staff().schedule();
  if (!programme) throw NotSeeded();
  const EventInfo& event = programme->event;
  const std::vector<std::string> days = days_between(event.starts_on, event.ends_on);
  if (days.empty()) return site.error_page(404);
  const std::string day = chosen_day(site, request, event, days);
  if (day.empty())
    return site.error_page(
        400,
        fill_text(tr("No such day in this event: choose one from {first} to {last} (YYYY-MM-DD)."),
                  {{"first", event.starts_on}, {"last", event.ends_on}}));
  const DayOverview overview =
      lay_out_overview(day, programme->rooms, programme->sessions, event.day_change);
  const std::string label = day_label(day);
  return staff_page(site, 200, fill_text(tr("Day overview: {day}"), {{"day", label}}),
                    "admin_day.tpl", [&](Dict& d) {
                      d.SetValue("DAY_LABEL", label);
                      for (const std::string& other : days) {
                        Dict* link = d.AddSectionDictionary("DAY_LINK");
                        link->SetValue("DAY", other);
                        link->SetValue("LABEL", day_label(other));
                        if (other == day) link->ShowSection("CURRENT");
                      }
                      fill_overview(d, overview, programme->rooms, day);
                      add_zone_note(site, d, event, day, day + " 23:59");
                    });
}

}  // namespace confsched
