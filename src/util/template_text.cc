#include "util/template_text.h"

#include <algorithm>

namespace confsched {

namespace {

constexpr std::string_view kReadAttributes[] = {"aria-label", "title", "alt", "placeholder"};
// The text the site's scripts write into pages, handed to them by the
// templates (layout.tpl) so that it is translated with theirs.
constexpr std::string_view kScriptTextPrefix = "data-text-";

bool is_blank(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A marker that ends a run: sections, includes, comments, pragmas.
bool is_structural_marker(char c) {
  return c == '#' || c == '/' || c == '>' || c == '!' || c == '%' || c == '^' || c == '=';
}

// The end of the "{{...}}" that starts at i (just past "}}"), or npos.
size_t marker_end(std::string_view t, size_t i) {
  size_t close = t.find("}}", i + 2);
  return close == std::string_view::npos ? close : close + 2;
}

// Whether text has a letter outside {{...}} markers and &...; references.
bool has_own_letter(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "{{") == 0) {
      size_t end = marker_end(text, i);
      if (end == std::string_view::npos) return false;
      i = end;
    } else if (text[i] == '&') {
      size_t semi = text.find(';', i);
      size_t space = text.find_first_of(" \n\t", i);
      i = (semi != std::string_view::npos && semi < space) ? semi + 1 : i + 1;
    } else if (is_letter(text[i])) {
      return true;
    } else {
      ++i;
    }
  }
  return false;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view t) : t_(t) {}

  std::vector<TextRun> runs() {
    size_t start = 0, i = 0;
    while (i < t_.size()) {
      if (t_.compare(i, 2, "{{") == 0) {
        size_t end = marker_end(t_, i);
        if (end == std::string_view::npos) break;
        if (i + 2 < t_.size() && is_structural_marker(t_[i + 2])) {
          flush(start, i);
          start = end;
        }
        i = end;
      } else if (t_[i] == '<') {
        flush(start, i);
        i = skip_tag(i);
        start = i;
      } else {
        ++i;
      }
    }
    flush(start, std::min(i, t_.size()));
    std::sort(runs_.begin(), runs_.end(),
              [](const TextRun& a, const TextRun& b) { return a.offset < b.offset; });
    return runs_;
  }

 private:
  void flush(size_t from, size_t to) {
    while (from < to && is_blank(t_[from])) ++from;
    while (to > from && is_blank(t_[to - 1])) --to;
    if (from >= to || !has_own_letter(t_.substr(from, to - from))) return;
    const auto line =
        static_cast<size_t>(std::count(t_.begin(), t_.begin() + static_cast<long>(from), '\n')) + 1;
    runs_.push_back(TextRun{from, to - from, line});
  }

  // Past the tag that starts at i, taking the values of the attributes
  // people read as runs; past a script's or style's content too.
  size_t skip_tag(size_t i) {
    const size_t name_start = i + 1;
    size_t j = name_start;
    while (j < t_.size() && !is_blank(t_[j]) && t_[j] != '>' && t_[j] != '/') ++j;
    const std::string_view name = t_.substr(name_start, j - name_start);
    while (j < t_.size() && t_[j] != '>') {
      if (t_.compare(j, 2, "{{") == 0) {
        size_t end = marker_end(t_, j);
        if (end == std::string_view::npos) return t_.size();
        j = end;
      } else if (t_[j] == '"' || t_[j] == '\'') {
        const char quote = t_[j];
        size_t close = t_.find(quote, j + 1);
        if (close == std::string_view::npos) return t_.size();
        if (read_attribute_before(j)) flush(j + 1, close);
        j = close + 1;
      } else {
        ++j;
      }
    }
    j = std::min(j + 1, t_.size());
    for (std::string_view raw : {std::string_view("script"), std::string_view("style")}) {
      if (name != raw) continue;
      size_t close = t_.find("</" + std::string(raw), j);
      return close == std::string_view::npos ? t_.size() : close;
    }
    return j;
  }

  // Whether the quoted value at `quote` belongs to an attribute people read.
  bool read_attribute_before(size_t quote) const {
    if (quote == 0 || t_[quote - 1] != '=') return false;
    size_t end = quote - 1, begin = end;
    while (begin > 0 && (is_letter(t_[begin - 1]) || t_[begin - 1] == '-')) --begin;
    const std::string_view attribute = t_.substr(begin, end - begin);
    return attribute.substr(0, kScriptTextPrefix.size()) == kScriptTextPrefix ||
           std::find(std::begin(kReadAttributes), std::end(kReadAttributes), attribute) !=
               std::end(kReadAttributes);
  }

  std::string_view t_;
  std::vector<TextRun> runs_;
};

// The template markers in text, in order.
std::vector<std::string_view> markers_of(std::string_view text, bool& unclosed) {
  std::vector<std::string_view> markers;
  unclosed = false;
  for (size_t i = text.find("{{"); i != std::string_view::npos; i = text.find("{{", i)) {
    size_t end = marker_end(text, i);
    if (end == std::string_view::npos) {
      unclosed = true;
      break;
    }
    markers.push_back(text.substr(i, end - i));
    i = end;
  }
  return markers;
}

}  // namespace

std::vector<TextRun> translatable_runs(std::string_view tpl) { return Tokenizer(tpl).runs(); }

bool usable_translation(std::string_view msgid, std::string_view translation) {
  if (translation.empty() || translation.find_first_of("<>\"") != std::string_view::npos)
    return false;
  bool unclosed_id = false, unclosed_translation = false;
  auto wanted = markers_of(msgid, unclosed_id);
  auto given = markers_of(translation, unclosed_translation);
  if (unclosed_translation) return false;
  // Every brace pair is a whole marker: no stray "{{" or "}}".
  auto count = [&](std::string_view what) {
    size_t n = 0;
    for (size_t i = translation.find(what); i != std::string_view::npos;
         i = translation.find(what, i + 2))
      ++n;
    return n;
  };
  if (count("{{") != given.size() || count("}}") != given.size()) return false;
  for (std::string_view m : given)
    if (m.size() > 2 && is_structural_marker(m[2])) return false;
  std::sort(wanted.begin(), wanted.end());
  std::sort(given.begin(), given.end());
  return wanted == given;
}

std::string translated_template(std::string_view tpl, const MessageCatalogue& catalogue,
                                std::vector<std::string>* refused) {
  if (catalogue.empty()) return std::string(tpl);
  std::string out;
  out.reserve(tpl.size() + tpl.size() / 4);
  size_t at = 0;
  for (const TextRun& run : translatable_runs(tpl)) {
    const std::string_view msgid = tpl.substr(run.offset, run.length);
    std::string_view translation = catalogue.translate(msgid);
    if (translation != msgid && !usable_translation(msgid, translation)) {
      if (refused) refused->emplace_back(msgid);
      translation = msgid;
    }
    out.append(tpl.substr(at, run.offset - at));
    out.append(translation);
    at = run.offset + run.length;
  }
  out.append(tpl.substr(at));
  return out;
}

}  // namespace confsched
