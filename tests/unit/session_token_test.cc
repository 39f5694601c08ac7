#include "auth/session_token.h"

#include <cstdint>
#include <limits>
#include <string>

#include "auth/crypto.h"
#include "test_support.h"

using confsched::base64url_encode;
using confsched::hmac_sha256;
using confsched::parse_role;
using confsched::Role;
using confsched::role_name;
using confsched::SessionClaims;
using confsched::sign_session;
using confsched::split_token;
using confsched::verify_session;

namespace {

const std::string kSecret = "0123456789abcdef0123456789abcdef-test-secret";
constexpr int64_t kExpiry = 2'000'000'000;
constexpr int64_t kNow = 1'900'000'000;

// Builds a token from raw text fields exactly as session_token.h documents
// the MAC, so tests can hand verify_session well-signed but ill-formed
// fields. It doubles as a check that the documented format is the real one.
std::string forge(std::string_view role, std::string_view expiry, std::string_view epoch,
                  std::string_view secret = kSecret) {
  std::string input = "confsched-session-v1|";
  input += role;
  input += '|';
  input += expiry;
  input += '|';
  input += epoch;
  return std::string(role) + '.' + std::string(expiry) + '.' + std::string(epoch) + '.' +
         base64url_encode(hmac_sha256(secret, input));
}

std::string staff_token() { return sign_session({Role::kStaff, kExpiry, 7}, kSecret); }

bool accepted(std::string_view token, int64_t now = kNow) {
  return verify_session(token, kSecret, now).has_value();
}

// Replaces the n-th dot-separated field.
std::string with_field(const std::string& token, int n, std::string_view value) {
  size_t start = 0;
  for (int i = 0; i < n; ++i) start = token.find('.', start) + 1;
  size_t end = token.find('.', start);
  if (end == std::string::npos) end = token.size();
  return token.substr(0, start) + std::string(value) + token.substr(end);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(session_token)

BOOST_AUTO_TEST_CASE(tokens_split_into_exactly_their_fields) {
  std::string_view three[3];
  BOOST_TEST(split_token("a.b.c", three));
  BOOST_TEST(three[0] == "a");
  BOOST_TEST(three[1] == "b");
  BOOST_TEST(three[2] == "c");
  BOOST_TEST(split_token("..", three));
  BOOST_TEST(three[2] == "");
  for (std::string_view bad : {"", "a", "a.b", "a.b.c.d", "a.b.c."})
    BOOST_TEST(!split_token(bad, three), bad);
  std::string_view one[1];
  BOOST_TEST(split_token("abc", one));
  BOOST_TEST(one[0] == "abc");
  BOOST_TEST(!split_token("a.b", one));
}

BOOST_AUTO_TEST_CASE(role_names) {
  BOOST_TEST(role_name(Role::kDelegate) == "delegate");
  BOOST_TEST(role_name(Role::kStaff) == "staff");
  BOOST_TEST((parse_role("delegate") == Role::kDelegate));
  BOOST_TEST((parse_role("staff") == Role::kStaff));
  BOOST_TEST(!parse_role("Staff").has_value());
  BOOST_TEST(!parse_role("admin").has_value());
  BOOST_TEST(!parse_role("").has_value());
  BOOST_TEST(!parse_role("staff ").has_value());
}

BOOST_AUTO_TEST_CASE(token_has_the_documented_shape) {
  std::string token = staff_token();
  BOOST_TEST(token.rfind("staff.2000000000.7.", 0) == 0u);
  BOOST_TEST(token == forge("staff", "2000000000", "7"));
  // 32 MAC bytes in unpadded base64url.
  BOOST_TEST(token.size() - std::string("staff.2000000000.7.").size() == 43u);
  // Fits in a cookie as is.
  BOOST_TEST(token.find_first_of(" ;,\"\\=+/") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(sign_then_verify_roundtrips) {
  for (Role role : {Role::kDelegate, Role::kStaff})
    for (uint64_t epoch :
         {uint64_t{0}, uint64_t{1}, uint64_t{42}, uint64_t{9'999'999'999'999'999'999u}}) {
      SessionClaims claims{role, kExpiry, epoch};
      auto got = verify_session(sign_session(claims, kSecret), kSecret, kNow);
      BOOST_TEST_REQUIRE(got.has_value());
      BOOST_TEST((got->role == role));
      BOOST_TEST(got->expires_at == kExpiry);
      BOOST_TEST(got->epoch == epoch);
    }
}

BOOST_AUTO_TEST_CASE(roundtrip_at_the_extremes_of_the_claim_types) {
  // sign_session accepts any claims; a token it issues must verify, or the
  // two halves disagree about what a token is.
  SessionClaims claims{Role::kStaff, std::numeric_limits<int64_t>::max(),
                       std::numeric_limits<uint64_t>::max()};
  auto got = verify_session(sign_session(claims, kSecret), kSecret, kNow);
  BOOST_TEST_REQUIRE(got.has_value());
  BOOST_TEST(got->expires_at == std::numeric_limits<int64_t>::max());
  BOOST_TEST(got->epoch == std::numeric_limits<uint64_t>::max());
}

BOOST_AUTO_TEST_CASE(a_staff_members_token_names_them) {
  SessionClaims claims{Role::kStaff, kExpiry, 7, 12};
  std::string token = sign_session(claims, kSecret);
  BOOST_TEST(token.rfind("staff-12.2000000000.7.", 0) == 0u);
  BOOST_TEST(token == forge("staff-12", "2000000000", "7"));
  auto got = verify_session(token, kSecret, kNow);
  BOOST_TEST_REQUIRE(got.has_value());
  BOOST_TEST((got->role == Role::kStaff));
  BOOST_TEST(got->person == 12);
  BOOST_TEST(got->epoch == 7u);
  // A shared login's token names nobody.
  BOOST_TEST(verify_session(staff_token(), kSecret, kNow)->person == 0);
  // Another person, or the shared login, under the same MAC: refused.
  for (const char* who : {"staff-13", "staff-1", "staff", "staff-012", "staff-", "staff-0",
                          "staff--12", "staff-+12", "delegate-12", "Staff-12", "staff-12 "})
    BOOST_TEST(!accepted(with_field(token, 0, who)), who);
  // Each spelling the parser refuses is refused even with a valid MAC of
  // its own: one spelling per person.
  for (const char* who :
       {"staff-012", "staff-0", "staff-", "staff--1", "delegate-3", "staff-99999999999999999999"})
    BOOST_TEST(!accepted(forge(who, "2000000000", "7")), who);
  BOOST_TEST(accepted(forge("staff-9223372036854775807", "2000000000", "7")));
}

BOOST_AUTO_TEST_CASE(expiry_is_exclusive) {
  std::string token = staff_token();
  BOOST_TEST(accepted(token, kExpiry - 1));
  BOOST_TEST(!accepted(token, kExpiry));  // expired exactly at now
  BOOST_TEST(!accepted(token, kExpiry + 1));
  BOOST_TEST(!accepted(token, std::numeric_limits<int64_t>::max()));
}

BOOST_AUTO_TEST_CASE(tampered_role_is_rejected) {
  std::string token = staff_token();
  BOOST_TEST(
      !accepted(with_field(sign_session({Role::kDelegate, kExpiry, 7}, kSecret), 0, "staff")));
  BOOST_TEST(!accepted(with_field(token, 0, "delegate")));
  BOOST_TEST(!accepted(with_field(token, 0, "Staff")));
  BOOST_TEST(!accepted(with_field(token, 0, "")));
}

BOOST_AUTO_TEST_CASE(tampered_expiry_is_rejected) {
  std::string token = staff_token();
  BOOST_TEST(!accepted(with_field(token, 1, "2000000001")));
  BOOST_TEST(!accepted(with_field(token, 1, "9999999999")));
  BOOST_TEST(!accepted(with_field(token, 1, "")));
}

BOOST_AUTO_TEST_CASE(tampered_epoch_is_rejected) {
  std::string token = staff_token();
  BOOST_TEST(!accepted(with_field(token, 2, "8")));
  BOOST_TEST(!accepted(with_field(token, 2, "6")));
  BOOST_TEST(!accepted(with_field(token, 2, "")));
}

BOOST_AUTO_TEST_CASE(tampered_mac_is_rejected) {
  std::string token = staff_token();
  BOOST_TEST_REQUIRE(accepted(token));
  // Flip each MAC character in turn to another alphabet character.
  size_t mac_start = token.rfind('.') + 1;
  int still_accepted = 0;
  for (size_t i = mac_start; i < token.size(); ++i) {
    std::string t = token;
    t[i] = t[i] == 'A' ? 'B' : 'A';
    still_accepted += accepted(t);
  }
  BOOST_TEST(still_accepted == 0);
  BOOST_TEST(!accepted(token.substr(0, token.size() - 1)));
  BOOST_TEST(!accepted(token + "A"));
  BOOST_TEST(!accepted(token + "AA"));
  BOOST_TEST(!accepted(with_field(token, 3, "")));
}

BOOST_AUTO_TEST_CASE(non_canonical_mac_spelling_is_rejected) {
  // The 43rd character carries 2 unused bits; setting them keeps the MAC
  // bytes but changes the token text. One token, one spelling.
  std::string token = staff_token();
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  size_t last = alphabet.find(token.back());
  BOOST_TEST_REQUIRE(last % 4 == 0u);
  for (size_t junk = 1; junk < 4; ++junk) {
    std::string t = token;
    t.back() = alphabet[last + junk];
    BOOST_TEST(!accepted(t), t);
  }
}

BOOST_AUTO_TEST_CASE(wrong_secret_is_rejected) {
  std::string token = staff_token();
  BOOST_TEST(!verify_session(token, "another secret of sufficient length!!", kNow).has_value());
  BOOST_TEST(!verify_session(token, kSecret.substr(1), kNow).has_value());
  BOOST_TEST(!verify_session(token, kSecret + "x", kNow).has_value());
  BOOST_TEST(!verify_session(token, "", kNow).has_value());
  BOOST_TEST(!accepted(forge("staff", "2000000000", "7", "not the secret")));
}

BOOST_AUTO_TEST_CASE(numbers_have_one_spelling) {
  // Correct MACs over the odd spellings: only the parser can refuse them.
  BOOST_TEST(accepted(forge("staff", "2000000000", "7")));
  BOOST_TEST(!accepted(forge("staff", "02000000000", "7")));
  BOOST_TEST(!accepted(forge("staff", "2000000000", "07")));
  BOOST_TEST(!accepted(forge("staff", "2000000000", "00")));
  BOOST_TEST(!accepted(forge("staff", "+2000000000", "7")));
  BOOST_TEST(!accepted(forge("staff", "2000000000", "+7")));
  BOOST_TEST(!accepted(forge("staff", " 2000000000", "7")));
  BOOST_TEST(!accepted(forge("staff", "2000000000 ", "7")));
  BOOST_TEST(!accepted(forge("staff", "2000000000", "-7")));
  BOOST_TEST(!accepted(forge("staff", "2e9", "7")));
  BOOST_TEST(!accepted(forge("staff", "0x77359400", "7")));
  BOOST_TEST(!accepted(forge("staff", "2000000000", "")));
  BOOST_TEST(accepted(forge("staff", "2000000000", "0")));
}

BOOST_AUTO_TEST_CASE(out_of_range_numbers_are_rejected) {
  BOOST_TEST(!accepted(forge("staff", "9223372036854775808", "7")));  // INT64_MAX + 1
  BOOST_TEST(!accepted(forge("staff", "99999999999999999999", "7")));
  BOOST_TEST(!accepted(forge("staff", "2000000000", "18446744073709551616")));  // 2^64
}

BOOST_AUTO_TEST_CASE(unknown_role_is_rejected_even_when_signed) {
  BOOST_TEST(!accepted(forge("admin", "2000000000", "7")));
  BOOST_TEST(!accepted(forge("Staff", "2000000000", "7")));
  BOOST_TEST(!accepted(forge("", "2000000000", "7")));
}

BOOST_AUTO_TEST_CASE(wrong_number_of_fields_is_rejected) {
  std::string token = staff_token();
  BOOST_TEST(!accepted(token + "."));
  BOOST_TEST(!accepted(token + ".x"));
  BOOST_TEST(!accepted("." + token));
  BOOST_TEST(!accepted(with_field(token, 0, "staff.")));
  BOOST_TEST(!accepted(with_field(token, 1, "2000000000.")));
  BOOST_TEST(!accepted(""));
  BOOST_TEST(!accepted("..."));
  BOOST_TEST(!accepted("...."));
  BOOST_TEST(!accepted("staff"));
  BOOST_TEST(!accepted("staff.2000000000.7"));
  // A MAC over "staff|2000000000" with the epoch missing.
  std::string three = "staff.2000000000." + base64url_encode(hmac_sha256(
                                                kSecret, "confsched-session-v1|staff|2000000000"));
  BOOST_TEST(!accepted(three));
}

BOOST_AUTO_TEST_CASE(over_long_token_is_rejected) {
  BOOST_TEST(!accepted(staff_token() + std::string(300, 'A')));
  BOOST_TEST(!accepted(forge("staff", "2000000000", std::string(300, '1'))));
  BOOST_TEST(!accepted(std::string(100'000, '.')));
  BOOST_TEST(!accepted(std::string(100'000, 'A')));
}

BOOST_AUTO_TEST_CASE(base64_garbage_in_the_mac_is_rejected) {
  std::string token = staff_token();
  BOOST_TEST(!accepted(with_field(token, 3, "!!!!")));
  BOOST_TEST(!accepted(token + "="));
  BOOST_TEST(!accepted(with_field(token, 3, std::string(43, '='))));
  BOOST_TEST(!accepted(with_field(token, 3, "A")));  // impossible length
  BOOST_TEST(!accepted(token.substr(0, token.size() - 1) + "+"));
  BOOST_TEST(!accepted(token.substr(0, token.size() - 1) + "/"));
  BOOST_TEST(!accepted(token.substr(0, token.size() - 1) + " "));
  BOOST_TEST(!accepted(token + std::string("\0", 1)));
}

BOOST_AUTO_TEST_SUITE_END()
