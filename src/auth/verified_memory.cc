#include "auth/verified_memory.h"

#include <cstring>
#include <string>

#include "auth/crypto.h"

namespace confsched {

namespace {

// What an entry holds for a hash and a password: 64 bytes.
std::string entry_bytes(std::string_view key, std::string_view encoded_hash,
                        std::string_view password) {
  return hmac_sha256(key, std::string("hash\n").append(encoded_hash)) +
         hmac_sha256(key, std::string("password\n").append(password));
}

size_t entry_index(Role role) { return role == Role::kStaff ? 1 : 0; }

}  // namespace

void VerifiedMemory::init() {
  std::string fresh = random_bytes(sizeof key);
  std::memcpy(key, fresh.data(), sizeof key);
}

bool VerifiedMemory::remembers(Role role, std::string_view encoded_hash,
                               std::string_view password) const {
  const std::string want = entry_bytes(std::string_view(key, sizeof key), encoded_hash, password);
  const VerifiedEntry& entry = entries[entry_index(role)];
  uint32_t before = entry.sequence.load(std::memory_order_acquire);
  if (before == 0 || (before & 1) != 0) return false;
  std::string held(sizeof entry.words, '\0');
  for (size_t i = 0; i < 8; ++i) {
    uint64_t word = entry.words[i].load(std::memory_order_relaxed);
    std::memcpy(held.data() + 8 * i, &word, sizeof word);
  }
  std::atomic_thread_fence(std::memory_order_acquire);
  if (entry.sequence.load(std::memory_order_relaxed) != before)
    return false;  // rewritten meanwhile
  return constant_time_equal(held, want);
}

void VerifiedMemory::remember(Role role, std::string_view encoded_hash, std::string_view password) {
  const std::string bytes = entry_bytes(std::string_view(key, sizeof key), encoded_hash, password);
  VerifiedEntry& entry = entries[entry_index(role)];
  uint32_t sequence = entry.sequence.load(std::memory_order_relaxed);
  // Another process is writing this entry: let it; this one is only a
  // cache. (A writer that died mid-write leaves the entry odd, and so
  // unused: logins then pay the full check, as without this memory.)
  if ((sequence & 1) != 0 ||
      !entry.sequence.compare_exchange_strong(sequence, sequence + 1, std::memory_order_acq_rel))
    return;
  for (size_t i = 0; i < 8; ++i) {
    uint64_t word = 0;
    std::memcpy(&word, bytes.data() + 8 * i, sizeof word);
    entry.words[i].store(word, std::memory_order_relaxed);
  }
  entry.sequence.store(sequence + 2, std::memory_order_release);
}

}  // namespace confsched
