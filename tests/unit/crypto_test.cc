#include "auth/crypto.h"

#include <set>
#include <string>

#include "test_support.h"

using confsched::base64url_decode;
using confsched::base64url_encode;
using confsched::constant_time_equal;
using confsched::hmac_sha256;
using confsched::random_bytes;
using confsched::sha256_hex;
using confsched::testing::from_hex;
using confsched::testing::to_hex;

BOOST_AUTO_TEST_SUITE(crypto)

BOOST_AUTO_TEST_CASE(hmac_sha256_rfc4231) {
  // RFC 4231 §4.3, test case 2: a short key, shorter than the output.
  BOOST_TEST(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")) ==
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // §4.2, test case 1.
  BOOST_TEST(to_hex(hmac_sha256(std::string(20, '\x0b'), "Hi There")) ==
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  // §4.7, test case 6: a key longer than the block size is hashed first.
  BOOST_TEST(to_hex(hmac_sha256(std::string(131, '\xaa'),
                                "Test Using Larger Than Block-Size Key - Hash Key First")) ==
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

BOOST_AUTO_TEST_CASE(hmac_sha256_is_binary_safe) {
  std::string with_nul("a\0b", 3);
  BOOST_TEST(hmac_sha256("k", with_nul).size() == 32u);
  BOOST_TEST(hmac_sha256("k", with_nul) != hmac_sha256("k", "a"));
  BOOST_TEST(hmac_sha256(std::string("k\0x", 3), "m") != hmac_sha256("k", "m"));
  BOOST_TEST(hmac_sha256("", "").size() == 32u);
}

BOOST_AUTO_TEST_CASE(sha256_hex_vectors) {
  BOOST_TEST(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  BOOST_TEST(sha256_hex("abc") ==
             "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(random_bytes_sizes_and_variety) {
  BOOST_TEST(random_bytes(0).empty());
  BOOST_TEST(random_bytes(1).size() == 1u);
  BOOST_TEST(random_bytes(48).size() == 48u);
  // 2^-256 chance of a false failure.
  BOOST_TEST(random_bytes(32) != random_bytes(32));
}

BOOST_AUTO_TEST_CASE(constant_time_equal_semantics) {
  BOOST_TEST(constant_time_equal("", ""));
  BOOST_TEST(constant_time_equal("abc", "abc"));
  BOOST_TEST(!constant_time_equal("abc", "abd"));
  BOOST_TEST(!constant_time_equal("abc", "xbc"));
  BOOST_TEST(!constant_time_equal("abc", "ab"));
  BOOST_TEST(!constant_time_equal("ab", "abc"));
  BOOST_TEST(!constant_time_equal("", "a"));
  // Embedded NULs count: no C-string comparison underneath.
  BOOST_TEST(!constant_time_equal(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
  BOOST_TEST(constant_time_equal(std::string_view("a\0b", 3), std::string_view("a\0b", 3)));
}

BOOST_AUTO_TEST_CASE(base64url_rfc4648_vectors) {
  // RFC 4648 §10, padding dropped as in §5 without '='.
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},          {"foo", "Zm9v"},
      {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : vectors) {
    BOOST_TEST(base64url_encode(plain) == encoded);
    BOOST_TEST(base64url_decode(encoded) == plain);
  }
}

BOOST_AUTO_TEST_CASE(base64url_uses_the_url_alphabet) {
  // 0xfb 0xff encodes to 62, 63, ... which are '+' '/' in plain base64.
  BOOST_TEST(base64url_encode(from_hex("fbff")) == "-_8");
  BOOST_TEST(base64url_decode("-_8") == from_hex("fbff"));
  BOOST_TEST(base64url_encode(from_hex("fbefbe")) == "----");
  BOOST_TEST(base64url_encode(from_hex("ffffff")) == "____");
  BOOST_TEST(base64url_decode("+/8") == std::nullopt);
  BOOST_TEST(base64url_decode("Zm9v+A") == std::nullopt);
  BOOST_TEST(base64url_decode("Zm9v/w") == std::nullopt);
}

BOOST_AUTO_TEST_CASE(base64url_rejects_padding_and_foreign_characters) {
  BOOST_TEST(base64url_decode("Zg==") == std::nullopt);
  BOOST_TEST(base64url_decode("Zm8=") == std::nullopt);
  BOOST_TEST(base64url_decode("Zm9v ") == std::nullopt);
  BOOST_TEST(base64url_decode(" Zm9v") == std::nullopt);
  BOOST_TEST(base64url_decode("Zm\n9v") == std::nullopt);
  BOOST_TEST(base64url_decode("Zm.9v") == std::nullopt);
  BOOST_TEST(base64url_decode(std::string_view("Zm9v\0\0", 6)) == std::nullopt);
  BOOST_TEST(base64url_decode("Zm9\xC3\xA9") == std::nullopt);
}

BOOST_AUTO_TEST_CASE(base64url_rejects_impossible_lengths) {
  BOOST_TEST(base64url_decode("Z") == std::nullopt);
  BOOST_TEST(base64url_decode("Zm9vY") == std::nullopt);
  BOOST_TEST(base64url_decode("Zm9vYmFyZ") == std::nullopt);
}

BOOST_AUTO_TEST_CASE(base64url_rejects_non_canonical_trailing_bits) {
  // "f" is "Zg"; "Zh".."Zv" carry the same byte with junk in the 4 unused
  // bits. Accepting them would give one MAC many spellings.
  BOOST_TEST(base64url_decode("Zg") == "f");
  for (const char* junk :
       {"Zh", "Zi", "Zj", "Zk", "Zl", "Zm", "Zn", "Zo", "Zp", "Zq", "Zr", "Zs", "Zt", "Zu", "Zv"})
    BOOST_TEST(base64url_decode(junk) == std::nullopt, junk);
  // "fo" is "Zm8"; "Zm9".."Zm_" set the 2 unused bits.
  BOOST_TEST(base64url_decode("Zm8") == "fo");
  BOOST_TEST(base64url_decode("Zm9") == std::nullopt);
  BOOST_TEST(base64url_decode("Zm-") == std::nullopt);
  BOOST_TEST(base64url_decode("Zm_") == std::nullopt);
}

BOOST_AUTO_TEST_CASE(base64url_roundtrip_all_lengths) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  bytes += random_bytes(77);
  for (size_t len = 0; len <= bytes.size(); ++len) {
    std::string data = bytes.substr(bytes.size() - len);
    std::string encoded = base64url_encode(data);
    BOOST_TEST_REQUIRE(encoded.size() == (len * 4 + 2) / 3);
    BOOST_TEST_REQUIRE(encoded.find_first_of("+/=") == std::string::npos);
    BOOST_TEST_REQUIRE(base64url_decode(encoded) == data);
  }
}

BOOST_AUTO_TEST_CASE(base64url_every_canonical_string_decodes_and_reencodes) {
  // All 2- and 3-character strings: each either fails or is the one
  // encoding of what it decodes to.
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  int accepted = 0, mismatched = 0;
  for (char a : alphabet)
    for (char b : alphabet) {
      for (const std::string& s :
           {std::string{a, b}, std::string{a, b, 'A'}, std::string{a, b, 'B'}}) {
        auto d = base64url_decode(s);
        if (!d) continue;
        ++accepted;
        if (base64url_encode(*d) != s) ++mismatched;
      }
    }
  BOOST_TEST(mismatched == 0);
  // 256 one-byte values from 2 characters, and the 2-byte values whose
  // last character is 'A' (low bits zero).
  BOOST_TEST(accepted == 256 + 64 * 64);
}

BOOST_AUTO_TEST_SUITE_END()
