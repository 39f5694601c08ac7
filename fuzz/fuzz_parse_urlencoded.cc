// parse_urlencoded: whatever it accepts is clean text, within limits, and
// survives being re-encoded and parsed again.
#include <string>

#include "fuzz_support.h"
#include "http/form.h"
#include "http/percent.h"
#include "util/utf8.h"

using confsched::kMaxFormFields;
using confsched::parse_urlencoded;
using confsched::percent_encode;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);
  auto form = parse_urlencoded(in);
  if (!form) return 0;

  const auto& fields = form->all();
  FUZZ_CHECK(fields.size() <= kMaxFormFields);

  // One field per non-empty '&'-separated piece, no more, no fewer.
  size_t pieces = 0;
  size_t start = 0;
  for (;;) {
    size_t amp = in.find('&', start);
    size_t end = amp == std::string_view::npos ? in.size() : amp;
    pieces += end > start;
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  FUZZ_CHECK(fields.size() == pieces);

  for (const auto& [name, value] : fields) {
    FUZZ_CHECK(confsched::is_valid_utf8(name));
    FUZZ_CHECK(confsched::is_valid_utf8(value));
    FUZZ_CHECK(name.find('\0') == std::string::npos);
    FUZZ_CHECK(value.find('\0') == std::string::npos);
    // First wins: get() never returns a later duplicate.
    auto got = form->get(name);
    FUZZ_CHECK(got.has_value());
    for (const auto& [n2, v2] : fields) {
      if (n2 == name) {
        FUZZ_CHECK(*got == v2);
        break;
      }
    }
  }

  std::string again;
  for (size_t i = 0; i < fields.size(); ++i) {
    const auto& [name, value] = fields[i];
    if (i > 0) again += '&';
    again += percent_encode(name, false);
    again += '=';
    again += percent_encode(value, false);
  }
  auto reparsed = parse_urlencoded(again);
  FUZZ_CHECK(reparsed.has_value());
  // An empty name with an empty value re-encodes to "=", which is a
  // non-empty piece, so the field count is preserved exactly.
  FUZZ_CHECK(reparsed->all() == fields);
  return 0;
}
