#include "util/server_stats.h"

#include <new>

namespace confsched {

ServerStats::ServerStats(int64_t started_at) : memory_(sizeof(Counters)) {
  // The mapping is zero-filled; placement new gives the atomics a proper
  // start of life in it.
  auto* c = new (memory_.data()) Counters{};
  c->started_at.store(started_at, std::memory_order_relaxed);
}

StatsSnapshot ServerStats::snapshot() const {
  const Counters& c = counters();
  StatsSnapshot s;
  s.requests = c.requests.load(std::memory_order_relaxed);
  s.render_cache_hits = c.hits.load(std::memory_order_relaxed);
  s.render_cache_misses = c.misses.load(std::memory_order_relaxed);
  s.workers = c.workers.load(std::memory_order_relaxed);
  s.started_at = c.started_at.load(std::memory_order_relaxed);
  return s;
}

}  // namespace confsched
