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
  BOOST_TEST(!shared.verified->remembers("$argon2id$whatever", ""));
  BOOST_TEST(!shared.verified->remembers("", ""));
}

BOOST_AUTO_TEST_CASE(a_password_checked_by_one_verifier_is_known_to_another) {
  SharedVerified shared;
  std::string hash = hash_password("correct horse");
  PasswordVerifier first, second;
  first.share(*shared.verified);
  second.share(*shared.verified);
  BOOST_TEST(first.verify(hash, "correct horse"));
  BOOST_TEST(first.slow_verifications() == 1u);
  BOOST_TEST(second.remembers(hash, "correct horse"));
  BOOST_TEST(second.verify(hash, "correct horse"));
  BOOST_TEST(second.slow_verifications() == 0u);
  // Anything else still pays the full price and fails.
  BOOST_TEST(!second.remembers(hash, "correct horsE"));
  BOOST_TEST(!second.verify(hash, "wrong"));
  BOOST_TEST(second.slow_verifications() == 1u);
  // A new stored hash (a password change) is not the remembered one.
  BOOST_TEST(!second.remembers(hash_password("correct horse"), "correct horse"));
}

BOOST_AUTO_TEST_CASE(verifiers_that_do_not_share_remember_alone) {
  std::string hash = hash_password("pw");
  PasswordVerifier a, b;
  BOOST_TEST(a.verify(hash, "pw"));
  BOOST_TEST(a.remembers(hash, "pw"));
  BOOST_TEST(!b.remembers(hash, "pw"));
}

BOOST_AUTO_TEST_CASE(what_a_child_process_verified_the_parent_remembers) {
  SharedVerified shared;
  std::string hash = hash_password("venue wifi");
  pid_t child = fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    PasswordVerifier worker;
    worker.share(*shared.verified);
    _exit(worker.verify(hash, "venue wifi") ? 0 : 1);
  }
  int status = 0;
  BOOST_REQUIRE(waitpid(child, &status, 0) == child);
  BOOST_REQUIRE(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) == 0);
  PasswordVerifier later;
  later.share(*shared.verified);
  BOOST_TEST(later.remembers(hash, "venue wifi"));
  BOOST_TEST(!later.remembers(hash, "venue wifi "));
}

BOOST_AUTO_TEST_CASE(a_half_written_entry_is_never_taken_for_a_match) {
  SharedVerified shared;
  shared.verified->remember("$hash", "pw");
  BOOST_TEST(shared.verified->remembers("$hash", "pw"));
  // A writer that stopped halfway leaves its entry's sequence odd.
  for (VerifiedEntry& e : shared.verified->entries)
    if (e.sequence.load() != 0) e.sequence.fetch_add(1);
  BOOST_TEST(!shared.verified->remembers("$hash", "pw"));
  // ...and such an entry is not written over either (nor crashes).
  shared.verified->remember("$hash", "pw");
  BOOST_TEST(!shared.verified->remembers("$hash", "pw"));
}

BOOST_AUTO_TEST_SUITE_END()
