// Calendar feed tokens (see feed_token.h for the format and why).
#include "auth/feed_token.h"

#include "auth/crypto.h"

namespace confsched {

namespace {

// Distinct from the session cookie's "confsched-session-v1|".
constexpr std::string_view kDomain = "confsched-feed-v1|";
// "delegate" + 20 digits + 43 characters of MAC and two dots is 73 bytes.
constexpr size_t kMaxTokenLength = 128;

std::string mac_of(std::string_view role, std::string_view epoch, std::string_view secret) {
  std::string m(kDomain);
  m += role;
  m += '|';
  m += epoch;
  return hmac_sha256(secret, m);
}

}  // namespace

std::string sign_feed_token(const FeedClaims& claims, std::string_view secret) {
  std::string role(role_name(claims.role));
  std::string epoch = std::to_string(claims.epoch);
  return role + '.' + epoch + '.' + base64url_encode(mac_of(role, epoch, secret));
}

std::optional<FeedClaims> verify_feed_token(std::string_view token, std::string_view secret) {
  if (token.size() > kMaxTokenLength) return std::nullopt;
  std::string_view parts[3];
  if (!split_token(token, parts)) return std::nullopt;
  auto [role_text, epoch_text, mac_text] = parts;

  auto role = parse_role(role_text);
  auto epoch = parse_decimal<uint64_t>(epoch_text);
  auto mac = base64url_decode(mac_text);
  if (!role || !epoch || !mac) return std::nullopt;
  if (!constant_time_equal(*mac, mac_of(role_text, epoch_text, secret))) return std::nullopt;
  return FeedClaims{*role, *epoch};
}

}  // namespace confsched
