// Markdown abstracts: formatting survives, anything dangerous does not.
#include "pages/markdown.h"

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

BOOST_AUTO_TEST_SUITE_END()
