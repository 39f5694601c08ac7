// The epoch race: after a password change, a worker that checked the data
// state just before it refused the cookies of the new epoch (issued by
// another worker, or by this one's login) until its next version check,
// up to [server] version_check_ms later: a delegate who had just logged in
// was sent back to the login page. The fix (Site::epoch_is_current) asks
// at once when a validly signed cookie names a newer epoch than the worker
// knows, and asks the primary when a lagging replica does not know it yet.
//
// Deterministic: the version check interval is a minute, so only the fix
// can make the newer cookie pass, and the source counts the asks.
#include <boost/test/unit_test.hpp>

#include "golden_support.h"
#include "web/request_boundary.h"

namespace confsched::golden {
namespace {

int status_with(GoldenSite& golden, const std::string& session) {
  return handle_request(*golden.site, make_request({.target = "/schedule", .session = session}))
      .status;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(epoch_race)

BOOST_AUTO_TEST_CASE(newer_epoch_cookie_accepted_before_the_next_version_check) {
  GoldenSite golden(/*version_check_ms=*/60'000);
  BOOST_CHECK_EQUAL(status_with(golden, session_for(Role::kDelegate, 1)), 200);
  const int asks_before = golden.source.state_reads;

  // The delegate password changes elsewhere: epoch 1 -> 2.
  golden.source.state.delegate_epoch = 2;
  BOOST_CHECK_EQUAL(status_with(golden, session_for(Role::kDelegate, 2)), 200);
  BOOST_CHECK_EQUAL(golden.source.state_reads, asks_before + 1);
  // And the old epoch's cookies die with the same ask.
  BOOST_CHECK_EQUAL(status_with(golden, session_for(Role::kDelegate, 1)), 303);
}

BOOST_AUTO_TEST_CASE(newer_epoch_than_the_replica_knows_is_asked_of_the_primary) {
  GoldenSite golden(/*version_check_ms=*/60'000);
  BOOST_CHECK_EQUAL(status_with(golden, session_for(Role::kStaff, 1)), 200);
  // The staff password changed on the primary; the replica has not caught up.
  DataState primary = golden.source.state;
  primary.staff_epoch = 2;
  golden.source.primary_state = primary;
  BOOST_CHECK_EQUAL(status_with(golden, session_for(Role::kStaff, 2)), 200);
}

// Only a cookie signed with the site's key makes a worker ask: a forged
// newer epoch costs nothing and is refused.
BOOST_AUTO_TEST_CASE(a_forged_newer_epoch_does_not_make_the_worker_ask) {
  GoldenSite golden(/*version_check_ms=*/60'000);
  BOOST_CHECK_EQUAL(status_with(golden, session_for(Role::kDelegate, 1)), 200);
  const int asks_before = golden.source.state_reads;
  std::string forged = sign_session(SessionClaims{Role::kDelegate, kNow + 3600, 9}, "another key");
  BOOST_CHECK_EQUAL(status_with(golden, forged), 303);
  BOOST_CHECK_EQUAL(golden.source.state_reads, asks_before);
}

// A newer epoch that nobody knows (not even the primary) stays refused,
// and asking again is bounded: one ask per such request, no loop.
BOOST_AUTO_TEST_CASE(an_epoch_from_the_future_is_refused) {
  GoldenSite golden(/*version_check_ms=*/60'000);
  BOOST_CHECK_EQUAL(status_with(golden, session_for(Role::kDelegate, 1)), 200);
  const int asks_before = golden.source.state_reads;
  BOOST_CHECK_EQUAL(status_with(golden, session_for(Role::kDelegate, 5)), 303);
  BOOST_CHECK_EQUAL(golden.source.state_reads, asks_before + 1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace confsched::golden
