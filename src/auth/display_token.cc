#include "auth/display_token.h"

#include <cstring>

#include "auth/crypto.h"

namespace confsched {

std::string display_token(std::string_view secret, int64_t room_id, int64_t nonce) {
  // A label of its own, so that no session cookie's MAC is ever a valid
  // display token or the other way round.
  const std::string room = std::to_string(room_id);
  if (nonce == 0) return base64url_encode(hmac_sha256(secret, "confsched-display-v1|" + room));
  return base64url_encode(
      hmac_sha256(secret, "confsched-display-v2|" + room + "|" + std::to_string(nonce)));
}

std::string display_path(std::string_view secret, int64_t room_id, int64_t nonce) {
  return "/display/" + std::to_string(room_id) + "?token=" + display_token(secret, room_id, nonce);
}

bool display_token_valid(std::string_view secret, int64_t room_id, std::optional<int64_t> nonce,
                         std::string_view token) {
  // Whether a screen is on shows in the answer anyway (403 or 200): only
  // the comparison with the token must not leak how much of it matched.
  if (!nonce) return false;
  return constant_time_equal(display_token(secret, room_id, *nonce), token);
}

int64_t new_display_nonce() {
  for (;;) {
    const std::string bytes = random_bytes(8);
    uint64_t n = 0;
    std::memcpy(&n, bytes.data(), sizeof n);
    n &= 0x7fffffffffffffffULL;  // a BIGINT, positive
    if (n != 0) return static_cast<int64_t>(n);
  }
}

}  // namespace confsched
