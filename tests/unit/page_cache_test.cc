#include "site/page_cache.h"

#include <string>

#include "test_support.h"

using confsched::PageCache;

namespace {

const PageCache::Version kV1{7, 0};
const PageCache::Version kV2{8, 0};

std::string page(const std::string& text) {
  std::string body;
  for (int i = 0; i < 200; ++i) body += "<p>" + text + "</p>\n";
  return body;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(page_cache)

BOOST_AUTO_TEST_CASE(a_page_is_compressed_once_per_version_however_often_it_is_sent) {
  PageCache cache;
  BOOST_TEST(cache.find(kV1, "/schedule", true) == nullptr);
  std::string body = page("schedule");
  const auto* stored = cache.store(kV1, "/schedule", std::string(body), true);
  BOOST_REQUIRE(stored);
  BOOST_TEST(stored->body == body);
  BOOST_TEST(!stored->gzipped.empty());
  for (int i = 0; i < 100; ++i) {
    const auto* hit = cache.find(kV1, "/schedule", i % 2 == 0);
    BOOST_REQUIRE(hit);
    BOOST_TEST(hit->gzipped == stored->gzipped);
  }
  BOOST_TEST(cache.stats().compressions == 1u);
  BOOST_TEST(cache.stats().hits == 100u);
  BOOST_TEST(cache.stats().misses == 1u);
}

BOOST_AUTO_TEST_CASE(gzip_is_made_only_when_first_wanted) {
  PageCache cache;
  cache.find(kV1, "/session/1", false);
  BOOST_REQUIRE(cache.store(kV1, "/session/1", page("one"), false));
  BOOST_TEST(cache.find(kV1, "/session/1", false)->gzipped.empty());
  BOOST_TEST(cache.stats().compressions == 0u);
  BOOST_TEST(!cache.find(kV1, "/session/1", true)->gzipped.empty());
  cache.find(kV1, "/session/1", true);
  BOOST_TEST(cache.stats().compressions == 1u);
}

BOOST_AUTO_TEST_CASE(a_new_version_empties_the_cache) {
  PageCache cache;
  cache.find(kV1, "/schedule", true);
  BOOST_REQUIRE(cache.store(kV1, "/schedule", page("old"), true));
  BOOST_TEST(cache.find(kV2, "/schedule", true) == nullptr);
  BOOST_REQUIRE(cache.store(kV2, "/schedule", page("new"), true));
  BOOST_TEST(cache.find(kV2, "/schedule", false)->body == page("new"));
  BOOST_TEST(cache.stats().compressions == 2u);
  // The announcement clock counts as much as the data version.
  BOOST_TEST(cache.find({8, 1}, "/schedule", false) == nullptr);
}

BOOST_AUTO_TEST_CASE(a_render_from_older_data_is_not_kept_and_keeps_its_body) {
  PageCache cache;
  cache.find(kV2, "/schedule", false);
  std::string body = page("rendered before the change");
  BOOST_TEST(cache.store(kV1, "/schedule", std::move(body), false) == nullptr);
  BOOST_TEST(body == page("rendered before the change"));
  BOOST_TEST(cache.find(kV2, "/schedule", false) == nullptr);
}

BOOST_AUTO_TEST_CASE(it_starts_again_when_full) {
  PageCache cache;
  cache.find(kV1, "/", false);
  for (size_t i = 0; i <= PageCache::kMaxPages; ++i)
    BOOST_REQUIRE(cache.store(kV1, "/session/" + std::to_string(i), "x", false));
  BOOST_TEST(cache.find(kV1, "/session/0", false) == nullptr);
  BOOST_TEST(cache.find(kV1, "/session/" + std::to_string(PageCache::kMaxPages), false) != nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
