// Where a room is; see room_fields.h.
#include "pages/room_fields.h"

#include "model/text.h"

namespace confsched {

void fill_room_whereabouts(ctemplate::TemplateDictionary& d, const Room& room) {
  std::string text = room_whereabouts(room.details);
  if (!text.empty()) d.AddSectionDictionary("WHEREABOUTS")->SetValue("TEXT", text);
}

}  // namespace confsched
