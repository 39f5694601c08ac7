// Shared by the fuzz targets: invariant checks that stop the fuzzer with a
// readable reason. abort() rather than assert(): NDEBUG must not turn the
// checks off in a release-flavoured fuzz build.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(condition)                                                                  \
  do {                                                                                         \
    if (!(condition)) {                                                                        \
      std::fprintf(stderr, "%s:%d: invariant violated: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                            \
    }                                                                                          \
  } while (0)

inline std::string_view fuzz_input(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}
