// What every worker shares to protect /login: the failed-login counters
// (per address and role, and per trusted device and role: see
// auth/login_budget.h), the cap on concurrent Argon2id verifications and
// the passwords already verified, in one shared mapping the master makes
// before forking (so they hold across workers and need no database: they
// work while MariaDB is down).
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "auth/failure_table.h"
#include "auth/login_budget.h"
#include "auth/login_throttle.h"
#include "auth/verified_memory.h"
#include "util/shared_memory.h"

namespace confsched {

// Slots per table: 4,096 (address, role) budgets and as many (device,
// role) ones, 64 KiB each. Only budgets that failed take a slot; see
// FailureTable for what happens when a bucket is full.
inline constexpr size_t kFailureSlots = 4096;
// More than any [login] argon2_slots (256), plus the one reserved for
// trusted attempts (login.cc).
inline constexpr size_t kMaxArgon2Slots = 257;

class LoginGuard;

// The right to run one Argon2id verification; given back when destroyed.
// Movable, never copied, so a slot is released exactly once.
class Argon2Ticket {
 public:
  Argon2Ticket() = default;
  Argon2Ticket(Argon2Ticket&& other) noexcept;
  Argon2Ticket& operator=(Argon2Ticket&& other) noexcept;
  Argon2Ticket(const Argon2Ticket&) = delete;
  Argon2Ticket& operator=(const Argon2Ticket&) = delete;
  ~Argon2Ticket();

  explicit operator bool() const { return gate_ != nullptr; }

 private:
  friend class LoginGuard;
  Argon2Ticket(Argon2Gate* gate, int slot, pid_t pid) : gate_(gate), slot_(slot), pid_(pid) {}
  void release() noexcept;

  Argon2Gate* gate_ = nullptr;
  int slot_ = -1;
  pid_t pid_ = 0;
};

// Owns the mapping. The master keeps one and hands it to each worker at
// start-up (a fork keeps the mapping where it was); workers keep no other
// mutable state about logins. Every method is process-safe.
class LoginGuard {
 public:
  // Maps and initialises the shared state: a random key for hashing
  // budgets (so nobody can choose addresses that collide) and the start of
  // the shared clock.
  LoginGuard();
  LoginGuard(const LoginGuard&) = delete;
  LoginGuard& operator=(const LoginGuard&) = delete;

  // Whether an attempt on this budget may be checked now.
  ThrottleDecision check(const LoginBudget& budget, const ThrottlePolicy& policy) const;
  // Counts one failed (or busy) attempt on this budget.
  FailureTable::Recorded record_failure(const LoginBudget& budget, const ThrottlePolicy& policy);

  // A free Argon2id slot among the first `cap`, or an empty ticket.
  Argon2Ticket try_argon2(size_t cap);
  // For the master: frees the slots of a worker that died holding them.
  size_t release_argon2_of(pid_t pid);

  // Passwords already verified, for every worker's PasswordVerifier.
  VerifiedMemory& verified_memory();

  // Seconds on the shared clock (CLOCK_MONOTONIC since the mapping was
  // made; the same in every process).
  uint32_t now() const;

 private:
  struct Shared;
  uint64_t budget_hash(const LoginBudget& budget) const;

  SharedMemory memory_;
  Shared* shared_;
  FailureTable addresses_;
  // Trusted devices are counted apart from addresses: only a browser that
  // logged in holds a device id, so a flood from addresses, however many,
  // can never fill the buckets devices are counted in (and so never block
  // them through a bucket's overflow counters).
  FailureTable devices_;
  Argon2Gate gate_;
};

}  // namespace confsched
