-- Used by bench/bench.py as `wrk -s bench/wrk_report.lua`: after wrk's own
-- report (--latency), prints one machine-readable line with exact counts,
-- so the bench need not parse wrk's rounded "12.34MB read" style figures.
-- Latencies are in microseconds, duration too.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d bytes=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d " ..
    "p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.bytes, summary.duration,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
