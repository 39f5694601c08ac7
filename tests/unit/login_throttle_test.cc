// The login throttle: the pure decision, the address key, the shared
// failure table (collisions, eviction, full buckets, several processes at
// once), the budgets LoginGuard keeps apart and the Argon2id gate.
#include "auth/login_throttle.h"

#include <sys/wait.h>
#include <unistd.h>

#include <vector>

#include "auth/failure_table.h"
#include "auth/login_budget.h"
#include "auth/login_guard.h"
#include "test_support.h"
#include "util/shared_memory.h"

using namespace confsched;

namespace {

ThrottlePolicy small_policy() {
  ThrottlePolicy p;
  p.max_failures = 3;
  p.window_s = 10;
  p.block_s = 5;
  p.max_block_s = 18;
  p.forget_s = 100;
  return p;
}

// n failures, one a second from t.
ThrottleState fail(ThrottleState s, uint32_t& t, int n, const ThrottlePolicy& p) {
  for (int i = 0; i < n; ++i) s = throttle_record_failure(s, t++, p).state;
  return s;
}

// A table over its own zeroed shared memory, `buckets` buckets big.
struct TestTable {
  explicit TestTable(size_t buckets)
      : memory(sizeof(FailureBucket) * buckets),
        table(static_cast<FailureBucket*>(memory.data()), buckets) {}
  SharedMemory memory;
  FailureTable table;
};

// Keys that land in bucket 0 of a one-bucket table, with distinct tags.
uint64_t key_n(uint64_t n) { return (n << 16) | (n + 1); }

}  // namespace

BOOST_AUTO_TEST_SUITE(login_throttle)

BOOST_AUTO_TEST_CASE(fresh_address_is_allowed) {
  ThrottlePolicy p = small_policy();
  BOOST_TEST(throttle_decide({}, 1000, p).allowed);
}

BOOST_AUTO_TEST_CASE(blocked_after_max_failures_within_the_window) {
  ThrottlePolicy p = small_policy();
  uint32_t t = 100;
  ThrottleState s = fail({}, t, 2, p);
  BOOST_TEST(throttle_decide(s, t, p).allowed);
  FailureOutcome third = throttle_record_failure(s, t, p);
  BOOST_TEST(third.became_blocked);
  BOOST_TEST(third.block_s == 5u);
  ThrottleDecision d = throttle_decide(third.state, t, p);
  BOOST_TEST(!d.allowed);
  BOOST_TEST(d.retry_after_s == 5u);
  BOOST_TEST(throttle_decide(third.state, t + 4, p).retry_after_s == 1u);
  BOOST_TEST(throttle_decide(third.state, t + 5, p).allowed);
}

BOOST_AUTO_TEST_CASE(failures_spread_over_windows_never_block) {
  ThrottlePolicy p = small_policy();
  ThrottleState s;
  // two failures per window, for a long time
  for (uint32_t t = 100; t < 10000; t += 6) {
    FailureOutcome o = throttle_record_failure(s, t, p);
    BOOST_TEST_REQUIRE(!o.became_blocked);
    s = o.state;
  }
  BOOST_TEST(throttle_decide(s, 10000, p).allowed);
}

