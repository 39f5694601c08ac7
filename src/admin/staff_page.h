// What every staff page shares: the CSRF token its forms carry (checked on
// every staff POST by dispatch: site/staff_post.h), and how a page, its
// select boxes and its field errors are put on screen.
#pragma once

#include <ctemplate/template.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "http/request.h"
#include "http/response.h"
#include "site/staff_post.h"

namespace confsched {

class Site;

// The token every form on a staff page must carry.
std::string page_csrf_token(Site& site, const Request& request);

// A staff page: body template inside the layout, never stored by anyone.
Response staff_page(Site& site, int status, const std::string& title, const std::string& tpl,
                    const std::function<void(ctemplate::TemplateDictionary&)>& fill);

// Each worker re-reads the data version and the role epochs at most every
// version_check_ms. A staff change that revokes something (a password, a
// screen link) waits that long once before answering, so that the old
// credential is refused everywhere before anyone sees the answer. Bounded
// (2 s), so an odd configuration cannot hold a worker for a minute.
void wait_until_workers_notice(const Site& site);

// (value, label) pairs of a <select>; the one equal to `selected` is marked.
using SelectOptions = std::vector<std::pair<std::string, std::string>>;
void add_select_options(ctemplate::TemplateDictionary& d, const char* section,
                        const SelectOptions& options, const std::string& selected);

// "name" -> section NAME_ERROR with MESSAGE, for each error, so the message
// stands next to its field.
void show_field_errors(ctemplate::TemplateDictionary& d,
                       const std::map<std::string, std::string>& errors);

}  // namespace confsched
