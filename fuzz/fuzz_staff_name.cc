// A staff member's name (model/staff_member.h), as typed on /admin/people
// or given to `confsched staff add`: a name the checks accept is valid
// UTF-8 of 1 to 60 characters without control characters, trimmed; its
// login key folds ASCII letters only, so it is as long as the name, and a
// name whose key is a shared login's is refused.
#include <string>

#include "fuzz_support.h"
#include "model/staff_member.h"
#include "util/utf8.h"

using namespace confsched;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);
  const std::string name = trim_display_name(in);
  const std::string key = staff_login_key(name);
  FUZZ_CHECK(key.size() == name.size());
  FUZZ_CHECK(staff_login_key(key) == key);
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c >= 'A' && c <= 'Z')
      FUZZ_CHECK(key[i] == static_cast<char>(c - 'A' + 'a'));
    else
      FUZZ_CHECK(key[i] == name[i]);
  }
  if (!staff_name_problem(name, "delegate", "staff")) {
    FUZZ_CHECK(!display_name_error(name));
    FUZZ_CHECK(!name.empty());
    FUZZ_CHECK(is_valid_utf8(name));
    FUZZ_CHECK(!has_control_characters(name, false));
    FUZZ_CHECK(name.find('\t') == std::string::npos);
    FUZZ_CHECK(name.size() <= 4 * kMaxDisplayNameChars);
    FUZZ_CHECK(trim_display_name(name) == name);
    FUZZ_CHECK(key != "delegate" && key != "staff");
  }
  return 0;
}
