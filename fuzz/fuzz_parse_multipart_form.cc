// parse_multipart_form: the input's first line is the Content-Type, the
// rest the body. What it accepts stays within the limits, is clean where
// it must be (field names and values), and parses to the same form again
// when written back out with the same boundary.
#include <string>

#include "fuzz_support.h"
#include "http/multipart.h"
#include "util/utf8.h"

using confsched::MultipartForm;
using confsched::MultipartLimits;
using confsched::parse_multipart_form;

namespace {

void write_part(std::string& out, const std::string& boundary, const std::string& head,
                const std::string& data) {
  out += "--" + boundary + "\r\n" + head + "\r\n" + data + "\r\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);
  size_t eol = in.find('\n');
  std::string_view type = in.substr(0, eol);
  std::string_view body = eol == std::string_view::npos ? std::string_view() : in.substr(eol + 1);

  MultipartLimits limits;
  limits.max_body_bytes = 8192;
  limits.max_parts = 8;
  limits.max_part_header_bytes = 256;
  MultipartForm form = parse_multipart_form(type, body, limits);
  if (!form.ok()) {
    FUZZ_CHECK(form.status == 400 || form.status == 413 || form.status == 415);
    FUZZ_CHECK(!form.error.empty());
    FUZZ_CHECK(form.fields.all().empty() && form.files.empty());
    return 0;
  }
  FUZZ_CHECK(body.size() <= limits.max_body_bytes);
  FUZZ_CHECK(form.fields.all().size() + form.files.size() <= limits.max_parts);

  std::string error;
  const std::string boundary = confsched::multipart_boundary(type, error);
  FUZZ_CHECK(!boundary.empty() && boundary.size() <= 70);
  auto clean_name = [](const std::string& s) {
    return s.find_first_of(std::string("\"\r\n\0", 4)) == std::string::npos &&
           confsched::is_valid_utf8(s);
  };
  std::string again;
  for (const auto& [name, value] : form.fields.all()) {
    FUZZ_CHECK(clean_name(name));
    FUZZ_CHECK(confsched::is_valid_utf8(value) && value.find('\0') == std::string::npos);
    write_part(again, boundary, "Content-Disposition: form-data; name=\"" + name + "\"\r\n", value);
  }
  for (const auto& file : form.files) {
    FUZZ_CHECK(clean_name(file.name) && clean_name(file.filename));
    FUZZ_CHECK(body.find(file.data) != std::string_view::npos);
    std::string head = "Content-Disposition: form-data; name=\"" + file.name + "\"; filename=\"" +
                       file.filename + "\"\r\n";
    if (!file.content_type.empty()) head += "Content-Type: " + file.content_type + "\r\n";
    write_part(again, boundary, head, file.data);
  }
  again += "--" + boundary + "--\r\n";

  MultipartLimits roomy = limits;
  roomy.max_body_bytes = again.size();
  roomy.max_part_header_bytes = 4 * limits.max_part_header_bytes;
  MultipartForm reparsed =
      parse_multipart_form("multipart/form-data; boundary=\"" + boundary + "\"", again, roomy);
  FUZZ_CHECK(reparsed.ok());
  FUZZ_CHECK(reparsed.fields.all() == form.fields.all());
  FUZZ_CHECK(reparsed.files.size() == form.files.size());
  for (size_t i = 0; i < form.files.size(); ++i) {
    FUZZ_CHECK(reparsed.files[i].name == form.files[i].name);
    FUZZ_CHECK(reparsed.files[i].filename == form.files[i].filename);
    FUZZ_CHECK(reparsed.files[i].content_type == form.files[i].content_type);
    FUZZ_CHECK(reparsed.files[i].data == form.files[i].data);
  }
  return 0;
}
