#include "cli/shell.hpp"

#include <sstream>

#include "cli/command_line.hpp"
#include "version.hpp"

namespace stackplan::cli {

namespace {

/// What a word in a value's place can be, for completing it.
enum class Values {
  none,      ///< a flag: no value
  any,       ///< free text: nothing to offer
  choice,    ///< one of the option's choices
  scenario,  ///< a scenario of the spec on the line
  region,    ///< a region code
  service,   ///< a service code
  spec,      ///< a spec file (.yaml, .yml, .json)
  file,      ///< any file
  dir,       ///< a folder
  path,      ///< a file or a folder
  command,   ///< a command name (help's topic)
};

struct OptionInfo {
  std::vector<std::string> names;  ///< "--format", "-q"; empty for a positional
  std::string value_name;          ///< "FORMAT", "SPEC"; empty for a flag
  Values values = Values::none;
  std::vector<std::string> choices;
  std::string help;
  bool repeats = false;
  bool required = false;
};

struct CommandInfo {
  std::string path;  ///< "pricing show"; empty for stackplan itself
  std::string help;
  std::vector<std::string> subcommands;
  std::vector<std::string> subcommand_helps;
  std::vector<OptionInfo> options;
  std::vector<OptionInfo> positionals;
};

/// How the values of `opt` of `command` are completed. Choices come from the option's check;
/// the rest from its name, which the contract fixes.
Values values_of(const CLI::App* command, const CLI::Option* opt) {
  if (opt->get_expected_max() == 0) {  // a flag
    return Values::none;
  }
  if (!option_choices(opt).empty()) {
    return Values::choice;
  }
  if (opt->get_positional()) {
    const std::string& name = opt->get_name();
    return name == "SPEC"      ? Values::spec
           : name == "PATH"    ? Values::path
           : name == "COMMAND" ? Values::command
                               : Values::file;
  }
  const std::string name = opt->get_lnames().empty() ? std::string() : opt->get_lnames().front();
  if (name == "scenario" || name == "baseline" || name == "budget-scenario") {
    return Values::scenario;
  }
  if (name == "region") {
    return Values::region;
  }
  if (name == "service") {
    return Values::service;
  }
  if (name == "catalog" || name == "templates" ||
      (name == "out" && command->get_name() == "render")) {
    return Values::dir;
  }
  if (name == "diff") {
    return Values::spec;
  }
  if (name == "usage" || name == "prices" || name == "out") {
    return Values::file;
  }
  return Values::any;
}

std::string upper(std::string s) {
  for (char& c : s) {
    c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return s;
}

OptionInfo option_info(const CLI::App* command, const CLI::Option* opt) {
  OptionInfo info;
  for (const auto& l : opt->get_lnames()) {
    info.names.push_back("--" + l);
  }
  for (const auto& s : opt->get_snames()) {
    info.names.push_back("-" + s);
  }
  info.values = values_of(command, opt);
  info.choices = option_choices(opt);
  info.help = opt->get_description();
  info.repeats = opt->get_expected_max() > 1;
  info.required = opt->get_required();
  switch (info.values) {
    case Values::none:
      break;
    case Values::choice: {
      for (const auto& c : info.choices) {
        info.value_name += (info.value_name.empty() ? "" : "|") + c;
      }
      break;
    }
    case Values::scenario:
      info.value_name = "NAME";
      break;
    case Values::dir:
      info.value_name = "DIR";
      break;
    default:
      info.value_name = opt->get_positional() ? opt->get_name()
                        : info.values == Values::file || info.values == Values::spec
                            ? "FILE"
                            : upper(opt->get_lnames().front());
  }
  return info;
}

void collect(const CLI::App* app, const std::string& path, std::vector<CommandInfo>& out) {
  CommandInfo info;
  info.path = path;
  info.help = app->get_description();
  for (const CLI::App* sub : visible_subcommands(app)) {
    info.subcommands.push_back(sub->get_name());
    info.subcommand_helps.push_back(sub->get_description());
  }
  for (const CLI::Option* opt : app->get_options()) {
    (opt->get_positional() ? info.positionals : info.options).push_back(option_info(app, opt));
  }
  out.push_back(std::move(info));
  for (const CLI::App* sub : visible_subcommands(app)) {
    collect(sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
  }
}

/// Every visible command, stackplan itself first, each before its subcommands.
std::vector<CommandInfo> commands_of(const CLI::App& app) {
  std::vector<CommandInfo> out;
  collect(&app, "", out);
  return out;
}

std::string joined(const std::vector<std::string>& words, const std::string& sep = " ") {
  std::string out;
  for (const auto& w : words) {
    out += (out.empty() ? "" : sep) + w;
  }
  return out;
}

/// Single-quoted for a POSIX shell (fish and zsh accept the same form for these texts).
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

std::string fish_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "'";
}

std::vector<std::string> all_names(const std::vector<OptionInfo>& options) {
  std::vector<std::string> out;
  for (const auto& o : options) {
    out.insert(out.end(), o.names.begin(), o.names.end());
  }
  return out;
}

/// The case pattern of a command ("plan", "pricing show"), quoted for case labels.
std::string label(const std::string& path) {
  return "\"" + path + "\"";
}

/// The value-taking options of every command as case arms "cmd:--opt": the shell skips their
/// values when it looks for the command words and the spec file on the line.
std::string value_option_patterns(const std::vector<CommandInfo>& commands) {
  std::vector<std::string> patterns;
  for (const auto& c : commands) {
    for (const auto& o : c.options) {
      if (o.values != Values::none) {
        for (const auto& n : o.names) {
          patterns.push_back("\"" + c.path + ":" + n + "\"");
        }
      }
    }
  }
  return joined(patterns, "|");
}

// The command words and the spec file before the cursor are found the same way in bash and
// zsh: walk the words, skip option values, take a word naming a subcommand of the command so
// far, and remember the first spec-looking word.
std::string bash_script(const std::vector<CommandInfo>& commands) {
  std::ostringstream s;
  s << "# bash completion for stackplan " << k_version << "\n"
    << "# Installed by cmake --install; or: source <(stackplan completion bash)\n\n"
    << "_stackplan_words() {\n"
    << "  \"$1\" __complete \"${@:2}\" 2>/dev/null\n"
    << "}\n\n"
    << "_stackplan() {\n"
    << "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
    << "  local cmd=\"\" spec=\"\" skip=0 i w\n"
    << "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
    << "    w=${COMP_WORDS[i]}\n"
    << "    if ((skip)); then skip=0; continue; fi\n"
    << "    case \"$cmd:$w\" in\n"
    << "      " << value_option_patterns(commands) << ") skip=1; continue ;;\n";
  for (const auto& c : commands) {
    for (const auto& sub : c.subcommands) {
      s << "      \"" << c.path << ":" << sub << "\") cmd=\""
        << (c.path.empty() ? "" : c.path + " ") << sub << "\"; continue ;;\n";
    }
  }
  s << "    esac\n"
    << "    case \"$w\" in\n"
    << "      *.yaml | *.yml | *.json) [ -n \"$spec\" ] || spec=$w ;;\n"
    << "    esac\n"
    << "  done\n"
    << "  local IFS=$'\\n'\n"
    << "  case \"$cmd:$prev\" in\n";
  auto arm = [&](const CommandInfo& c, const OptionInfo& o, const std::string& action) {
    std::vector<std::string> pats;
    for (const auto& n : o.names) {
      pats.push_back("\"" + c.path + ":" + n + "\"");
    }
    s << "    " << joined(pats, "|") << ")\n      " << action << "\n      return ;;\n";
  };
  auto words = [](const std::string& list) {
    return "COMPREPLY=($(compgen -W \"" + list + "\" -- \"$cur\"))";
  };
  const std::string ask = "COMPREPLY=($(compgen -W \"$(_stackplan_words \"${COMP_WORDS[0]}\" ";
  // Folders and .yaml, .yml and .json files, without turning on extglob in the user's shell.
  const std::string spec_files =
      "COMPREPLY=(); local f; while IFS= read -r f; do [[ -d $f || $f == *.yaml || $f == *.yml "
      "|| $f == *.json ]] && COMPREPLY+=(\"$f\"); done < <(compgen -f -- \"$cur\"); "
      "compopt -o filenames 2>/dev/null";
  auto value_action = [&](Values v, const std::vector<std::string>& choices) -> std::string {
    switch (v) {
      case Values::choice:
        return words(joined(choices, "\n"));
      case Values::scenario:
        return ask + "scenarios \"$spec\")\" -- \"$cur\"))";
      case Values::region:
        return ask + "regions)\" -- \"$cur\"))";
      case Values::service:
        return ask + "services)\" -- \"$cur\"))";
      case Values::dir:
        return "COMPREPLY=($(compgen -d -- \"$cur\")); compopt -o filenames 2>/dev/null";
      case Values::spec:
        return spec_files;
      case Values::file:
      case Values::path:
        return "COMPREPLY=($(compgen -f -- \"$cur\")); compopt -o filenames 2>/dev/null";
      case Values::command:
        return words(joined(commands.front().subcommands, "\n"));
      default:
        return ":";
    }
  };
  for (const auto& c : commands) {
    for (const auto& o : c.options) {
      if (o.values != Values::none) {
        arm(c, o, value_action(o.values, o.choices));
      }
    }
  }
  s << "  esac\n"
    << "  if [[ $cur == -* ]]; then\n"
    << "    case \"$cmd\" in\n";
  for (const auto& c : commands) {
    s << "      " << label(c.path) << ") " << words(joined(all_names(c.options), "\n")) << " ;;\n";
  }
  s << "    esac\n"
    << "    return\n"
    << "  fi\n"
    << "  case \"$cmd\" in\n";
  for (const auto& c : commands) {
    if (!c.subcommands.empty()) {
      s << "    " << label(c.path) << ") " << words(joined(c.subcommands, "\n")) << " ;;\n";
    } else if (!c.positionals.empty()) {
      s << "    " << label(c.path) << ") "
        << value_action(c.positionals.front().values, c.positionals.front().choices) << " ;;\n";
    }
  }
  s << "  esac\n"
    << "}\n\n"
    << "complete -F _stackplan stackplan\n";
  return s.str();
}

std::string zsh_script(const std::vector<CommandInfo>& commands) {
  std::ostringstream s;
  s << "#compdef stackplan\n"
    << "# zsh completion for stackplan " << k_version << "\n"
    << "# Installed by cmake --install; or: source <(stackplan completion zsh)\n\n"
    << "_stackplan() {\n"
    << "  local cur=${words[CURRENT]} prev=${words[CURRENT-1]}\n"
    << "  local cmd=\"\" spec=\"\" skip=0 i w\n"
    << "  local -a items\n"
    << "  for ((i = 2; i < CURRENT; i++)); do\n"
    << "    w=${words[i]}\n"
    << "    if ((skip)); then skip=0; continue; fi\n"
    << "    case \"$cmd:$w\" in\n"
    << "      (" << value_option_patterns(commands) << ") skip=1; continue ;;\n";
  for (const auto& c : commands) {
    for (const auto& sub : c.subcommands) {
      s << "      (\"" << c.path << ":" << sub << "\") cmd=\""
        << (c.path.empty() ? "" : c.path + " ") << sub << "\"; continue ;;\n";
    }
  }
  s << "    esac\n"
    << "    case \"$w\" in\n"
    << "      (*.yaml|*.yml|*.json) [[ -n $spec ]] || spec=$w ;;\n"
    << "    esac\n"
    << "  done\n"
    << "  case \"$cmd:$prev\" in\n";
  auto ask = [](const std::string& what) {
    return "items=(${(f)\"$(${words[1]} __complete " + what + " 2>/dev/null)\"}); compadd -a items";
  };
  auto value_action = [&](Values v, const std::vector<std::string>& choices) -> std::string {
    switch (v) {
      case Values::choice:
        return "compadd -- " + joined(choices);
      case Values::scenario:
        return ask("scenarios \"$spec\"");
      case Values::region:
        return ask("regions");
      case Values::service:
        return ask("services");
      case Values::dir:
        return "_files -/";
      case Values::spec:
        return "_files -g '*.(yaml|yml|json)'";
      case Values::file:
      case Values::path:
        return "_files";
      case Values::command:
        return "compadd -- " + joined(commands.front().subcommands);
      default:
        return "_message value";
    }
  };
  for (const auto& c : commands) {
    for (const auto& o : c.options) {
      if (o.values == Values::none) {
        continue;
      }
      std::vector<std::string> pats;
      for (const auto& n : o.names) {
        pats.push_back("\"" + c.path + ":" + n + "\"");
      }
      s << "    (" << joined(pats, "|") << ")\n      " << value_action(o.values, o.choices)
        << "\n      return ;;\n";
    }
  }
  s << "  esac\n"
    << "  if [[ $cur == -* ]]; then\n"
    << "    case \"$cmd\" in\n";
  for (const auto& c : commands) {
    std::vector<std::string> described;
    for (const auto& o : c.options) {
      for (const auto& n : o.names) {
        std::string help = o.help;
        for (char& ch : help) {
          ch = ch == '\n' ? ' ' : ch;
        }
        described.push_back(quoted(n + ":" + help));
      }
    }
    s << "      (" << label(c.path) << ") items=(" << joined(described) << ") ;;\n";
  }
  s << "    esac\n"
    << "    _describe -t options option items\n"
    << "    return\n"
    << "  fi\n"
    << "  case \"$cmd\" in\n";
  for (const auto& c : commands) {
    if (!c.subcommands.empty()) {
      std::vector<std::string> described;
      for (std::size_t i = 0; i < c.subcommands.size(); ++i) {
        described.push_back(quoted(c.subcommands[i] + ":" + c.subcommand_helps[i]));
      }
      s << "    (" << label(c.path) << ") items=(" << joined(described)
        << "); _describe -t commands command items ;;\n";
    } else if (!c.positionals.empty()) {
      s << "    (" << label(c.path) << ") "
        << value_action(c.positionals.front().values, c.positionals.front().choices) << " ;;\n";
    }
  }
  s << "  esac\n"
    << "}\n\n"
    << "if [[ $funcstack[1] == _stackplan ]]; then\n"
    << "  _stackplan \"$@\"\n"
    << "else\n"
    << "  compdef _stackplan stackplan\n"
    << "fi\n";
  return s.str();
}

std::string fish_script(const std::vector<CommandInfo>& commands) {
  std::ostringstream s;
  s << "# fish completion for stackplan " << k_version << "\n"
    << "# Installed by cmake --install; or: stackplan completion fish | source\n\n"
    << "# The command words on the line (\"pricing show\"), option values skipped.\n"
    << "function __stackplan_command\n"
    << "    set -l cmd ''\n"
    << "    set -l skip 0\n"
    << "    for w in (commandline -opc)[2..-1]\n"
    << "        if test $skip = 1\n"
    << "            set skip 0\n"
    << "            continue\n"
    << "        end\n"
    << "        switch \"$cmd:$w\"\n"
    << "            case " <<
      [&] {
        std::string pats;
        for (const auto& c : commands) {
          for (const auto& o : c.options) {
            if (o.values != Values::none) {
              for (const auto& n : o.names) {
                pats += (pats.empty() ? "" : " ") + fish_quoted(c.path + ":" + n);
              }
            }
          }
        }
        return pats;
      }()
    << "\n"
    << "                set skip 1\n";
  for (const auto& c : commands) {
    for (const auto& sub : c.subcommands) {
      s << "            case " << fish_quoted(c.path + ":" + sub) << "\n"
        << "                set cmd " << fish_quoted(c.path.empty() ? sub : c.path + " " + sub)
        << "\n";
    }
  }
  s << "        end\n"
    << "    end\n"
    << "    echo $cmd\n"
    << "end\n\n"
    << "function __stackplan_in\n"
    << "    test (__stackplan_command) = \"$argv\"\n"
    << "end\n\n"
    << "# The first spec file on the line.\n"
    << "function __stackplan_spec\n"
    << "    for w in (commandline -opc)[2..-1]\n"
    << "        switch $w\n"
    << "            case '*.yaml' '*.yml' '*.json'\n"
    << "                echo $w\n"
    << "                return\n"
    << "        end\n"
    << "    end\n"
    << "end\n\n"
    << "complete -c stackplan -f\n";
  auto value_args = [&](Values v, const std::vector<std::string>& choices) -> std::string {
    switch (v) {
      case Values::choice:
        return " -x -a " + fish_quoted(joined(choices));
      case Values::scenario:
        return " -x -a '(stackplan __complete scenarios (__stackplan_spec) 2>/dev/null)'";
      case Values::region:
        return " -x -a '(stackplan __complete regions 2>/dev/null)'";
      case Values::service:
        return " -x -a '(stackplan __complete services 2>/dev/null)'";
      case Values::dir:
        return " -x -a '(__fish_complete_directories)'";
      case Values::spec:
        return " -x -a '(__fish_complete_suffix .yaml; __fish_complete_suffix .yml; "
               "__fish_complete_suffix .json)'";
      case Values::file:
      case Values::path:
        return " -r -F";
      case Values::command:
        return " -x -a " + fish_quoted(joined(commands.front().subcommands));
      case Values::none:
        return "";
      default:
        return " -x";
    }
  };
  for (const auto& c : commands) {
    const std::string when = " -n " + fish_quoted("__stackplan_in " + c.path);
    for (std::size_t i = 0; i < c.subcommands.size(); ++i) {
      s << "complete -c stackplan" << when << " -a " << fish_quoted(c.subcommands[i]) << " -d "
        << fish_quoted(c.subcommand_helps[i]) << "\n";
    }
    for (const auto& o : c.options) {
      s << "complete -c stackplan" << when;
      for (const auto& n : o.names) {
        s << (n.rfind("--", 0) == 0 ? " -l " + n.substr(2) : " -s " + n.substr(1));
      }
      s << value_args(o.values, o.choices) << " -d " << fish_quoted(o.help) << "\n";
    }
    if (c.subcommands.empty() && !c.positionals.empty()) {
      const auto& p = c.positionals.front();
      s << "complete -c stackplan" << when << value_args(p.values, p.choices) << "\n";
    }
  }
  return s.str();
}

/// Text for roff: backslashes escaped, and a line never starts with a control character.
std::string roff(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) {
    out = "\\&" + out;
  }
  return out;
}

std::string synopsis(const CommandInfo& c) {
  std::string out;
  for (const auto& p : c.positionals) {
    const std::string word = p.value_name + (p.repeats ? "..." : "");
    out += " " + (p.required ? word : "[" + word + "]");
  }
  if (!c.subcommands.empty()) {
    out += " COMMAND";
  }
  return out + " [OPTIONS]";
}

}  // namespace

const std::vector<std::string>& shell_names() {
  static const std::vector<std::string> names = {"bash", "zsh", "fish"};
  return names;
}

std::string completion_script(const CLI::App& app, const std::string& shell) {
  const auto commands = commands_of(app);
  if (shell == "zsh") {
    return zsh_script(commands);
  }
  if (shell == "fish") {
    return fish_script(commands);
  }
  return bash_script(commands);
}

std::string man_page(const CLI::App& app) {
  const auto commands = commands_of(app);
  std::ostringstream s;
  s << ".TH STACKPLAN 1 \"\" \"stackplan " << k_version << "\" \"User Commands\"\n"
    << ".ad l\n"
    << ".SH NAME\n"
    << "stackplan \\- " << roff(app.get_description().substr(app.get_description().find(':') + 2))
    << "\n"
    << ".SH SYNOPSIS\n"
    << ".B stackplan\n"
    << ".I command\n"
    << "[options]\n"
    << ".SH DESCRIPTION\n"
    << "One declarative spec of an AWS application (YAML, spec v1) is checked, priced against a "
       "built-in price catalog that works offline, rendered as Terraform and CloudFormation, and "
       "the rendered files are linted in CI.\n"
    << ".PP\n"
    << "A first spec: \\fBstackplan init\\fR; then \\fBstackplan validate stack.yaml\\fR, "
       "\\fBstackplan plan stack.yaml\\fR, \\fBstackplan render stack.yaml \\-\\-out infra\\fR.\n"
    << ".SH COMMANDS\n";
  for (const auto& c : commands) {
    if (c.path.empty() || !c.subcommands.empty()) {
      continue;
    }
    s << ".SS \"stackplan " << c.path << roff(synopsis(c)) << "\"\n" << roff(c.help) << "\n";
    for (const auto& p : c.positionals) {
      s << ".TP\n.I " << p.value_name << "\n" << roff(p.help) << "\n";
    }
    for (const auto& o : c.options) {
      s << ".TP\n.B " << roff(joined(o.names, ", "));
      if (!o.value_name.empty()) {
        s << " \" " << roff(o.value_name) << "\"";
      }
      s << "\n" << roff(o.help) << "\n";
    }
  }
  s << ".SH GLOBAL OPTIONS\n";
  for (const auto& o : commands.front().options) {
    s << ".TP\n.B " << roff(joined(o.names, ", "));
    if (!o.value_name.empty()) {
      s << " \" " << roff(o.value_name) << "\"";
    }
    s << "\n" << roff(o.help) << "\n";
  }
  s << ".SH EXIT STATUS\n"
    << ".TP\n.B 0\nSuccess.\n"
    << ".TP\n.B 1\nThe command ran and found what it was asked to look for: lint findings at or "
       "above \\-\\-fail\\-on, render \\-\\-check drift, a refusal to overwrite hand\\-edited "
       "files, a plan over \\-\\-budget.\n"
    << ".TP\n.B 2\nInvalid input or usage: a spec error, an unknown option, an unreadable file.\n"
    << ".TP\n.B 3\nAn environment failure: network, disk, permissions.\n"
    << ".SH ENVIRONMENT\n"
    << ".TP\n.B STACKPLAN_CATALOG\nThe price catalog folder, as \\-\\-catalog.\n"
    << ".TP\n.B STACKPLAN_PRICES\nThe price book, as \\-\\-prices.\n"
    << ".TP\n.B NO_COLOR\nSet and not empty: no colours.\n"
    << ".TP\n.B CLICOLOR_FORCE\nSet, not empty and not 0: colours even when not on a terminal.\n"
    << ".TP\n.B COLUMNS\nThe width tables and messages are fitted to on a terminal.\n"
    << ".SH FILES\n"
    << ".TP\n.I share/stackplan/examples\nExample specs, one folder each, under the "
       "installation prefix.\n"
    << ".TP\n.I share/stackplan/templates\nThe built-in templates, for \\-\\-templates "
       "overrides.\n"
    << ".TP\n.I share/stackplan/pricing\nThe price snapshot and the sources of its prices.\n"
    << ".SH SEE ALSO\n"
    << "\\fBstackplan help\\fR \\fIcommand\\fR, \\fBstackplan schema\\fR\n";
  return s.str();
}

}  // namespace stackplan::cli
