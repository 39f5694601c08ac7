// Reading a whole file, for the few files confsched reads at start-up
// (templates, stylesheet, migrations, the cookie secret).
#pragma once

#include <string>

namespace confsched {

// The file's bytes; throws std::runtime_error naming the path and the
// reason when it cannot be read.
std::string read_whole_file(const std::string& path);

}  // namespace confsched
