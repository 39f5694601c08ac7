#include "auth/origin.h"

#include <strings.h>

namespace confsched {

bool is_cross_site_request(std::string_view origin, std::string_view sec_fetch_site,
                           std::string_view own_origin) {
  if (!sec_fetch_site.empty() && sec_fetch_site != "same-origin" && sec_fetch_site != "none")
    return true;
  if (!origin.empty()) {
    // Scheme and host compare case-insensitively (RFC 6454 §4).
    if (origin.size() != own_origin.size()) return true;
    if (strncasecmp(origin.data(), own_origin.data(), origin.size()) != 0) return true;
  }
  return false;
}

}  // namespace confsched
