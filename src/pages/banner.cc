// Announcements at the top of /schedule and /session/<id>; see banner.h.
#include "pages/banner.h"

#include "pages/site.h"

namespace confsched {

void fill_banner(ctemplate::TemplateDictionary& banner,
                 const std::vector<ShownAnnouncement>& announcements) {
  if (announcements.empty()) return;
  ctemplate::TemplateDictionary* list = banner.AddSectionDictionary("ANNOUNCEMENTS");
  for (const ShownAnnouncement& a : announcements) {
    ctemplate::TemplateDictionary* item = list->AddSectionDictionary("ANNOUNCEMENT");
    // The class comes from this fixed pair, never from stored text.
    bool important = a.level == "important";
    item->SetValue("CLASS", important ? "announcement-important" : "announcement-info");
    if (important) item->ShowSection("IMPORTANT");
    item->SetValue("TEXT", a.body);
  }
}

void add_banner(Site& site, ctemplate::TemplateDictionary& body) {
  ctemplate::TemplateDictionary* banner = body.AddIncludeDictionary("BANNER");
  banner->SetFilename("banner.tpl");
  fill_banner(*banner, site.shown_announcements());
}

}  // namespace confsched
