// The counters /_status reports, shared by the master and every worker:
// kept in one anonymous shared mapping made by the master before it forks.
#pragma once

#include <atomic>
#include <cstdint>

#include "util/shared_memory.h"

namespace confsched {

// What /_status shows besides what the answering worker knows itself.
struct StatsSnapshot {
  uint64_t requests = 0;             // requests answered by all workers
  uint64_t render_cache_hits = 0;    // shared pages found in a worker's cache
  uint64_t render_cache_misses = 0;  // shared pages rendered afresh
  uint64_t workers = 0;              // workers alive, as the master counts them
  int64_t started_at = 0;            // when the master started (Unix seconds)
};

// Process-safe: the counters are lock-free atomics in shared memory, so a
// worker counts without any lock and a dead worker cannot leave one held.
// Counters only grow (a Prometheus "counter"); workers is a gauge. A Site
// without the master's (tools, tests) has one of its own.
class ServerStats {
 public:
  explicit ServerStats(int64_t started_at);
  ServerStats(const ServerStats&) = delete;
  ServerStats& operator=(const ServerStats&) = delete;

  void count_request() { counters().requests.fetch_add(1, std::memory_order_relaxed); }
  void count_cache(bool hit) {
    (hit ? counters().hits : counters().misses).fetch_add(1, std::memory_order_relaxed);
  }
  // The master, whenever it has started or reaped a worker.
  void set_workers(uint64_t n) { counters().workers.store(n, std::memory_order_relaxed); }

  StatsSnapshot snapshot() const;

 private:
  struct Counters {
    std::atomic<uint64_t> requests;
    std::atomic<uint64_t> hits;
    std::atomic<uint64_t> misses;
    std::atomic<uint64_t> workers;
    std::atomic<int64_t> started_at;
  };
  static_assert(std::atomic<uint64_t>::is_always_lock_free,
                "shared counters must be lock-free to work across processes");
  Counters& counters() const { return *static_cast<Counters*>(memory_.data()); }

  SharedMemory memory_;
};

}  // namespace confsched
