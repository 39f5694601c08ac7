#include "http/multipart.h"

#include <string>

#include "test_support.h"

using confsched::is_multipart_form;
using confsched::multipart_boundary;
using confsched::MultipartForm;
using confsched::MultipartLimits;
using confsched::parse_multipart_form;

using namespace std::string_literals;

namespace {

constexpr const char* kType = "multipart/form-data; boundary=XyZ";

MultipartLimits limits(size_t max_body = 1 << 20) {
  MultipartLimits l;
  l.max_body_bytes = max_body;
  return l;
}

MultipartForm parse(std::string_view body, std::string_view type = kType) {
  return parse_multipart_form(type, body, limits());
}

std::string boundary_of(std::string_view type) {
  std::string error;
  return multipart_boundary(type, error);
}

std::string boundary_error(std::string_view type) {
  std::string error;
  BOOST_TEST(multipart_boundary(type, error).empty());
  return error;
}

// A body as a browser sends it: every line ends in CRLF.
const std::string kBrowserBody =
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"csrf\"\r\n"
    "\r\n"
    "tok.en\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"schedule\"; filename=\"31c3 schedule.xml\"\r\n"
    "Content-Type: text/xml\r\n"
    "\r\n"
    "<schedule>--XyZ--\r\n\n--XyZ\r\n</schedule>\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"action\"\r\n"
    "\r\n"
    "preview\r\n"
    "--XyZ--\r\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(multipart)

BOOST_AUTO_TEST_CASE(reads_fields_and_a_file_as_a_browser_sends_them) {
  MultipartForm form = parse(kBrowserBody);
  BOOST_TEST_REQUIRE(form.ok(), form.error);
  BOOST_TEST(form.fields.all().size() == 2u);
  BOOST_TEST(form.fields.get("csrf") == std::optional<std::string_view>("tok.en"));
  BOOST_TEST(form.fields.get("action") == std::optional<std::string_view>("preview"));
  BOOST_TEST_REQUIRE(form.files.size() == 1u);
  const auto* file = form.file("schedule");
  BOOST_TEST_REQUIRE(file != nullptr);
  BOOST_TEST(file->filename == "31c3 schedule.xml");
  BOOST_TEST(file->content_type == "text/xml");
  // The boundary inside the data, but not right after a CRLF (where it
  // would open a delimiter), is data.
  BOOST_TEST(file->data == "<schedule>--XyZ--\r\n\n--XyZ\r\n</schedule>");
  BOOST_TEST(form.file("csrf") == nullptr);
}

BOOST_AUTO_TEST_CASE(keeps_file_bytes_exactly) {
  std::string data = "a\0b\r\n\r\nc\r"s;
  data += "\xff\xfe";  // not UTF-8: a file may be anything
  MultipartForm form =
      parse("--XyZ\r\nContent-Disposition: form-data; name=f; filename=\"x\"\r\n\r\n" + data +
            "\r\n--XyZ--");
  BOOST_TEST_REQUIRE(form.ok(), form.error);
  BOOST_TEST(form.files.at(0).data == data);
  BOOST_TEST(form.files.at(0).content_type.empty());
}

BOOST_AUTO_TEST_CASE(an_empty_file_input_is_a_file_without_name_or_bytes) {
  MultipartForm form = parse(
      "--XyZ\r\nContent-Disposition: form-data; name=\"schedule\"; filename=\"\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n\r\n--XyZ--\r\n");
  BOOST_TEST_REQUIRE(form.ok(), form.error);
  BOOST_TEST(form.files.at(0).filename.empty());
  BOOST_TEST(form.files.at(0).data.empty());
}

BOOST_AUTO_TEST_CASE(preamble_epilogue_padding_and_header_case) {
  MultipartForm form = parse(
      "ignored preamble\r\n--XyZ \t\r\ncontent-disposition: FORM-DATA;NAME=\"a\"\r\n"
      "X-Other: ignored\r\n\r\n1\r\n--XyZ--\r\nepilogue, ignored too");
  BOOST_TEST_REQUIRE(form.ok(), form.error);
  BOOST_TEST(form.fields.get("a") == std::optional<std::string_view>("1"));
}

BOOST_AUTO_TEST_CASE(a_backslash_in_a_file_name_is_a_character) {
  MultipartForm form = parse(
      "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"C:\\new.csv\"\r\n\r\n"
      "x\r\n--XyZ--\r\n");
  BOOST_TEST_REQUIRE(form.ok(), form.error);
  BOOST_TEST(form.files.at(0).filename == "C:\\new.csv");
}

BOOST_AUTO_TEST_CASE(boundary_quoted_or_not_within_rfc_2046) {
  BOOST_TEST(boundary_of("multipart/form-data; boundary=abc") == "abc");
  BOOST_TEST(boundary_of("Multipart/Form-Data;BOUNDARY=\"a b:c?\"") == "a b:c?");
  BOOST_TEST(boundary_of("multipart/form-data; charset=utf-8; boundary=\"x\\\"\"") == "");
  BOOST_TEST(boundary_of("multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW") ==
             "----WebKitFormBoundary7MA4YWxkTrZu0gW");
  BOOST_TEST(boundary_of("multipart/form-data; boundary=" + std::string(70, 'b')) ==
             std::string(70, 'b'));
  BOOST_TEST(boundary_of("multipart/form-data; boundary=" + std::string(71, 'b')).empty());
  BOOST_TEST(boundary_of("multipart/form-data; boundary=\"ends in space \"").empty());
  BOOST_TEST(boundary_of("multipart/form-data; boundary=\"\"").empty());
  BOOST_TEST(boundary_of("multipart/form-data; boundary=\"a\\\\b\"").empty());  // '\' is no bchar
}

BOOST_AUTO_TEST_CASE(missing_duplicate_or_broken_boundary_is_refused) {
  BOOST_TEST(boundary_error("multipart/form-data") == "the Content-Type names no boundary");
  BOOST_TEST(boundary_error("multipart/form-data; charset=utf-8") ==
             "the Content-Type names no boundary");
  BOOST_TEST(boundary_error("multipart/form-data; boundary=a; boundary=b") ==
             "a header gives its boundary twice");
  BOOST_TEST(boundary_error("multipart/form-data; BOUNDARY=a; boundary=a") ==
             "a header gives its boundary twice");
  BOOST_TEST(!boundary_error("multipart/form-data; boundary=\"abc").empty());
  BOOST_TEST(!boundary_error("multipart/form-data; boundary=").empty());
  BOOST_TEST(!boundary_error("multipart/form-data; boundary").empty());
  BOOST_TEST(!boundary_error("multipart/form-data x; boundary=a").empty());
  BOOST_TEST(!boundary_error("multipart/form-data; boundary=\"a\0b\""s).empty());
}

BOOST_AUTO_TEST_CASE(other_types_are_415) {
  BOOST_TEST(!is_multipart_form("application/x-www-form-urlencoded"));
  BOOST_TEST(!is_multipart_form(""));
  BOOST_TEST(!is_multipart_form("multipart/mixed; boundary=a"));
  BOOST_TEST(is_multipart_form(" multipart/form-data ; boundary=a"));
  MultipartForm form = parse(kBrowserBody, "application/x-www-form-urlencoded");
  BOOST_TEST(form.status == 415);
  BOOST_TEST(parse(kBrowserBody, "multipart/form-data").status == 400);
}

BOOST_AUTO_TEST_CASE(a_body_over_the_limit_is_413_unread) {
  MultipartForm form = parse_multipart_form(kType, kBrowserBody, limits(kBrowserBody.size() - 1));
  BOOST_TEST(form.status == 413);
  BOOST_TEST(form.error ==
             "the form is larger than " + std::to_string(kBrowserBody.size() - 1) + " bytes");
  BOOST_TEST(parse_multipart_form(kType, kBrowserBody, limits(kBrowserBody.size())).ok());
  BOOST_TEST(parse_multipart_form(kType, std::string(7 << 20, 'x'), limits(6 << 20)).error ==
             "the form is larger than 6 MiB");
}

BOOST_AUTO_TEST_CASE(no_boundary_line_or_no_final_delimiter) {
  BOOST_TEST(parse("").error == "the body holds no line with the boundary its Content-Type names");
  BOOST_TEST(parse("--other\r\n\r\n--other--").status == 400);
  const std::string unclosed =
      "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue without an end";
  BOOST_TEST(parse(unclosed).error == "the body ends without its closing boundary line");
  BOOST_TEST(parse(unclosed + "\r\n--XyZ").error ==
             "the body ends without its closing boundary line");
  BOOST_TEST(parse("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n").error ==
             "the body ends without its closing boundary line");
}

BOOST_AUTO_TEST_CASE(a_boundary_line_that_goes_on_is_refused) {
  // The delimiter (CRLF, "--", boundary) with more text on its line: the
  // sender chose a boundary that occurs in its data.
  MultipartForm form = parse(
      "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZ-and-more\r\n--XyZ--");
  BOOST_TEST(form.status == 400);
  BOOST_TEST(form.error ==
             "a boundary line goes on with other text (is the boundary in the data?)");
}

BOOST_AUTO_TEST_CASE(lf_only_line_ends_are_refused) {
  const std::string lf = "a line ends in a bare LF (multipart lines end in CRLF)";
  BOOST_TEST(parse("--XyZ\nContent-Disposition: form-data; name=\"a\"\n\nx\n--XyZ--\n").error ==
             lf);
  BOOST_TEST(parse("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\n\nx\r\n--XyZ--").error ==
             lf);
  BOOST_TEST(parse("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\nx\r\n--XyZ--").error ==
             lf);
}

BOOST_AUTO_TEST_CASE(huge_headers_are_refused_after_a_bounded_look) {
  std::string huge =
      "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Pad: " + std::string(3000, 'p') +
      "\r\n\r\nx\r\n--XyZ--";
  BOOST_TEST(parse(huge).error == "a part's header is longer than 2048 bytes");
  // Many short lines add up the same way.
  std::string many = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n";
  for (int i = 0; i < 300; ++i) many += "X-N: 1234567\r\n";
  BOOST_TEST(parse(many + "\r\nx\r\n--XyZ--").error == "a part's header is longer than 2048 bytes");
  // A header with no line end at all.
  BOOST_TEST(parse("--XyZ\r\n" + std::string(1 << 19, 'h')).error ==
             "a part's header is longer than 2048 bytes");
}

BOOST_AUTO_TEST_CASE(nul_bytes_in_headers_and_fields_are_refused) {
  std::string nul_header =
      "--XyZ\r\nContent-Disposition: form-data; name=\"a\0b\"\r\n\r\nx\r\n--XyZ--"s;
  BOOST_TEST(parse(nul_header).error ==
             "a part's header holds a control character (a NUL byte or a bare CR)");
  std::string nul_field =
      "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\0y\r\n--XyZ--"s;
  BOOST_TEST(parse(nul_field).error == "a form field is not UTF-8 text");
  BOOST_TEST(parse("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xc3\x28\r\n--XyZ--")
                 .error == "a form field is not UTF-8 text");
  BOOST_TEST(
      parse("--XyZ\r\nContent-Disposition: form-data; name=\"a\r\"\r\n\r\nx\r\n--XyZ--").status ==
      400);
}

BOOST_AUTO_TEST_CASE(part_headers_must_name_a_form_data_part_once) {
  auto error = [](const std::string& head) {
    return parse("--XyZ\r\n" + head + "\r\nx\r\n--XyZ--").error;
  };
  BOOST_TEST(error("Content-Type: text/plain\r\n") == "a part has no Content-Disposition");
  BOOST_TEST(error("") == "a part has no Content-Disposition");
  BOOST_TEST(error("Content-Disposition: attachment; name=\"a\"\r\n") ==
             "a part's Content-Disposition is not form-data");
  BOOST_TEST(error("Content-Disposition: form-data\r\n") ==
             "a part's Content-Disposition has no name");
  BOOST_TEST(error("Content-Disposition: form-data; name=\"a\"; name=\"b\"\r\n") ==
             "a header gives its name twice");
  BOOST_TEST(error("Content-Disposition: form-data; name=\"a\"\r\n"
                   "Content-Disposition: form-data; name=\"b\"\r\n") ==
             "a part has two Content-Disposition lines");
  BOOST_TEST(error("Content-Disposition: form-data; name=\"a\"\r\nContent-Type: a\r\n"
                   "Content-Type: b\r\n") == "a part has two Content-Type lines");
  BOOST_TEST(error("Content-Disposition: form-data; name=\"a\"\r\nX-Long: 1\r\n 2\r\n") ==
             "a part's header line is folded onto the next (not accepted)");
  BOOST_TEST(error("Content-Disposition form-data; name=\"a\"\r\n") ==
             "a part's header line has no field name");
  BOOST_TEST(error("Content-Disposition: form-data; name=\"a\r\nContent-Transfer-Encoding: "
                   "base64\r\n") != "");
  BOOST_TEST(error("Content-Disposition: form-data; name=\"a\"\r\nContent-Transfer-Encoding: "
                   "base64\r\n") ==
             "a part is sent with a Content-Transfer-Encoding, which is not accepted");
  BOOST_TEST(error("Content-Disposition: form-data; name=\"a\"\r\nContent-Transfer-Encoding: "
                   "binary\r\n") == "");
  BOOST_TEST(error("Content-Disposition: form-data; name=\"a\" junk\r\n") ==
             "a header holds text where a ';' should separate parameters");
}

BOOST_AUTO_TEST_CASE(the_number_of_parts_is_limited) {
  std::string body;
  for (int i = 0; i < 33; ++i)
    body += "--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n";
  BOOST_TEST(parse(body + "--XyZ--").error == "the form has more than 32 parts");
  std::string ok;
  for (int i = 0; i < 32; ++i)
    ok += "--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n";
  BOOST_TEST(parse(ok + "--XyZ--").ok());
  BOOST_TEST(parse(ok + "--XyZ--").fields.all().size() == 32u);
}

BOOST_AUTO_TEST_CASE(an_empty_form_and_empty_values) {
  BOOST_TEST(parse("--XyZ--\r\n").ok());
  MultipartForm form =
      parse("--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n\r\n--XyZ--");
  BOOST_TEST_REQUIRE(form.ok(), form.error);
  BOOST_TEST(form.fields.get("") == std::optional<std::string_view>(""));
}

BOOST_AUTO_TEST_SUITE_END()
