#include "auth/display_token.h"

#include "auth/crypto.h"

namespace confsched {

std::string display_token(std::string_view secret, int64_t room_id) {
  // A label of its own, so that no session cookie's MAC is ever a valid
  // display token or the other way round.
  return base64url_encode(hmac_sha256(secret, "confsched-display-v1|" + std::to_string(room_id)));
}

bool display_token_valid(std::string_view secret, int64_t room_id, std::string_view token) {
  return constant_time_equal(display_token(secret, room_id), token);
}

}  // namespace confsched
