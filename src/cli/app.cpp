#include "cli/app.hpp"
#include "cli/command_line.hpp"
#include "cli/shell.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string_view>

#include <ostream>

#include <CLI/CLI.hpp>

#include "base/diagnostics.hpp"
#include "base/spelling.hpp"
#include "pricing/catalog.hpp"
#include "pricing/price_book.hpp"
#include "report/plan_report.hpp"
#include "version.hpp"

namespace stackplan::cli {

int exit_code(app::Status status) {
  switch (status) {
    case app::Status::ok:
      return k_exit_ok;
    case app::Status::found:
      return k_exit_found;
    case app::Status::invalid:
      return k_exit_invalid;
    case app::Status::environment:
      return k_exit_environment;
  }
  return k_exit_environment;
}

namespace {

/// The names a command accepts as options ("--format", "-q").
std::vector<std::string> option_names(const CLI::App* app) {
  std::vector<std::string> out;
  for (const CLI::Option* opt : app->get_options()) {
    for (const auto& l : opt->get_lnames()) {
      out.push_back("--" + l);
    }
    for (const auto& sn : opt->get_snames()) {
      out.push_back("-" + sn);
    }
  }
  return out;
}

/// "a, b or c".
std::string choice_list(const std::vector<std::string>& choices) {
  std::string list;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
  }
  return list;
}

/// "; did you mean 'x'?" for a likely typo, or the choices containing the word ("postgres":
/// rds-postgres or aurora-postgres); empty when none is near.
std::string nearest_choices(const std::string& word, const std::vector<std::string>& choices) {
  std::vector<std::string> near;
  if (std::string close = closest_match(word, choices); !close.empty()) {
    near.push_back(close);
  } else if (word.size() >= 3) {
    for (const auto& c : choices) {
      if (c.find(word) != std::string::npos) {
        near.push_back(c);
      }
    }
  }
  if (near.empty()) {
    return {};
  }
  std::string text = "; did you mean '" + near.front();
  for (std::size_t i = 1; i < near.size(); ++i) {
    text += "' or '" + near[i];
  }
  return text + "'?";
}

/// The first word of `args` that names no command, or no option of its command, or a value
/// outside an option's choices, described with
/// the nearest name; empty when every command and option word is known. Option values are
/// skipped: a word after an option that takes one is its value.
std::string unknown_word(CLI::App& app, const std::vector<std::string>& args) {
  CLI::App* command = &app;
  bool value_next = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const std::string* next = i + 1 < args.size() ? &args[i + 1] : nullptr;
    if (value_next) {
      value_next = false;
      continue;
    }
    if (arg == "--") {
      return {};
    }
    if (arg.size() > 1 && arg[0] == '-' && std::isdigit(static_cast<unsigned char>(arg[1])) == 0) {
      const std::string name = arg.substr(0, arg.find('='));
      const CLI::Option* opt = nullptr;
      for (const CLI::App* a = command; a != nullptr && opt == nullptr; a = a->get_parent()) {
        opt = a->get_option_no_throw(name);
      }
      if (opt == nullptr) {
        std::vector<std::string> names = option_names(command);
        std::string where = command == &app ? "stackplan" : full_name(command);
        return "'" + where + "' has no option " + name + "; " +
               suggestion_hint(name, names, "its options");
      }
      value_next = opt->get_expected_max() > 0 && arg.find('=') == std::string::npos;
      // A value outside the option's choices, with the nearest one.
      const std::vector<std::string> choices = option_choices(opt);
      const std::size_t eq = arg.find('=');
      const std::string* value = eq != std::string::npos ? nullptr : next;
      const std::string inline_value = eq != std::string::npos ? arg.substr(eq + 1) : "";
      if (eq != std::string::npos) {
        value = &inline_value;
      }
      if (!choices.empty() && value != nullptr &&
          std::find(choices.begin(), choices.end(), *value) == choices.end()) {
        return name + " takes " + choice_list(choices) + "; got '" + *value + "'" +
               nearest_choices(*value, choices);
      }
      continue;
    }
    // A word: a subcommand of the current command, or a positional argument of a command
    // without subcommands.
    std::vector<std::string> names;
    for (const CLI::App* sub : visible_subcommands(command)) {
      names.push_back(sub->get_name());
    }
    if (names.empty()) {
      continue;
    }
    CLI::App* sub = nullptr;
    try {
      sub = command->get_subcommand(arg);
    } catch (const CLI::OptionNotFound&) {
    }
    if (sub == nullptr) {
      std::string where = command == &app ? "stackplan" : full_name(command);
      return "unknown command '" + arg + "' of '" + where + "'; " +
             suggestion_hint(arg, names, "commands");
    }
    command = sub;
  }
  return {};
}

}  // namespace

