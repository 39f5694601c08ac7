// Failed-login counters, in memory that all worker processes share (see
// auth/login_guard.h), and the cap on concurrent Argon2id verifications.
// Both are lock-free: every change is one compare-and-swap of one 64-bit
// word, so a worker that dies at any instant leaves no lock behind and at
// worst loses its own last update.
//
// Process- and thread-safe: any number of processes may use one table at
// once. The buckets must be zeroed before first use (a fresh anonymous
// mapping is).
#pragma once

#include <sys/types.h>

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "auth/login_throttle.h"

namespace confsched {

// Shared between processes, so the atomics must not hide a lock.
static_assert(std::atomic<uint64_t>::is_always_lock_free);
static_assert(std::atomic<int32_t>::is_always_lock_free);

struct FailureSlot {
  // Keyed hash of what is counted (0: empty). Set first when a slot is taken.
  std::atomic<uint64_t> key{0};
  // The counters packed with the low 16 bits of the key they belong to
  // (see failure_table.cc), so an update can tell that the slot was taken
  // over by another key meanwhile.
  std::atomic<uint64_t> state{0};
};

// A key lives only in the bucket its hash names, so a lookup reads at most
// kFailureBucket slots.
inline constexpr size_t kFailureBucket = 8;

struct FailureBucket {
  FailureSlot slots[kFailureBucket];
  // The counters shared by every key of this bucket that has no slot of
  // its own because every slot holds a blocked key (see FailureTable).
  std::atomic<uint64_t> overflow{0};
};

// An open-addressed table of failure counters, one per key.
//
// Counting never stops. A blocked key is never evicted (otherwise failing
// once each from a few fresh addresses would free it), so a bucket can
// fill up with blocked keys; a key that then finds no slot is counted on
// the bucket's overflow counters, under the same policy, and while those
// are blocked every key of the bucket that has no slot of its own is
// refused. Filling a bucket thus blocks, at worst, the other keys of that
// bucket for a while; it never buys uncounted attempts.
class FailureTable {
 public:
  FailureTable(FailureBucket* buckets, size_t count) : buckets_(buckets), count_(count) {}

  // The decision for a key (allowed when neither its own counters nor, for
  // a key without a slot, its bucket's overflow say otherwise). Reads only.
  ThrottleDecision check(uint64_t key, uint32_t now, const ThrottlePolicy& policy) const;

  struct Recorded {
    FailureOutcome outcome;
    bool overflow = false;  // counted on the bucket's overflow counters
  };
  // Counts one failure for a key, taking a slot if it has none.
  Recorded record_failure(uint64_t key, uint32_t now, const ThrottlePolicy& policy);

  // Slots in use that still say something at `now` (for tests and logs).
  size_t live_entries(uint32_t now, const ThrottlePolicy& policy) const;

 private:
  FailureBucket& bucket_of(uint64_t key) const;
  FailureSlot* find(uint64_t key) const;
  FailureSlot* claim(uint64_t key, uint32_t now, const ThrottlePolicy& policy);
  Recorded record_overflow(FailureBucket& bucket, uint32_t now, const ThrottlePolicy& policy);

  FailureBucket* buckets_;
  size_t count_;
};

// The table stores counters tagged with their key's low 16 bits; these
// two are exposed for the unit tests of that packing.
uint64_t pack_throttle_state(const ThrottleState& state, uint64_t key);
ThrottleState unpack_throttle_state(uint64_t word);

// At most `cap` Argon2id verifications at once across all workers: each
// runs in a slot holding the pid of the worker using it. A worker that
// dies inside one leaves its pid behind; the master, which reaps it,
// clears it with release_all_of. Process-safe.
class Argon2Gate {
 public:
  Argon2Gate(std::atomic<int32_t>* slots, size_t count) : slots_(slots), count_(count) {}

  // The slot taken for pid among the first `cap`, or -1 when all are busy.
  int try_acquire(pid_t pid, size_t cap);
  void release(int slot, pid_t pid);
  // Frees every slot pid holds; returns how many there were.
  size_t release_all_of(pid_t pid);
  size_t in_use() const;

 private:
  std::atomic<int32_t>* slots_;
  size_t count_;
};

}  // namespace confsched
