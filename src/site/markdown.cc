#include "site/markdown.h"

#include <cmark.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <utility>
#include <vector>

namespace confsched {

namespace {

// No CMARK_OPT_UNSAFE: raw HTML and dangerous URLs stay out.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterFree {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
struct CharFree {
  void operator()(char* text) const { std::free(text); }
};

using NodePtr = std::unique_ptr<cmark_node, NodeFree>;

NodePtr parse(std::string_view markdown) {
  return NodePtr(cmark_parse_document(markdown.data(), markdown.size(), kOptions));
}

void add_space(std::string& out) {
  if (!out.empty() && out.back() != ' ') out += ' ';
}

// Deeper containers add no more indentation (markdown.h).
constexpr size_t kMaxIndentLevels = 8;

bool is_shown_scheme(std::string_view url) {
  auto starts = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  return starts("http://") || starts("https://") || starts("mailto:");
}

// Writes plain text line by line. A block asks for the gap before it; the
// gap and the containers' prefix are written only once text follows, so
// an empty block (raw HTML, dropped) leaves no blank line behind.
//
// The prefix of a line inside containers is "> " per block quote and, per
// list item, its marker on the item's first line and as many spaces on the
// others. The spaces-and-quotes form is kept as a string that grows and
// shrinks with the containers, and only containers entered since the last
// line can still owe their marker, so each line costs its own length
// however deep the nesting (a lazy paragraph in 30,000 quotes included).
class PlainWriter {
 public:
  enum class Gap { kNone, kLine, kBlank };

  // What comes next starts a line, with at least this gap before it.
  void gap(Gap g) {
    pending_ = std::max(pending_, g);
    at_line_start_ = true;
  }

  // Text within one line. A control character in it (an entity such as
  // "&#13;" or "&#10;" decodes to one: CommonMark 0.30, section 2.5) is
  // written as a space: a line break is the writer's to make, and a bare
  // CR would end a line in some readers and not in others.
  void text(std::string_view t) {
    if (t.empty()) return;
    if (at_line_start_) start_line();
    for (char c : t) {
      const auto byte = static_cast<unsigned char>(c);
      out_ += (byte < 0x20 && c != '\t') || byte == 0x7f ? ' ' : c;
    }
  }

  // Text that may span lines (a code block's). Blank lines in it stay, one
  // for a run of them.
  void lines(std::string_view t) {
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) t.remove_suffix(1);
    for (bool first = true; !t.empty(); first = false) {
      size_t nl = t.find('\n');
      std::string_view line = t.substr(0, nl);
      if (!first) gap(line.empty() ? Gap::kBlank : Gap::kLine);
      text(line);
      t = nl == std::string_view::npos ? std::string_view() : t.substr(nl + 1);
    }
  }

  void line_break() { gap(Gap::kLine); }

  // A block quote (marker empty) or a list item; lists themselves take no
  // room on the line and are not entered.
  void enter(std::string marker, bool quote) {
    frames_.push_back(Frame{std::move(marker), quote, continuation_.size()});
    if (frames_.size() <= kMaxIndentLevels)
      continuation_ += quote ? std::string("> ") : std::string(frames_.back().marker.size(), ' ');
  }

  void leave() {
    continuation_.resize(frames_.back().continuation_before);
    frames_.pop_back();
    owing_from_ = std::min(owing_from_, frames_.size());
  }

  // Where the next text goes, for text_since: a link's text, compared
  // with its URL, must not include the line's prefix. When a line is due,
  // its start is not known until text comes, so the mark is kept pending
  // until then (links do not nest, so one pending mark is enough).
  size_t mark() {
    if (!at_line_start_) return out_.size();
    mark_pending_ = true;
    return kPendingMark;
  }
  std::string text_since(size_t mark) {
    if (mark == kPendingMark) {
      mark = mark_pending_ ? out_.size() : marked_at_;
      mark_pending_ = false;
    }
    return out_.substr(mark);
  }

  std::string finish() {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) out_.pop_back();
    return std::move(out_);
  }

 private:
  struct Frame {
    std::string marker;  // an item's "- " or "3. "; empty for a quote
    bool quote;
    size_t continuation_before;  // continuation_'s length before this frame
  };

