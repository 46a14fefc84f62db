#include "base/file.hpp"

#include <chrono>
#include <filesystem>

#include <catch2/catch.hpp>

using namespace stackplan;
namespace fs = std::filesystem;

TEST_CASE("content_hash is FNV-1a 64", "[file]") {
  CHECK(content_hash("") == "fnv1a64:cbf29ce484222325");
  CHECK(content_hash("a") == "fnv1a64:af63dc4c8601ec8c");
}

TEST_CASE("write_file_synced writes the bytes or says why not", "[file]") {
  const fs::path dir = fs::temp_directory_path() / "stackplan-file-synced";
  fs::remove_all(dir);
  fs::create_directories(dir);
  CHECK(write_file_synced(dir / "a.txt", "hello\n").empty());
  CHECK(read_file_bytes(dir / "a.txt") == std::optional<std::string>("hello\n"));
  CHECK(write_file_synced(dir / "missing" / "a.txt", "x") ==
        "cannot write " + (dir / "missing" / "a.txt").string() + ": No such file or directory");
  if (fs::exists("/dev/full")) {
    CHECK(write_file_synced("/dev/full", "x") == "cannot write /dev/full: No space left on device");
  }
  fs::remove_all(dir);
}

TEST_CASE("a directory lock excludes another process until released", "[file]") {
  const fs::path dir = fs::temp_directory_path() / "stackplan-file-lock";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // flock locks belong to open files: a second open in this process conflicts like another
  // process would.
  LockAttempt first = lock_directory(dir, true, std::chrono::milliseconds(0), {});
  REQUIRE(first.lock);
  int waited = 0;
  LockAttempt second = lock_directory(dir, true, std::chrono::milliseconds(120), [&] { ++waited; });
  CHECK_FALSE(second.lock);
  CHECK(waited == 1);
  CHECK(second.error.find("another stackplan process is using " + dir.string()) !=
        std::string::npos);
  // Readers share with readers, not with a writer.
  CHECK_FALSE(lock_directory(dir, false, std::chrono::milliseconds(0), {}).lock);
  first.lock.reset();
  LockAttempt reader = lock_directory(dir, false, std::chrono::milliseconds(0), {});
  REQUIRE(reader.lock);
  CHECK(lock_directory(dir, false, std::chrono::milliseconds(0), {}).lock);
  CHECK_FALSE(lock_directory(dir, true, std::chrono::milliseconds(0), {}).lock);
  reader.lock.reset();
  CHECK(lock_directory(dir, true, std::chrono::milliseconds(0), {}).lock);
  CHECK(lock_directory(dir / "absent", true, std::chrono::milliseconds(0), {})
            .error.find("cannot open the lock file") == 0);
  fs::remove_all(dir);
}
