// is_local_path against the rule spelled out in its header: whatever it
// accepts must be a same-site path that is safe in a Location header.
#include <string>

#include "fuzz_support.h"
#include "http/local_path.h"

using confsched::is_local_path;
using confsched::local_path_or;

namespace {

bool safe_same_site_path(std::string_view p) {
  if (p.empty() || p[0] != '/') return false;
  if (p.size() > 1 && (p[1] == '/' || p[1] == '\\')) return false;
  for (char ch : p) {
    auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7F || c == '\\') return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);
  bool local = is_local_path(in);
  // Never accept an unsafe target.
  if (local) FUZZ_CHECK(safe_same_site_path(in));
  // Never refuse an ordinary one (the implementation may cap the length,
  // but not this low).
  if (safe_same_site_path(in) && in.size() <= 256) FUZZ_CHECK(local);

  std::string chosen = local_path_or(in, "/");
  FUZZ_CHECK(is_local_path(chosen));
  FUZZ_CHECK(chosen == (local ? std::string(in) : std::string("/")));
  return 0;
}
