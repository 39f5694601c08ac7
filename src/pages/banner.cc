// Announcements at the top of /schedule and /session/<id>; see banner.h.
#include "pages/banner.h"

#include "pages/pages.h"
#include "site/site.h"
#include "site/zone_note.h"

namespace confsched {

ctemplate::TemplateDictionary* fill_banner(ctemplate::TemplateDictionary& banner,
                                           const std::vector<ShownAnnouncement>& announcements) {
  if (announcements.empty()) return nullptr;
  ctemplate::TemplateDictionary* list = banner.AddSectionDictionary("ANNOUNCEMENTS");
  for (const ShownAnnouncement& a : announcements) {
    ctemplate::TemplateDictionary* item = list->AddSectionDictionary("ANNOUNCEMENT");
    // The class comes from this fixed pair, never from stored text.
    bool important = a.level == "important";
    item->SetValue("CLASS", important ? "announcement-important" : "announcement-info");
    if (important) item->ShowSection("IMPORTANT");
    item->SetValue("TEXT", a.body);
  }
  return list;
}

void add_banner(Site& site, ctemplate::TemplateDictionary& body) {
  ctemplate::TemplateDictionary* banner = body.AddIncludeDictionary("BANNER");
  banner->SetFilename("banner.tpl");
  ctemplate::TemplateDictionary* list = fill_banner(*banner, site.shown_announcements());
  // Staff type times into announcements ("opens at 08:00"), and the banner
  // comes before the page's own statement of the zone: it states it too.
  if (list) {
    const EventInfo& event = site.event();
    const std::string now = event_local_now(site, event);
    add_zone_note(site, *list, event, now, now);
  }
}

}  // namespace confsched
