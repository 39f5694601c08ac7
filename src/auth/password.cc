#include "auth/password.h"

#include <argon2.h>

#include <stdexcept>
#include <vector>

#include "auth/crypto.h"

namespace confsched {

namespace {

constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;

}  // namespace

std::string hash_password(std::string_view password) {
  std::string salt = random_bytes(kSaltBytes);
  size_t encoded_len = argon2_encodedlen(kArgon2Passes, kArgon2MemoryKiB, kArgon2Lanes, kSaltBytes,
                                         kHashBytes, Argon2_id);
  std::vector<char> encoded(encoded_len);
  int rc = argon2id_hash_encoded(kArgon2Passes, kArgon2MemoryKiB, kArgon2Lanes, password.data(),
                                 password.size(), salt.data(), salt.size(), kHashBytes,
                                 encoded.data(), encoded.size());
  if (rc != ARGON2_OK)
    throw std::runtime_error(std::string("argon2id hashing failed: ") + argon2_error_message(rc));
  return std::string(encoded.data());
}

bool verify_password_slow(std::string_view encoded_hash, std::string_view password) {
  std::string encoded(encoded_hash);  // libargon2 wants a NUL-terminated string
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

PasswordVerifier::PasswordVerifier() { own_.init(); }

bool PasswordVerifier::remembers(Role role, std::string_view encoded_hash,
                                 std::string_view password) const {
  return memory_->remembers(role, encoded_hash, password);
}

bool PasswordVerifier::verify(Role role, std::string_view encoded_hash, std::string_view password) {
  if (remembers(role, encoded_hash, password)) return true;
  ++slow_verifications_;
  if (!verify_password_slow(encoded_hash, password)) return false;
  memory_->remember(role, encoded_hash, password);
  return true;
}

}  // namespace confsched
