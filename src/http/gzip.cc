#include "http/gzip.h"

#include <zlib.h>

#include <limits>
#include <stdexcept>

namespace confsched {

namespace {

// Owns a deflate stream: deflateEnd runs however compression ends.
class Deflater {
 public:
  explicit Deflater(int level) {
    // windowBits 15 + 16 asks zlib for a gzip header and trailer rather
    // than the zlib format, which browsers do not take as "gzip".
    if (deflateInit2(&stream_, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
      throw std::runtime_error("gzip: deflateInit2 failed");
  }
  ~Deflater() { deflateEnd(&stream_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
};

}  // namespace

std::string gzip_compress(std::string_view data, int level) {
  if (data.size() > std::numeric_limits<uInt>::max())
    throw std::runtime_error("gzip: input too large");
  Deflater deflater(level);
  z_stream& z = deflater.stream();
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  // zlib's interface predates const; it does not write through next_in.
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  // deflateBound guarantees one Z_FINISH call completes.
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("gzip: deflate failed");
  out.resize(z.total_out);
  return out;
}

}  // namespace confsched
