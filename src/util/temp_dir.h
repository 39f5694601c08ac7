// A private temporary folder (mode 0700, from mkdtemp under $TMPDIR or
// /tmp), removed with everything in it when the owner goes out of scope.
#pragma once

#include <string>

namespace confsched {

class TempDir {
 public:
  // Throws std::runtime_error when the folder cannot be made.
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::string& path() const { return path_; }
  // Writes a file of mode 0600 into the folder; returns its path.
  std::string write_private(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

}  // namespace confsched
