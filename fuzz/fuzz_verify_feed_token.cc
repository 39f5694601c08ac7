// verify_feed_token with a fixed secret: an accepted token is exactly what
// sign_feed_token issues for its claims, and no other secret accepts it.
#include <string>

#include "auth/feed_token.h"
#include "fuzz_support.h"

using confsched::sign_feed_token;
using confsched::verify_feed_token;

namespace {
// The seed corpus holds tokens signed with this secret.
constexpr std::string_view kSecret = "confsched-fuzz-secret-0123456789abcdef";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view token = fuzz_input(data, size);
  auto claims = verify_feed_token(token, kSecret);
  if (claims) {
    FUZZ_CHECK(token.size() <= 128);
    FUZZ_CHECK(sign_feed_token(*claims, kSecret) == token);
    FUZZ_CHECK(!verify_feed_token(token, "another-secret-0123456789abcdef!!"));
  }
  return 0;
}
