// gzip (RFC 1952) compression of a whole response body, with zlib.
#pragma once

#include <string>
#include <string_view>

namespace confsched {

// The gzip member for data. Pages are compressed once per data version and
// then sent many times, so the default is zlib's best level: it costs a
// few milliseconds once and saves bytes on every response.
// Throws std::runtime_error if zlib fails (only on memory exhaustion).
std::string gzip_compress(std::string_view data, int level = 9);

}  // namespace confsched
