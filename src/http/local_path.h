// Where a login may send the browser afterwards. Pure.
#pragma once

#include <string>
#include <string_view>

namespace confsched {

// True for a path on this site: starts with one '/', is not "//host" or
// "/\host" (browsers treat both as another site), and holds only printable
// ASCII without spaces or backslashes (it goes into a Location header). Anything else is an open
// redirect in waiting.
bool is_local_path(std::string_view target);

// target when it is a local path, fallback otherwise.
std::string local_path_or(std::string_view target, std::string_view fallback);

}  // namespace confsched
