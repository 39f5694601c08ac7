// A translation catalogue in GNU gettext's compiled form (.mo, written by
// msgfmt from the .po files under po/): the site's language ([site]
// language) is one catalogue, read once when a worker starts. The format
// is gettext's ("The Format of GNU MO Files" in the gettext manual): a
// header of 32-bit words, then two tables of (length, offset) pairs, one
// for the original strings and one for their translations, each string
// ending in a NUL. Parsed here rather than through libintl's gettext(),
// which looks catalogues up through the process's locale: the site's
// language is configuration, not the server's locale, and a locale that is
// not installed would silently leave every page in English. Pure.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace confsched {

// The largest catalogue read: ours hold a few thousand short strings.
inline constexpr size_t kMaxCatalogueBytes = 16 * 1024 * 1024;

class MessageCatalogue {
 public:
  // No translations: every message is its own (the templates' English).
  MessageCatalogue() = default;

  // The catalogue in a .mo file's bytes, or nullopt with `error` saying
  // what is wrong (a bad magic number, a string outside the file, text
  // that is not UTF-8). The header entry (msgid "") is not a message; a
  // plural entry counts by its singular, with its first form.
  static std::optional<MessageCatalogue> parse(std::string_view mo, std::string& error);

  // The translation of msgid, or msgid itself when there is none.
  std::string_view translate(std::string_view msgid) const;
  bool empty() const { return messages_.empty(); }
  const std::map<std::string, std::string, std::less<>>& messages() const { return messages_; }

 private:
  std::map<std::string, std::string, std::less<>> messages_;
};

}  // namespace confsched