BOOST_AUTO_TEST_CASE(each_further_block_doubles_up_to_the_cap) {
  ThrottlePolicy p = small_policy();
  uint32_t t = 100;
  ThrottleState s;
  std::vector<uint32_t> blocks;
  for (int round = 0; round < 5; ++round) {
    for (uint32_t i = 0; i < p.max_failures; ++i) {
      FailureOutcome o = throttle_record_failure(s, t, p);
      s = o.state;
      if (o.became_blocked) blocks.push_back(o.block_s);
    }
    t += throttle_decide(s, t, p).retry_after_s;  // wait the block out exactly
    BOOST_TEST_REQUIRE(throttle_decide(s, t, p).allowed);
  }
  BOOST_TEST(blocks == (std::vector<uint32_t>{5, 10, 18, 18, 18}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(quiet_time_forgives_strikes) {
  ThrottlePolicy p = small_policy();
  uint32_t t = 100;
  ThrottleState s = fail({}, t, 3, p);
  t += 5;
  s = fail(s, t, 3, p);
  BOOST_TEST(s.strikes == 2u);
  t += 250;  // two forget_s periods and more
  BOOST_TEST(throttle_forgotten(s, t, p));
  FailureOutcome o = throttle_record_failure(s, t, p);
  BOOST_TEST(o.state.strikes == 0u);
  BOOST_TEST(o.state.failures == 1u);
}

BOOST_AUTO_TEST_CASE(forgotten_only_when_it_says_nothing) {
  ThrottlePolicy p = small_policy();
  uint32_t t = 100;
  BOOST_TEST(throttle_forgotten({}, t, p));
  ThrottleState one = fail({}, t, 1, p);
  BOOST_TEST(!throttle_forgotten(one, t, p));      // window still open
  BOOST_TEST(throttle_forgotten(one, t + 10, p));  // window over, no strikes
  ThrottleState blocked = fail({}, t, 3, p);
  BOOST_TEST(!throttle_forgotten(blocked, t, p));       // blocked
  BOOST_TEST(!throttle_forgotten(blocked, t + 10, p));  // block over, strike left
  BOOST_TEST(throttle_forgotten(blocked, t + 200, p));
}

BOOST_AUTO_TEST_CASE(address_keys) {
  BOOST_TEST(throttle_address_key("192.0.2.7") == std::string("4\xc0\x00\x02\x07", 5));
  BOOST_TEST(throttle_address_key("::ffff:192.0.2.7") == throttle_address_key("192.0.2.7"));
  // One /64, one key; another /64, another key.
  BOOST_TEST(throttle_address_key("2001:db8:1:2::1") ==
             throttle_address_key("2001:db8:1:2:ffff:eeee:dddd:cccc"));
  BOOST_TEST(throttle_address_key("2001:db8:1:2::1") != throttle_address_key("2001:db8:1:3::1"));
  BOOST_TEST(throttle_address_key("2001:db8:1:2::1").size() == 9u);
  BOOST_TEST(throttle_address_key("192.0.2.7") != throttle_address_key("192.0.2.8"));
  BOOST_TEST(throttle_address_key("") == "?");
  BOOST_TEST(throttle_address_key("unix:") == "?unix:");
  BOOST_TEST(throttle_address_key("192.0.2.7") != throttle_address_key("?192.0.2.7"));
}

BOOST_AUTO_TEST_CASE(state_packing_round_trips_and_carries_the_tag) {
  ThrottleState s{123456789, 200, 17};
  uint64_t word = pack_throttle_state(s, 0xabcdef0123451234);
  BOOST_TEST((word >> 48) == 0x1234u);
  BOOST_TEST((unpack_throttle_state(word) == s));
  BOOST_TEST((unpack_throttle_state(0) == ThrottleState{}));
}

BOOST_AUTO_TEST_CASE(table_counts_per_address_and_blocks) {
  ThrottlePolicy p = small_policy();
  TestTable t(16);
  uint64_t a = 0x1111222233334444, b = 0x5555666677778888;
  for (int i = 0; i < 3; ++i) BOOST_TEST(!t.table.record_failure(a, 100, p).overflow);
  BOOST_TEST(!t.table.check(a, 101, p).allowed);
  BOOST_TEST(t.table.check(b, 101, p).allowed);
  BOOST_TEST(t.table.check(a, 105, p).allowed);
  BOOST_TEST(t.table.live_entries(101, p) == 1u);
}

BOOST_AUTO_TEST_CASE(colliding_keys_in_one_bucket_keep_their_own_counts) {
  ThrottlePolicy p = small_policy();
  TestTable t(1);  // one bucket: every key collides
  for (uint64_t n = 1; n <= kFailureBucket; ++n) t.table.record_failure(key_n(n), 100, p);
  t.table.record_failure(key_n(3), 100, p);
  t.table.record_failure(key_n(3), 100, p);
  BOOST_TEST(!t.table.check(key_n(3), 100, p).allowed);
  for (uint64_t n = 1; n <= kFailureBucket; ++n)
    if (n != 3) BOOST_TEST(t.table.check(key_n(n), 100, p).allowed, n);
  BOOST_TEST(t.table.live_entries(100, p) == kFailureBucket);
}

BOOST_AUTO_TEST_CASE(a_full_bucket_evicts_the_least_valuable_entry) {
  ThrottlePolicy p = small_policy();
  TestTable t(1);
  // slot 1: two failures (more valuable); slots 2..8: one failure each.
  t.table.record_failure(key_n(1), 100, p);
  t.table.record_failure(key_n(1), 100, p);
  for (uint64_t n = 2; n <= kFailureBucket; ++n) t.table.record_failure(key_n(n), 100, p);
  auto r = t.table.record_failure(key_n(99), 101, p);
  BOOST_TEST(!r.overflow);
  // key 1 kept its two failures: one more blocks it.
  BOOST_TEST(t.table.record_failure(key_n(1), 101, p).outcome.became_blocked);
}

BOOST_AUTO_TEST_CASE(forgotten_entries_go_first) {
  ThrottlePolicy p = small_policy();
  TestTable t(1);
  for (uint64_t n = 1; n <= kFailureBucket; ++n) t.table.record_failure(key_n(n), 100, p);
  t.table.record_failure(key_n(5), 150, p);  // only 5 is recent
  for (uint64_t n = 100; n < 107; ++n)
    BOOST_TEST(!t.table.record_failure(key_n(n), 150, p).overflow);
  // the seven stale ones made room; 5's fresh failure survives
  auto again = t.table.record_failure(key_n(5), 150, p);
  BOOST_TEST(again.outcome.state.failures == 2u);
}

BOOST_AUTO_TEST_CASE(a_flood_of_new_addresses_never_frees_a_blocked_one) {
  ThrottlePolicy p = small_policy();
  TestTable t(1);
  uint64_t attacker = key_n(1);
  for (int i = 0; i < 3; ++i) t.table.record_failure(attacker, 100, p);
  BOOST_TEST(!t.table.check(attacker, 100, p).allowed);
  for (uint64_t n = 1000; n < 1500; ++n) t.table.record_failure(key_n(n), 101, p);
  BOOST_TEST(!t.table.check(attacker, 101, p).allowed);
}

// The table must never stop counting: a bucket full of blocked keys counts
// newcomers on its overflow counters, and refuses keys without a slot of
// their own once those trip.
BOOST_AUTO_TEST_CASE(a_bucket_full_of_blocked_keys_still_counts_and_refuses) {
  ThrottlePolicy p = small_policy();
  TestTable t(1);
  for (uint64_t n = 1; n <= kFailureBucket; ++n)
    for (int i = 0; i < 3; ++i) t.table.record_failure(key_n(n), 100, p);
  for (uint64_t n = 1; n <= kFailureBucket; ++n)
    BOOST_TEST_REQUIRE(!t.table.check(key_n(n), 100, p).allowed, n);

  // Three newcomers fail once each: counted, together, and then refused,
  // as is any other key that has no slot in the bucket.
  for (uint64_t n = 5000; n < 5002; ++n) {
    BOOST_TEST(t.table.check(key_n(n), 101, p).allowed);
    auto r = t.table.record_failure(key_n(n), 101, p);
    BOOST_TEST(r.overflow);
    BOOST_TEST(!r.outcome.became_blocked);
  }
  auto third = t.table.record_failure(key_n(5002), 101, p);
  BOOST_TEST(third.overflow);
  BOOST_TEST(third.outcome.became_blocked);
  BOOST_TEST(third.outcome.block_s == 5u);
  for (uint64_t n : {5000u, 5002u, 7777u}) {
    ThrottleDecision d = t.table.check(key_n(n), 102, p);
    BOOST_TEST(!d.allowed, n);
    BOOST_TEST(d.retry_after_s == 4u, n);
  }
  // The blocked keys keep their own blocks and were never evicted.
  for (uint64_t n = 1; n <= kFailureBucket; ++n)
    BOOST_TEST(!t.table.check(key_n(n), 102, p).allowed, n);

  // The overflow's block ends like any other, and the next one lasts
  // longer. (The keys' own blocks ended at 105: block them again to fill
  // the bucket, or the next newcomer would take one of their slots.)
  BOOST_TEST(t.table.check(key_n(7777), 106, p).allowed);
  for (uint64_t n = 1; n <= kFailureBucket; ++n)
    for (int i = 0; i < 3; ++i) t.table.record_failure(key_n(n), 106, p);
  FailureOutcome last;
  for (uint64_t n = 6000; n < 6003; ++n) last = t.table.record_failure(key_n(n), 106, p).outcome;
  BOOST_TEST(last.became_blocked);
  BOOST_TEST(last.block_s == 10u);
}

// Workers check in parallel: failures of attempts let in before a block
// began must not end it.
BOOST_AUTO_TEST_CASE(a_failure_recorded_during_a_block_leaves_it_alone) {
  ThrottlePolicy p = small_policy();
  uint32_t t = 100;
  ThrottleState blocked = fail({}, t, 3, p);  // blocked from 102 to 107
  BOOST_TEST_REQUIRE(!throttle_decide(blocked, 103, p).allowed);
  FailureOutcome late = throttle_record_failure(blocked, 103, p);
  BOOST_TEST(!late.became_blocked);
  BOOST_TEST((late.state == blocked));
  BOOST_TEST(!throttle_decide(late.state, 106, p).allowed);
  // Once the block is over, counting starts again with the strike kept.
  FailureOutcome after = throttle_record_failure(blocked, 107, p);
  BOOST_TEST(after.state.failures == 1u);
  BOOST_TEST(after.state.strikes == 1u);
}

// What a day-long flood of wrong passwords from one budget gets checked
// under the shipped [login] numbers: the table's real code, with the clock
// simulated a second at a time, the flood trying as fast as it is let.
// README "Brute force" quotes the count this prints.
BOOST_AUTO_TEST_CASE(a_day_of_flooding_is_bounded) {
  ThrottlePolicy p;  // the shipped defaults
  TestTable t(1);
  const uint64_t flood = key_n(42);
  uint32_t first_minute = 0, day = 0;
  for (uint32_t now = 1; now <= 86400; ++now) {
    // Far more than anyone could send in a second: every allowed attempt
    // is a checked wrong password.
    for (int i = 0; i < 1000 && t.table.check(flood, now, p).allowed; ++i) {
      t.table.record_failure(flood, now, p);
      ++day;
      if (now <= 60) ++first_minute;
    }
  }
  BOOST_TEST_MESSAGE("a day's flood against one budget: " << first_minute
                                                          << " wrong passwords checked in the "
                                                             "first minute, "
                                                          << day << " in 24 h");
  BOOST_TEST(first_minute == p.max_failures);
  // 30 at once, then after blocks of 1, 2, 4, 8, 16 and 30 minutes, then
  // every 30 minutes: 52 rounds of 30 in a day.
  BOOST_TEST(day == 52u * p.max_failures);
}

BOOST_AUTO_TEST_CASE(several_processes_count_every_failure) {
  // Four processes record 50 failures each for one address at once; the
  // count must come out exact (compare-and-swap, no lost update).
  ThrottlePolicy p;
  p.max_failures = 255;
  p.window_s = 1000;
  TestTable t(4);
  const uint64_t key = 0x0123456789abcdef;
  constexpr int kChildren = 4, kEach = 50;
  std::vector<pid_t> kids;
  for (int c = 0; c < kChildren; ++c) {
    pid_t pid = fork();
    BOOST_TEST_REQUIRE(pid >= 0);
    if (pid == 0) {
      for (int i = 0; i < kEach; ++i) t.table.record_failure(key, 100, p);
      _exit(0);
    }
    kids.push_back(pid);
  }
  for (pid_t pid : kids) {
    int status = 0;
    waitpid(pid, &status, 0);
    BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  }
  auto r = t.table.record_failure(key, 100, p);
  BOOST_TEST(r.outcome.state.failures == uint32_t{kChildren * kEach + 1});
}

BOOST_AUTO_TEST_CASE(argon2_gate_caps_and_releases) {
  SharedMemory memory(sizeof(std::atomic<int32_t>) * 4);
  Argon2Gate gate(static_cast<std::atomic<int32_t>*>(memory.data()), 4);
  int a = gate.try_acquire(101, 2);
  int b = gate.try_acquire(102, 2);
  BOOST_TEST(a >= 0);
  BOOST_TEST(b >= 0);
  BOOST_TEST(gate.try_acquire(103, 2) == -1);  // the cap, not the capacity
  BOOST_TEST(gate.in_use() == 2u);
  gate.release(a, 999);  // not its owner: nothing happens
  BOOST_TEST(gate.in_use() == 2u);
  gate.release(a, 101);
  BOOST_TEST(gate.try_acquire(103, 2) >= 0);
  // a worker that died holding a slot: the master frees it by pid
  BOOST_TEST(gate.release_all_of(102) == 1u);
  BOOST_TEST(gate.in_use() == 1u);
}

BOOST_AUTO_TEST_CASE(login_guard_tickets_are_released_once) {
  LoginGuard guard;
  {
    Argon2Ticket first = guard.try_argon2(1);
    BOOST_TEST(static_cast<bool>(first));
    BOOST_TEST(!static_cast<bool>(guard.try_argon2(1)));
    Argon2Ticket moved = std::move(first);
    BOOST_TEST(!static_cast<bool>(first));  // NOLINT(bugprone-use-after-move): checking the move
    BOOST_TEST(!static_cast<bool>(guard.try_argon2(1)));
  }
  BOOST_TEST(static_cast<bool>(guard.try_argon2(1)));
}

BOOST_AUTO_TEST_CASE(login_guard_keys_by_address) {
  LoginGuard guard;
  ThrottlePolicy p = small_policy();
  auto at = [](std::string_view address) {
    return login_budget(Role::kDelegate, nullptr, address);
  };
  for (int i = 0; i < 3; ++i) guard.record_failure(at("2001:db8::1"), p);
  BOOST_TEST(!guard.check(at("2001:db8::99"), p).allowed);  // same /64
  BOOST_TEST(guard.check(at("2001:db8:0:1::1"), p).allowed);
  BOOST_TEST(guard.check(at("192.0.2.1"), p).allowed);
}

BOOST_AUTO_TEST_CASE(login_guard_keeps_roles_and_devices_apart) {
  LoginGuard guard;
  ThrottlePolicy p = small_policy();
  DeviceClaims both{"AAECAwQFBgcICQoLDA0ODw", true, true, 0};
  DeviceClaims delegate_only{"EBESExQVFhcYGRobHB0eHw", true, false, 0};
  const std::string venue = "192.0.2.1";
  // A staff flood from the venue's address...
  for (int i = 0; i < 3; ++i) guard.record_failure(login_budget(Role::kStaff, nullptr, venue), p);
  BOOST_TEST(!guard.check(login_budget(Role::kStaff, nullptr, venue), p).allowed);
  // ...blocks neither delegates there nor a device known for staff,
  BOOST_TEST(guard.check(login_budget(Role::kDelegate, nullptr, venue), p).allowed);
  BOOST_TEST(guard.check(login_budget(Role::kStaff, &both, venue), p).allowed);
  // but a device known only as a delegate's is a stranger for staff.
  BOOST_TEST(!guard.check(login_budget(Role::kStaff, &delegate_only, venue), p).allowed);
  // A device's own failures block that device alone, for that role alone.
  for (int i = 0; i < 3; ++i) guard.record_failure(login_budget(Role::kDelegate, &both, venue), p);
  BOOST_TEST(!guard.check(login_budget(Role::kDelegate, &both, venue), p).allowed);
  BOOST_TEST(guard.check(login_budget(Role::kStaff, &both, venue), p).allowed);
  BOOST_TEST(guard.check(login_budget(Role::kDelegate, &delegate_only, venue), p).allowed);
  BOOST_TEST(guard.check(login_budget(Role::kDelegate, nullptr, venue), p).allowed);
}

BOOST_AUTO_TEST_SUITE_END()
