#include "util/translate.h"

namespace confsched {

namespace {

// Set once at start-up, read-only after (see the header).
MessageCatalogue& process_catalogue() {
  static MessageCatalogue catalogue;
  return catalogue;
}

}  // namespace

void set_text_language(MessageCatalogue catalogue) { process_catalogue() = std::move(catalogue); }

std::string tr(std::string_view english) {
  return std::string(process_catalogue().translate(english));
}

std::string fill_text(std::string_view pattern,
                      std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  std::string out;
  out.reserve(pattern.size() + 32);
  size_t i = 0;
  while (i < pattern.size()) {
    const size_t open = pattern.find('{', i);
    const size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(i, open - i));
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    const auto* found = values.begin();
    while (found != values.end() && found->first != name) ++found;
    if (found != values.end())
      out.append(found->second);
    else
      out.append(pattern.substr(open, close - open + 1));
    i = close + 1;
  }
  out.append(pattern.substr(i));
  return out;
}

}  // namespace confsched
