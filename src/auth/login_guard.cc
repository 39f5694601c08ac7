#include "auth/login_guard.h"

#include <time.h>
#include <unistd.h>

#include <cstring>
#include <iterator>
#include <new>
#include <utility>

#include "auth/crypto.h"

namespace confsched {

struct LoginGuard::Shared {
  char hash_key[32];
  int64_t clock_base;  // CLOCK_MONOTONIC seconds at creation
  FailureBucket addresses[kFailureSlots / kFailureBucket];
  FailureBucket devices[kFailureSlots / kFailureBucket];
  std::atomic<int32_t> argon2[kMaxArgon2Slots];
  VerifiedMemory verified;
};

namespace {

int64_t monotonic_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec;
}

}  // namespace

Argon2Ticket::Argon2Ticket(Argon2Ticket&& other) noexcept
    : gate_(std::exchange(other.gate_, nullptr)),
      slot_(std::exchange(other.slot_, -1)),
      pid_(other.pid_) {}

Argon2Ticket& Argon2Ticket::operator=(Argon2Ticket&& other) noexcept {
  if (this != &other) {
    release();
    gate_ = std::exchange(other.gate_, nullptr);
    slot_ = std::exchange(other.slot_, -1);
    pid_ = other.pid_;
  }
  return *this;
}

Argon2Ticket::~Argon2Ticket() { release(); }

void Argon2Ticket::release() noexcept {
  if (gate_) gate_->release(slot_, pid_);
  gate_ = nullptr;
  slot_ = -1;
}

LoginGuard::LoginGuard()
    : memory_(sizeof(Shared)),
      shared_(new (memory_.data()) Shared{}),
      addresses_(shared_->addresses, std::size(shared_->addresses)),
      devices_(shared_->devices, std::size(shared_->devices)),
      gate_(shared_->argon2, kMaxArgon2Slots) {
  std::string key = random_bytes(sizeof shared_->hash_key);
  std::memcpy(shared_->hash_key, key.data(), key.size());
  shared_->verified.init();
  // One second back, so that a "since" of 0 is never a real time.
  shared_->clock_base = monotonic_seconds() - 1;
}

VerifiedMemory& LoginGuard::verified_memory() { return shared_->verified; }

uint32_t LoginGuard::now() const {
  return static_cast<uint32_t>(monotonic_seconds() - shared_->clock_base);
}

uint64_t LoginGuard::budget_hash(const LoginBudget& budget) const {
  std::string mac = hmac_sha256(std::string_view(shared_->hash_key, sizeof shared_->hash_key),
                                budget_key(budget));
  uint64_t h = 0;
  std::memcpy(&h, mac.data(), sizeof h);
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

ThrottleDecision LoginGuard::check(const LoginBudget& budget, const ThrottlePolicy& policy) const {
  return (budget.trusted ? devices_ : addresses_).check(budget_hash(budget), now(), policy);
}

FailureTable::Recorded LoginGuard::record_failure(const LoginBudget& budget,
                                                  const ThrottlePolicy& policy) {
  return (budget.trusted ? devices_ : addresses_)
      .record_failure(budget_hash(budget), now(), policy);
}

Argon2Ticket LoginGuard::try_argon2(size_t cap) {
  pid_t pid = getpid();
  int slot = gate_.try_acquire(pid, cap);
  if (slot < 0) return {};
  return Argon2Ticket(&gate_, slot, pid);
}

size_t LoginGuard::release_argon2_of(pid_t pid) { return gate_.release_all_of(pid); }

}  // namespace confsched
