#include "http/local_path.h"

namespace confsched {

bool is_local_path(std::string_view target) {
  if (target.empty() || target[0] != '/') return false;
  if (target.size() > 1 && (target[1] == '/' || target[1] == '\\')) return false;
  if (target.size() > 2048) return false;
  for (char ch : target) {
    auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7F || c == '\\') return false;
  }
  return true;
}

std::string local_path_or(std::string_view target, std::string_view fallback) {
  return std::string(is_local_path(target) ? target : fallback);
}

}  // namespace confsched
