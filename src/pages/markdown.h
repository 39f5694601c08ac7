// Session abstracts are Markdown (CommonMark, through libcmark). Pure.
#pragma once

#include <string>
#include <string_view>

namespace confsched {

// HTML for the abstract. cmark's safe mode (the default since 0.29) drops
// raw HTML and javascript:/vbscript:/file:/data: links, and it escapes all
// text, so the result can be inserted into a page unescaped. Invalid UTF-8
// is replaced rather than passed through.
std::string markdown_to_safe_html(std::string_view markdown);

// The text of the Markdown without its markup, on one line: for the short
// abstracts on /schedule, which are shortened and escaped like any text.
std::string markdown_to_plain_text(std::string_view markdown);

}  // namespace confsched
