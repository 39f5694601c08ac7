// parse_material_lines / parse_speaker_lines: staff-typed lists. Whatever
// they accept is safe to store and to put in an href, carries no user name
// or password, and is one-line text (util/text_rules.h).
#include <string>

#include "fuzz_support.h"
#include "model/limits.h"
#include "model/session_form.h"
#include "util/text_rules.h"
#include "util/web_url.h"

using confsched::text_problem;
using confsched::TextLines;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);
  std::string error;
  for (const auto& link : confsched::parse_material_lines(in, error)) {
    FUZZ_CHECK(!link.label.empty() && !confsched::exceeds(confsched::kMaterialLabel, link.label));
    FUZZ_CHECK(!confsched::exceeds(confsched::kMaterialUrl, link.url));
    FUZZ_CHECK(link.url.rfind("http://", 0) == 0 || link.url.rfind("https://", 0) == 0);
    for (char c : link.url)
      FUZZ_CHECK(static_cast<unsigned char>(c) > 0x20 && c != '"' && c != '<' && c != '\\');
    FUZZ_CHECK(!text_problem(link.label, TextLines::kOne));
    // No '@' in the authority as a browser finds it: up to '/', '?', '#'
    // or '\' (a '/' to a browser; refused above anyway).
    std::string_view after_scheme = std::string_view(link.url).substr(link.url.find("//") + 2);
    FUZZ_CHECK(after_scheme.substr(0, after_scheme.find_first_of("/?#\\")).find('@') ==
               std::string_view::npos);
    FUZZ_CHECK(confsched::check_web_url(link.url) == confsched::WebUrlCheck::kOk);
  }
  error.clear();
  auto names = confsched::parse_speaker_lines(in, error);
  for (size_t i = 0; i < names.size(); ++i) {
    FUZZ_CHECK(!names[i].empty() && !confsched::exceeds(confsched::kSpeakerName, names[i]));
    FUZZ_CHECK(!text_problem(names[i], TextLines::kOne));
    for (size_t j = 0; j < i; ++j) FUZZ_CHECK(names[i] != names[j]);
  }
  return 0;
}
