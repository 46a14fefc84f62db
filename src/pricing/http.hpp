#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace stackplan::pricing {

/// How far a transfer has come, for progress and stall reports.
struct TransferProgress {
  std::string url;
  long long received = 0;   ///< body bytes so far
  long long total = -1;     ///< the body's length; -1 while unknown
  double seconds = 0;       ///< since the request started
  double idle_seconds = 0;  ///< since the last byte arrived (or the request started)
  int attempt = 1;
  bool done = false;  ///< the last call of a transfer, however it ended
};

/// How the client retries and times out. Defaults suit the AWS Price List endpoints.
struct HttpPolicy {
  int attempts = 5;                              ///< tries per request
  std::chrono::milliseconds first_backoff{500};  ///< doubled after each failure
  std::chrono::milliseconds max_backoff{16'000};
  long connect_timeout_seconds = 10;
  long low_speed_bytes_per_second = 1024;  ///< abort a transfer slower than this ...
  long low_speed_seconds = 30;             ///< ... for this long
  /// Called as transfers go (at most ten times a second, and once more when one ends).
  std::function<void(const TransferProgress&)> on_progress;
};

/// AWS credentials for SigV4; never printed or logged.
struct AwsCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;
};

struct HttpResult {
  long status = 0;    ///< HTTP status; 0 when no response arrived
  std::string etag;   ///< ETag of the response, if any
  std::string body;   ///< the body, for requests that keep it in memory
  std::string error;  ///< transport or final HTTP failure, empty on success
  int attempts = 0;
  bool not_modified() const { return status == 304; }
};

/// What `pricing update` needs from the network.
class Http {
 public:
  virtual ~Http() = default;

  /// GETs `url` into the file `path` (created or truncated). With `etag`, sends If-None-Match
  /// and returns status 304 without touching `path` when the file is unchanged. Retries 5xx,
  /// 429 and transport failures with exponential backoff; a body shorter than its
  /// Content-Length is a failure.
  virtual HttpResult download(const std::string& url, const std::string& path,
                              const std::string& etag) = 0;

  /// GETs `url` into memory (index files).
  virtual HttpResult get(const std::string& url) = 0;

  /// POSTs a JSON 1.1 body to an AWS JSON API, signed with SigV4 for `region`/`service`.
  /// `retryable(status, body)` decides which error responses are retried (throttling).
  virtual HttpResult aws_json_post(
      const std::string& url, const std::string& target, const std::string& body,
      const AwsCredentials& credentials, const std::string& region, const std::string& service,
      const std::function<bool(long, const std::string&)>& retryable) = 0;
};

/// The only code in stackplan that talks to the network (libcurl). It lives in the
/// stackplan-http module, which `stackplan` loads only for `pricing update` (http_loader.hpp).
class HttpClient final : public Http {
 public:
  explicit HttpClient(HttpPolicy policy = {});
  ~HttpClient() override;
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResult download(const std::string& url, const std::string& path,
                      const std::string& etag) override;
  HttpResult get(const std::string& url) override;
  HttpResult aws_json_post(const std::string& url, const std::string& target,
                           const std::string& body, const AwsCredentials& credentials,
                           const std::string& region, const std::string& service,
                           const std::function<bool(long, const std::string&)>& retryable) override;

  /// Replaces sleeping between retries (tests).
  void set_sleep(std::function<void(std::chrono::milliseconds)> sleep) {
    m_sleep = std::move(sleep);
  }

 private:
  HttpResult perform(const std::string& url, const std::vector<std::string>& headers,
                     const std::string* post_body, const std::string* file_path,
                     const AwsCredentials* credentials, const std::string& sigv4,
                     const std::function<bool(long, const std::string&)>& retryable);

  HttpPolicy m_policy;
  std::function<void(std::chrono::milliseconds)> m_sleep;
};

}  // namespace stackplan::pricing

/// The module's entry point: a new HttpClient with `policy`.
extern "C" stackplan::pricing::Http* stackplan_http_client_create(
    const stackplan::pricing::HttpPolicy* policy);
