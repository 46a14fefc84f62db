#include "cli/app.hpp"

#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stackplan::cli;

namespace {
struct Result {
  int code;
  std::string out;
  std::string err;
};
Result call(std::vector<std::string> args) {
  std::ostringstream out;
  std::ostringstream err;
  int code = run(args, {out, err});
  return {code, out.str(), err.str()};
}
}  // namespace

TEST_CASE("the version flag prints the version and the date of the built-in prices", "[cli]") {
  auto r = call({"--version"});
  CHECK(r.code == 0);
  CHECK(r.out.rfind("stackplan ", 0) == 0);
  CHECK(r.out.find(" (built-in prices as of 20") != std::string::npos);
  CHECK(call({"-V"}).out == r.out);
}

TEST_CASE("without a command, the command list; a misspelt command or option, the nearest",
          "[cli]") {
  auto bare = call({});
  CHECK(bare.code == 2);
  CHECK(bare.out.empty());
  CHECK(bare.err.find("Subcommands:") != std::string::npos);
  CHECK(bare.err.find("validate") != std::string::npos);

  auto command = call({"valdate", "x.yaml"});
  CHECK(command.code == 2);
  CHECK(command.err.rfind("stackplan: error: unknown command 'valdate' of 'stackplan'; did you "
                          "mean 'validate'?\n",
                          0) == 0);
  auto sub = call({"pricing", "shwo"});
  CHECK(sub.code == 2);
  CHECK(sub.err.find("unknown command 'shwo' of 'stackplan pricing'; did you mean 'show'?") !=
        std::string::npos);
  auto option = call({"plan", "--formt", "json", "x.yaml"});
  CHECK(option.code == 2);
  CHECK(option.err.find("'stackplan plan' has no option --formt; did you mean '--format'?") !=
        std::string::npos);
  // Values of options are not commands: a spec named like one, a negative number.
  CHECK(call({"validate", "--quiet", "plan"}).err.find("unknown command") == std::string::npos);

  // A command that needs a subcommand shows its own help.
  auto pricing = call({"pricing"});
  CHECK(pricing.code == 2);
  CHECK(pricing.err.find("Usage: stackplan pricing [OPTIONS] SUBCOMMAND") != std::string::npos);
}

TEST_CASE("help lists the commands and each command's flags", "[cli]") {
  auto r = call({"help"});
  CHECK(r.code == 0);
  for (const char* command : {"validate", "plan", "render", "lint", "pricing", "schema"}) {
    CHECK(r.out.find(command) != std::string::npos);
  }
  auto plan = call({"help", "plan"});
  CHECK(plan.code == 0);
  CHECK(plan.out.find("Usage: stackplan plan [OPTIONS] SPEC...") != std::string::npos);
  for (const char* flag :
       {"--scenario", "--compare", "--baseline", "--format", "--catalog", "--usage", "--budget"}) {
    CHECK(plan.out.find(flag) != std::string::npos);
  }
  CHECK(call({"help", "pricing", "update"}).out.find("--endpoint") != std::string::npos);
  CHECK(call({"validate", "--help"}).out.find("--quiet") != std::string::npos);
  CHECK(call({"help", "nothing"}).code == 2);
}

TEST_CASE("usage errors exit 2 with a message", "[cli]") {
  auto unknown = call({"frobnicate"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("stackplan: error:") == 0);
  CHECK(call({"validate"}).code == 2);
  CHECK(call({"plan", "x.yaml", "--format", "xml"}).code == 2);
  CHECK(call({"validate", "--nope", "x.yaml"}).code == 2);
}

TEST_CASE("lint usage errors exit 2 before reading anything", "[cli]") {
  auto missing = call({"lint", "no/such/folder"});
  CHECK(missing.code == 2);
  CHECK(missing.err == "stackplan: error: cannot read no/such/folder\n");
  auto budget = call({"lint", "examples", "--budget", "10"});
  CHECK(budget.code == 2);
  CHECK(budget.err.find("need --spec") != std::string::npos);
  CHECK(call({"lint", "examples", "--fail-on", "fatal"}).code == 2);
  CHECK(call({"lint", "examples", "--format", "xml"}).code == 2);
}

TEST_CASE("schema prints JSON Schema and the markdown reference", "[cli]") {
  auto json = call({"schema"});
  CHECK(json.code == 0);
  CHECK(nlohmann::json::parse(json.out)["title"] == "stackplan spec v1");
  auto md = call({"schema", "--format", "markdown"});
  CHECK(md.out.rfind("# Spec v1 reference", 0) == 0);
}
