#include "auth/login_throttle.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace confsched {

namespace {

// Strikes forgiven by the quiet time since `since`.
uint32_t strikes_left(const ThrottleState& state, uint32_t now, const ThrottlePolicy& policy) {
  if (policy.forget_s == 0) return 0;
  uint32_t quiet = now > state.since ? now - state.since : 0;
  uint32_t forgiven = quiet / policy.forget_s;
  return forgiven >= state.strikes ? 0 : state.strikes - forgiven;
}

bool is_blocked_state(const ThrottleState& state, const ThrottlePolicy& policy) {
  return state.failures >= policy.max_failures;
}

}  // namespace

uint32_t block_duration(uint32_t strikes, const ThrottlePolicy& policy) {
  uint64_t d = policy.block_s;
  for (uint32_t i = 1; i < strikes && d < policy.max_block_s; ++i) d *= 2;
  return static_cast<uint32_t>(std::min<uint64_t>(d, policy.max_block_s));
}

ThrottleDecision throttle_decide(const ThrottleState& state, uint32_t now,
                                 const ThrottlePolicy& policy) {
  if (!is_blocked_state(state, policy)) return {};
  uint64_t end = uint64_t{state.since} + block_duration(state.strikes, policy);
  if (now >= end) return {};
  return {false, static_cast<uint32_t>(end - now)};
}

FailureOutcome throttle_record_failure(ThrottleState state, uint32_t now,
                                       const ThrottlePolicy& policy) {
  // A block still running: this attempt was allowed before the block began
  // and finished after (workers check in parallel). It must not end the
  // block, or failures in flight at the moment of blocking would lift it.
  if (!throttle_decide(state, now, policy).allowed) {
    FailureOutcome unchanged;
    unchanged.state = state;
    return unchanged;
  }
  // A blocked state whose block is over: counting starts again, but the
  // strikes stay, and the next block lasts longer.
  bool window_over = now >= uint64_t{state.since} + policy.window_s;
  if (is_blocked_state(state, policy) || window_over || state.failures == 0) {
    state.strikes = strikes_left(state, now, policy);
    state.since = now;
    state.failures = 0;
  }
  FailureOutcome out;
  ++state.failures;
  if (state.failures >= policy.max_failures) {
    state.failures = policy.max_failures;
    state.strikes = std::min<uint32_t>(state.strikes + 1, 255);
    state.since = now;
    out.became_blocked = true;
    out.block_s = block_duration(state.strikes, policy);
  }
  out.state = state;
  return out;
}

bool throttle_forgotten(const ThrottleState& state, uint32_t now, const ThrottlePolicy& policy) {
  if (state.failures == 0 && state.strikes == 0) return true;
  if (!throttle_decide(state, now, policy).allowed) return false;
  bool window_over = now >= uint64_t{state.since} + policy.window_s;
  return (window_over || is_blocked_state(state, policy)) && strikes_left(state, now, policy) == 0;
}

std::string throttle_address_key(std::string_view remote_addr) {
  std::string text(remote_addr);  // inet_pton wants a NUL-terminated string
  unsigned char bytes[16];
  if (inet_pton(AF_INET, text.c_str(), bytes) == 1)
    return "4" + std::string(reinterpret_cast<const char*>(bytes), 4);
  if (inet_pton(AF_INET6, text.c_str(), bytes) == 1) {
    static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(bytes, kMapped, sizeof kMapped) == 0)
      return "4" + std::string(reinterpret_cast<const char*>(bytes + 12), 4);
    return "6" + std::string(reinterpret_cast<const char*>(bytes), 8);
  }
  return "?" + text;
}

}  // namespace confsched
