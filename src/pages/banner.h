// The announcements banner at the top of delegate pages. Those pages are
// cached and shared, so the banner holds no per-user data: it is the same
// for everybody, and the page cache is keyed on what makes it change
// (Site::pages_key).
#pragma once

#include <ctemplate/template.h>

#include <vector>

#include "store/announcement_store.h"

namespace confsched {

class Site;

// Adds banner.tpl as the include BANNER of a page body, with the
// announcements showing now.
void add_banner(Site& site, ctemplate::TemplateDictionary& body);

// Fills banner.tpl's dictionary: nothing at all when there is nothing to
// show; important ones carry their own class and label. Returns the
// section's dictionary, or nullptr when there is nothing to show. Pure.
ctemplate::TemplateDictionary* fill_banner(ctemplate::TemplateDictionary& banner,
                                           const std::vector<ShownAnnouncement>& announcements);

}  // namespace confsched
