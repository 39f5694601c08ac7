// Stateless session tokens: "<who>.<expiry>.<epoch>.<mac>", where mac is
// base64url(HMAC-SHA256(secret, "confsched-session-v1|who|expiry|epoch")).
// Any server holding the secret can check one; no session table exists.
// <who> is a shared login's role ("delegate", "staff") or a staff member's
// "staff-<id>". Revocation works per role for shared logins (`confsched
// passwd ROLE` bumps the role's credential epoch) and per person for staff
// members (sql/007_staff_members.sql): a token is valid only for the
// current epoch of its role or person.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace confsched {

enum class Role { kDelegate, kStaff };

std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

struct SessionClaims {
  Role role = Role::kDelegate;
  int64_t expires_at = 0;  // Unix seconds
  uint64_t epoch = 0;
  // A staff member's id (always with Role::kStaff), or 0 for a shared
  // login.
  int64_t person = 0;
};

// A token's decimal field: digits only, no leading zero, no overflow (one
// spelling per number, so a MAC over the text is a MAC over the value).
// Instantiated for int64_t and uint64_t. Pure.
template <typename Int>
std::optional<Int> parse_decimal(std::string_view text);

// Splits a token at its dots into exactly fields.size() fields (at least
// one); false when it has more or fewer. Pure.
bool split_token(std::string_view token, std::span<std::string_view> fields);

std::string sign_session(const SessionClaims& claims, std::string_view secret);

// Pure: parses the token and checks the MAC (in constant time) and the
// expiry against now. The caller then compares the epoch with the role's
// current one. Returns nullopt for any malformed, forged or expired token.
std::optional<SessionClaims> verify_session(std::string_view token, std::string_view secret,
                                            int64_t now);

}  // namespace confsched
