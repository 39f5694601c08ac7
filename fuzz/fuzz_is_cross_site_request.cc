// is_cross_site_request: the Origin and Sec-Fetch-Site headers of a login
// post. Never crashes, and its answer follows the rules it states.
#include <string>

#include "auth/origin.h"
#include "fuzz_support.h"

using confsched::is_cross_site_request;

namespace {
constexpr std::string_view kOwn = "https://conf.example.org";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = fuzz_input(data, size);
  // The first byte splits the rest into the two header values.
  size_t split = input.empty() ? 0 : static_cast<unsigned char>(input[0]) % (input.size());
  std::string_view rest = input.empty() ? input : input.substr(1);
  std::string origin(rest.substr(0, split));
  std::string fetch_site(rest.substr(std::min(split, rest.size())));

  bool refused = is_cross_site_request(origin, fetch_site, kOwn);
  // Neither header: never refused (curl, old browsers).
  FUZZ_CHECK(!is_cross_site_request("", "", kOwn));
  // Our own origin with a same-origin fetch is never refused.
  FUZZ_CHECK(!is_cross_site_request(kOwn, "same-origin", kOwn));
  // A browser saying cross-site is always refused, whatever the Origin.
  FUZZ_CHECK(is_cross_site_request(origin, "cross-site", kOwn));
  // A foreign Origin is refused whatever Sec-Fetch-Site claims. Scheme and
  // host compare without regard to case (RFC 6454), so lower both.
  std::string lower;
  for (char c : origin) lower += static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
  if (!origin.empty() && lower != kOwn) FUZZ_CHECK(is_cross_site_request(origin, "", kOwn));
  if (lower == kOwn) FUZZ_CHECK(!is_cross_site_request(origin, "same-origin", kOwn));
  // Deterministic.
  FUZZ_CHECK(is_cross_site_request(origin, fetch_site, kOwn) == refused);
  return 0;
}
