#include "pricing/http.hpp"

#include <curl/curl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <thread>

namespace stackplan::pricing {

namespace {

struct Sink {
  std::FILE* file = nullptr;
  std::string* memory = nullptr;
  curl_off_t received = 0;
  bool write_failed = false;
  int write_error = 0;  ///< errno of the failed write
};

int write_errno(const Sink& sink) {
  return sink.write_error != 0 ? sink.write_error : EIO;
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  std::size_t n = size * count;
  if (sink->file != nullptr) {
    if (std::fwrite(data, 1, n, sink->file) != n) {
      sink->write_failed = true;
      sink->write_error = errno;
      return 0;
    }
  } else if (sink->memory != nullptr) {
    sink->memory->append(data, n);
  }
  sink->received += static_cast<curl_off_t>(n);
  return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* etag = static_cast<std::string*>(user);
  std::string line(data, size * count);
  if (line.size() > 5 && (line.compare(0, 5, "ETag:") == 0 || line.compare(0, 5, "etag:") == 0)) {
    std::string value = line.substr(5);
    auto begin = value.find_first_not_of(" \t");
    auto end = value.find_last_not_of(" \t\r\n");
    *etag = begin == std::string::npos ? "" : value.substr(begin, end - begin + 1);
  }
  return size * count;
}

/// The state of one transfer's progress reports.
struct ProgressState {
  const std::function<void(const TransferProgress&)>* report = nullptr;
  TransferProgress progress;
  std::chrono::steady_clock::time_point start;
  std::chrono::steady_clock::time_point last_byte;
  std::chrono::steady_clock::time_point last_report;
};

int on_progress(void* user, curl_off_t total, curl_off_t now, curl_off_t, curl_off_t) {
  auto* state = static_cast<ProgressState*>(user);
  const auto at = std::chrono::steady_clock::now();
  if (now != state->progress.received) {
    state->last_byte = at;
  }
  state->progress.received = now;
  state->progress.total = total > 0 ? total : -1;
  state->progress.seconds = std::chrono::duration<double>(at - state->start).count();
  state->progress.idle_seconds = std::chrono::duration<double>(at - state->last_byte).count();
  if (at - state->last_report >= std::chrono::milliseconds(100)) {
    state->last_report = at;
    (*state->report)(state->progress);
  }
  return 0;
}

bool transient(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

struct GlobalInit {
  GlobalInit() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~GlobalInit() { curl_global_cleanup(); }
};

}  // namespace

HttpClient::HttpClient(HttpPolicy policy)
    : m_policy(policy),
      m_sleep([](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); }) {
  static GlobalInit init;
}

HttpClient::~HttpClient() = default;

HttpResult HttpClient::download(const std::string& url, const std::string& path,
                                const std::string& etag) {
  std::vector<std::string> headers;
  if (!etag.empty()) {
    headers.push_back("If-None-Match: " + etag);
  }
  return perform(url, headers, nullptr, &path, nullptr, "", {});
}

HttpResult HttpClient::get(const std::string& url) {
  return perform(url, {}, nullptr, nullptr, nullptr, "", {});
}

HttpResult HttpClient::aws_json_post(
    const std::string& url, const std::string& target, const std::string& body,
    const AwsCredentials& credentials, const std::string& region, const std::string& service,
    const std::function<bool(long, const std::string&)>& retryable) {
  std::vector<std::string> headers = {"Content-Type: application/x-amz-json-1.1",
                                      "X-Amz-Target: " + target, "Accept: application/json"};
  if (!credentials.session_token.empty()) {
    headers.push_back("x-amz-security-token: " + credentials.session_token);
  }
  return perform(url, headers, &body, nullptr, &credentials, "aws:amz:" + region + ":" + service,
                 retryable);
}

HttpResult HttpClient::perform(const std::string& url, const std::vector<std::string>& headers,
                               const std::string* post_body, const std::string* file_path,
                               const AwsCredentials* credentials, const std::string& sigv4,
                               const std::function<bool(long, const std::string&)>& retryable) {
  HttpResult result;
  auto backoff = m_policy.first_backoff;
  for (int attempt = 1; attempt <= m_policy.attempts; ++attempt) {
    result = HttpResult{};
    result.attempts = attempt;
    CURL* curl = curl_easy_init();
    if (curl == nullptr) {
      result.error = "cannot initialise libcurl";
      return result;
    }
    Sink sink;
    std::string memory;
    if (file_path != nullptr) {
      sink.file = std::fopen(file_path->c_str(), "wb");
      if (sink.file == nullptr) {
        result.error = "cannot write " + *file_path + ": " + std::strerror(errno);
        curl_easy_cleanup(curl);
        return result;
      }
    } else {
      sink.memory = &memory;
    }
    curl_slist* list = nullptr;
    for (const auto& h : headers) {
      list = curl_slist_append(list, h.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &result.etag);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, m_policy.connect_timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, m_policy.low_speed_bytes_per_second);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, m_policy.low_speed_seconds);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip when the server offers it
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "stackplan");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    ProgressState progress;
    if (m_policy.on_progress) {
      progress.report = &m_policy.on_progress;
      progress.progress.url = url;
      progress.progress.attempt = attempt;
      progress.start = progress.last_byte = progress.last_report = std::chrono::steady_clock::now();
      curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
      curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
      curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &progress);
    }
    if (post_body != nullptr) {
      curl_easy_setopt(curl, CURLOPT_POST, 1L);
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, post_body->data());
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                       static_cast<curl_off_t>(post_body->size()));
    }
    std::string userpwd;
    if (credentials != nullptr) {
      userpwd = credentials->access_key_id + ":" + credentials->secret_access_key;
      curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, sigv4.c_str());
      curl_easy_setopt(curl, CURLOPT_USERPWD, userpwd.c_str());
    }
    CURLcode code = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.status);
    curl_off_t expected = -1;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &expected);
    if (m_policy.on_progress) {
      progress.progress.done = true;
      m_policy.on_progress(progress.progress);
    }
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    std::fill(userpwd.begin(), userpwd.end(), '\0');
    bool closed_ok = true;
    if (sink.file != nullptr) {
      const bool flushed = std::fclose(sink.file) == 0;
      if (!flushed && sink.write_error == 0) {
        sink.write_error = errno;
      }
      closed_ok = flushed && !sink.write_failed;
    }
    result.body = std::move(memory);

    bool retry = false;
    if (!closed_ok) {
      result.error = "cannot write " + *file_path + ": " + std::strerror(write_errno(sink));
      return result;
    }
    const bool sent_etag = std::any_of(headers.begin(), headers.end(), [](const std::string& h) {
      return h.rfind("If-None-Match:", 0) == 0;
    });
    if (code != CURLE_OK) {
      result.error = curl_easy_strerror(code);
      retry = transient(code);
    } else if (result.status == 200 && expected >= 0 && sink.received != expected) {
      result.error = "body ended after " + std::to_string(sink.received) + " of " +
                     std::to_string(expected) + " bytes";
      retry = true;
    } else if (result.status == 304 && !sent_etag) {
      result.error = "HTTP 304 Not Modified answered a request that sent no ETag (nothing to keep)";
    } else if (result.status == 200 || result.status == 304) {
      return result;
    } else {
      result.error = "HTTP " + std::to_string(result.status);
      retry = result.status >= 500 || result.status == 429 ||
              (retryable && retryable(result.status, result.body));
    }
    if (!retry || attempt == m_policy.attempts) {
      return result;
    }
    m_sleep(backoff);
    backoff = std::min(backoff * 2, m_policy.max_backoff);
  }
  return result;
}

}  // namespace stackplan::pricing

extern "C" stackplan::pricing::Http* stackplan_http_client_create(
    const stackplan::pricing::HttpPolicy* policy) {
  return new stackplan::pricing::HttpClient(*policy);
}
