// Shared helpers for the unit tests.
#pragma once

#include <boost/test/unit_test.hpp>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

// Boost.Test prints both operands of a failed comparison, and std::optional
// has no operator<<. This specialisation is the customisation point
// Boost.Test documents; without it every BOOST_TEST on an optional would
// need to be spelled as two checks and lose the value in the failure log.
namespace boost::test_tools::tt_detail {

template <typename T>
struct print_log_value<std::optional<T>> {
  void operator()(std::ostream& os, const std::optional<T>& value) {
    if (!value) {
      os << "nullopt";
      return;
    }
    os << "optional(";
    print_log_value<T>()(os, *value);
    os << ')';
  }
};

template <>
struct print_log_value<std::nullopt_t> {
  void operator()(std::ostream& os, std::nullopt_t) { os << "nullopt"; }
};

}  // namespace boost::test_tools::tt_detail

namespace confsched::testing {

// Hex makes binary results (MACs, digests, odd bytes) readable in a
// failure message and comparable against published test vectors.
inline std::string to_hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

inline std::string from_hex(std::string_view hex) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw std::invalid_argument("bad hex in test data");
  };
  if (hex.size() % 2 != 0) throw std::invalid_argument("odd hex length in test data");
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2)
    out += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
  return out;
}

// Encodes a code point the naive way, without any validity checks, so
// tests can build surrogates and out-of-range values on purpose.
inline std::string encode_utf8_raw(unsigned int cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

}  // namespace confsched::testing
