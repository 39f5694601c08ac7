// libcurl behind one function (sync/fetch.h). Each C handle is owned by a
// unique_ptr with its cleanup function.
#include "sync/fetch.h"

#include <curl/curl.h>

#include <memory>

#include "util/web_url.h"

namespace confsched {

namespace {

struct EasyCleanup {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct ListCleanup {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using Easy = std::unique_ptr<CURL, EasyCleanup>;
using HeaderList = std::unique_ptr<curl_slist, ListCleanup>;

struct Sink {
  std::string body;
  size_t max_bytes = 0;
  bool too_large = false;
};

// CURLOPT_WRITEFUNCTION: returning less than given aborts the transfer
// (CURLE_WRITE_ERROR), which is how a body past the limit stops being read,
// also when it came without a Content-Length or compressed.
size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t n = size * count;
  if (sink->body.size() + n > sink->max_bytes) {
    sink->too_large = true;
    return 0;
  }
  sink->body.append(data, n);
  return n;
}

void add_header(HeaderList& list, const std::string& line) {
  curl_slist* grown = curl_slist_append(list.get(), line.c_str());
  if (grown == nullptr) throw std::bad_alloc();
  (void)list.release();  // curl_slist_append returned the same list, grown
  list.reset(grown);
}

// The last response's header `name`, "" when absent or unfit to send back.
std::string response_header(CURL* h, const char* name) {
  curl_header* header = nullptr;
  if (curl_easy_header(h, name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK || header == nullptr)
    return "";
  std::string value = header->value;
  return usable_validator(value) ? value : "";
}

bool ensure_global_init() {
  // Once per process (curl_global_init is not thread-safe; the commands
  // that fetch are single-threaded).
  static const bool ok = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  return ok;
}

FetchResult failed(std::string error) {
  FetchResult r;
  r.error = std::move(error);
  return r;
}

}  // namespace

bool usable_validator(std::string_view value) {
  if (value.empty() || value.size() > 500) return false;
  for (char ch : value)
    if (ch < 0x20 || ch > 0x7e) return false;
  return true;
}

FetchResult fetch_url(const FetchRequest& request) {
  if (!ensure_global_init()) return failed("libcurl could not start");
  Easy easy(curl_easy_init());
  if (!easy) return failed("libcurl could not start");
  CURL* h = easy.get();
  Sink sink;
  sink.max_bytes = request.max_bytes;
  char error_text[CURL_ERROR_SIZE] = {};
  HeaderList headers;
  if (usable_validator(request.etag)) add_header(headers, "If-None-Match: " + request.etag);
  if (usable_validator(request.last_modified))
    add_header(headers, "If-Modified-Since: " + request.last_modified);

  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https,file");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(h, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(request.timeout_s));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT,
                   static_cast<long>(request.timeout_s < 10 ? request.timeout_s : 10));
  curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_bytes));
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // what libcurl can decode
  curl_easy_setopt(h, CURLOPT_USERAGENT, "confsched-sync");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_text);

  const CURLcode code = curl_easy_perform(h);
  const std::string where = url_for_display(request.url);
  if (sink.too_large || code == CURLE_FILESIZE_EXCEEDED)
    return failed(where + ": larger than " + std::to_string(request.max_bytes) + " bytes");
  if (code != CURLE_OK)
    return failed(where + ": " + (error_text[0] ? error_text : curl_easy_strerror(code)));
  FetchResult result;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &result.status);
  if (result.status == 304) {
    result.kind = FetchResult::Kind::kNotModified;
    return result;
  }
  if (result.status != 0 && result.status != 200)
    return failed(where + ": HTTP " + std::to_string(result.status));
  result.kind = FetchResult::Kind::kBody;
  result.body = std::move(sink.body);
  if (result.status == 200) {
    result.etag = response_header(h, "ETag");
    result.last_modified = response_header(h, "Last-Modified");
  }
  return result;
}

}  // namespace confsched
