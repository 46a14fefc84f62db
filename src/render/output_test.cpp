#include <catch2/catch.hpp>

#include "golden.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

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
