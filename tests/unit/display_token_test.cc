// The token of a room's screen link (auth/display_token.h): per room, per
// secret and per nonce, none while the screen is off, and the pre-upgrade
// (v1) link for nonce 0.
#include "auth/display_token.h"

#include <set>
#include <string>

#include "auth/crypto.h"
#include "test_support.h"

using confsched::base64url_encode;
using confsched::display_path;
using confsched::display_token_valid;
using confsched::hmac_sha256;
using confsched::new_display_nonce;

namespace {
// The function under test; the suite's name (display_token) hides it.
std::string token_of(std::string_view secret, int64_t room, int64_t nonce) {
  return confsched::display_token(secret, room, nonce);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(display_token)

const std::string kSecret(48, 's');

BOOST_AUTO_TEST_CASE(tokens_are_per_room_per_secret_and_per_nonce) {
  const std::string t = token_of(kSecret, 1, 7);
  BOOST_TEST(t.size() == 43u);  // 32 bytes, base64url without padding
  BOOST_TEST(display_token_valid(kSecret, 1, 7, t));
  BOOST_TEST(!display_token_valid(kSecret, 2, 7, t));
  BOOST_TEST(!display_token_valid(kSecret, 1, 8, t));
  BOOST_TEST(!display_token_valid(std::string(48, 't'), 1, 7, t));
  BOOST_TEST(!display_token_valid(kSecret, 1, 7, ""));
  BOOST_TEST(!display_token_valid(kSecret, 1, 7, t.substr(1)));
  BOOST_TEST(!display_token_valid(kSecret, 1, 7, t + "A"));
}

BOOST_AUTO_TEST_CASE(the_token_is_the_documented_mac) {
  BOOST_TEST(token_of(kSecret, 12, 345) ==
             base64url_encode(hmac_sha256(kSecret, "confsched-display-v2|12|345")));
  // "1|23" and "12|3" must not meet: the separator keeps them apart.
  BOOST_TEST(token_of(kSecret, 1, 23) != token_of(kSecret, 12, 3));
}

BOOST_AUTO_TEST_CASE(a_screen_turned_off_opens_with_no_token) {
  for (int64_t nonce : {int64_t{0}, int64_t{7}})
    BOOST_TEST(!display_token_valid(kSecret, 1, std::nullopt, token_of(kSecret, 1, nonce)));
  BOOST_TEST(!display_token_valid(kSecret, 1, std::nullopt, ""));
}

BOOST_AUTO_TEST_CASE(nonce_zero_is_the_link_from_before_the_upgrade) {
  const std::string v1 = base64url_encode(hmac_sha256(kSecret, "confsched-display-v1|3"));
  BOOST_TEST(token_of(kSecret, 3, 0) == v1);
  BOOST_TEST(display_token_valid(kSecret, 3, 0, v1));
  BOOST_TEST(!display_token_valid(kSecret, 3, 1, v1));
}

BOOST_AUTO_TEST_CASE(the_path_carries_room_and_token) {
  BOOST_TEST(display_path(kSecret, 5, 9) == "/display/5?token=" + token_of(kSecret, 5, 9));
}

BOOST_AUTO_TEST_CASE(fresh_nonces_are_positive_and_do_not_repeat) {
  std::set<int64_t> seen;
  for (int i = 0; i < 1000; ++i) {
    const int64_t n = new_display_nonce();
    BOOST_TEST(n > 0);
    seen.insert(n);
  }
  BOOST_TEST(seen.size() == 1000u);
}

BOOST_AUTO_TEST_SUITE_END()
