#include "http/request_builder.h"

#include <strings.h>

#include <charconv>

#include "http/cookie.h"
#include "http/percent.h"
#include "util/utf8.h"

namespace confsched {

namespace {

std::string param(const ParamLookup& params, const char* name) {
  const char* value = params(name);
  return value ? std::string(value) : std::string();
}

// Debian's fastcgi_params sends HTTP_HOST as nginx's $host, which has lost
// the port, and libfcgi keeps the first of two same-named parameters. The
// Origin a browser sends has the port, so put it back from SERVER_PORT
// unless it is the scheme's default.
std::string host_with_port(std::string host, const std::string& server_port, bool https) {
  if (host.empty() || server_port.empty()) return host;
  size_t bracket = host.rfind(']');
  size_t colon = host.rfind(':');
  bool has_port = colon != std::string::npos && (bracket == std::string::npos || colon > bracket);
  if (has_port || server_port == (https ? "443" : "80")) return host;
  return host + ":" + server_port;
}

// REQUEST_URI, or for servers that do not send it (plain CGI) the parts.
std::string raw_target(const ParamLookup& params) {
  std::string target = param(params, "REQUEST_URI");
  if (target.empty()) {
    target = param(params, "SCRIPT_NAME") + param(params, "PATH_INFO");
    std::string query = param(params, "QUERY_STRING");
    if (!query.empty()) {
      target += '?';
      target += query;
    }
  }
  if (target.empty()) target = "/";
  return target;
}

std::optional<std::string> decode_path(std::string_view raw_target) {
  auto path = percent_decode(raw_target.substr(0, raw_target.find('?')), PlusMeans::kPlus);
  if (!path || !is_valid_utf8(*path)) return std::nullopt;
  return path;
}

bool is_safe_request_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '@' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string request_id_of(const ParamLookup& params, std::string fallback) {
  for (const char* name : {"REQUEST_ID", "UNIQUE_ID"}) {
    std::string id = param(params, name);
    if (is_safe_request_id(id)) return id;
  }
  return fallback;
}

BodyLength declared_body_length(const ParamLookup& params, size_t limit) {
  std::string text = param(params, "CONTENT_LENGTH");
  if (text.empty()) return {};
  size_t bytes = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), bytes);
  if (r.ec == std::errc::result_out_of_range) return {0, 413};
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return {0, 400};
  if (bytes > limit) return {0, 413};
  return {bytes, 0};
}

std::optional<std::string> request_path(const ParamLookup& params) {
  return decode_path(raw_target(params));
}

std::variant<Request, int> build_request(const ParamLookup& params, std::string body) {
  Request r;
  r.method = param(params, "REQUEST_METHOD");
  r.raw_target = raw_target(params);

  size_t question = r.raw_target.find('?');
  std::string_view raw_query = question == std::string::npos
                                   ? std::string_view()
                                   : std::string_view(r.raw_target).substr(question + 1);
  auto path = decode_path(r.raw_target);
  if (!path) return 400;
  r.path = std::move(*path);
  auto query = parse_urlencoded(raw_query);
  if (!query) return 400;
  r.query = std::move(*query);

  r.body = std::move(body);
  r.content_type = param(params, "CONTENT_TYPE");
  r.cookie_header = param(params, "HTTP_COOKIE");
  r.if_none_match = param(params, "HTTP_IF_NONE_MATCH");
  r.accept_encoding = param(params, "HTTP_ACCEPT_ENCODING");
  r.origin = param(params, "HTTP_ORIGIN");
  r.sec_fetch_site = param(params, "HTTP_SEC_FETCH_SITE");
  r.remote_addr = param(params, "REMOTE_ADDR");
  std::string https = param(params, "HTTPS");
  r.https = (!https.empty() && strcasecmp(https.c_str(), "off") != 0) ||
            param(params, "REQUEST_SCHEME") == "https";
  r.host = host_with_port(param(params, "HTTP_HOST"), param(params, "SERVER_PORT"), r.https);
  // Present (even empty) means the front server decided what the token is:
  // one reading of the Cookie header, nginx's, for the cache and the app.
  if (const char* token = params("CONFSCHED_SESSION"))
    r.session_token = token;
  else
    r.session_token = find_cookie(r.cookie_header, session_cookie_name(r.https)).value_or("");
  r.front_cache = param(params, "CONFSCHED_FRONT_CACHE");
  // It becomes a header: printable ASCII only, or the front gets nothing.
  for (char c : r.front_cache)
    if (c < 0x20 || c > 0x7e) {
      r.front_cache.clear();
      break;
    }
  return r;
}

}  // namespace confsched
