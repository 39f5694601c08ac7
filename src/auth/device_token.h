// Device cookies: "<id>.<roles>.<expiry>.<mac>", where id is 22 base64url
// characters (16 random bytes), roles is "delegate", "staff" or
// "delegate+staff", expiry is Unix seconds, and mac is
// base64url(HMAC-SHA256(secret, "confsched-device-v1|id|roles|expiry")).
//
// Why: the login throttle counts failures per client address, and a venue
// shares one NAT address, so one guest guessing there would lock out every
// delegate and staff member at the venue. A browser that once logged in as
// a role carries this cookie, and its later attempts at that role are
// counted under its own id instead of the shared address (README "Brute
// force"). It proves only that this browser once knew that role's
// password: it opens no page, and a password change does not void it.
//
// Its own domain string keeps it apart from the session cookie
// ("confsched-session-v1|") and the feed token ("confsched-feed-v1|"): a
// device cookie is never a session or a feed token, nor the other way round.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "auth/session_token.h"

namespace confsched {

// How long a device cookie lives: a year, so that a browser stays known
// from one edition of a conference to the next. Each login renews it.
inline constexpr int64_t kDeviceCookieSeconds = 365 * 24 * 3600;

struct DeviceClaims {
  std::string id;         // 22 base64url characters
  bool delegate = false;  // has logged in as delegate
  bool staff = false;     // has logged in as staff
  int64_t expires_at = 0;

  bool trusts(Role role) const { return role == Role::kStaff ? staff : delegate; }
  void add(Role role) { (role == Role::kStaff ? staff : delegate) = true; }
};

// A fresh random id. Throws std::runtime_error without randomness.
std::string new_device_id();

// The token for claims, which must have a well-formed id and at least one
// role.
std::string sign_device_token(const DeviceClaims& claims, std::string_view secret);

// Pure: parses the token and checks the MAC (in constant time) and the
// expiry against now. nullopt for anything malformed, forged or expired.
// Every field has one spelling, so an accepted token is exactly what
// sign_device_token makes of its claims.
std::optional<DeviceClaims> verify_device_token(std::string_view token, std::string_view secret,
                                                int64_t now);

}  // namespace confsched
