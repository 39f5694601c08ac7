// The few cryptographic primitives confsched needs, over OpenSSL libcrypto.
// All functions are thread-safe; none keeps state.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace confsched {

// 32 raw bytes.
std::string hmac_sha256(std::string_view key, std::string_view message);
// Hex of SHA-256, lower case.
std::string sha256_hex(std::string_view data);
// Cryptographically random bytes; throws std::runtime_error if the system
// cannot provide them (never falls back to something weaker).
std::string random_bytes(size_t count);
// Compares in time that depends only on the lengths.
bool constant_time_equal(std::string_view a, std::string_view b);

// RFC 4648 §5 base64url without padding. decode returns nullopt on any
// character outside the alphabet or an impossible length.
std::string base64url_encode(std::string_view data);
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace confsched
