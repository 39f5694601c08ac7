// The values every delegate page that lists or shows a session sets alike
// for it (/schedule, /session/<id>, /speaker/<id>), written once.
#pragma once

#include <ctemplate/template.h>

#include "model/programme.h"

namespace confsched {

// ID; REV, its revision; TITLE; KIND and STATUS, the stored words (the templates' CSS
// classes); START and END as clock times ("09:30"; the stored text if it
// cannot be read); ROOM, its name ("" for none). Pure.
void fill_session_fields(ctemplate::TemplateDictionary& d, const Session& s);

}  // namespace confsched
