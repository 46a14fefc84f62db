#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace stackplan {

/// The bytes of a file, or nullopt when it cannot be opened.
std::optional<std::string> read_file_bytes(const std::filesystem::path& path);

/// The content hash stackplan records of a file: "fnv1a64:<16 hex digits>" (FNV-1a, 64 bits).
std::string content_hash(std::string_view bytes);

/// Writes `bytes` to `path` (created or truncated, mode 0644) and syncs it to disk. Returns
/// an error text naming the path and the operating system's reason ("No space left on
/// device"), empty on success; a failed write removes the partial file.
std::string write_file_synced(const std::filesystem::path& path, std::string_view bytes);

/// An advisory lock (flock) on DIR/.stackplan.lock, held until the object is destroyed (or
/// the process ends, however it ends).
class DirectoryLock {
 public:
  DirectoryLock(DirectoryLock&& other) noexcept;
  DirectoryLock& operator=(DirectoryLock&& other) noexcept;
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;
  ~DirectoryLock();

  /// The lock file's name inside the directory.
  static constexpr const char* k_file = ".stackplan.lock";

 private:
  friend struct LockAttempt;
  explicit DirectoryLock(int fd) : m_fd(fd) {}
  int m_fd = -1;
};

/// The outcome of `lock_directory`: a lock, or why there is none.
struct LockAttempt {
  std::optional<DirectoryLock> lock;
  std::string error;  ///< the OS reason, or that another process held it past the timeout

  static DirectoryLock make(int fd) { return DirectoryLock(fd); }
};

/// Locks `dir` (which must exist) exclusively, or shared (`exclusive` false: readers that
/// must not see a half-done write). When another process holds it, calls `waiting` once and
/// retries until `timeout` has passed.
LockAttempt lock_directory(const std::filesystem::path& dir, bool exclusive,
                           std::chrono::milliseconds timeout, const std::function<void()>& waiting);

/// How long commands wait for a lock: STACKPLAN_LOCK_TIMEOUT seconds, else 60 s.
std::chrono::milliseconds lock_timeout();

}  // namespace stackplan
