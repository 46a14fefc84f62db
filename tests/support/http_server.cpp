#include "support/http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <stdexcept>

namespace stackplan::testing {

namespace {

bool send_all(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      return false;
    }
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

const char* reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

}  // namespace

HttpServer::HttpServer(std::function<Response(const Request&)> handler)
    : m_handler(std::move(handler)) {
  m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(m_listen, 16) != 0) {
    throw std::runtime_error("test server cannot listen on 127.0.0.1");
  }
  socklen_t len = sizeof addr;
  ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len);
  m_port = ntohs(addr.sin_port);
  m_thread = std::thread([this] { serve(); });
}

HttpServer::~HttpServer() {
  m_stop = true;
  m_thread.join();
  ::close(m_listen);
}

std::vector<Request> HttpServer::requests() const {
  std::lock_guard<std::mutex> lock(m_mutex);
  return m_requests;
}

void HttpServer::serve() {
  while (!m_stop) {
    pollfd p{m_listen, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) {
      continue;
    }
    int fd = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd >= 0) {
      handle(fd);
      ::close(fd);
    }
  }
}

void HttpServer::handle(int fd) {
  std::string data;
  char buffer[8192];
  std::size_t header_end = std::string::npos;
  while (header_end == std::string::npos) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      return;
    }
    data.append(buffer, static_cast<std::size_t>(n));
    header_end = data.find("\r\n\r\n");
  }
  Request request;
  std::size_t line_end = data.find("\r\n");
  std::string first = data.substr(0, line_end);
  auto sp1 = first.find(' ');
  auto sp2 = first.find(' ', sp1 + 1);
  request.method = first.substr(0, sp1);
  request.path = first.substr(sp1 + 1, sp2 - sp1 - 1);
  std::size_t pos = line_end + 2;
  while (pos < header_end) {
    std::size_t end = data.find("\r\n", pos);
    std::string line = data.substr(pos, end - pos);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (auto& c : name) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      request.headers[name] = value;
    }
    pos = end + 2;
  }
  std::size_t length = 0;
  if (auto it = request.headers.find("content-length"); it != request.headers.end()) {
    length = std::stoul(it->second);
  }
  request.body = data.substr(header_end + 4);
  while (request.body.size() < length) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      break;
    }
    request.body.append(buffer, static_cast<std::size_t>(n));
  }
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_requests.push_back(request);
  }
  Response response = m_handler(request);
  std::size_t declared = response.body.size();
  if (response.fault == Response::Fault::short_length) {
    declared += 100;
  }
  std::string head = "HTTP/1.1 " + std::to_string(response.status) + " " + reason(response.status) +
                     "\r\nConnection: close\r\n";
  if (response.status != 304) {
    head += "Content-Length: " + std::to_string(declared) + "\r\n";
  }
  for (const auto& [k, v] : response.headers) {
    head += k + ": " + v + "\r\n";
  }
  head += "\r\n";
  if (!send_all(fd, head) || response.status == 304) {
    return;
  }
  switch (response.fault) {
    case Response::Fault::none:
    case Response::Fault::short_length:
      send_all(fd, response.body);
      break;
    case Response::Fault::cut_mid_body:
      send_all(fd, response.body.substr(0, response.body.size() / 2));
      break;
    case Response::Fault::stall: {
      const std::size_t half = response.body.size() / 2;
      if (send_all(fd, response.body.substr(0, half))) {
        for (auto waited = std::chrono::milliseconds(0); waited < response.pause && !m_stop;
             waited += std::chrono::milliseconds(50)) {
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        send_all(fd, response.body.substr(half));
      }
      break;
    }
    case Response::Fault::slow:
      for (std::size_t i = 0; i < response.body.size() && !m_stop; i += 16) {
        if (!send_all(fd, response.body.substr(i, 16))) {
          return;
        }
        std::this_thread::sleep_for(response.pause);
      }
      break;
  }
  ::shutdown(fd, SHUT_WR);
}

}  // namespace stackplan::testing
