#pragma once

// What `pricing update` shows while it works. On a terminal: one status line, redrawn, with
// the file being fetched, its bytes (of how many), the rate, and a stall after 10 s without a
// byte. Elsewhere (a log, CI): one line per file as it is done, and a line when a transfer
// stalls for 10 s, saying what it waits for.

#include <chrono>
#include <string>

#include "app/session.hpp"
#include "pricing/http.hpp"

namespace stackplan::app {

class UpdateProgress {
 public:
  /// `live`: redraw a status line on `io.err` (a terminal). `stall_seconds`: how long without
  /// a byte makes a stall.
  UpdateProgress(Io io, bool live, double stall_seconds = k_stall_seconds);
  ~UpdateProgress();
  UpdateProgress(const UpdateProgress&) = delete;
  UpdateProgress& operator=(const UpdateProgress&) = delete;

  /// The next request fetches `what`.
  void fetch(const std::string& what);
  /// A transfer moved (or did not).
  void transfer(const pricing::TransferProgress& progress);
  /// A line of the report: printed on `io.out` whole, the status line cleared first.
  void line(const std::string& text);

  /// Seconds without a byte before a transfer is reported as stalled.
  static constexpr double k_stall_seconds = 10;

 private:
  double m_stall_seconds;
  void clear();

  Io m_io;
  bool m_live;
  std::string m_what;
  bool m_drawn = false;
  bool m_stall_said = false;
};

/// "12.3 MB", "512 B", "1.0 GB": decimal units, one decimal from kB up.
std::string byte_text(long long bytes);

/// The host of a URL ("pricing.us-east-1.amazonaws.com:443" keeps its port).
std::string host_of(const std::string& url);

}  // namespace stackplan::app
