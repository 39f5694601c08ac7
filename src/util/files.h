// Reading a whole file, for the few files confsched reads at start-up
// (templates, stylesheet, migrations, the cookie secret), and writing one
// whole (exports).
#pragma once

#include <string>

namespace confsched {

// The file's bytes; throws std::runtime_error naming the path and the
// reason when it cannot be read.
std::string read_whole_file(const std::string& path);

// Writes content to path + ".partial" and renames that over path, so path
// is either the old file or the whole new one, never half of it. Throws
// std::runtime_error naming the path and the reason.
void write_file_replacing(const std::string& path, const std::string& content);

}  // namespace confsched
