// archive_links and archive_file (cli/site_archive.h) against what the
// static archive relies on: every file they name stays inside the
// archive's folder, every target they report has a file, and a page with
// no site link comes out as it went in.
#include <string>

#include "cli/site_archive.h"
#include "fuzz_support.h"

using confsched::archive_file;
using confsched::archive_links;

namespace {

// A file name relative to the archive, inside it.
bool inside_archive(std::string_view file) {
  if (file.empty() || file[0] == '/' || file.find("..") != std::string_view::npos) return false;
  for (char c : file)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
          c == '_' || c == '-' || c == '/'))
      return false;
  return true;
}

std::optional<std::string> file_of(std::string_view target) {
  const size_t question = target.find('?');
  return question == std::string_view::npos
             ? archive_file(target, "")
             : archive_file(target.substr(0, question), target.substr(question + 1));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);
  if (auto file = file_of(in)) FUZZ_CHECK(inside_archive(*file));

  auto page = archive_links(in, "session/12.html");
  for (const std::string& target : page.targets) {
    auto file = file_of(target);
    FUZZ_CHECK(file && inside_archive(*file));
  }
  if (in.find("=\"/") == std::string_view::npos) FUZZ_CHECK(page.html == in);
  // Nothing that is not an attribute's value changes: the page never gets
  // shorter by more than the values it held, so text is never dropped.
  FUZZ_CHECK(page.html.find(in.substr(0, in.find("=\"/"))) == 0);
  return 0;
}
