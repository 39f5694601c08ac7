// Which node of a Galera cluster a process's connection goes to
// ([database] galera_nodes): the first (the server's own) while it
// answers, else the next that does, and back to the first once it answers
// again. The decisions only, with a clock a test can move; the database
// (store/database.cc) connects and reports back. Not thread-safe: one per
// Database.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace confsched {

class NodeChoice {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  // names: how log lines call the nodes ("10.0.0.1:3306"), first node first.
  NodeChoice(std::vector<std::string> names, std::chrono::seconds retry_after,
             Clock clock = std::chrono::steady_clock::now);

  // The nodes to try, in order, for a new connection: every node that has
  // not failed within retry_after, the first node first. Empty when every
  // node failed recently: the caller answers "unavailable" at once rather
  // than wait on each again.
  std::vector<size_t> candidates() const;

  // A connection to node was made (and the node is synced). Logs a move
  // once: to another node (a warning), or back to the first (info).
  void connected(size_t node);
  // node did not answer, or is not fit to use (why, for the log): it
  // rests for retry_after. Logged once until the node takes a connection.
  void failed(size_t node, const std::string& why);

  // While connected to another node than the first: whether it is time to
  // try the first again (then every retry_after). False on the first node.
  bool time_to_go_back();

  size_t current() const { return current_; }
  bool on_first() const { return current_ == 0; }

 private:
  std::vector<std::string> names_;
  std::chrono::seconds retry_after_;
  Clock clock_;
  std::vector<std::chrono::steady_clock::time_point> rest_until_;
  std::vector<bool> down_;  // failed since it last took a connection
  std::chrono::steady_clock::time_point next_try_of_first_{};
  size_t current_ = 0;  // before the first connection: the first node
};

}  // namespace confsched
