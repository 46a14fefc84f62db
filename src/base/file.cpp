#include "base/file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

namespace stackplan {

std::optional<std::string> read_file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string content_hash(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h = (h ^ c) * 1099511628211ull;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "fnv1a64:%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string write_file_synced(const std::filesystem::path& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return "cannot write " + path.string() + ": " + std::strerror(errno);
  }
  auto failed = [&](int error) {
    ::close(fd);
    ::unlink(path.c_str());
    return "cannot write " + path.string() + ": " + std::strerror(error);
  };
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return failed(errno);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    return failed(errno);
  }
  if (::close(fd) != 0) {
    int error = errno;
    ::unlink(path.c_str());
    return "cannot write " + path.string() + ": " + std::strerror(error);
  }
  return {};
}

DirectoryLock::DirectoryLock(DirectoryLock&& other) noexcept : m_fd(other.m_fd) {
  other.m_fd = -1;
}

DirectoryLock& DirectoryLock::operator=(DirectoryLock&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    m_fd = other.m_fd;
    other.m_fd = -1;
  }
  return *this;
}

DirectoryLock::~DirectoryLock() {
  if (m_fd >= 0) {
    ::close(m_fd);  // releases the flock
  }
}

LockAttempt lock_directory(const std::filesystem::path& dir, bool exclusive,
                           std::chrono::milliseconds timeout,
                           const std::function<void()>& waiting) {
  LockAttempt attempt;
  const std::filesystem::path file = dir / DirectoryLock::k_file;
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    attempt.error = "cannot open the lock file " + file.string() + ": " + std::strerror(errno);
    return attempt;
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool told = false;
  while (true) {
    if (::flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0) {
      attempt.lock = LockAttempt::make(fd);
      return attempt;
    }
    if (errno == EINTR) {
      continue;
    }
    if (errno != EWOULDBLOCK) {
      attempt.error = "cannot lock " + file.string() + ": " + std::strerror(errno);
      ::close(fd);
      return attempt;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout).count();
      attempt.error = "another stackplan process is using " + dir.string() + " (it holds " +
                      file.string() + "); gave up after waiting " + std::to_string(seconds) +
                      " s (STACKPLAN_LOCK_TIMEOUT sets how long)";
      ::close(fd);
      return attempt;
    }
    if (!told && waiting) {
      waiting();
      told = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::chrono::milliseconds lock_timeout() {
  const char* text = std::getenv("STACKPLAN_LOCK_TIMEOUT");
  if (text != nullptr && *text != '\0') {
    char* end = nullptr;
    double seconds = std::strtod(text, &end);
    if (end != nullptr && *end == '\0' && seconds >= 0 && seconds < 86400) {
      return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
    }
  }
  return std::chrono::seconds(60);
}

}  // namespace stackplan
