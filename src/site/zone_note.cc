#include "site/zone_note.h"

#include "site/site.h"
#include "util/time_text.h"

namespace confsched {

void fill_zone_note(ctemplate::TemplateDictionary& body, const std::string& zone_name,
                    const std::string& offsets) {
  ctemplate::TemplateDictionary* zone = body.AddIncludeDictionary("ZONE");
  zone->SetFilename("zone.tpl");
  zone->SetValue("NAME", zone_name);
  if (!offsets.empty()) zone->AddSectionDictionary("OFFSETS")->SetValue("TEXT", offsets);
}

void add_zone_note(Site& site, ctemplate::TemplateDictionary& body, const EventInfo& event,
                   std::string_view first, std::string_view last) {
  const TimeZone& zone = site.event_zone(event.time_zone);
  auto from = parse_civil(first);
  auto to = parse_civil(last);
  // Unreadable times (never stored so) still get the zone's name.
  std::string offsets = from && to ? zone.statement_between(*from, *to) : std::string();
  fill_zone_note(body, event.time_zone, offsets);
}

}  // namespace confsched
