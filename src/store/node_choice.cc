#include "store/node_choice.h"

#include "util/log.h"

namespace confsched {

NodeChoice::NodeChoice(std::vector<std::string> names, std::chrono::seconds retry_after,
                       Clock clock)
    : names_(std::move(names)),
      retry_after_(retry_after),
      clock_(std::move(clock)),
      rest_until_(names_.size()),
      down_(names_.size(), false) {}

std::vector<size_t> NodeChoice::candidates() const {
  const auto now = clock_();
  std::vector<size_t> out;
  for (size_t i = 0; i < names_.size(); ++i)
    if (now >= rest_until_[i]) out.push_back(i);
  return out;
}

void NodeChoice::connected(size_t node) {
  rest_until_[node] = {};
  down_[node] = false;
  if (node != current_) {
    if (node == 0)
      log_info("database node " + names_[0] + " answers again: back on it");
    else
      log_warning("database: now on node " + names_[node] + " instead of " + names_[current_]);
  }
  current_ = node;
  if (node != 0) next_try_of_first_ = clock_() + retry_after_;
}

void NodeChoice::failed(size_t node, const std::string& why) {
  // One line per outage of a node, not one per request (or retry) that
  // meets it.
  if (!down_[node]) log_warning("database node " + names_[node] + " unavailable: " + why);
  down_[node] = true;
  rest_until_[node] = clock_() + retry_after_;
}

bool NodeChoice::time_to_go_back() {
  if (current_ == 0) return false;
  const auto now = clock_();
  if (now < next_try_of_first_) return false;
  next_try_of_first_ = now + retry_after_;
  return true;
}

}  // namespace confsched
