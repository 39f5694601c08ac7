#include "store/node_choice.h"

#include <chrono>
#include <string>
#include <vector>

#include "test_support.h"

using confsched::NodeChoice;

namespace {

using TimePoint = std::chrono::steady_clock::time_point;
using std::chrono::seconds;

struct Setup {
  TimePoint now{};
  NodeChoice choice{{"n1:3306", "n2:3306", "n3:3306"}, seconds(5), [this] { return now; }};
};

std::vector<size_t> all() { return {0, 1, 2}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(node_choice)

BOOST_AUTO_TEST_CASE(the_first_node_is_tried_first_and_kept) {
  Setup s;
  BOOST_TEST(s.choice.candidates() == all());
  s.choice.connected(0);
  BOOST_TEST(s.choice.on_first());
  s.now += seconds(60);
  BOOST_TEST(!s.choice.time_to_go_back());
}

BOOST_AUTO_TEST_CASE(a_failed_node_rests_for_the_retry_time) {
  Setup s;
  s.choice.connected(0);
  s.choice.failed(0, "gone");
  BOOST_TEST((s.choice.candidates() == std::vector<size_t>{1, 2}));
  s.choice.connected(1);
  BOOST_TEST(s.choice.current() == 1u);
  s.now += seconds(4);
  BOOST_TEST((s.choice.candidates() == std::vector<size_t>{1, 2}));
  s.now += seconds(1);
  // The first node comes first again once its rest is over.
  BOOST_TEST(s.choice.candidates() == all());
}

BOOST_AUTO_TEST_CASE(every_node_failed_leaves_no_candidate_until_one_rested) {
  Setup s;
  s.choice.failed(0, "gone");
  s.now += seconds(1);
  s.choice.failed(1, "not synced");
  s.choice.failed(2, "refused");
  BOOST_TEST(s.choice.candidates().empty());
  s.now += seconds(4);
  BOOST_TEST((s.choice.candidates() == std::vector<size_t>{0}));
}

BOOST_AUTO_TEST_CASE(away_from_the_first_node_it_is_tried_again_every_retry_time) {
  Setup s;
  s.choice.failed(0, "gone");
  s.choice.connected(2);
  BOOST_TEST(!s.choice.on_first());
  BOOST_TEST(!s.choice.time_to_go_back());
  s.now += seconds(5);
  BOOST_TEST(s.choice.time_to_go_back());
  // Asked once per interval, not on every call within it.
  BOOST_TEST(!s.choice.time_to_go_back());
  s.now += seconds(5);
  BOOST_TEST(s.choice.time_to_go_back());
  s.choice.connected(0);
  BOOST_TEST(s.choice.on_first());
  s.now += seconds(5);
  BOOST_TEST(!s.choice.time_to_go_back());
}

BOOST_AUTO_TEST_CASE(a_node_that_answers_again_is_no_longer_resting) {
  Setup s;
  s.choice.failed(1, "gone");
  s.now += seconds(5);
  s.choice.connected(1);
  s.choice.failed(0, "gone");
  BOOST_TEST((s.choice.candidates() == std::vector<size_t>{1, 2}));
}

BOOST_AUTO_TEST_SUITE_END()
