// Announcements at the top of /schedule and /session/<id>; see banner.h.
#include "pages/banner.h"

#include "pages/pages.h"
#include "site/site.h"

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
  // Staff type times into announcements ("opens at 08:00"): the pages
  // that show the banner state the event's zone before it, once for the
  // whole page, so the banner itself stays short.
  fill_banner(*banner, site.shown_announcements());
}

}  // namespace confsched
