#include "site/page_cache.h"

#include "http/gzip.h"

namespace confsched {

const CachedPage* PageCache::find(const Version& version, const std::string& path, bool want_gzip) {
  if (version != version_) {
    pages_.clear();
    version_ = version;
  }
  auto it = pages_.find(path);
  if (it == pages_.end()) {
    ++stats_.misses;
    return nullptr;
  }
  ++stats_.hits;
  if (want_gzip && it->second.gzipped.empty()) compress(it->second);
  return &it->second;
}

const CachedPage* PageCache::store(const Version& version, const std::string& path,
                                   std::string&& body, bool want_gzip) {
  if (version != version_) return nullptr;
  if (pages_.size() >= kMaxPages) pages_.clear();
  CachedPage& page = pages_[path];
  page.body = std::move(body);
  page.gzipped.clear();
  if (want_gzip) compress(page);
  return &page;
}

void PageCache::compress(CachedPage& page) {
  page.gzipped = gzip_compress(page.body);
  ++stats_.compressions;
}

}  // namespace confsched
