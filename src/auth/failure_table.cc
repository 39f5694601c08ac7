#include "auth/failure_table.h"

#include <algorithm>
#include <iterator>

namespace confsched {

namespace {

// state word: bits 0-31 since, 32-39 failures, 40-47 strikes, 48-63 the
// low 16 bits of the owning key. An all-zero word is a fresh state.
constexpr uint64_t kTagMask = 0xffff;

uint64_t tag_of_key(uint64_t key) { return key & kTagMask; }
uint64_t tag_of_word(uint64_t word) { return word >> 48; }

// The counters a slot holds for `key`: fresh when the word belongs to the
// slot's previous owner (taken over, not yet reset).
ThrottleState state_for(uint64_t word, uint64_t key) {
  return tag_of_word(word) == tag_of_key(key) ? unpack_throttle_state(word) : ThrottleState{};
}

// Retries of a compare-and-swap that keeps losing to other workers. Each
// loss means another worker made progress, so this is never reached in
// practice; it only keeps a pathological case from spinning for ever.
constexpr int kMaxRetries = 64;

}  // namespace

uint64_t pack_throttle_state(const ThrottleState& state, uint64_t key) {
  return uint64_t{state.since} | uint64_t{std::min<uint32_t>(state.failures, 255)} << 32 |
         uint64_t{std::min<uint32_t>(state.strikes, 255)} << 40 | tag_of_key(key) << 48;
}

ThrottleState unpack_throttle_state(uint64_t word) {
  return ThrottleState{static_cast<uint32_t>(word & 0xffffffffu),
                       static_cast<uint32_t>((word >> 32) & 0xff),
                       static_cast<uint32_t>((word >> 40) & 0xff)};
}

FailureBucket& FailureTable::bucket_of(uint64_t key) const {
  // The low 16 bits are the tag; the bucket comes from the others so that
  // two keys in one bucket still differ in their tags as often as chance
  // allows.
  return buckets_[(key >> 16) % count_];
}

FailureSlot* FailureTable::find(uint64_t key) const {
  FailureBucket& bucket = bucket_of(key);
  for (FailureSlot& slot : bucket.slots)
    if (slot.key.load() == key) return &slot;
  return nullptr;
}

ThrottleDecision FailureTable::check(uint64_t key, uint32_t now,
                                     const ThrottlePolicy& policy) const {
  if (const FailureSlot* slot = find(key))
    return throttle_decide(state_for(slot->state.load(), key), now, policy);
  return throttle_decide(unpack_throttle_state(bucket_of(key).overflow.load()), now, policy);
}

// A slot for a key that has none. An empty slot first; else the entry
// whose loss costs least: a forgotten one, then the unblocked one with the
// fewest strikes and failures. A blocked entry is never evicted: otherwise
// failing once each from a few fresh addresses (or spoofing them, where
// REMOTE_ADDR can be spoofed) would free a blocked address. nullptr when
// every slot of the bucket is blocked (the caller counts the failure on
// the bucket's overflow instead) or a race for the last candidate was lost.
FailureSlot* FailureTable::claim(uint64_t key, uint32_t now, const ThrottlePolicy& policy) {
  FailureBucket& bucket = bucket_of(key);
  for (FailureSlot& slot : bucket.slots) {
    uint64_t expected = 0;
    if (slot.key.compare_exchange_strong(expected, key) || expected == key) return &slot;
  }
  FailureSlot* victim = nullptr;
  uint64_t victim_key = 0, victim_word = 0, victim_rank = UINT64_MAX;
  for (FailureSlot& slot : bucket.slots) {
    uint64_t k = slot.key.load();
    uint64_t word = slot.state.load();
    if (k == key) return &slot;
    ThrottleState st = state_for(word, k);
    if (!throttle_decide(st, now, policy).allowed) continue;
    uint64_t rank =
        throttle_forgotten(st, now, policy) ? 0 : 1 + uint64_t{st.strikes} * 256 + st.failures;
    if (rank < victim_rank) {
      victim = &slot;
      victim_key = k;
      victim_word = word;
      victim_rank = rank;
    }
  }
  if (!victim) return nullptr;
  if (!victim->key.compare_exchange_strong(victim_key, key))
    return victim_key == key ? victim : nullptr;
  // Reset the counters unless their owner changed them meanwhile (then the
  // tag tells them apart, except in the 1 in 65,536 case of equal tags,
  // where the newcomer starts with the old entry's few failures).
  victim->state.compare_exchange_strong(victim_word, 0);
  return victim;
}

FailureTable::Recorded FailureTable::record_failure(uint64_t key, uint32_t now,
                                                    const ThrottlePolicy& policy) {
  FailureBucket& bucket = bucket_of(key);
  for (int attempt = 0; attempt < kMaxRetries; ++attempt) {
    FailureSlot* slot = find(key);
    if (!slot) slot = claim(key, now, policy);
    if (!slot) {
      // Either every slot of the bucket is blocked, or a race for the last
      // candidate was lost: look again, unless nothing could be had.
      if (std::none_of(std::begin(bucket.slots), std::end(bucket.slots), [&](const FailureSlot& s) {
            uint64_t k = s.key.load();
            return throttle_decide(state_for(s.state.load(), k), now, policy).allowed;
          }))
        break;
      continue;
    }
    uint64_t word = slot->state.load();
    FailureOutcome out = throttle_record_failure(state_for(word, key), now, policy);
    if (slot->key.load() != key) continue;  // taken over for another key
    if (slot->state.compare_exchange_weak(word, pack_throttle_state(out.state, key)))
      return {out, false};
  }
  return record_overflow(bucket, now, policy);
}

// The overflow counters carry tag 0 and belong to nobody in particular.
// Each lost compare-and-swap means another worker counted a failure, so
// this loop always ends.
FailureTable::Recorded FailureTable::record_overflow(FailureBucket& bucket, uint32_t now,
                                                     const ThrottlePolicy& policy) {
  uint64_t word = bucket.overflow.load();
  for (;;) {
    FailureOutcome out = throttle_record_failure(unpack_throttle_state(word), now, policy);
    if (bucket.overflow.compare_exchange_weak(word, pack_throttle_state(out.state, 0)))
      return {out, true};
  }
}

size_t FailureTable::live_entries(uint32_t now, const ThrottlePolicy& policy) const {
  size_t n = 0;
  for (size_t b = 0; b < count_; ++b)
    for (const FailureSlot& slot : buckets_[b].slots) {
      uint64_t k = slot.key.load();
      if (k != 0 && !throttle_forgotten(state_for(slot.state.load(), k), now, policy)) ++n;
    }
  return n;
}

int Argon2Gate::try_acquire(pid_t pid, size_t cap) {
  for (size_t i = 0; i < std::min(cap, count_); ++i) {
    int32_t expected = 0;
    if (slots_[i].compare_exchange_strong(expected, pid)) return static_cast<int>(i);
  }
  return -1;
}

void Argon2Gate::release(int slot, pid_t pid) {
  if (slot < 0 || static_cast<size_t>(slot) >= count_) return;
  int32_t expected = pid;
  slots_[slot].compare_exchange_strong(expected, 0);
}

size_t Argon2Gate::release_all_of(pid_t pid) {
  size_t n = 0;
  for (size_t i = 0; i < count_; ++i) {
    int32_t expected = pid;
    if (slots_[i].compare_exchange_strong(expected, 0)) ++n;
  }
  return n;
}

size_t Argon2Gate::in_use() const {
  size_t n = 0;
  for (size_t i = 0; i < count_; ++i)
    if (slots_[i].load() != 0) ++n;
  return n;
}

}  // namespace confsched
