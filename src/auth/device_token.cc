#include "auth/device_token.h"

#include "auth/crypto.h"

namespace confsched {

namespace {

constexpr std::string_view kDomain = "confsched-device-v1|";
constexpr size_t kIdBytes = 16;
constexpr size_t kIdLength = 22;  // base64url of 16 bytes, unpadded
// 22 + "delegate+staff" + 20 digits + 43 characters of MAC and three dots.
constexpr size_t kMaxTokenLength = 128;

// base64url_decode takes one spelling per byte string, so this is too.
bool is_id(std::string_view text) {
  auto bytes = text.size() == kIdLength ? base64url_decode(text) : std::nullopt;
  return bytes && bytes->size() == kIdBytes;
}

std::string roles_text(const DeviceClaims& claims) {
  if (claims.delegate && claims.staff) return "delegate+staff";
  return claims.staff ? "staff" : "delegate";
}

// Sets the claims' roles from their one spelling; false for anything else.
bool parse_roles(std::string_view text, DeviceClaims& claims) {
  claims.delegate = text == "delegate" || text == "delegate+staff";
  claims.staff = text == "staff" || text == "delegate+staff";
  return claims.delegate || claims.staff;
}

std::string mac_of(std::string_view id, std::string_view roles, std::string_view expiry,
                   std::string_view secret) {
  std::string m(kDomain);
  m.append(id).append("|").append(roles).append("|").append(expiry);
  return hmac_sha256(secret, m);
}

}  // namespace

std::string new_device_id() { return base64url_encode(random_bytes(kIdBytes)); }

std::string sign_device_token(const DeviceClaims& claims, std::string_view secret) {
  std::string roles = roles_text(claims);
  std::string expiry = std::to_string(claims.expires_at);
  return claims.id + '.' + roles + '.' + expiry + '.' +
         base64url_encode(mac_of(claims.id, roles, expiry, secret));
}

std::optional<DeviceClaims> verify_device_token(std::string_view token, std::string_view secret,
                                                int64_t now) {
  if (token.size() > kMaxTokenLength) return std::nullopt;
  std::string_view parts[4];
  if (!split_token(token, parts)) return std::nullopt;

  DeviceClaims claims;
  auto expiry = parse_decimal<int64_t>(parts[2]);
  auto mac = base64url_decode(parts[3]);
  if (!is_id(parts[0]) || !parse_roles(parts[1], claims) || !expiry || !mac) return std::nullopt;
  if (!constant_time_equal(*mac, mac_of(parts[0], parts[1], parts[2], secret))) return std::nullopt;
  if (*expiry <= now) return std::nullopt;
  claims.id = std::string(parts[0]);
  claims.expires_at = *expiry;
  return claims;
}

}  // namespace confsched
