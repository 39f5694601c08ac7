// Announcements on delegate pages; see banner.h.
#include "pages/banner.h"

#include "pages/pages.h"
#include "site/site.h"

namespace confsched {

namespace {

// One announcement of announcement_list.tpl.
void add_item(ctemplate::TemplateDictionary& list, const ShownAnnouncement& a, bool name_room) {
  ctemplate::TemplateDictionary* item = list.AddSectionDictionary("ANNOUNCEMENT");
  // The class comes from this fixed pair, never from stored text.
  bool important = a.level == "important";
  item->SetValue("CLASS", important ? "announcement-important" : "announcement-info");
  if (important) item->ShowSection("IMPORTANT");
  if (name_room && a.room_id) item->AddSectionDictionary("ROOM")->SetValue("NAME", a.room_name);
  item->SetValue("TEXT", a.body);
}

ctemplate::TemplateDictionary& add_list(ctemplate::TemplateDictionary& section) {
  ctemplate::TemplateDictionary* list = section.AddIncludeDictionary("LIST");
  list->SetFilename("announcement_list.tpl");
  return *list;
}

}  // namespace

ctemplate::TemplateDictionary* fill_banner(ctemplate::TemplateDictionary& banner,
                                           const std::vector<ShownAnnouncement>& announcements) {
  if (announcements.empty()) return nullptr;
  ctemplate::TemplateDictionary* section = banner.AddSectionDictionary("ANNOUNCEMENTS");
  ctemplate::TemplateDictionary& list = add_list(*section);
  for (const ShownAnnouncement& a : announcements) add_item(list, a, true);
  return section;
}

void fill_room_notes(ctemplate::TemplateDictionary& d,
                     const std::vector<ShownAnnouncement>& announcements, int64_t room_id) {
  ctemplate::TemplateDictionary* list = nullptr;
  for (const ShownAnnouncement& a : announcements) {
    if (a.room_id != room_id) continue;
    if (!list) list = &add_list(*d.AddSectionDictionary("ROOM_NOTES"));
    add_item(*list, a, false);
  }
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
