// Password hashing with Argon2id (RFC 9106) through libargon2, and the
// per-worker memory of passwords already verified.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "auth/verified_memory.h"

namespace confsched {

// OWASP's minimum for Argon2id: 19 MiB, two passes, one lane. A verify
// costs ~50 ms and 19 MiB here; the parameters travel in the encoded hash,
// so raising them later leaves old hashes verifiable.
inline constexpr uint32_t kArgon2MemoryKiB = 19 * 1024;
inline constexpr uint32_t kArgon2Passes = 2;
inline constexpr uint32_t kArgon2Lanes = 1;

// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>" with a fresh 16-byte salt.
std::string hash_password(std::string_view password);

// The full, expensive check. False for a wrong password or a hash that
// libargon2 cannot parse.
bool verify_password_slow(std::string_view encoded_hash, std::string_view password);

// Hundreds of delegates log in within a minute with the same shared
// password. The verifier remembers, per role, an HMAC of the stored hash
// and of the last password that verified against it
// (auth/verified_memory.h), under a random key that exists only in memory:
// its own, or, under `serve`, the one every worker shares. A matching login
// then costs one HMAC; any other password (a wrong one included) still
// pays the full Argon2id price. Changing the password changes the stored
// hash, which forgets the entry.
//
// Not thread-safe: one per worker process (workers are single-threaded, so
// at most one Argon2id verification runs per worker at any time, which
// bounds the memory it can take to kArgon2MemoryKiB).
class PasswordVerifier {
 public:
  PasswordVerifier();
  PasswordVerifier(const PasswordVerifier&) = delete;
  PasswordVerifier& operator=(const PasswordVerifier&) = delete;

  bool verify(Role role, std::string_view encoded_hash, std::string_view password);
  // From now on, remember in (and consult) memory that outlives this
  // verifier and is seen by other processes.
  void share(VerifiedMemory& shared) { memory_ = &shared; }
  // Only the cheap half of verify: whether this password is the one
  // remembered for this role and hash. Needs no Argon2id slot (see
  // LoginGuard).
  bool remembers(Role role, std::string_view encoded_hash, std::string_view password) const;
  // For who has just made encoded_hash from password (a password set on
  // /admin/passwords): the next login with it costs one HMAC, not a full
  // check, even while every Argon2id slot is busy.
  void remember(Role role, std::string_view encoded_hash, std::string_view password) {
    memory_->remember(role, encoded_hash, password);
  }

  // How many full Argon2id verifications this verifier has run.
  uint64_t slow_verifications() const { return slow_verifications_; }

 private:
  VerifiedMemory own_;
  VerifiedMemory* memory_ = &own_;
  uint64_t slow_verifications_ = 0;
};

}  // namespace confsched
