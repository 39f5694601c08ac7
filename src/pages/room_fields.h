// Where a room is, as the delegate pages that name a room for finding it
// show it (/session/<id>, /now, /display/<id>): written once, so the three
// say it alike.
#pragma once

#include <ctemplate/template.h>

#include "model/programme.h"

namespace confsched {

// Section WHEREABOUTS with TEXT, room_whereabouts (model/text.h), when
// that is not "".
void fill_room_whereabouts(ctemplate::TemplateDictionary& d, const Room& room);

}  // namespace confsched
