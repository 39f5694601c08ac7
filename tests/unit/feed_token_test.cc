#include "auth/feed_token.h"

#include <string>

#include "auth/crypto.h"
#include "test_support.h"

using confsched::base64url_encode;
using confsched::FeedClaims;
using confsched::hmac_sha256;
using confsched::Role;
using confsched::sign_feed_token;
using confsched::sign_session;
using confsched::verify_feed_token;

namespace {

const std::string kSecret = "0123456789abcdef0123456789abcdef-test-secret";

// The documented format, built by hand: a check that feed_token.h is right.
std::string forge(std::string_view role, std::string_view epoch) {
  std::string input = "confsched-feed-v1|" + std::string(role) + "|" + std::string(epoch);
  return std::string(role) + "." + std::string(epoch) + "." +
         base64url_encode(hmac_sha256(kSecret, input));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(feed_token)

BOOST_AUTO_TEST_CASE(roundtrip_and_documented_format) {
  std::string token = sign_feed_token({Role::kDelegate, 3}, kSecret);
  BOOST_TEST(token == forge("delegate", "3"));
  auto claims = verify_feed_token(token, kSecret);
  BOOST_TEST_REQUIRE(claims.has_value());
  BOOST_TEST((claims->role == Role::kDelegate));
  BOOST_TEST(claims->epoch == 3u);
  auto staff = verify_feed_token(sign_feed_token({Role::kStaff, 9}, kSecret), kSecret);
  BOOST_TEST_REQUIRE(staff.has_value());
  BOOST_TEST((staff->role == Role::kStaff));
}

BOOST_AUTO_TEST_CASE(same_claims_same_token_so_pages_can_share_it) {
  BOOST_TEST(sign_feed_token({Role::kDelegate, 5}, kSecret) ==
             sign_feed_token({Role::kDelegate, 5}, kSecret));
  BOOST_TEST(sign_feed_token({Role::kDelegate, 5}, kSecret) !=
             sign_feed_token({Role::kDelegate, 6}, kSecret));
}

BOOST_AUTO_TEST_CASE(refuses_forgeries_and_other_secrets) {
  std::string token = sign_feed_token({Role::kDelegate, 3}, kSecret);
  BOOST_TEST(!verify_feed_token(token, "another-secret-0123456789abcdef!!"));
  std::string changed_epoch = token;
  changed_epoch[9] = '4';  // "delegate.3" -> "delegate.4", same MAC
  BOOST_TEST(!verify_feed_token(changed_epoch, kSecret));
  std::string changed_role = "staff" + token.substr(8);
  BOOST_TEST(!verify_feed_token(changed_role, kSecret));
}

BOOST_AUTO_TEST_CASE(a_session_cookie_is_not_a_feed_token) {
  std::string cookie = sign_session({Role::kDelegate, 2'000'000'000, 3}, kSecret);
  BOOST_TEST(!verify_feed_token(cookie, kSecret));
}

BOOST_AUTO_TEST_CASE(refuses_malformed) {
  for (std::string bad : {std::string(), std::string("delegate"), std::string("delegate.3"),
                          std::string("delegate.3."), forge("delegate", "03"),
                          forge("delegate", "-3"), forge("delegate", ""), forge("guest", "3"),
                          forge("delegate", "3") + ".x", forge("delegate", "3") + "=",
                          std::string(200, 'a'), forge("delegate", "99999999999999999999999")}) {
    BOOST_TEST(!verify_feed_token(bad, kSecret), bad);
  }
}

BOOST_AUTO_TEST_SUITE_END()
