// VerifiedMemory: a password one process verified is remembered by every
// process sharing the memory, and nothing else is.
#include "auth/verified_memory.h"

#include <sys/wait.h>
#include <unistd.h>

#include <new>

#include "auth/password.h"
#include "test_support.h"
#include "util/shared_memory.h"

using namespace confsched;

namespace {

// A VerifiedMemory in a MAP_SHARED mapping, as the master makes it.
struct SharedVerified {
  SharedVerified()
      : memory(sizeof(VerifiedMemory)), verified(new (memory.data()) VerifiedMemory{}) {
    verified->init();
  }
  SharedMemory memory;
  VerifiedMemory* verified;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(verified_memory)

BOOST_AUTO_TEST_CASE(empty_memory_remembers_nothing) {
  SharedVerified shared;
  BOOST_TEST(!shared.verified->remembers(Role::kDelegate, "$argon2id$whatever", ""));
  BOOST_TEST(!shared.verified->remembers(Role::kDelegate, "", ""));
}

BOOST_AUTO_TEST_CASE(a_password_checked_by_one_verifier_is_known_to_another) {
  SharedVerified shared;
  std::string hash = hash_password("correct horse");
  PasswordVerifier first, second;
  first.share(*shared.verified);
  second.share(*shared.verified);
  BOOST_TEST(first.verify(Role::kDelegate, hash, "correct horse"));
  BOOST_TEST(first.slow_verifications() == 1u);
  BOOST_TEST(second.remembers(Role::kDelegate, hash, "correct horse"));
  BOOST_TEST(second.verify(Role::kDelegate, hash, "correct horse"));
  BOOST_TEST(second.slow_verifications() == 0u);
  // Anything else still pays the full price and fails.
  BOOST_TEST(!second.remembers(Role::kDelegate, hash, "correct horsE"));
  BOOST_TEST(!second.verify(Role::kDelegate, hash, "wrong"));
  BOOST_TEST(second.slow_verifications() == 1u);
  // A new stored hash (a password change) is not the remembered one.
  BOOST_TEST(!second.remembers(Role::kDelegate, hash_password("correct horse"), "correct horse"));
}

BOOST_AUTO_TEST_CASE(verifiers_that_do_not_share_remember_alone) {
  std::string hash = hash_password("pw");
  PasswordVerifier a, b;
  BOOST_TEST(a.verify(Role::kDelegate, hash, "pw"));
  BOOST_TEST(a.remembers(Role::kDelegate, hash, "pw"));
  BOOST_TEST(!b.remembers(Role::kDelegate, hash, "pw"));
}

BOOST_AUTO_TEST_CASE(what_a_child_process_verified_the_parent_remembers) {
  SharedVerified shared;
  std::string hash = hash_password("venue wifi");
  pid_t child = fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    PasswordVerifier worker;
    worker.share(*shared.verified);
    _exit(worker.verify(Role::kDelegate, hash, "venue wifi") ? 0 : 1);
  }
  int status = 0;
  BOOST_REQUIRE(waitpid(child, &status, 0) == child);
  BOOST_REQUIRE(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) == 0);
  PasswordVerifier later;
  later.share(*shared.verified);
  BOOST_TEST(later.remembers(Role::kDelegate, hash, "venue wifi"));
  BOOST_TEST(!later.remembers(Role::kDelegate, hash, "venue wifi "));
}

// One entry per role: remembering one role's password never pushes out the
// other's (with entries chosen by hash, two hashes could share one, and
// then each login of one role after one of the other paid a full check).
BOOST_AUTO_TEST_CASE(the_two_roles_never_push_each_other_out) {
  SharedVerified shared;
  VerifiedMemory& m = *shared.verified;
  for (int i = 0; i < 64; ++i) {
    std::string delegate_hash = "$delegate-" + std::to_string(i);
    std::string staff_hash = "$staff-" + std::to_string(i);
    m.remember(Role::kDelegate, delegate_hash, "d");
    m.remember(Role::kStaff, staff_hash, "s");
    BOOST_TEST_REQUIRE(m.remembers(Role::kDelegate, delegate_hash, "d"), i);
    BOOST_TEST_REQUIRE(m.remembers(Role::kStaff, staff_hash, "s"), i);
    // Each role's entry is its own: not the other role's password or hash.
    BOOST_TEST(!m.remembers(Role::kStaff, delegate_hash, "d"));
    BOOST_TEST(!m.remembers(Role::kDelegate, staff_hash, "s"));
  }
}

// What staff set on /admin/passwords: known at once, with no full check.
BOOST_AUTO_TEST_CASE(a_password_just_set_needs_no_full_check) {
  SharedVerified shared;
  std::string hash = hash_password("new venue password");
  PasswordVerifier admin, worker;
  admin.share(*shared.verified);
  worker.share(*shared.verified);
  admin.remember(Role::kDelegate, hash, "new venue password");
  BOOST_TEST(worker.verify(Role::kDelegate, hash, "new venue password"));
  BOOST_TEST(worker.slow_verifications() == 0u);
  BOOST_TEST(admin.slow_verifications() == 0u);
}

BOOST_AUTO_TEST_CASE(a_half_written_entry_is_never_taken_for_a_match) {
  SharedVerified shared;
  shared.verified->remember(Role::kDelegate, "$hash", "pw");
  BOOST_TEST(shared.verified->remembers(Role::kDelegate, "$hash", "pw"));
  // A writer that stopped halfway leaves its entry's sequence odd.
  for (VerifiedEntry& e : shared.verified->entries)
    if (e.sequence.load() != 0) e.sequence.fetch_add(1);
  BOOST_TEST(!shared.verified->remembers(Role::kDelegate, "$hash", "pw"));
  // ...and such an entry is not written over either (nor crashes).
  shared.verified->remember(Role::kDelegate, "$hash", "pw");
  BOOST_TEST(!shared.verified->remembers(Role::kDelegate, "$hash", "pw"));
}

BOOST_AUTO_TEST_SUITE_END()
