#include "auth/session_token.h"

#include <charconv>

#include "auth/crypto.h"

namespace confsched {

namespace {

constexpr std::string_view kDomain = "confsched-session-v1|";
constexpr size_t kMaxTokenLength = 256;

std::string mac_input(std::string_view role, std::string_view expiry, std::string_view epoch) {
  std::string m(kDomain);
  m += role;
  m += '|';
  m += expiry;
  m += '|';
  m += epoch;
  return m;
}

}  // namespace

template <typename Int>
std::optional<Int> parse_decimal(std::string_view text) {
  // 20 digits hold any uint64_t; from_chars rejects what overflows.
  if (text.empty() || text.size() > 20) return std::nullopt;
  if (text.size() > 1 && text[0] == '0') return std::nullopt;  // one spelling per number
  Int value{};
  auto r = std::from_chars(text.data(), text.data() + text.size(), value);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
  return value;
}
template std::optional<int64_t> parse_decimal<int64_t>(std::string_view);
template std::optional<uint64_t> parse_decimal<uint64_t>(std::string_view);

bool split_token(std::string_view token, std::span<std::string_view> fields) {
  for (size_t i = 0; i + 1 < fields.size(); ++i) {
    size_t dot = token.find('.');
    if (dot == std::string_view::npos) return false;
    fields[i] = token.substr(0, dot);
    token.remove_prefix(dot + 1);
  }
  if (token.find('.') != std::string_view::npos) return false;
  fields.back() = token;
  return true;
}

std::string_view role_name(Role role) { return role == Role::kStaff ? "staff" : "delegate"; }

std::optional<Role> parse_role(std::string_view name) {
  if (name == "delegate") return Role::kDelegate;
  if (name == "staff") return Role::kStaff;
  return std::nullopt;
}

namespace {

constexpr std::string_view kPersonPrefix = "staff-";

// The token's first field: the role, or "staff-<id>" for a person (one
// spelling per id, as parse_decimal's).
std::string who_field(const SessionClaims& claims) {
  if (claims.person > 0) return std::string(kPersonPrefix) + std::to_string(claims.person);
  return std::string(role_name(claims.role));
}

bool parse_who(std::string_view field, SessionClaims& claims) {
  if (field.starts_with(kPersonPrefix)) {
    auto person = parse_decimal<int64_t>(field.substr(kPersonPrefix.size()));
    if (!person || *person <= 0) return false;
    claims.role = Role::kStaff;
    claims.person = *person;
    return true;
  }
  auto role = parse_role(field);
  if (!role) return false;
  claims.role = *role;
  return true;
}

}  // namespace

std::string sign_session(const SessionClaims& claims, std::string_view secret) {
  std::string role = who_field(claims);
  std::string expiry = std::to_string(claims.expires_at);
  std::string epoch = std::to_string(claims.epoch);
  std::string mac = base64url_encode(hmac_sha256(secret, mac_input(role, expiry, epoch)));
  return role + '.' + expiry + '.' + epoch + '.' + mac;
}

std::optional<SessionClaims> verify_session(std::string_view token, std::string_view secret,
                                            int64_t now) {
  if (token.size() > kMaxTokenLength) return std::nullopt;
  std::string_view parts[4];
  if (!split_token(token, parts)) return std::nullopt;

  SessionClaims claims;
  bool who = parse_who(parts[0], claims);
  auto expiry = parse_decimal<int64_t>(parts[1]);
  auto epoch = parse_decimal<uint64_t>(parts[2]);
  auto mac = base64url_decode(parts[3]);
  if (!who || !expiry || !epoch || !mac) return std::nullopt;

  std::string expected = hmac_sha256(secret, mac_input(parts[0], parts[1], parts[2]));
  if (!constant_time_equal(*mac, expected)) return std::nullopt;
  if (*expiry <= now) return std::nullopt;
  claims.expires_at = *expiry;
  claims.epoch = *epoch;
  return claims;
}

}  // namespace confsched
