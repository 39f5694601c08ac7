// The language of the text the C++ code writes into pages: page titles,
// error pages, validation messages, dates. The templates' own text is
// translated as they load (util/template_text.h); this is the rest, from
// the same catalogue ([site] language), so that one .po file holds a
// language's every message.
//
// Like gettext's textdomain(), the language belongs to the process: it is
// set once when a process starts (site/templates.cc, Templates(const
// Config&): a worker, `confsched export site`, `confsched check`), before
// any page is rendered, and only read after that. A message is marked as
// tr("English text") in the code, which is what xgettext extracts
// (po/update).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "util/message_catalogue.h"

namespace confsched {

// Marks english for the catalogue without translating it, where the
// translation must wait until it is shown (a table of names built once):
// xgettext extracts it, and tr() translates it later.
constexpr std::string_view tr_mark(std::string_view english) { return english; }

// Makes catalogue the process's language; an empty one is English. At
// start-up only.
void set_text_language(MessageCatalogue catalogue);

// The translation of english in the process's language, or english
// itself.
std::string tr(std::string_view english);

// A translated pattern with its named blanks filled: fill_text(tr("{day}
// {month} {year}"), {{"day", "12"}, ...}). Named rather than positional,
// so that a translation can put them in its own order; a blank the values
// do not name is left as written.
std::string fill_text(std::string_view pattern,
                      std::initializer_list<std::pair<std::string_view, std::string_view>> values);

}  // namespace confsched
