// The staff display name: a name the checks accept is valid UTF-8 of 1 to
// 60 characters without control characters, survives its cookie unchanged,
// and a cookie only ever yields names the form would accept.
#include <string>

#include "fuzz_support.h"
#include "model/staff_name.h"
#include "util/utf8.h"

using namespace confsched;

namespace {

bool is_cookie_octet(unsigned char c) {
  return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
         (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

void check_accepted(const std::string& name) {
  FUZZ_CHECK(!name.empty());
  FUZZ_CHECK(is_valid_utf8(name));
  FUZZ_CHECK(!has_control_characters(name, false));
  FUZZ_CHECK(name.find('\t') == std::string::npos);
  FUZZ_CHECK(name.size() <= 4 * kMaxDisplayNameChars);
  FUZZ_CHECK(trim_display_name(name) == name);

  std::string value = display_name_cookie_value(name);
  for (char c : value) FUZZ_CHECK(is_cookie_octet(static_cast<unsigned char>(c)));
  auto back = display_name_from_cookie(value);
  FUZZ_CHECK(back.has_value());
  FUZZ_CHECK(*back == name);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);

  // As typed into the form.
  std::string name = trim_display_name(in);
  if (!display_name_error(name)) check_accepted(name);

  // As a cookie value sent back by anyone.
  if (auto from_cookie = display_name_from_cookie(in)) {
    FUZZ_CHECK(!display_name_error(*from_cookie));
    check_accepted(*from_cookie);
  }
  return 0;
}
