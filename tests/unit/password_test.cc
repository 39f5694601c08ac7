#include "auth/password.h"

#include <string>
#include <vector>

#include "test_support.h"

using confsched::hash_password;
using confsched::PasswordVerifier;
using confsched::Role;
using confsched::verify_password_slow;

namespace {

constexpr std::string_view kPrefix = "$argon2id$v=19$m=19456,t=2,p=1$";

// Argon2id at 19 MiB is slow on purpose; hash each password once for the
// whole suite.
const std::string& hash_of_right() {
  static const std::string h = hash_password("correct horse battery staple");
  return h;
}
const std::string& hash_of_other() {
  static const std::string h = hash_password("a different password");
  return h;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at - start));
    if (at == std::string::npos) return parts;
    start = at + 1;
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(password)

BOOST_AUTO_TEST_CASE(hash_has_the_documented_format) {
  const std::string& h = hash_of_right();
  BOOST_TEST(h.rfind(kPrefix, 0) == 0u, h);
  auto parts = split(h, '$');
  // "", "argon2id", "v=19", "m=...", salt, hash
  BOOST_TEST_REQUIRE(parts.size() == 6u);
  BOOST_TEST(parts[4].size() == 22u);  // 16-byte salt, unpadded base64
  BOOST_TEST(parts[5].size() == 43u);  // 32-byte hash
  BOOST_TEST(h.find('\0') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(same_password_hashes_differently) {
  std::string again = hash_password("correct horse battery staple");
  BOOST_TEST(again != hash_of_right());
  BOOST_TEST(split(again, '$')[4] != split(hash_of_right(), '$')[4]);
  BOOST_TEST(verify_password_slow(again, "correct horse battery staple"));
}

BOOST_AUTO_TEST_CASE(slow_verification) {
  BOOST_TEST(verify_password_slow(hash_of_right(), "correct horse battery staple"));
  BOOST_TEST(!verify_password_slow(hash_of_right(), "correct horse battery stapl"));
  BOOST_TEST(!verify_password_slow(hash_of_right(), "correct horse battery staple "));
  BOOST_TEST(!verify_password_slow(hash_of_right(), "Correct horse battery staple"));
  BOOST_TEST(!verify_password_slow(hash_of_right(), ""));
  BOOST_TEST(!verify_password_slow(hash_of_right(), "a different password"));
  BOOST_TEST(verify_password_slow(hash_of_other(), "a different password"));
}

BOOST_AUTO_TEST_CASE(password_bytes_after_a_nul_count) {
  std::string with_nul("pass\0word", 9);
  std::string h = hash_password(with_nul);
  BOOST_TEST(verify_password_slow(h, with_nul));
  BOOST_TEST(!verify_password_slow(h, "pass"));
}

BOOST_AUTO_TEST_CASE(empty_password_can_be_hashed_and_checked) {
  std::string h = hash_password("");
  BOOST_TEST(verify_password_slow(h, ""));
  BOOST_TEST(!verify_password_slow(h, " "));
}

BOOST_AUTO_TEST_CASE(unparseable_hashes_verify_nothing) {
  BOOST_TEST(!verify_password_slow("", ""));
  BOOST_TEST(!verify_password_slow("", "x"));
  BOOST_TEST(!verify_password_slow("not a hash", "not a hash"));
  BOOST_TEST(!verify_password_slow(hash_of_right().substr(0, 40), "correct horse battery staple"));
  // Parameters tampered with: the stored hash no longer matches.
  std::string cheaper = hash_of_right();
  cheaper.replace(cheaper.find("t=2"), 3, "t=1");
  BOOST_TEST(!verify_password_slow(cheaper, "correct horse battery staple"));
  // argon2i is not argon2id.
  std::string as_argon2i = hash_of_right();
  as_argon2i.replace(0, 9, "$argon2i");
  BOOST_TEST(!verify_password_slow(as_argon2i, "correct horse battery staple"));
}

BOOST_AUTO_TEST_CASE(verifier_remembers_a_right_password) {
  PasswordVerifier v;
  BOOST_TEST(v.slow_verifications() == 0u);
  BOOST_TEST(v.verify(Role::kDelegate, hash_of_right(), "correct horse battery staple"));
  BOOST_TEST(v.slow_verifications() == 1u);
  BOOST_TEST(v.verify(Role::kDelegate, hash_of_right(), "correct horse battery staple"));
  BOOST_TEST(v.verify(Role::kDelegate, hash_of_right(), "correct horse battery staple"));
  BOOST_TEST(v.slow_verifications() == 1u);
}

BOOST_AUTO_TEST_CASE(verifier_never_caches_a_wrong_password) {
  PasswordVerifier v;
  BOOST_TEST(!v.verify(Role::kDelegate, hash_of_right(), "guess"));
  BOOST_TEST(v.slow_verifications() == 1u);
  BOOST_TEST(!v.verify(Role::kDelegate, hash_of_right(), "guess"));
  BOOST_TEST(v.slow_verifications() == 2u);
  // Once the right one is remembered, a wrong one still costs full price
  // and is still refused.
  BOOST_TEST(v.verify(Role::kDelegate, hash_of_right(), "correct horse battery staple"));
  BOOST_TEST(v.slow_verifications() == 3u);
  BOOST_TEST(!v.verify(Role::kDelegate, hash_of_right(), "guess"));
  BOOST_TEST(v.slow_verifications() == 4u);
  BOOST_TEST(!v.verify(Role::kDelegate, hash_of_right(), "correct horse battery staple "));
  BOOST_TEST(v.slow_verifications() == 5u);
  BOOST_TEST(!v.verify(Role::kDelegate, hash_of_right(), ""));
  BOOST_TEST(v.slow_verifications() == 6u);
  // And the remembered right password survives the wrong attempts.
  BOOST_TEST(v.verify(Role::kDelegate, hash_of_right(), "correct horse battery staple"));
  BOOST_TEST(v.slow_verifications() == 6u);
}

BOOST_AUTO_TEST_CASE(verifier_forgets_when_the_hash_changes) {
  PasswordVerifier v;
  BOOST_TEST(v.verify(Role::kDelegate, hash_of_right(), "correct horse battery staple"));
  BOOST_TEST(v.slow_verifications() == 1u);
  // The password was changed: the old one must not open the new hash, and
  // checking it must be a real verification.
  BOOST_TEST(!v.verify(Role::kDelegate, hash_of_other(), "correct horse battery staple"));
  BOOST_TEST(v.slow_verifications() == 2u);
  BOOST_TEST(v.verify(Role::kDelegate, hash_of_other(), "a different password"));
  BOOST_TEST(v.slow_verifications() == 3u);
  BOOST_TEST(v.verify(Role::kDelegate, hash_of_other(), "a different password"));
  BOOST_TEST(v.slow_verifications() == 3u);
}

BOOST_AUTO_TEST_CASE(verifier_rehash_of_same_password_is_verified_again) {
  PasswordVerifier v;
  std::string rehash = hash_password("correct horse battery staple");
  BOOST_TEST(v.verify(Role::kDelegate, hash_of_right(), "correct horse battery staple"));
  BOOST_TEST(v.verify(Role::kDelegate, rehash, "correct horse battery staple"));
  BOOST_TEST(v.slow_verifications() == 2u);
}

BOOST_AUTO_TEST_CASE(verifier_garbage_hash_is_refused) {
  PasswordVerifier v;
  BOOST_TEST(!v.verify(Role::kDelegate, "", ""));
  BOOST_TEST(!v.verify(Role::kDelegate, "", ""));
  BOOST_TEST(!v.verify(Role::kDelegate, "garbage", "garbage"));
  BOOST_TEST(v.slow_verifications() == 3u);
}

BOOST_AUTO_TEST_CASE(verifiers_do_not_share_memory) {
  PasswordVerifier a, b;
  BOOST_TEST(a.verify(Role::kDelegate, hash_of_right(), "correct horse battery staple"));
  BOOST_TEST(b.verify(Role::kDelegate, hash_of_right(), "correct horse battery staple"));
  BOOST_TEST(a.slow_verifications() == 1u);
  BOOST_TEST(b.slow_verifications() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
