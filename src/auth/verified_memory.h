// Which password last verified against each role's stored hash,
// remembered by every worker at once: it lives in the shared mapping the master makes
// before forking (auth/login_guard.h), so a password one worker checked
// with Argon2id costs every other worker, and every worker started later,
// one HMAC. Without it, each new worker (after a restart or a SIGHUP roll)
// paid a full Argon2id check for the first delegate it saw, which during a
// flood of wrong passwords meant waiting for a free Argon2id slot.
//
// Only HMACs under a random key that never leaves memory are kept, never a
// password. Safe to use from several processes at once: each entry is a
// sequence lock over atomic words, so a reader never acts on a half-written
// entry (it sees a mismatch and pays the full check instead).
//
// One entry per role, so that remembering one role's password never
// pushes out the other's: with entries chosen by hash, the two could share
// one, and then every login of either role after one of the other paid a
// full check again.
#pragma once

#include <atomic>
#include <cstdint>
#include <string_view>

#include "auth/session_token.h"

namespace confsched {

struct VerifiedEntry {
  std::atomic<uint32_t> sequence{0};  // odd while being written; 0 = never written
  // HMAC of the stored hash, then HMAC of the password, 8 bytes a word.
  std::atomic<uint64_t> words[8]{};
};

// Plain data, valid when zero-filled apart from the key; set up once with
// init() before any other process sees it.
struct VerifiedMemory {
  static constexpr size_t kEntries = 2;  // one per role

  void init();  // a fresh random key
  bool remembers(Role role, std::string_view encoded_hash, std::string_view password) const;
  // Replaces what the role's entry held.
  void remember(Role role, std::string_view encoded_hash, std::string_view password);

  char key[32];
  VerifiedEntry entries[kEntries];
};

static_assert(std::atomic<uint64_t>::is_always_lock_free &&
                  std::atomic<uint32_t>::is_always_lock_free,
              "shared-memory atomics must be lock-free to work across processes");

}  // namespace confsched
