#include "cli/shell.hpp"

#include <catch2/catch.hpp>

#include "cli/command_line.hpp"

using namespace stackplan::cli;

TEST_CASE("option choices come from the option's check", "[shell]") {
  CommandLine cl;
  const CLI::Option* format = cl.plan->get_option("--format");
  CHECK(option_choices(format) == std::vector<std::string>{"table", "json", "markdown", "csv"});
  CHECK(option_choices(cl.plan->get_option("--usage")).empty());
}

TEST_CASE("the man page has every visible command and option, and no hidden one", "[shell]") {
  CommandLine cl;
  const std::string man = man_page(cl.app);
  CHECK(man.rfind(".TH STACKPLAN 1", 0) == 0);
  for (const CLI::App* command : visible_subcommands(&cl.app)) {
    const auto subs = visible_subcommands(command);
    std::vector<const CLI::App*> leaves = subs.empty() ? std::vector{command} : subs;
    for (const CLI::App* leaf : leaves) {
      INFO(full_name(leaf));
      CHECK(man.find(".SS \"" + full_name(leaf)) != std::string::npos);
      for (const CLI::Option* opt : leaf->get_options()) {
        for (std::string name : opt->get_lnames()) {
          std::string roff = "\\-\\-";
          for (char c : name) {
            roff += c == '-' ? std::string("\\-") : std::string(1, c);
          }
          CHECK(man.find(roff) != std::string::npos);
        }
      }
    }
  }
  CHECK(man.find("__complete") == std::string::npos);
}

TEST_CASE("every completion script offers every option and command", "[shell]") {
  CommandLine cl;
  for (const auto& shell : shell_names()) {
    const std::string script = completion_script(cl.app, shell);
    INFO(shell);
    for (const char* word : {"validate", "plan", "render", "lint", "pricing", "show", "update",
                             "import", "schema", "init", "completion", "help"}) {
      CHECK(script.find(word) != std::string::npos);
    }
    for (const CLI::App* command : {cl.plan, cl.render, cl.lint, cl.update, cl.init}) {
      for (const CLI::Option* opt : command->get_options()) {
        for (const auto& name : opt->get_lnames()) {
          // fish writes long options as `-l name`, the others as `--name`.
          CHECK((script.find("--" + name) != std::string::npos ||
                 script.find("-l " + name) != std::string::npos));
        }
      }
    }
    // Scenario names and regions are asked of `stackplan __complete`.
    CHECK(script.find("__complete") != std::string::npos);
    CHECK(script.find("scenarios") != std::string::npos);
    CHECK(script.find("regions") != std::string::npos);
  }
}
