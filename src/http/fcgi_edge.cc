#include "http/fcgi_edge.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>

#include "http/request_builder.h"
#include "util/log.h"

namespace confsched {

FcgiConnection::FcgiConnection(int listen_fd) { FCGX_InitRequest(&request_, listen_fd, 0); }

FcgiConnection::~FcgiConnection() {
  if (accepted_) FCGX_Finish_r(&request_);
  FCGX_Free(&request_, 1);
}

AcceptResult FcgiConnection::accept() {
  int rc = FCGX_Accept_r(&request_);
  accepted_ = rc == 0;
  if (accepted_) return AcceptResult::kAccepted;
  // libfcgi returns -errno.
  if (rc == -EAGAIN || rc == -EWOULDBLOCK || rc == -EINTR) return AcceptResult::kNone;
  return AcceptResult::kFailed;
}

void FcgiConnection::serve(const Handlers& handlers) {
  // Parameter pointers die at the next Accept/Finish; build_request copies.
  ParamLookup params = [this](const char* name) { return FCGX_GetParam(name, request_.envp); };
  LogRequestScope log_scope(
      request_id_of(params, std::to_string(getpid()) + "-" + std::to_string(++served_)));
  const std::string method = params("REQUEST_METHOD") ? params("REQUEST_METHOD") : "";

  Response response;
  bool read_to_end = false;
  // A path that will not decode gets the smallest limit; build_request
  // refuses it anyway.
  auto path = request_path(params);
  BodyLength length =
      declared_body_length(params, path ? handlers.body_limit(*path) : kMaxBodyBytes);
  auto head = build_request(params, std::string());
  if (length.refuse_status != 0) {
    // Refused before reading: a 10 GB body costs us nothing.
    response = handlers.refuse(length.refuse_status);
  } else if (auto* status = std::get_if<int>(&head)) {
    response = handlers.refuse(*status);
  } else {
    Request& request = std::get<Request>(head);
    // A body above the common limit is read only if its sender may send one.
    std::optional<Response> refused;
    if (length.bytes > kMaxBodyBytes) refused = handlers.admit_body(request);
    if (refused) {
      response = std::move(*refused);
    } else {
      std::string body(length.bytes, '\0');
      int got = length.bytes == 0
                    ? 0
                    : FCGX_GetStr(body.data(), static_cast<int>(length.bytes), request_.in);
      // The end of the body must follow; GetChar sees it without waiting,
      // since the server sends it with (or right after) the parameters.
      read_to_end = got >= 0 && FCGX_GetChar(request_.in) == EOF;
      if (got < 0 || static_cast<size_t>(got) != length.bytes) {
        response = handlers.refuse(400);  // the body ended before its declared length
      } else {
        request.body = std::move(body);
        response = handlers.handle(request);
      }
    }
  }

  const bool omit_body = method == "HEAD" || response.status == 304 || response.status == 204;
  const std::string wire = response.serialize(omit_body);
  // A client that went away makes this fail; there is nobody to tell.
  FCGX_PutStr(wire.data(), static_cast<int>(wire.size()), request_.out);
  // libfcgi normally ends a connection with a lingering close: shutdown,
  // then wait for the server to close its end. A single-threaded worker
  // sits idle for that round trip on every request. When everything the
  // server sent has been read, a plain close() is safe (no unread input, so
  // no TCP reset can destroy the response), and a detached request gets
  // one.
  if (read_to_end) FCGX_Detach(&request_);
  FCGX_Finish_r(&request_);
  accepted_ = false;
}

}  // namespace confsched
