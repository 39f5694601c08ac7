// throttle_address_key: REMOTE_ADDR as the web server passes it, turned
// into the key failed logins are counted under. Never crashes, and the
// spellings of one address share one key.
#include <string>

#include "auth/login_throttle.h"
#include "fuzz_support.h"

using confsched::throttle_address_key;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string addr(fuzz_input(data, size));
  std::string key = throttle_address_key(addr);
  FUZZ_CHECK(!key.empty());
  FUZZ_CHECK(key == throttle_address_key(addr));
  // IPv4 keys are 1 + 4 bytes, IPv6 keys 1 + 8 (the /64).
  if (key[0] == '4') FUZZ_CHECK(key.size() == 5);
  if (key[0] == '6') FUZZ_CHECK(key.size() == 9);
  // An IPv4 address and its IPv4-mapped IPv6 spelling count together.
  if (key[0] == '4' && addr.find(':') == std::string::npos)
    FUZZ_CHECK(throttle_address_key("::ffff:" + addr) == key);
  return 0;
}
