#include "app/progress.hpp"

#include <cstdio>
#include <ostream>

#include "base/terminal.hpp"

namespace stackplan::app {

std::string byte_text(long long bytes) {
  static const char* const k_units[] = {"kB", "MB", "GB", "TB"};
  if (bytes < 1000) {
    return std::to_string(bytes) + " B";
  }
  double value = static_cast<double>(bytes) / 1000;
  std::size_t unit = 0;
  while (value >= 1000 && unit + 1 < std::size(k_units)) {
    value /= 1000;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.1f %s", value, k_units[unit]);
  return text;
}

std::string host_of(const std::string& url) {
  const std::size_t scheme = url.find("://");
  const std::size_t start = scheme == std::string::npos ? 0 : scheme + 3;
  const std::size_t end = url.find_first_of("/?#", start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

UpdateProgress::UpdateProgress(Io io, bool live, double stall_seconds)
    : m_stall_seconds(stall_seconds), m_io(io), m_live(live) {}

UpdateProgress::~UpdateProgress() {
  clear();
}

void UpdateProgress::clear() {
  if (m_drawn) {
    m_io.err << "\r\033[K";
    m_io.err.flush();
    m_drawn = false;
  }
}

void UpdateProgress::fetch(const std::string& what) {
  m_what = what;
  m_stall_said = false;
}

void UpdateProgress::transfer(const pricing::TransferProgress& p) {
  const bool stalled = !p.done && p.idle_seconds >= m_stall_seconds;
  const std::string waiting = p.received == 0
                                  ? "waiting for " + host_of(p.url) + " to answer"
                                  : "waiting for the rest of the body from " + host_of(p.url);
  if (!m_live) {
    // A log gets one line a stall, not a redrawn bar.
    if (stalled && !m_stall_said) {
      m_io.err << "stackplan: " << m_what << ": no data for " << static_cast<int>(p.idle_seconds)
               << " s; " << waiting << " (" << byte_text(p.received) << " so far"
               << (p.attempt > 1 ? ", try " + std::to_string(p.attempt) : std::string()) << ")\n";
      m_io.err.flush();
      m_stall_said = true;
    } else if (!stalled) {
      m_stall_said = false;
    }
    return;
  }
  if (p.done) {
    clear();
    return;
  }
  std::string status = m_what + ": " + byte_text(p.received);
  if (p.total > 0) {
    status += " of " + byte_text(p.total);
  }
  if (p.seconds >= 0.5) {
    status += ", " +
              byte_text(static_cast<long long>(static_cast<double>(p.received) / p.seconds)) + "/s";
  }
  if (p.attempt > 1) {
    status += ", try " + std::to_string(p.attempt);
  }
  if (stalled) {
    status +=
        "; no data for " + std::to_string(static_cast<int>(p.idle_seconds)) + " s, " + waiting;
  }
  const std::size_t width = m_io.width_err > 1 ? m_io.width_err - 1 : 79;
  if (visible_width(status) > width) {
    status = status.substr(0, width);  // ASCII: labels, numbers and host names
  }
  m_io.err << "\r\033[K" << (stalled ? paint(status, Tone::warning, m_io.color_err) : status);
  m_io.err.flush();
  m_drawn = true;
}

void UpdateProgress::line(const std::string& text) {
  clear();
  m_io.out << text << '\n';
  m_io.out.flush();
}

}  // namespace stackplan::app
