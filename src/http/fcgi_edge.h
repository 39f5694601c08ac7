// The FastCGI edge: the only code that touches FCGX_*. It accepts a
// connection, turns it into a Request, and writes back a complete Response.
#pragma once

#include <fcgiapp.h>

#include <cstdint>
#include <functional>
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

  // Reads the request and calls handler with it, or with_error with the
  // status the request must be refused with (400, 413); writes the
  // response; finishes the request. body_limit gives the largest body the
  // request's path may carry (a larger one is refused unread).
  // Log lines written meanwhile carry the
  // request's id (request_builder.h's request_id_of).
  void serve(const std::function<Response(const Request&)>& handler,
             const std::function<Response(int status)>& with_error,
             const std::function<size_t(std::string_view path)>& body_limit);

 private:
  FCGX_Request request_;
  bool accepted_ = false;
  uint64_t served_ = 0;  // for request ids when the web server gives none
};

}  // namespace confsched
