// The FastCGI edge: the only code that touches FCGX_*. It accepts a
// connection, turns it into a Request, and writes back a complete Response.
#pragma once

#include <fcgiapp.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "http/request.h"
#include "http/response.h"

namespace confsched {

enum class AcceptResult {
  kAccepted,
  kNone,    // the (non-blocking) listening socket had no connection after all
  kFailed,  // the listening socket is unusable
};

// RAII over one FCGX_Request bound to a listening socket.
class FcgiConnection {
 public:
  // FCGX_Init must have run once in this process.
  explicit FcgiConnection(int listen_fd);
  FcgiConnection(const FcgiConnection&) = delete;
  FcgiConnection& operator=(const FcgiConnection&) = delete;
  ~FcgiConnection();

  // Accepts a connection and reads its request head.
  AcceptResult accept();

  // What serve() asks of the application.
  struct Handlers {
    // The response to a whole request.
    std::function<Response(const Request&)> handle;
    // The response for a request refused as such (400, 413).
    std::function<Response(int status)> refuse;
    // The largest body the request's path may carry (a larger one is
    // refused unread).
    std::function<size_t(std::string_view path)> body_limit;
    // For a body above kMaxBodyBytes (which only some paths allow), asked
    // with the request's head before a byte of it is read: a response that
    // refuses the request, or nullopt to read the body. So only those
    // allowed to upload make the worker read an upload.
    std::function<std::optional<Response>(const Request& head)> admit_body;
  };

  // Reads the request and answers it through handlers; writes the response;
  // finishes the request. Log lines written meanwhile carry the request's
  // id (request_builder.h's request_id_of).
  void serve(const Handlers& handlers);

 private:
  FCGX_Request request_;
  bool accepted_ = false;
  uint64_t served_ = 0;  // for request ids when the web server gives none
};

}  // namespace confsched
