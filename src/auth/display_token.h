// The token that opens /display/<room-id> on a screen outside a room,
// without a login: base64url(HMAC-SHA256(cookie secret,
// "confsched-display-v2|<room-id>|<nonce>")).
//
// Staff turn a room's screen on, renew its link or turn it off on
// /admin/displays (or with `confsched display-token`); the room's nonce
// (rooms.display_nonce) is what changes. A fresh nonce is drawn at random
// at each "turn on" or "new link", so a link once replaced or turned off
// never works again, not even after the room is deleted and recreated
// under the same id (a counter would start over). No nonce: the screen is
// off and no token opens it. The nonce need not be secret, only never
// reused: the MAC under the cookie secret is what nobody can forge.
// Nonce 0 is the link of the rooms that existed before staff managed
// links (v1: "confsched-display-v1|<room-id>"), so screens already set up
// keep working after the upgrade until staff renew them.
//
// A token opens one room's screen only (the current and next session
// there, which every delegate sees anyway). Rotating the cookie secret
// revokes every display token (and every login). Pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace confsched {

std::string display_token(std::string_view secret, int64_t room_id, int64_t nonce);

// "/display/<room-id>?token=<token>": what a screen opens.
std::string display_path(std::string_view secret, int64_t room_id, int64_t nonce);

// Whether token opens room_id's screen; never when the screen is off
// (no nonce). Constant-time comparison with the room's token.
bool display_token_valid(std::string_view secret, int64_t room_id, std::optional<int64_t> nonce,
                         std::string_view token);

// A fresh nonce from the system's random source: 1 .. 2^63-1 (never 0,
// the v1 link). Throws std::runtime_error if there is no randomness.
int64_t new_display_nonce();

}  // namespace confsched
