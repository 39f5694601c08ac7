// Where a worker's reads of delegate data go: the replica while it
// answers, else the primary. Not thread-safe: one per worker.
//
// Only reads that may be a little behind the primary belong here (the
// programme, announcements, data version and credentials that delegate
// pages and logins use; a replica is behind by its replication lag).
// Writes, and the reads of staff pages that must show what was just saved,
// use the primary directly.
#pragma once

#include <chrono>
#include <functional>
#include <utility>

#include "store/database.h"

namespace confsched {

class ReadRoute {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  // Without a replica every read goes to the primary.
  explicit ReadRoute(Database& primary, Clock clock = std::chrono::steady_clock::now)
      : primary_(&primary), clock_(std::move(clock)) {}

  // From now on reads try replica first. After it fails, they go to the
  // primary for retry_after, then the replica is tried again.
  void use_replica(Database& replica, std::chrono::seconds retry_after) {
    replica_ = &replica;
    retry_after_ = retry_after;
  }

  // fn(Database&) on the replica, or, when it is unavailable (or was so
  // within retry_after), on the primary. Throws what fn throws there
  // (DbUnavailable when neither answers). A DbError from the replica (a
  // missing table on a replica that stopped replicating, say) is not
  // hidden: it is a fault to fix, not an outage to ride out.
  template <typename Fn>
  auto read(Fn&& fn) -> decltype(fn(std::declval<Database&>())) {
    if (replica_ != nullptr && clock_() >= replica_retry_at_) {
      try {
        auto result = fn(*replica_);
        if (replica_down_) replica_back();
        return result;
      } catch (const DbUnavailable& e) {
        replica_failed(e);
      }
    }
    return fn(*primary_);
  }

  // True while reads go to the replica (none configured: false).
  bool on_replica() const { return replica_ != nullptr && !replica_down_; }

 private:
  void replica_failed(const DbUnavailable& e);
  void replica_back();

  Database* primary_;
  Database* replica_ = nullptr;
  Clock clock_;
  std::chrono::seconds retry_after_{5};
  std::chrono::steady_clock::time_point replica_retry_at_{};
  bool replica_down_ = false;
};

}  // namespace confsched
