// verify_device_token with a fixed secret and clock: an accepted token is
// exactly what sign_device_token makes of its claims, names at least one
// role, and neither another secret nor a later clock accepts it; and no
// device cookie is ever a session cookie or a feed token.
#include <string>

#include "auth/device_token.h"
#include "auth/feed_token.h"
#include "auth/session_token.h"
#include "fuzz_support.h"

using confsched::sign_device_token;
using confsched::verify_device_token;

namespace {
// The seed corpus holds tokens signed with this secret, expiring after kNow.
constexpr std::string_view kSecret = "confsched-fuzz-secret-0123456789abcdef";
constexpr int64_t kNow = 1'800'000'000;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view token = fuzz_input(data, size);
  auto claims = verify_device_token(token, kSecret, kNow);
  if (claims) {
    FUZZ_CHECK(token.size() <= 128);
    FUZZ_CHECK(claims->delegate || claims->staff);
    FUZZ_CHECK(claims->id.size() == 22);
    FUZZ_CHECK(claims->expires_at > kNow);
    FUZZ_CHECK(sign_device_token(*claims, kSecret) == token);
    FUZZ_CHECK(!verify_device_token(token, "another-secret-0123456789abcdef!!", kNow));
    FUZZ_CHECK(!verify_device_token(token, kSecret, claims->expires_at));
    FUZZ_CHECK(!confsched::verify_session(token, kSecret, kNow));
    FUZZ_CHECK(!confsched::verify_feed_token(token, kSecret));
  }
  return 0;
}
