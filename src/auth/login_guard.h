// What every worker shares to protect /login: the failed-login counters per
// address and the cap on concurrent Argon2id verifications, in one shared
// mapping the master makes before forking (so they hold across workers and
// need no database: they work while MariaDB is down).
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "auth/failure_table.h"
#include "auth/login_throttle.h"
#include "auth/verified_memory.h"
#include "util/shared_memory.h"

namespace confsched {

// 4,096 addresses (64 KiB). Only addresses that failed take a slot; see
// FailureTable::claim for what happens when a bucket is full.
inline constexpr size_t kFailureSlots = 4096;
// More than any worker count the configuration allows (256).
inline constexpr size_t kMaxArgon2Slots = 256;

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
  // addresses (so nobody can choose addresses that collide) and the start
  // of the shared clock.
  LoginGuard();
  LoginGuard(const LoginGuard&) = delete;
  LoginGuard& operator=(const LoginGuard&) = delete;

  // Whether an attempt from remote_addr may be checked now.
  ThrottleDecision check(std::string_view remote_addr, const ThrottlePolicy& policy) const;
  // Counts one failed attempt from remote_addr.
  FailureTable::Recorded record_failure(std::string_view remote_addr, const ThrottlePolicy& policy);

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
  uint64_t address_hash(std::string_view remote_addr) const;

  SharedMemory memory_;
  Shared* shared_;
  FailureTable table_;
  Argon2Gate gate_;
};

}  // namespace confsched
