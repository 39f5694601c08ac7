#include "store/read_route.h"

#include "util/log.h"

namespace confsched {

// One log line when reads move to the primary and one when they come
// back, not one per request of the outage.
void ReadRoute::replica_failed(const DbUnavailable& e) {
  if (!replica_down_)
    log_warning(std::string("replica unavailable, reading from the primary: ") + e.what());
  replica_down_ = true;
  replica_retry_at_ = clock_() + retry_after_;
}

void ReadRoute::replica_back() {
  replica_down_ = false;
  log_info("replica answers again: reads go back to it");
}

}  // namespace confsched
