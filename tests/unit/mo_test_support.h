// Shared by the message catalogue and template text tests: .mo files
// written in the test, in GNU gettext's layout ("The Format of GNU MO
// Files"), so a case can say exactly which bytes a parser sees, and
// msgfmt, the tool that writes the real ones.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "util/message_catalogue.h"

namespace confsched::testing {

struct MoEntry {
  std::string original, translation;
};

// Offsets of the parts of a file mo_bytes writes, for cases that damage one.
inline constexpr uint32_t kMoHeaderBytes = 28;
inline uint32_t mo_originals_at() { return kMoHeaderBytes; }
inline uint32_t mo_translations_at(size_t count) {
  return kMoHeaderBytes + static_cast<uint32_t>(count) * 8;
}

inline void mo_put_word(std::string& mo, size_t at, uint32_t value, bool big_endian = false) {
  for (size_t i = 0; i < 4; ++i) {
    const size_t shift = big_endian ? 8 * (3 - i) : 8 * i;
    mo[at + i] = static_cast<char>((value >> shift) & 0xFF);
  }
}

// A .mo file holding entries in order: header, the table of originals, the
// table of translations, no hash table, then the strings, each with its NUL
// (originals first, so the file ends with the last translation's NUL).
inline std::string mo_bytes(const std::vector<MoEntry>& entries, bool big_endian = false,
                            uint32_t revision = 0) {
  const size_t count = entries.size();
  const uint32_t strings_at = mo_translations_at(count) + static_cast<uint32_t>(count) * 8;
  std::string mo(strings_at, '\0');
  mo_put_word(mo, 0, 0x950412de, big_endian);
  mo_put_word(mo, 4, revision, big_endian);
  mo_put_word(mo, 8, static_cast<uint32_t>(count), big_endian);
  mo_put_word(mo, 12, mo_originals_at(), big_endian);
  mo_put_word(mo, 16, mo_translations_at(count), big_endian);
  mo_put_word(mo, 20, 0, big_endian);
  mo_put_word(mo, 24, strings_at, big_endian);
  auto put_string = [&](size_t table_entry, const std::string& s) {
    mo_put_word(mo, table_entry, static_cast<uint32_t>(s.size()), big_endian);
    mo_put_word(mo, table_entry + 4, static_cast<uint32_t>(mo.size()), big_endian);
    mo += s;
    mo += '\0';
  };
  for (size_t i = 0; i < count; ++i) put_string(mo_originals_at() + 8 * i, entries[i].original);
  for (size_t i = 0; i < count; ++i)
    put_string(mo_translations_at(count) + 8 * i, entries[i].translation);
  return mo;
}

// The catalogue of entries, which the parser must accept.
inline MessageCatalogue mo_catalogue(const std::vector<MoEntry>& entries) {
  std::string error;
  auto catalogue = MessageCatalogue::parse(mo_bytes(entries), error);
  if (!catalogue) throw std::runtime_error("test catalogue refused: " + error);
  return *catalogue;
}

inline std::string mo_read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// msgfmt on PATH (gettext is a build dependency), or nullopt.
inline std::optional<std::filesystem::path> mo_find_msgfmt() {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (dir.empty()) continue;
    const std::filesystem::path candidate = std::filesystem::path(dir) / "msgfmt";
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

// What `msgfmt <options> -o x.mo <po>` writes, or throws when it fails.
inline std::string mo_run_msgfmt(const std::filesystem::path& msgfmt,
                                 const std::filesystem::path& po, const std::string& options) {
  const std::filesystem::path mo = po.parent_path() / (po.stem().string() + ".mo");
  const std::string command =
      "'" + msgfmt.string() + "' " + options + " -o '" + mo.string() + "' '" + po.string() + "'";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("failed: " + command);
  return mo_read_file(mo);
}

// A scratch folder, removed with everything in it when the case ends.
class MoScratchDir {
 public:
  MoScratchDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "confsched-mo-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~MoScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  MoScratchDir(const MoScratchDir&) = delete;
  MoScratchDir& operator=(const MoScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace confsched::testing
