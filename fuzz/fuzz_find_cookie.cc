// find_cookie: never returns a value the header comment rules out, always a
// slice of the header, and the first cookie of a name keeps winning.
#include <string>

#include "fuzz_support.h"
#include "http/cookie.h"

using confsched::find_cookie;

namespace {

bool is_cookie_octet(unsigned char c) {
  return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
         (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

void check_name(const std::string& header, std::string_view name) {
  auto value = find_cookie(header, name);
  if (!value) return;
  // A view into the header, not into something that died.
  FUZZ_CHECK(value->data() >= header.data());
  FUZZ_CHECK(value->data() + value->size() <= header.data() + header.size());
  for (char c : *value) FUZZ_CHECK(is_cookie_octet(static_cast<unsigned char>(c)));
  FUZZ_CHECK(header.find(name) != std::string::npos);

  // A later cookie of the same name changes nothing.
  std::string longer = header + "; " + std::string(name) + "=later";
  auto again = find_cookie(longer, name);
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(*again == *value);
  FUZZ_CHECK(again->data() - longer.data() == value->data() - header.data());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);
  // First line: a cookie name to look up; the rest: the header. A name
  // holding ';' or '=' cannot be a cookie name, so only the fixed names are
  // used then.
  size_t newline = in.find('\n');
  std::string_view fuzzed_name =
      newline == std::string_view::npos ? std::string_view() : in.substr(0, newline);
  std::string header(newline == std::string_view::npos ? in : in.substr(newline + 1));

  check_name(header, "confsched");
  check_name(header, "__Host-confsched");
  bool usable =
      !fuzzed_name.empty() && fuzzed_name.find_first_of(";= \t") == std::string_view::npos;
  if (usable) check_name(header, fuzzed_name);
  return 0;
}
