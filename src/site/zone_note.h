// The statement of the event's time zone that a page showing times makes
// before its first time (issue 9): "Europe/London (UTC+01:00)", so that no
// time can be read as the reader's own zone. It carries data-time-zone for
// offline.js, which states the time of an offline copy in the same zone.
#pragma once

#include <ctemplate/template.h>

#include <string>
#include <string_view>

#include "store/programme.h"

namespace confsched {

class Site;

// Adds zone.tpl as the include ZONE of a page body. Pure.
void fill_zone_note(ctemplate::TemplateDictionary& body, const std::string& zone_name,
                    const std::string& offsets);

// The same for the event's zone, with the offsets in force from local time
// first to last ("YYYY-MM-DD[ HH:MM[:SS]]"). Throws like Site::event_zone.
void add_zone_note(Site& site, ctemplate::TemplateDictionary& body, const EventInfo& event,
                   std::string_view first, std::string_view last);

}  // namespace confsched
