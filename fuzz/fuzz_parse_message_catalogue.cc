// MessageCatalogue::parse: a .mo file's bytes (the site's own catalogue,
// but a damaged or foreign file must be refused, not read past its end).
// Whatever it accepts holds UTF-8 messages with a non-empty msgid and
// translation, and translates each of them to what it holds.
#include <string>

#include "fuzz_support.h"
#include "util/message_catalogue.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string error;
  auto catalogue = confsched::MessageCatalogue::parse(fuzz_input(data, size), error);
  if (!catalogue) {
    FUZZ_CHECK(!error.empty());
    return 0;
  }
  FUZZ_CHECK(catalogue->empty() == catalogue->messages().empty());
  for (const auto& [msgid, translation] : catalogue->messages()) {
    FUZZ_CHECK(!msgid.empty() && !translation.empty());
    FUZZ_CHECK(msgid.find('\0') == std::string::npos);
    FUZZ_CHECK(translation.find('\0') == std::string::npos);
    FUZZ_CHECK(confsched::is_valid_utf8(msgid) && confsched::is_valid_utf8(translation));
    FUZZ_CHECK(catalogue->translate(msgid) == translation);
  }
  const std::string absent = "\x01 not a msgid \x01";
  if (catalogue->messages().count(absent) == 0) FUZZ_CHECK(catalogue->translate(absent) == absent);
  return 0;
}
