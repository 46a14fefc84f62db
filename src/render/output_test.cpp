#include <catch2/catch.hpp>

#include "golden.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/file.hpp"
#include "render/output.hpp"

namespace {
std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

namespace fs = std::filesystem;
using namespace stackplan::render;

TEST_CASE("only plain relative paths are written", "[output]") {
  CHECK(safe_relative_path("terraform/main.tf"));
  CHECK(safe_relative_path("app/s3-sync.sh"));
  CHECK_FALSE(safe_relative_path("/etc/passwd"));
  CHECK_FALSE(safe_relative_path("../x.tf"));
  CHECK_FALSE(safe_relative_path("terraform/../../x.tf"));
  CHECK_FALSE(safe_relative_path("terraform//x.tf"));
  CHECK_FALSE(safe_relative_path("terraform/./x.tf"));
  CHECK_FALSE(safe_relative_path("a b.tf"));
  CHECK_FALSE(safe_relative_path(""));

  fs::path out = stackplan::testing::temp_path("stackplan-output-test-unsafe");
  fs::remove_all(out);
  WriteResult r = write_files({{"terraform/ok.tf", "a\n"}, {"../escape.tf", "b\n"}}, out.string(),
                              {false, false, {"terraform/"}});
  CHECK(r.exit_code == 2);
  CHECK(!fs::exists(out));
}

TEST_CASE("writes are all or nothing and the manifest tracks hashes", "[output]") {
  fs::path out = stackplan::testing::temp_path("stackplan-output-test-manifest");
  fs::remove_all(out);
  WriteResult r = write_files({{"terraform/a.tf", "a\n"}, {"terraform/b.tf", "b\n"}}, out.string(),
                              {false, false, {"terraform/"}});
  REQUIRE(r.exit_code == 0);
  CHECK(r.written == 2);
  std::string manifest = slurp(out / ".stackplan-manifest.json");
  CHECK(manifest.find("\"terraform/a.tf\": \"" + stackplan::content_hash("a\n") + "\"") !=
        std::string::npos);

  // Make one destination unwritable (a folder where the file goes): nothing is written.
  fs::create_directories(out / "terraform/c.tf");
  r = write_files({{"terraform/a.tf", "a2\n"}, {"terraform/c.tf", "c\n"}}, out.string(),
                  {false, true, {"terraform/"}});
  CHECK(r.exit_code == 3);
  CHECK(slurp(out / "terraform/a.tf") == "a\n");
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    CHECK(e.path().string().find("stackplan-tmp") == std::string::npos);
  }
  fs::remove_all(out);
}

namespace {
struct Killed {};

/// What `render --check` would say of `out` for `files`.
std::vector<std::string> drift_of(const std::vector<File>& files, const fs::path& out) {
  std::vector<std::string> lines;
  for (const Drift& d : find_drift(files, out.string(), {"terraform/"})) {
    lines.push_back(describe(d));
  }
  return lines;
}
}  // namespace

TEST_CASE("a render killed at any step is finished or undone by the next one", "[output]") {
  const std::vector<File> old_files = {{"terraform/a.tf", "a1\n"}, {"terraform/db.tf", "db\n"}};
  const std::vector<File> new_files = {{"terraform/a.tf", "a2\n"}, {"terraform/b.tf", "b2\n"}};
  for (const std::string stop_at : {"staged", "committed", "moved terraform/a.tf"}) {
    INFO(stop_at);
    fs::path out = stackplan::testing::temp_path("stackplan-output-test-killed");
    fs::remove_all(out);
    REQUIRE(write_files(old_files, out.string(), {false, false, {"terraform/"}}).exit_code == 0);
    WriteOptions killed{false, false, {"terraform/"}};
    killed.on_step = [&](const std::string& step) {
      if (step == stop_at) {
        throw Killed{};
      }
    };
    CHECK_THROWS_AS(write_files(new_files, out.string(), killed), Killed);

    // --check never calls the folder up to date in between.
    const auto old_drift = drift_of(old_files, out);
    const auto new_drift = drift_of(new_files, out);
    CHECK_FALSE(old_drift.empty());
    CHECK_FALSE(new_drift.empty());
    if (stop_at == "staged") {
      CHECK(std::find(old_drift.begin(), old_drift.end(),
                      "terraform/a.tf.stackplan-tmp: a staged file of an interrupted render") !=
            old_drift.end());
    } else {
      CHECK(new_drift.front() ==
            ".stackplan-journal.json: a render was interrupted while moving files into place; "
            "run stackplan render to finish it");
    }

    // The next render of the old files: an uncommitted render is as if it never ran; a
    // committed one is finished first, then replaced.
    WriteResult next = write_files(old_files, out.string(), {false, false, {"terraform/"}});
    CHECK(next.exit_code == 0);
    REQUIRE(next.notes.size() == 1);
    CHECK(next.notes[0].rfind(stop_at == "staged" ? "removed 3 staged files"
                                                  : "finished an interrupted render: 3 files",
                              0) == 0);
    CHECK(drift_of(old_files, out).empty());
    CHECK_FALSE(fs::exists(out / "terraform/b.tf"));
    fs::remove_all(out);
  }
}

TEST_CASE("what is in the way is named, and a failed write removes the folders it made",
          "[output]") {
  fs::path out = stackplan::testing::temp_path("stackplan-output-test-in-the-way");
  fs::remove_all(out);
  fs::create_directories(out / "terraform/a.tf");
  WriteResult r = write_files({{"terraform/a.tf", "a\n"}}, out.string(), {false, true, {}});
  CHECK(r.exit_code == 3);
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] == "cannot write " + (out / "terraform/a.tf").generic_string() +
                             ": a directory is in the way");
  CHECK(drift_of({{"terraform/a.tf", "a\n"}}, out) ==
        std::vector<std::string>{
            "terraform/a.tf: a directory is in the way of the file the spec renders"});
  fs::remove_all(out);

  // app is a file, so app/run.sh cannot be staged: terraform/, made for a.tf, goes again.
  fs::create_directories(out);
  std::ofstream(out / "app") << "x";
  r = write_files({{"terraform/a.tf", "a\n"}, {"app/run.sh", "b\n"}}, out.string(),
                  {false, false, {}});
  CHECK(r.exit_code == 3);
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] ==
        "cannot write " + (out / "app/run.sh.stackplan-tmp").string() + ": Not a directory");
  CHECK_FALSE(fs::exists(out / "terraform"));
  fs::remove_all(out);
}

TEST_CASE("a check reports files in rendered folders the manifest does not list", "[output]") {
  fs::path out = stackplan::testing::temp_path("stackplan-output-test-unexpected");
  fs::remove_all(out);
  REQUIRE(write_files({{"terraform/a.tf", "a\n"}}, out.string(), {false, false, {"terraform/"}})
              .exit_code == 0);
  std::ofstream(out / "terraform/database.tf") << "resource \"aws_db_instance\" \"x\" {}\n";
  CHECK(drift_of({{"terraform/a.tf", "a\n"}}, out) ==
        std::vector<std::string>{"terraform/database.tf: not rendered by the spec, and not in "
                                 "the manifest of what stackplan wrote"});
  fs::remove_all(out);
}
