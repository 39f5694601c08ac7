// The rendered pages one worker keeps for the current data version, and
// their gzip forms. Every delegate asks for the same few hundred pages, so a
// page is rendered once and compressed once per version, then only copied
// out. Not thread-safe: one per worker.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

namespace confsched {

// A rendered page and, once a client has asked for it, its gzip form.
struct CachedPage {
  std::string body;
  std::string gzipped;  // empty until first wanted
};

class PageCache {
 public:
  // What pages depend on: the data version and the announcement clock.
  using Version = std::pair<uint64_t, uint64_t>;

  struct Stats {
    uint64_t hits = 0;
    uint64_t misses = 0;
    uint64_t compressions = 0;
  };

  // Enough for every session page of a large conference; past it the cache
  // starts again rather than grow without bound on crafted paths.
  static constexpr size_t kMaxPages = 4096;

  // The page kept for path, if it was made for version. A newer version
  // empties the cache. With want_gzip, the gzip form is made now if it was
  // not yet, and kept.
  const CachedPage* find(const Version& version, const std::string& path, bool want_gzip);
  // Keeps a fresh render, taking body. nullptr, with body left alone, when
  // version is not the one the cache holds: the page was rendered from
  // data that changed meanwhile, and is served once, uncached.
  const CachedPage* store(const Version& version, const std::string& path, std::string&& body,
                          bool want_gzip);

  const Stats& stats() const { return stats_; }

 private:
  void compress(CachedPage& page);

  Version version_{0, 0};
  std::unordered_map<std::string, CachedPage> pages_;
  Stats stats_;
};

}  // namespace confsched
