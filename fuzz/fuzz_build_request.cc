// build_request: the request target and headers a client controls, split
// into CGI parameters. Whatever it accepts has a valid, NUL-free path and
// query; whatever it refuses is refused with 400. The cookie field doubles
// as the web server's request id: request_id_of takes it only when it can
// go into a log line as it is.
#include <map>
#include <string>

#include "fuzz_support.h"
#include "http/request_builder.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz_input(data, size);
  // Input layout: target '\n' cookie '\n' content-length '\n' rest.
  std::string fields[4];
  for (int i = 0; i < 3; ++i) {
    size_t nl = in.find('\n');
    fields[i] = std::string(in.substr(0, nl));
    in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
  }
  fields[3] = std::string(in);
  std::map<std::string, std::string> params = {
      {"REQUEST_METHOD", "GET"},     {"REQUEST_URI", fields[0]}, {"HTTP_COOKIE", fields[1]},
      {"CONTENT_LENGTH", fields[2]}, {"HTTP_HOST", fields[3]},   {"REQUEST_ID", fields[1]}};
  confsched::ParamLookup lookup = [&](const char* name) -> const char* {
    auto it = params.find(name);
    return it == params.end() ? nullptr : it->second.c_str();
  };

  confsched::BodyLength length = confsched::declared_body_length(lookup);
  FUZZ_CHECK(length.refuse_status == 0 || length.refuse_status == 400 ||
             length.refuse_status == 413);
  FUZZ_CHECK(length.bytes <= confsched::kMaxBodyBytes);

  const std::string id = confsched::request_id_of(lookup, "fallback");
  FUZZ_CHECK(id == "fallback" || id == std::string(fields[1].c_str()));
  FUZZ_CHECK(!id.empty() && id.size() <= 64);
  for (char c : id)
    FUZZ_CHECK(c != ' ' && c != '\n' && c != '\r' && c != ':' && c != '=' &&
               static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7f);

  auto built = confsched::build_request(lookup, "");
  if (const int* status = std::get_if<int>(&built)) {
    FUZZ_CHECK(*status == 400);
    return 0;
  }
  const confsched::Request& r = std::get<confsched::Request>(built);
  FUZZ_CHECK(confsched::is_valid_utf8(r.path));
  FUZZ_CHECK(r.path.find('\0') == std::string::npos);
  // Parameters are C strings: a NUL ends them, as it does on the wire.
  FUZZ_CHECK(r.cookie_header == std::string(fields[1].c_str()));
  // Without the front server's token, the session token is a cookie value:
  // never a ';', white space or a control character.
  for (char c : r.session_token)
    FUZZ_CHECK(c != ';' && static_cast<unsigned char>(c) > 0x20 && c != 0x7f);
  for (const auto& [name, value] : r.query.all()) {
    FUZZ_CHECK(confsched::is_valid_utf8(name));
    FUZZ_CHECK(confsched::is_valid_utf8(value));
  }
  return 0;
}
