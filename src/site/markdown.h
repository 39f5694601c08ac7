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

// The Markdown as plain text on several lines, for fields that formats
// define as plain text (the iCalendar DESCRIPTION, RFC 5545 §3.8.1.5; the
// schedule JSON's and XML's abstract), where markup would show as stray
// characters and raw HTML would run in a client that renders it:
// - blocks (paragraphs, headings, code blocks, lists, quotes) are separated
//   by a blank line; the lines of a paragraph and its hard line breaks are
//   kept as written;
// - list items are one a line, "- " or "N. " (ordered lists keep their
//   numbers), nested ones indented two spaces a level; quoted blocks start
//   each line with "> "; indentation stops growing after eight levels, so
//   deep nesting cannot blow up the output;
// - emphasis, code and heading markers go, the text stays;
// - a link is its text, followed by " (URL)" when the URL says more than
//   the text (not for an autolink) and is http, https or mailto: other
//   schemes (javascript:, data:, relative paths) are left out;
// - an image is its alt text;
// - raw HTML, blocks and inline tags alike, is dropped (the words between
//   inline tags are text to Markdown, and stay);
// - entities and backslash escapes are decoded ("&amp;" is "&"); one that
//   decodes to a control character other than a tab ("&#13;") is a space.
// The result is text, not HTML: a "<" in it is a character to be escaped
// by whatever writes it out, as with any text.
std::string markdown_to_plain_lines(std::string_view markdown);

}  // namespace confsched
