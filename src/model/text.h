// Small text transformations for pages. Pure; the results are still
// escaped by the templates.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/programme.h"

namespace confsched {

// Splits on blank lines; trims each paragraph; drops empty ones.
std::vector<std::string> split_paragraphs(std::string_view text);

// Trimmed, with each run of white space (newlines included) made one
// space: names and titles are one line on every page.
std::string one_line(std::string_view text);

// Every line break (CRLF, or a lone CR) as LF. Browsers send a textarea's
// line breaks as CRLF (HTML: form submission converts them), so a long text
// typed or saved back through a form is stored and measured in one form.
std::string lf_line_breaks(std::string_view text);

// At most max_bytes of text, cut at a word boundary and never inside a
// UTF-8 sequence, with "…" appended when anything was cut.
std::string shorten(std::string_view text, size_t max_bytes);

// "Level 2 · 2nd floor, left of the main stairs": the floor, then the
// description, whichever of them the room has; "" for neither. How the
// pages (pages/room_fields.h) and the schedule JSON say where a room is.
std::string room_whereabouts(const RoomDetails& details);

}  // namespace confsched
