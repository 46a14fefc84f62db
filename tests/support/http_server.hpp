#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace stackplan::testing {

/// A request as the server received it.
struct Request {
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers;  ///< names lower-cased
  std::string body;
};

/// What to send back, including deliberate faults.
struct Response {
  enum class Fault {
    none,
    cut_mid_body,  ///< send half the body, then close
    short_length,  ///< Content-Length larger than the body, then close
    slow,          ///< send the body a few bytes at a time with pauses
    stall,         ///< send half the body, send nothing for `pause`, then the rest
  };
  int status = 200;
  std::map<std::string, std::string> headers;
  std::string body;
  Fault fault = Fault::none;
  std::chrono::milliseconds pause{0};  ///< for slow: pause between chunks; for stall: the stall
};

/// A real HTTP/1.1 server on 127.0.0.1 with an ephemeral port, one connection at a time,
/// `Connection: close`. Stops in its destructor.
class HttpServer {
 public:
  explicit HttpServer(std::function<Response(const Request&)> handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
  std::vector<Request> requests() const;

 private:
  void serve();
  void handle(int fd);

  std::function<Response(const Request&)> m_handler;
  int m_listen = -1;
  int m_port = 0;
  std::atomic<bool> m_stop{false};
  mutable std::mutex m_mutex;
  std::vector<Request> m_requests;
  std::thread m_thread;
};

}  // namespace stackplan::testing
