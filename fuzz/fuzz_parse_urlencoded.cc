// parse_urlencoded: whatever it accepts is clean text, within limits, and
// survives being re-encoded and parsed again. And what it accepts is judged
// by form_key_problem (http/form_keys.h) against the session form's keys
// exactly as the keys say: accepted only when every field is declared or
// "csrf", comes once and passes its check; a refusal never echoes markup.
#include <string>

#include "fuzz_support.h"
#include "http/form.h"
#include "http/form_keys.h"
#include "http/percent.h"
#include "model/session_form.h"
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

  const auto problem = confsched::form_key_problem(*form, confsched::kSessionFormKeys, "csrf");
  // Judged here apart from form_keys.cc, so that the two must agree.
  bool acceptable = true;
  for (size_t i = 0; i < fields.size(); ++i) {
    const auto& [name, value] = fields[i];
    for (size_t j = 0; j < i; ++j) acceptable &= fields[j].first != name;
    if (name == "csrf") continue;
    const confsched::FormKey* key = nullptr;
    for (const confsched::FormKey& k : confsched::kSessionFormKeys)
      if (k.name == name) key = &k;
    acceptable &= key != nullptr;
    if (!key) continue;
    if (key->valid) acceptable &= key->valid(value);
    if (!key->choices.empty()) {
      bool listed = false;
      for (std::string_view choice : key->choices) listed |= choice == value;
      acceptable &= listed;
    }
  }
  FUZZ_CHECK(acceptable == !problem.has_value());
  if (problem) {
    FUZZ_CHECK(problem->find('<') == std::string::npos);
    FUZZ_CHECK(problem->find('&') == std::string::npos);
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
