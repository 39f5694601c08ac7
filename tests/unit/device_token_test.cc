// Device cookies: the documented format, one spelling per token, and no
// confusion with session cookies or feed tokens either way.
#include "auth/device_token.h"

#include <set>
#include <string>

#include "auth/crypto.h"
#include "auth/feed_token.h"
#include "test_support.h"

using namespace confsched;

namespace {

const std::string kSecret = "0123456789abcdef0123456789abcdef-test-secret";
constexpr int64_t kNow = 1'800'000'000;
const std::string kId = "AAECAwQFBgcICQoLDA0ODw";  // bytes 0..15

// The documented format, built by hand: a check that device_token.h is right.
std::string forge(std::string_view id, std::string_view roles, std::string_view expiry,
                  std::string_view secret = kSecret) {
  std::string input = "confsched-device-v1|" + std::string(id) + "|" + std::string(roles) + "|" +
                      std::string(expiry);
  return std::string(id) + "." + std::string(roles) + "." + std::string(expiry) + "." +
         base64url_encode(hmac_sha256(secret, input));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(device_token)

BOOST_AUTO_TEST_CASE(roundtrip_and_documented_format) {
  DeviceClaims claims{kId, true, false, kNow + 10};
  std::string token = sign_device_token(claims, kSecret);
  BOOST_TEST(token == forge(kId, "delegate", "1800000010"));
  auto back = verify_device_token(token, kSecret, kNow);
  BOOST_TEST_REQUIRE(back.has_value());
  BOOST_TEST(back->id == kId);
  BOOST_TEST(back->trusts(Role::kDelegate));
  BOOST_TEST(!back->trusts(Role::kStaff));
  BOOST_TEST(back->expires_at == kNow + 10);

  back->add(Role::kStaff);
  BOOST_TEST(sign_device_token(*back, kSecret) == forge(kId, "delegate+staff", "1800000010"));
  DeviceClaims staff{kId, false, true, kNow + 10};
  auto only_staff = verify_device_token(sign_device_token(staff, kSecret), kSecret, kNow);
  BOOST_TEST_REQUIRE(only_staff.has_value());
  BOOST_TEST(!only_staff->trusts(Role::kDelegate));
  BOOST_TEST(only_staff->trusts(Role::kStaff));
}

BOOST_AUTO_TEST_CASE(fresh_ids_are_well_formed_and_distinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string id = new_device_id();
    BOOST_TEST(id.size() == 22u);
    auto token = sign_device_token({id, true, false, kNow + 1}, kSecret);
    BOOST_TEST(verify_device_token(token, kSecret, kNow).has_value(), id);
    seen.insert(id);
  }
  BOOST_TEST(seen.size() == 100u);
}

BOOST_AUTO_TEST_CASE(refuses_forgeries_other_secrets_and_expired_tokens) {
  std::string token = forge(kId, "delegate", "1800000010");
  BOOST_TEST(!verify_device_token(token, "another-secret-0123456789abcdef!!", kNow));
  BOOST_TEST(
      !verify_device_token(forge(kId, "delegate", "1800000010", "another-secret"), kSecret, kNow));
  // A role added without the key: same MAC, other roles.
  std::string mac = token.substr(token.rfind('.') + 1);
  BOOST_TEST(!verify_device_token(kId + ".delegate+staff.1800000010." + mac, kSecret, kNow));
  // Another id with the MAC of this one.
  std::string other_id = "EBESExQVFhcYGRobHB0eHw";
  BOOST_TEST(!verify_device_token(other_id + ".delegate.1800000010." + mac, kSecret, kNow));
  BOOST_TEST(!verify_device_token(token, kSecret, 1'800'000'010));
  BOOST_TEST(verify_device_token(token, kSecret, 1'800'000'009).has_value());
}

BOOST_AUTO_TEST_CASE(never_a_session_cookie_or_feed_token_nor_the_other_way_round) {
  std::string device = sign_device_token({kId, true, true, kNow + 3600}, kSecret);
  BOOST_TEST(!verify_session(device, kSecret, kNow));
  BOOST_TEST(!verify_feed_token(device, kSecret));
  std::string session = sign_session({Role::kStaff, kNow + 3600, 3}, kSecret);
  std::string feed = sign_feed_token({Role::kStaff, 3}, kSecret);
  BOOST_TEST(!verify_device_token(session, kSecret, kNow));
  BOOST_TEST(!verify_device_token(feed, kSecret, kNow));
  // Even a device-shaped token whose MAC is made under another domain
  // string is refused: the domain string is part of what is signed.
  std::string input = "confsched-session-v1|" + kId + "|staff|1800003600";
  std::string wrong_domain =
      kId + ".staff.1800003600." + base64url_encode(hmac_sha256(kSecret, input));
  BOOST_TEST(!verify_device_token(wrong_domain, kSecret, kNow));
}

BOOST_AUTO_TEST_CASE(refuses_malformed) {
  for (std::string bad : {std::string(),
                          std::string("x"),
                          kId,
                          kId + ".delegate",
                          kId + ".delegate.1800000010",
                          forge(kId, "staff+delegate", "1800000010"),
                          forge(kId, "delegate+delegate", "1800000010"),
                          forge(kId, "", "1800000010"),
                          forge(kId, "guest", "1800000010"),
                          forge(kId, "Delegate", "1800000010"),
                          forge(kId, "delegate", "01800000010"),
                          forge(kId, "delegate", "-1"),
                          forge(kId, "delegate", ""),
                          forge(kId, "delegate", "99999999999999999999999"),
                          forge(kId.substr(1), "delegate", "1800000010"),
                          forge(kId + "A", "delegate", "1800000010"),
                          forge("AAECAwQFBgcICQoLDA0ODx", "delegate", "1800000010"),
                          forge("AAECAwQFBgcICQoLDA0OD=", "delegate", "1800000010"),
                          forge("AAECAwQFBgcICQoLDA0O.w", "delegate", "1800000010"),
                          forge(kId, "delegate", "1800000010") + ".x",
                          forge(kId, "delegate", "1800000010") + "=",
                          std::string(200, 'a')}) {
    BOOST_TEST(!verify_device_token(bad, kSecret, kNow), bad);
  }
}

BOOST_AUTO_TEST_SUITE_END()
