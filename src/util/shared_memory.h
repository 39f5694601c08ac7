// An anonymous shared memory mapping: made by the master before it forks,
// so every worker sees the same bytes at the same address.
#pragma once

#include <cstddef>

namespace confsched {

// Owns one mmap(MAP_SHARED | MAP_ANONYMOUS) region, zero-filled, unmapped
// on destruction. Non-copyable; a move leaves the source empty, so a
// region is never unmapped twice. After fork() parent and child each hold
// a copy of this object; the worker never destroys its copy (it _exits),
// and unmapping in one process would not affect the other anyway.
class SharedMemory {
 public:
  // Throws std::runtime_error when the system refuses the mapping.
  explicit SharedMemory(size_t bytes);
  ~SharedMemory();
  SharedMemory(SharedMemory&& other) noexcept;
  SharedMemory& operator=(SharedMemory&& other) noexcept;
  SharedMemory(const SharedMemory&) = delete;
  SharedMemory& operator=(const SharedMemory&) = delete;

  void* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  void reset() noexcept;

  void* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace confsched
