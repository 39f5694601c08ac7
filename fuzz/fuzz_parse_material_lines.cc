// parse_material_lines / parse_speaker_lines: staff-typed lists. Whatever
// they accept is safe to store and to put in an href.
#include <string>

#include "admin/session_form.h"
#include "fuzz_support.h"
#include "http/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);
  std::string error;
  for (const auto& link : confsched::parse_material_lines(in, error)) {
    FUZZ_CHECK(!link.label.empty() && link.label.size() <= 200);
    FUZZ_CHECK(link.url.rfind("http://", 0) == 0 || link.url.rfind("https://", 0) == 0);
    for (char c : link.url)
      FUZZ_CHECK(static_cast<unsigned char>(c) > 0x20 && c != '"' && c != '<');
    FUZZ_CHECK(link.label.find('\n') == std::string::npos);
  }
  error.clear();
  auto names = confsched::parse_speaker_lines(in, error);
  for (size_t i = 0; i < names.size(); ++i) {
    FUZZ_CHECK(!names[i].empty() && names[i].size() <= 200);
    FUZZ_CHECK(!confsched::has_control_characters(names[i], false));
    for (size_t j = 0; j < i; ++j) FUZZ_CHECK(names[i] != names[j]);
  }
  return 0;
}
