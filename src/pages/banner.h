// Announcements on delegate pages: the banner at the top of the pages that
// carry it, and a room's own announcements beside the room on /now and on
// its screen. Those pages are cached and shared, so none of this holds
// per-user data: it is the same for everybody, and the page cache is keyed
// on what makes it change (Site::pages_key).
#pragma once

#include <ctemplate/template.h>

#include <cstdint>
#include <vector>

#include "store/announcement_store.h"

namespace confsched {

class Site;

// Adds banner.tpl as the include BANNER of a page body, with the
// announcements showing now.
void add_banner(Site& site, ctemplate::TemplateDictionary& body);

// Fills banner.tpl's dictionary with every announcement given, in order:
// nothing at all when there is nothing to show; important ones carry their
// own class and label; one for a room has the room's name before its text
// ("Hall A: …"), since the banner shows on pages about every room. Returns
// the section's dictionary, or nullptr when there is nothing to show. Pure.
ctemplate::TemplateDictionary* fill_banner(ctemplate::TemplateDictionary& banner,
                                           const std::vector<ShownAnnouncement>& announcements);

// The announcements for room_id among those given, in their order, as the
// section ROOM_NOTES of d (nothing when there are none), without the
// room's name, which the page shows above them. Announcements for
// everywhere are left to the banner. Pure.
void fill_room_notes(ctemplate::TemplateDictionary& d,
                     const std::vector<ShownAnnouncement>& announcements, int64_t room_id);

}  // namespace confsched
