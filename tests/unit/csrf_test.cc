// CSRF tokens: bound to the session and the secret, compared exactly.
#include "auth/csrf.h"

#include "test_support.h"

using namespace confsched;

BOOST_AUTO_TEST_SUITE(csrf)

BOOST_AUTO_TEST_CASE(a_token_is_valid_for_its_own_session_only) {
  const std::string secret(40, 's');
  std::string token = csrf_token("staff.100.1.mac", secret);
  BOOST_TEST(csrf_token_valid(token, "staff.100.1.mac", secret));
  BOOST_TEST(!csrf_token_valid(token, "staff.100.2.mac", secret));
  BOOST_TEST(!csrf_token_valid(token, "staff.100.1.mac", std::string(40, 't')));
}

BOOST_AUTO_TEST_CASE(tampered_or_missing_tokens_are_refused) {
  const std::string secret(40, 's');
  std::string token = csrf_token("session", secret);
  std::string flipped = token;
  flipped[0] = flipped[0] == 'A' ? 'B' : 'A';
  BOOST_TEST(!csrf_token_valid(flipped, "session", secret));
  BOOST_TEST(!csrf_token_valid(token.substr(1), "session", secret));
  BOOST_TEST(!csrf_token_valid("", "session", secret));
  BOOST_TEST(!csrf_token_valid(csrf_token("", secret), "", secret));
}

BOOST_AUTO_TEST_CASE(tokens_are_url_safe_and_deterministic) {
  const std::string secret(40, 's');
  std::string token = csrf_token("session", secret);
  BOOST_TEST(token == csrf_token("session", secret));
  BOOST_TEST(token.size() == 43u);  // 32 bytes in unpadded base64url
  BOOST_TEST(
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
      std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
