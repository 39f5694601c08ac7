#include "http/gzip.h"

#include <zlib.h>

#include <string>

#include "test_support.h"

using confsched::gzip_compress;

namespace {

// Inflates a gzip member with zlib's own reader: what a browser does.
std::string gunzip(const std::string& data) {
  z_stream z{};
  BOOST_REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&z, Z_FINISH);
  out.resize(z.total_out);
  inflateEnd(&z);
  BOOST_REQUIRE(rc == Z_STREAM_END);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gzip)

BOOST_AUTO_TEST_CASE(round_trips_and_has_the_gzip_magic) {
  std::string page;
  for (int i = 0; i < 2000; ++i)
    page += "<li class=\"session\">Talk " + std::to_string(i) + "</li>\n";
  std::string packed = gzip_compress(page);
  BOOST_REQUIRE(packed.size() > 18);
  BOOST_TEST(static_cast<unsigned char>(packed[0]) == 0x1f);
  BOOST_TEST(static_cast<unsigned char>(packed[1]) == 0x8b);
  BOOST_TEST(packed.size() * 5 < page.size());
  BOOST_TEST(gunzip(packed) == page);
}

BOOST_AUTO_TEST_CASE(empty_and_binary_inputs) {
  BOOST_TEST(gunzip(gzip_compress("")).empty());
  std::string binary;
  for (int i = 0; i < 5000; ++i) binary += static_cast<char>((i * 7919) & 0xff);
  BOOST_TEST(gunzip(gzip_compress(binary, 1)) == binary);
}

BOOST_AUTO_TEST_SUITE_END()
