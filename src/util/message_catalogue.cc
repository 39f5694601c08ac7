#include "util/message_catalogue.h"

#include <cstdint>

#include "util/utf8.h"

namespace confsched {

namespace {

constexpr uint32_t kMagic = 0x950412de;
constexpr uint32_t kMagicSwapped = 0xde120495;

class MoReader {
 public:
  MoReader(std::string_view bytes, bool big_endian) : bytes_(bytes), big_endian_(big_endian) {}

  std::optional<uint32_t> word(size_t at) const {
    if (at > bytes_.size() || bytes_.size() - at < 4) return std::nullopt;
    uint32_t value = 0;
    for (size_t i = 0; i < 4; ++i) {
      const auto byte = static_cast<uint32_t>(static_cast<unsigned char>(bytes_[at + i]));
      value |= big_endian_ ? byte << (8 * (3 - i)) : byte << (8 * i);
    }
    return value;
  }

  // String `index` of the table at `table`: its length and offset, the
  // bytes inside the file and followed by the NUL the format puts there.
  std::optional<std::string_view> string(uint32_t table, uint32_t index) const {
    const uint64_t entry = uint64_t{table} + uint64_t{index} * 8;
    if (entry > bytes_.size()) return std::nullopt;
    auto length = word(static_cast<size_t>(entry));
    auto offset = word(static_cast<size_t>(entry) + 4);
    if (!length || !offset) return std::nullopt;
    if (uint64_t{*offset} + *length >= bytes_.size()) return std::nullopt;
    if (bytes_[*offset + *length] != '\0') return std::nullopt;
    return bytes_.substr(*offset, *length);
  }

 private:
  std::string_view bytes_;
  bool big_endian_;
};

// A plural entry holds its forms separated by NULs: the first one.
std::string_view first_form(std::string_view s) { return s.substr(0, s.find('\0')); }

}  // namespace

std::optional<MessageCatalogue> MessageCatalogue::parse(std::string_view mo, std::string& error) {
  if (mo.size() > kMaxCatalogueBytes) {
    error = "the catalogue is larger than " + std::to_string(kMaxCatalogueBytes) + " bytes";
    return std::nullopt;
  }
  if (mo.size() < 28) {
    error = "too short for a .mo file";
    return std::nullopt;
  }
  const auto magic = MoReader(mo, false).word(0);
  if (magic != kMagic && magic != kMagicSwapped) {
    error = "not a .mo file (bad magic number)";
    return std::nullopt;
  }
  const MoReader r(mo, magic == kMagicSwapped);
  // Major revision 0 and 1 share this layout; 1 adds system-dependent
  // strings after it, which msgfmt writes only for C format macros.
  if (*r.word(4) >> 16 > 1) {
    error = "an unknown .mo revision";
    return std::nullopt;
  }
  const uint32_t count = *r.word(8), originals = *r.word(12), translations = *r.word(16);
  if (uint64_t{count} * 8 > mo.size()) {
    error = "more strings than the file can hold";
    return std::nullopt;
  }
  MessageCatalogue catalogue;
  // Entries may share a string, but not without bound: tables that name
  // one long string again and again would cost time and memory quadratic
  // in the file's size (a 256 KiB file took minutes and gigabytes).
  uint64_t string_bytes = 0;
  for (uint32_t i = 0; i < count; ++i) {
    auto original = r.string(originals, i);
    auto translation = r.string(translations, i);
    if (!original || !translation) {
      error = "string " + std::to_string(i) + " lies outside the file";
      return std::nullopt;
    }
    string_bytes += original->size() + translation->size();
    if (string_bytes > uint64_t{4} * mo.size()) {
      error = "the strings overlap far more than a catalogue's do";
      return std::nullopt;
    }
    if (!is_valid_utf8(*original) || !is_valid_utf8(*translation)) {
      error = "string " + std::to_string(i) + " is not UTF-8";
      return std::nullopt;
    }
    // Entries with a context (msgctxt, joined by EOT) are not ours to use;
    // nor is one whose singular is empty (the header, or "\0plural").
    std::string_view msgid = first_form(*original);
    if (msgid.empty() || original->find('\x04') != std::string_view::npos) continue;
    std::string_view text = first_form(*translation);
    if (text.empty()) continue;
    catalogue.messages_.emplace(std::string(msgid), std::string(text));
  }
  return catalogue;
}

std::string_view MessageCatalogue::translate(std::string_view msgid) const {
  auto it = messages_.find(msgid);
  return it == messages_.end() ? msgid : std::string_view(it->second);
}

}  // namespace confsched
