// The token that opens /display/<room-id> on a screen outside a room,
// without a login: base64url(HMAC-SHA256(cookie secret,
// "confsched-display-v1|<room-id>")), printed by `confsched display-token`.
//
// Why derived, not stored: nothing to keep in the database or to show in
// an admin page, and any server holding the secret checks it. A token
// opens one room's screen only (the current and next session there, which
// every delegate sees anyway). Rotating the cookie secret revokes every
// display token (and every login). Pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace confsched {

std::string display_token(std::string_view secret, int64_t room_id);

// Constant-time comparison with the token of room_id.
bool display_token_valid(std::string_view secret, int64_t room_id, std::string_view token);

}  // namespace confsched
