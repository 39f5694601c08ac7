// Markdown abstracts: formatting survives, anything dangerous does not.
#include "site/markdown.h"

#include "test_support.h"

using namespace confsched;

BOOST_AUTO_TEST_SUITE(markdown)

BOOST_AUTO_TEST_CASE(formatting_is_rendered) {
  std::string html = markdown_to_safe_html("Some **bold** and *em*.\n\n- one\n- two\n");
  BOOST_TEST(html.find("<strong>bold</strong>") != std::string::npos);
  BOOST_TEST(html.find("<em>em</em>") != std::string::npos);
  BOOST_TEST(html.find("<li>one</li>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(raw_html_is_not_passed_through) {
  std::string html =
      markdown_to_safe_html("Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n");
  BOOST_TEST(html.find("<script") == std::string::npos);
  BOOST_TEST(html.find("<img") == std::string::npos);
  BOOST_TEST(html.find("onerror") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(dangerous_links_are_emptied_and_text_is_escaped) {
  std::string html = markdown_to_safe_html(
      "[click](javascript:alert(1)) [ok](https://example.org/?a=1&b=2) 1 < 2 & \"q\"");
  BOOST_TEST(html.find("javascript:") == std::string::npos);
  BOOST_TEST(html.find("href=\"https://example.org/?a=1&amp;b=2\"") != std::string::npos);
  BOOST_TEST(html.find("1 &lt; 2 &amp; &quot;q&quot;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced) {
  std::string html = markdown_to_safe_html("bad \xff byte");
  BOOST_TEST(html.find('\xff') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(plain_text_drops_markup_and_keeps_words) {
  BOOST_TEST(
      markdown_to_plain_text("# Title\n\nSome **bold** [link](https://x.org) `code`\nnext line") ==
      "Title Some bold link code next line");
  // Tags go; the words between them are text like any other (escaped later).
  BOOST_TEST(markdown_to_plain_text("<b>raw</b> text") == "raw text");
  BOOST_TEST(markdown_to_plain_text("") == "");
}

// markdown_to_plain_lines: the feeds' plain text.

BOOST_AUTO_TEST_CASE(plain_lines_keep_paragraphs_and_line_breaks_and_drop_markers) {
  BOOST_TEST(markdown_to_plain_lines("# Title\n\nSome **bold**, *em* and `code <b>`.\n"
                                     "Next line, soft.  \nAfter a hard break.\n\n\n\nLast.") ==
             "Title\n\nSome bold, em and code <b>.\nNext line, soft.\nAfter a hard break.\n\n"
             "Last.");
  BOOST_TEST(markdown_to_plain_lines("") == "");
  BOOST_TEST(markdown_to_plain_lines("   \n\n  ") == "");
  BOOST_TEST(markdown_to_plain_lines("Setext\n======\n\n---\n\nafter the rule") ==
             "Setext\n\nafter the rule");
}

BOOST_AUTO_TEST_CASE(plain_lines_put_list_items_on_lines_of_their_own) {
  BOOST_TEST(markdown_to_plain_lines("Intro:\n\n* one\n* two\n  - nested\n    - deeper\n* three\n\n"
                                     "3. third\n4. fourth\n\n1) paren\n\nAfter.") ==
             "Intro:\n\n- one\n- two\n  - nested\n    - deeper\n- three\n\n3. third\n4. fourth"
             "\n\n1) paren\n\nAfter.");
  // A loose item's paragraphs and code stay in the item, indented under it.
  BOOST_TEST(markdown_to_plain_lines("- first para\n\n  second para\n\n      code\n- next") ==
             "- first para\n  second para\n  code\n- next");
  BOOST_TEST(markdown_to_plain_lines("10. ten\n11. eleven\n    more") ==
             "10. ten\n11. eleven\n    more");
  BOOST_TEST(markdown_to_plain_lines("- - a\n  - b") == "- - a\n  - b");
}

// Found by fuzz.markdown_to_plain_lines: "&#xd;" decoded to a bare CR in
// the feeds' text, which a reader may take as a line break.
BOOST_AUTO_TEST_CASE(plain_lines_write_control_characters_from_entities_as_spaces) {
  BOOST_TEST(markdown_to_plain_lines("a&#xd;b &#13; c&#10;d&#x7f;e") == "a b   c d e");
  BOOST_TEST(markdown_to_plain_lines("> q&#10;&#10;&#10;r") == "> q   r");
  BOOST_TEST(markdown_to_plain_lines("tab&#9;kept") == "tab\tkept");
  BOOST_TEST(markdown_to_plain_lines("    code\r\n    more\r\n") == "code\nmore");
}

BOOST_AUTO_TEST_CASE(plain_lines_keep_code_blocks_and_quotes) {
  BOOST_TEST(markdown_to_plain_lines("Before\n\n```html\n<p>code</p>\n  indented\n```\n\nAfter") ==
             "Before\n\n<p>code</p>\n  indented\n\nAfter");
  // Blank lines inside a code block stay (one for a run of them).
  BOOST_TEST(markdown_to_plain_lines("    a\n\n\n    b\n\nc") == "a\n\nb\n\nc");
  BOOST_TEST(markdown_to_plain_lines("> quoted\nlazy\n>\n> - item\n\nafter") ==
             "> quoted\n> lazy\n>\n> - item\n\nafter");
}

BOOST_AUTO_TEST_CASE(plain_lines_write_links_as_text_and_url) {
  BOOST_TEST(
      markdown_to_plain_lines("[slides](https://example.org/s \"t\") and <https://example.org/a> "
                              "and [https://x.org](https://x.org) and [mail](mailto:a@b.org) "
                              "and <a@b.org> and [](http://empty.org)") ==
      "slides (https://example.org/s) and https://example.org/a and https://x.org and "
      "mail (mailto:a@b.org) and a@b.org and http://empty.org");
  BOOST_TEST(markdown_to_plain_lines("[ref][1]\n\n[1]: HTTPS://Example.org/R") ==
             "ref (HTTPS://Example.org/R)");
  // The link at the start of a later line is compared without the line's
  // prefix.
  BOOST_TEST(markdown_to_plain_lines("- <https://a.org>\n- [b](https://b.org)") ==
             "- https://a.org\n- b (https://b.org)");
  // Found by the fuzzer: a link whose text starts with a line break, at
  // the start of a paragraph, made an empty line.
  BOOST_TEST(markdown_to_plain_lines("a\n\n[\nr](https://r.org)") == "a\n\nr (https://r.org)");
}

BOOST_AUTO_TEST_CASE(plain_lines_leave_out_dangerous_and_relative_link_targets) {
  BOOST_TEST(markdown_to_plain_lines("[click](javascript:alert(1)) [v](VBScript:x) "
                                     "[d](data:text/html,<script>x</script>) [page](/session/3) "
                                     "[f](file:///etc/passwd)") == "click v d page f");
  BOOST_TEST(markdown_to_plain_lines("[<img src=x onerror=alert(1)>](javascript:alert(1))") == "");
}

BOOST_AUTO_TEST_CASE(plain_lines_show_images_as_their_alt_text) {
  BOOST_TEST(
      markdown_to_plain_lines("![A *diagram*](https://example.org/d.png) "
                              "![](https://example.org/x.png)done "
                              "[![logo](data:image/png;base64,AAAA)](https://example.org)") ==
      "A diagram done logo (https://example.org)");
}

BOOST_AUTO_TEST_CASE(plain_lines_drop_raw_html_blocks_and_tags) {
  std::string text = markdown_to_plain_lines(
      "Hi <script>alert(1)</script> <b onclick=\"x()\">there</b>\n\n"
      "<script>\nsteal(document.cookie)\n</script>\n\n"
      "<img src=x onerror=alert(1)>\n\n"
      "<div>\nblock <i>html</i>\n</div>\n\n"
      "<!-- a comment -->\n\n"
      "End <iframe src=\"https://evil.example\"></iframe>.");
  BOOST_TEST(text == "Hi alert(1) there\n\nEnd .");
  for (const char* gone : {"<", ">", "script", "onerror", "onclick", "steal", "iframe", "block"})
    BOOST_TEST(text.find(gone) == std::string::npos, gone);
}

BOOST_AUTO_TEST_CASE(plain_lines_decode_entities_and_escapes) {
  BOOST_TEST(markdown_to_plain_lines("Fish &amp; chips, &lt;b&gt;, &#x263A; &copy; \\*not em\\* "
                                     "&nbsp;x") ==
             "Fish & chips, <b>, \u263A \u00A9 *not em* \u00A0x");
}

BOOST_AUTO_TEST_CASE(plain_lines_bound_deep_nesting) {
  // 2,000 nested lists and 30,000 nested quotes with a lazy paragraph: the
  // indentation stops at eight levels, so the output stays small.
  std::string lists;
  for (int i = 0; i < 2000; ++i) lists += std::string(static_cast<size_t>(2 * i), ' ') + "- item\n";
  std::string out = markdown_to_plain_lines(lists);
  BOOST_TEST(out.rfind("- item\n  - item\n    - item\n", 0) == 0u, out.substr(0, 80));
  BOOST_TEST(out.size() < 2000u * (2 * 8 + 10));

  std::string quotes = std::string(30000, '>') + " deep\n" + std::string(20000, 'x') + "\n";
  for (int i = 0; i < 2000; ++i) quotes += "lazy\n";
  out = markdown_to_plain_lines(quotes);
  std::string prefix;
  for (int i = 0; i < 8; ++i) prefix += "> ";
  BOOST_TEST(out.rfind(prefix + "deep\n" + prefix + "xxx", 0) == 0u, out.substr(0, 80));
  BOOST_TEST(out.size() < quotes.size() + 2002 * prefix.size());  // at most 8 "> " a line

  // Emphasis nested far beyond reason is text like any other.
  std::string stars = std::string(10000, '*') + "x" + std::string(10000, '*');
  BOOST_TEST(markdown_to_plain_lines(stars).find('x') != std::string::npos);
}

BOOST_AUTO_TEST_CASE(plain_lines_replace_invalid_utf8) {
  BOOST_TEST(markdown_to_plain_lines("bad \xff byte") == "bad \uFFFD byte");
}

BOOST_AUTO_TEST_SUITE_END()