  void start_line() {
    // Containers before owing_from_ have written their markers: their part
    // of the prefix is the continuation form.
    size_t from = owing_from_;
    std::string_view continued =
        std::string_view(continuation_)
            .substr(0, from < frames_.size() ? frames_[from].continuation_before
                                             : continuation_.size());
    if (!out_.empty()) {
      out_ += '\n';
      // A blank line inside quotes stays quoted ("> >").
      if (pending_ == Gap::kBlank) {
        std::string_view blank = continued;
        while (!blank.empty() && blank.back() == ' ') blank.remove_suffix(1);
        out_ += blank;
        out_ += '\n';
      }
    }
    pending_ = Gap::kNone;
    at_line_start_ = false;
    out_ += continued;
    for (size_t i = from; i < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      if (!f.quote)
        out_ += f.marker;  // owed even past the indentation cap, or the item would vanish
      else if (i < kMaxIndentLevels)
        out_ += "> ";
    }
    owing_from_ = frames_.size();
    if (mark_pending_) {
      marked_at_ = out_.size();
      mark_pending_ = false;
    }
  }

  std::string out_;
  std::vector<Frame> frames_;
  std::string continuation_;  // the prefix of a line that owes no marker
  size_t owing_from_ = 0;     // frames from here on have not written their marker
  Gap pending_ = Gap::kNone;
  bool at_line_start_ = true;
  static constexpr size_t kPendingMark = static_cast<size_t>(-1);
  bool mark_pending_ = false;
  size_t marked_at_ = 0;
};

// The marker of an item: "- ", or in an ordered list its number ("3. ",
// or "3) " as the list writes it).
std::string item_marker(cmark_node* list, int number) {
  if (cmark_node_get_list_type(list) != CMARK_ORDERED_LIST) return "- ";
  return std::to_string(number) +
         (cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ") " : ". ");
}

}  // namespace

std::string markdown_to_safe_html(std::string_view markdown) {
  NodePtr document = parse(markdown);
  if (!document) return "";
  std::unique_ptr<char, CharFree> html(cmark_render_html(document.get(), kOptions));
  return html ? std::string(html.get()) : std::string();
}

std::string markdown_to_plain_text(std::string_view markdown) {
  NodePtr document = parse(markdown);
  if (!document) return "";
  std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(document.get()));
  std::string out;
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (event == CMARK_EVENT_ENTER) out += cmark_node_get_literal(node);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        add_space(out);
        break;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
      case CMARK_NODE_ITEM:
      case CMARK_NODE_CODE_BLOCK:
        if (event == CMARK_EVENT_EXIT) add_space(out);
        if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK && event == CMARK_EVENT_ENTER)
          out += cmark_node_get_literal(node);
        break;
      default:
        break;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string markdown_to_plain_lines(std::string_view markdown) {
  NodePtr document = parse(markdown);
  if (!document) return "";
  std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(document.get()));
  PlainWriter w;
  std::vector<size_t> link_starts;  // where each open link's text begins
  std::vector<int> numbers;         // each open list's next item number
  using Gap = PlainWriter::Gap;
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    const bool enter = event == CMARK_EVENT_ENTER;
    cmark_node* parent = cmark_node_parent(node);
    // Blocks in a list item follow each other line by line; elsewhere a
    // blank line parts them.
    bool in_item = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
      case CMARK_NODE_THEMATIC_BREAK:
        if (enter) w.gap(in_item ? Gap::kLine : Gap::kBlank);
        break;
      case CMARK_NODE_CODE_BLOCK:
        w.gap(in_item ? Gap::kLine : Gap::kBlank);
        w.lines(cmark_node_get_literal(node));
        break;
      case CMARK_NODE_LIST:
        if (enter) {
          w.gap(in_item ? Gap::kLine : Gap::kBlank);
          numbers.push_back(cmark_node_get_list_start(node));
        } else {
          numbers.pop_back();
        }
        break;
      case CMARK_NODE_BLOCK_QUOTE:
        if (enter) {
          w.gap(in_item ? Gap::kLine : Gap::kBlank);
          w.enter("", true);
        } else {
          w.leave();
        }
        break;
      case CMARK_NODE_ITEM:
        if (enter) {
          w.gap(Gap::kLine);
          w.enter(item_marker(parent, numbers.back()++), false);
        } else {
          w.leave();
        }
        break;
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        w.text(cmark_node_get_literal(node));
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        w.line_break();
        break;
      case CMARK_NODE_LINK:
        if (enter) {
          link_starts.push_back(w.mark());
        } else {
          std::string text = w.text_since(link_starts.back());
          link_starts.pop_back();
          std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
          bool autolink = url == text || url == "mailto:" + text;
          if (is_shown_scheme(url) && !autolink) w.text(text.empty() ? url : " (" + url + ")");
        }
        break;
      default:
        // Emphasis, strong and images: their children are the text. Raw
        // HTML: dropped.
        break;
    }
  }
  return w.finish();
}

}  // namespace confsched
