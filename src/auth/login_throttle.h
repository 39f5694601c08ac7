// Login throttling: the pure decision over one budget's failure counters
// (an address's or a device's: auth/login_budget.h), and the key an
// address is counted under. No clock, no memory of its own: the shared
// table (auth/failure_table.h) keeps the counters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace confsched {

// The [login] numbers (conf/confsched.ini.example explains each). Only
// failures count: one shared delegate password and a venue behind one NAT
// address means hundreds of correct logins from one address in a minute,
// which must never be slowed.
struct ThrottlePolicy {
  uint32_t max_failures = 30;   // failures within window_s before a block (1..255)
  uint32_t window_s = 60;       // the counting window
  uint32_t block_s = 60;        // the first block; each further one doubles...
  uint32_t max_block_s = 1800;  // ...up to this
  uint32_t forget_s = 3600;     // each quiet stretch this long forgives one block
};

// One address's counters. Times are whole seconds on the table's clock
// (monotonic, shared by every worker).
struct ThrottleState {
  // While failures < max_failures: when the counting window began.
  // Once failures == max_failures: when the block began.
  uint32_t since = 0;
  uint32_t failures = 0;  // in the current window; max_failures means blocked
  uint32_t strikes = 0;   // blocks so far, less those forgiven
  bool operator==(const ThrottleState&) const = default;
};

struct ThrottleDecision {
  bool allowed = true;
  uint32_t retry_after_s = 0;  // when refused: seconds until the block ends
};

struct FailureOutcome {
  ThrottleState state;
  bool became_blocked = false;  // this failure started a block (log it once)
  uint32_t block_s = 0;         // its length when it did
};

// How long the block after `strikes` blocks lasts: block_s, doubling each
// strike, never over max_block_s.
uint32_t block_duration(uint32_t strikes, const ThrottlePolicy& policy);

// Whether an attempt from this address may be checked now.
ThrottleDecision throttle_decide(const ThrottleState& state, uint32_t now,
                                 const ThrottlePolicy& policy);

// The counters after one more failed attempt at `now`. During a block
// they stay as they are: the attempt was let in before the block began.
FailureOutcome throttle_record_failure(ThrottleState state, uint32_t now,
                                       const ThrottlePolicy& policy);

// True when the counters say nothing any more: not blocked, the window
// passed and every strike forgiven. Such an entry may be reused for
// another address at no loss.
bool throttle_forgotten(const ThrottleState& state, uint32_t now, const ThrottlePolicy& policy);

// The bytes an address is counted under, from REMOTE_ADDR as nginx passes
// it: "4" + the 4 bytes of an IPv4 address (also when written as
// ::ffff:a.b.c.d), "6" + the first 8 bytes (the /64) of an IPv6 address,
// since one host usually owns a whole /64; anything else (a unix socket
// peer, an empty value) as "?" + the text itself.
std::string throttle_address_key(std::string_view remote_addr);

}  // namespace confsched