bool use_color(const std::string& choice, bool tty) {
  if (choice == "always") {
    return true;
  }
  if (choice == "never") {
    return false;
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') {
    return false;
  }
  const char* force = std::getenv("CLICOLOR_FORCE");
  if (force != nullptr && *force != '\0' && std::string_view(force) != "0") {
    return true;
  }
  const char* term = std::getenv("TERM");
  return tty && (term == nullptr || std::string_view(term) != "dumb");
}

int run(const std::vector<std::string>& in, Io io) {
  // --color applies to every command, wherever it is written: taken out before the command
  // line is parsed.
  std::string color = "auto";
  std::vector<std::string> args;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == "--color" || in[i].rfind("--color=", 0) == 0) {
      const bool inline_value = in[i].size() > 7;
      if (!inline_value && i + 1 == in.size()) {
        io.err << error_prefix(io) << "--color needs auto, always or never\n";
        return k_exit_invalid;
      }
      color = inline_value ? in[i].substr(8) : in[++i];
      if (color != "auto" && color != "always" && color != "never") {
        io.err << error_prefix(io) << "--color needs auto, always or never; got '" << color
               << "'\n";
        return k_exit_invalid;
      }
      continue;
    }
    if (in[i] == "--") {
      args.insert(args.end(), in.begin() + static_cast<std::ptrdiff_t>(i), in.end());
      break;
    }
    args.push_back(in[i]);
  }
  io.color_out = use_color(color, io.color_out);
  io.color_err = use_color(color, io.color_err);

  CommandLine cl;
  CLI::App& app = cl.app;

  if (args.empty()) {
    io.err << app.help();
    return k_exit_invalid;
  }
  if (std::string problem = unknown_word(app, args); !problem.empty()) {
    io.err << error_prefix(io) << problem << '\n' << "Run 'stackplan help' for usage.\n";
    return k_exit_invalid;
  }
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    io.out << app.help();
    return k_exit_ok;
  } catch (const CLI::CallForAllHelp&) {
    io.out << app.help("", CLI::AppFormatMode::All);
    return k_exit_ok;
  } catch (const CLI::RequiredError& e) {
    // A command that needs a subcommand (pricing) without one: its help.
    const bool no_subcommand = std::string(e.what()).find("subcommand") != std::string::npos;
    for (const CLI::App* sub : no_subcommand ? app.get_subcommands() : std::vector<CLI::App*>{}) {
      io.err << sub->get_formatter()->make_help(sub, full_name(sub), CLI::AppFormatMode::Normal);
      return k_exit_invalid;
    }
    io.err << error_prefix(io) << e.what() << '\n' << "Run 'stackplan help' for usage.\n";
    return k_exit_invalid;
  } catch (const CLI::ParseError& e) {
    io.err << error_prefix(io) << e.what() << '\n' << "Run 'stackplan help' for usage.\n";
    return k_exit_invalid;
  }

  if (cl.show_version) {
    io.out << "stackplan " << k_version << " (built-in prices as of "
           << pricing::Catalog::snapshot(pricing::Catalog::Regions{}).as_of() << ")\n";
    return k_exit_ok;
  }
  if (*cl.validate) {
    return cmd_validate(cl.specs, cl.quiet, io);
  }
  if (*cl.schema) {
    return cmd_schema(cl.schema_format, io);
  }
  if (*cl.help) {
    if (cl.help_man) {
      io.out << man_page(app);
      return k_exit_ok;
    }
    const CLI::App* topic = &app;
    for (const auto& name : cl.help_topic) {
      try {
        topic = topic->get_subcommand(name);
      } catch (const CLI::OptionNotFound&) {
        io.err << error_prefix(io) << "no command '" << name << "'\n";
        return k_exit_invalid;
      }
    }
    // App::help() would describe the selected `help` command itself; format the topic under
    // its full name ("stackplan pricing show").
    io.out << topic->get_formatter()->make_help(topic, full_name(topic),
                                                CLI::AppFormatMode::Normal);
    return k_exit_ok;
  }
  if (*cl.plan) {
    return cmd_plan(cl.plan_options, io);
  }
  if (*cl.render) {
    return cmd_render(cl.render_options, io);
  }
  if (*cl.lint) {
    return cmd_lint(cl.lint_options, io);
  }
  if (*cl.show) {
    return cmd_pricing_show(cl.show_options, io);
  }
  if (*cl.import) {
    return cmd_pricing_import(cl.import_options, io);
  }
  if (*cl.update) {
    return cmd_pricing_update(cl.update_options, io);
  }
  if (*cl.init) {
    return cmd_init(cl.init_options, io);
  }
  if (*cl.completion) {
    io.out << completion_script(app, cl.shell);
    return k_exit_ok;
  }
  if (*cl.complete) {
    return cmd_complete(cl.complete_words, io);
  }
  // A command that needs a subcommand (pricing) without one.
  for (const CLI::App* sub : app.get_subcommands()) {
    io.err << sub->get_formatter()->make_help(sub, full_name(sub), CLI::AppFormatMode::Normal);
    return k_exit_invalid;
  }
  io.err << app.help();
  return k_exit_invalid;
}

}  // namespace stackplan::cli
