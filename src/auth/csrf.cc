#include "auth/csrf.h"

#include "auth/crypto.h"

namespace confsched {

namespace {

// Distinct from the session MAC's domain, so a token is never a valid MAC
// of anything else.
constexpr std::string_view kDomain = "confsched-csrf-v1|";

}  // namespace

std::string csrf_token(std::string_view session_token, std::string_view secret) {
  return base64url_encode(hmac_sha256(secret, std::string(kDomain) + std::string(session_token)));
}

bool csrf_token_valid(std::string_view submitted, std::string_view session_token,
                      std::string_view secret) {
  if (session_token.empty() || submitted.empty()) return false;
  return constant_time_equal(submitted, csrf_token(session_token, secret));
}

}  // namespace confsched
