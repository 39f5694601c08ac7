// base64url in both directions: decode accepts exactly the canonical
// unpadded encodings, and encode/decode are inverse.
#include <string>

#include "auth/crypto.h"
#include "fuzz_support.h"

using confsched::base64url_decode;
using confsched::base64url_encode;

namespace {

int value_of(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

bool canonical(std::string_view text) {
  if (text.size() % 4 == 1) return false;
  for (char c : text)
    if (value_of(c) < 0) return false;
  if (text.empty()) return true;
  int last = value_of(text.back());
  switch (text.size() % 4) {
    case 2:
      return (last & 0x0F) == 0;
    case 3:
      return (last & 0x03) == 0;
    default:
      return true;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);

  auto decoded = base64url_decode(in);
  FUZZ_CHECK(decoded.has_value() == canonical(in));
  if (decoded) {
    FUZZ_CHECK(decoded->size() == in.size() * 3 / 4);
    FUZZ_CHECK(base64url_encode(*decoded) == in);
  }

  std::string encoded = base64url_encode(in);
  FUZZ_CHECK(encoded.size() == (in.size() * 4 + 2) / 3);
  FUZZ_CHECK(encoded.find_first_of("+/=") == std::string::npos);
  FUZZ_CHECK(base64url_decode(encoded) == std::string(in));
  return 0;
}
