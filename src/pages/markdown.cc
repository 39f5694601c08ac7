#include "pages/markdown.h"

#include <cmark.h>

#include <cstdlib>
#include <memory>

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

}  // namespace confsched
