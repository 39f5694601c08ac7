// Calendar feed tokens: "<role>.<epoch>.<mac>", where mac is
// base64url(HMAC-SHA256(secret, "confsched-feed-v1|role|epoch")).
//
// A calendar app subscribed to /schedule.ics cannot send the session cookie,
// so the feed URL carries this token instead (?token=...). It is derived
// like the session cookie but under its own domain string, so a feed token
// is never a valid cookie and a cookie never a feed token: a leaked feed URL
// opens the feeds and nothing else. It has no expiry (a subscription must
// keep working for the whole event) and dies when the role's password
// changes (the epoch moves), exactly like every cookie of that role.
// Because it depends only on role and epoch, every delegate gets the same
// token, so pages showing it stay the same bytes for everyone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "auth/session_token.h"

namespace confsched {

struct FeedClaims {
  Role role = Role::kDelegate;
  uint64_t epoch = 0;
};

std::string sign_feed_token(const FeedClaims& claims, std::string_view secret);

// Pure: parses the token and checks the MAC in constant time. The caller
// compares the epoch with the role's current one. nullopt for anything
// malformed or forged.
std::optional<FeedClaims> verify_feed_token(std::string_view token, std::string_view secret);

}  // namespace confsched
