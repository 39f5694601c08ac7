#include "store/read_route.h"

#include <chrono>
#include <string>
#include <vector>

#include "test_support.h"

using confsched::Database;
using confsched::DatabaseConfig;
using confsched::DbUnavailable;
using confsched::ReadRoute;

namespace {

using TimePoint = std::chrono::steady_clock::time_point;

// Two Database objects that are never connected (the constructor opens
// nothing): the reads below only look at which one they were given, and
// "fail" the replica by throwing what a lost connection throws.
struct Setup {
  Database primary{DatabaseConfig{}};
  Database replica{DatabaseConfig{}};
  TimePoint now{};
  ReadRoute route{primary, [this] { return now; }};
  bool replica_up = true;
  std::vector<std::string> asked;

  std::string read() {
    return route.read([this](Database& db) {
      std::string who = &db == &replica ? "replica" : "primary";
      asked.push_back(who);
      if (who == "replica" && !replica_up) throw DbUnavailable("replica gone");
      return who;
    });
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(read_route)

BOOST_AUTO_TEST_CASE(without_a_replica_reads_go_to_the_primary) {
  Setup s;
  BOOST_TEST(s.read() == "primary");
  BOOST_TEST(!s.route.on_replica());
}

BOOST_AUTO_TEST_CASE(reads_go_to_the_replica_while_it_answers) {
  Setup s;
  s.route.use_replica(s.replica, std::chrono::seconds(5));
  BOOST_TEST(s.read() == "replica");
  BOOST_TEST(s.read() == "replica");
  BOOST_TEST(s.route.on_replica());
  BOOST_TEST(s.asked.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_failed_replica_falls_back_then_is_retried_after_the_pause) {
  Setup s;
  s.route.use_replica(s.replica, std::chrono::seconds(5));
  s.replica_up = false;
  // The failing read itself is answered by the primary, not an error.
  BOOST_TEST(s.read() == "primary");
  BOOST_TEST(!s.route.on_replica());
  BOOST_TEST((s.asked == std::vector<std::string>{"replica", "primary"}));
  // Within the pause the replica is not asked at all.
  s.asked.clear();
  s.now += std::chrono::seconds(4);
  BOOST_TEST(s.read() == "primary");
  BOOST_TEST((s.asked == std::vector<std::string>{"primary"}));
  // After it, it is asked again; still down, the pause starts over.
  s.asked.clear();
  s.now += std::chrono::seconds(1);
  BOOST_TEST(s.read() == "primary");
  BOOST_TEST((s.asked == std::vector<std::string>{"replica", "primary"}));
  // Back: reads return to it.
  s.replica_up = true;
  s.now += std::chrono::seconds(5);
  BOOST_TEST(s.read() == "replica");
  BOOST_TEST(s.route.on_replica());
}

BOOST_AUTO_TEST_CASE(when_neither_answers_the_primary_error_is_thrown) {
  Setup s;
  s.route.use_replica(s.replica, std::chrono::seconds(5));
  auto both_gone = [&](Database& db) -> int {
    throw DbUnavailable(&db == &s.replica ? "replica gone" : "primary gone");
  };
  auto primary_gone = [](const DbUnavailable& e) {
    return std::string(e.what()) == "primary gone";
  };
  BOOST_CHECK_EXCEPTION(s.route.read(both_gone), DbUnavailable, primary_gone);
  // And again within the pause, when only the primary is asked.
  BOOST_CHECK_EXCEPTION(s.route.read(both_gone), DbUnavailable, primary_gone);
}

BOOST_AUTO_TEST_SUITE_END()
