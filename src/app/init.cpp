#include "app/init.hpp"

#include <cstdio>
#include <filesystem>
#include <functional>
#include <istream>
#include <ostream>

#include "app/plan.hpp"
#include "aws/regions.hpp"
#include "base/file.hpp"
#include "base/spelling.hpp"
#include "base/terminal.hpp"
#include "render/templates.hpp"
#include "spec/load.hpp"
#include "spec/reference.hpp"
#include "spec/spec_schema.hpp"

namespace stackplan::app {

namespace {

namespace fs = std::filesystem;

/// The choices of a field of spec v1, found by its path of object fields.
std::vector<std::string> choices_at(const std::vector<std::string>& path) {
  const spec::Type* type = &spec::spec_v1();
  for (const auto& name : path) {
    const spec::Type* next = nullptr;
    for (const auto& field : type->fields) {
      if (field.name == name) {
        next = &field.type;
      }
    }
    if (next == nullptr) {
      return {};
    }
    type = next;
  }
  return type->choices;
}

/// `word` as a spec name ([a-z][a-z0-9-]*): lower case, other characters as '-'; empty when
/// nothing is left.
std::string as_name(const std::string& word) {
  std::string out;
  for (char c : word) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && (out.back() == '-' || std::isdigit(static_cast<unsigned char>(out[0])))) {
    out.erase(out.back() == '-' ? out.size() - 1 : 0, 1);
  }
  return out.substr(0, 40);
}

/// Asks `question` until the answer is empty (the default) or passes `check`, which returns
/// the problem with an answer. Nullopt when the input ends.
std::optional<std::string> ask(std::istream& in, Io io, const std::string& question,
                               const std::string& fallback,
                               const std::function<std::string(const std::string&)>& check) {
  for (;;) {
    io.err << paint(question, Tone::heading, io.color_err) << " [" << fallback << "]: ";
    io.err.flush();
    std::string answer;
    if (!std::getline(in, answer)) {
      io.err << '\n';
      return std::nullopt;
    }
    const auto first = answer.find_first_not_of(" \t");
    answer = first == std::string::npos
                 ? ""
                 : answer.substr(first, answer.find_last_not_of(" \t") - first + 1);
    if (answer.empty()) {
      return fallback;
    }
    if (std::string problem = check(answer); !problem.empty()) {
      io.err << "  " << problem << '\n';
      continue;
    }
    return answer;
  }
}

std::function<std::string(const std::string&)> one_of(const std::vector<std::string>& choices,
                                                      const std::string& what) {
  return [&choices, what](const std::string& answer) {
    for (const auto& c : choices) {
      if (c == answer) {
        return std::string();
      }
    }
    return "'" + answer + "' is not " + what + "; " + suggestion_hint(answer, choices, what);
  };
}

std::string name_problem(const std::string& answer) {
  return as_name(answer) == answer && !answer.empty()
             ? std::string()
             : "a name is lower-case letters, digits and '-', starting with a letter (" +
                   (as_name(answer).empty() ? std::string("app") : as_name(answer)) + ", say)";
}

/// Writes `text` to `path` whole or not at all.
std::string write_whole(const fs::path& path, const std::string& text) {
  const fs::path temp = path.string() + ".tmp";
  if (std::string why = write_file_synced(temp, text); !why.empty()) {
    return why;
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::error_code ec;
    fs::remove(temp, ec);
    return "cannot write " + path.string();
  }
  return {};
}

}  // namespace

const std::vector<std::string>& init_platforms() {
  static const std::vector<std::string> platforms = choices_at({"compute", "platform"});
  return platforms;
}

const std::vector<std::string>& init_engines() {
  static const std::vector<std::string> engines = choices_at({"database", "engine"});
  return engines;
}

InitRequest init_defaults() {
  InitRequest d;
  d.platform = "fargate";
  d.database = "rds-postgres";
  d.region = "us-east-1";
  std::error_code ec;
  d.name = as_name(fs::current_path(ec).filename().string());
  if (d.name.empty()) {
    d.name = "app";
  }
  return d;
}

std::string starter_spec(const InitRequest& r) {
  const render::TemplateSet templates;
  const auto tmpl = templates.shipped("init/stack.yaml");
  const std::string engine = r.database;
  nlohmann::json data = {
      {"schema", k_schema_file},
      {"name", r.name},
      {"region", r.region},
      {"platform", r.platform},
      {"ec2", r.platform == "ec2"},
      {"fargate", r.platform == "fargate"},
      {"engine", engine},
      {"none", engine == "none"},
      {"rds", engine.rfind("rds-", 0) == 0},
      {"aurora", engine.rfind("aurora-", 0) == 0},
      {"postgres", engine.find("postgres") != std::string::npos},
      {"sqlite", engine == "sqlite"},
      {"single_writer", engine.rfind("sqlite", 0) == 0},
      {"sqlite_efs", engine == "sqlite-efs"},
      {"sqlite_litestream", engine == "sqlite-litestream"},
      {"sqlite_s3_sync", engine == "sqlite-s3-sync"},
  };
  auto result = render::render_template(*tmpl, data, [](const std::string& s) { return s; }, {});
  return result.text;
}

Status init(InitRequest request, Io io) {
  std::istream* in = io.in;
  const InitRequest defaults = init_defaults();
  const bool asking = in != nullptr && (request.platform.empty() || request.database.empty() ||
                                        request.region.empty() || request.name.empty());
  if (asking) {
    io.err << "A starter spec: answer each question, or press Enter for the value in brackets.\n";
  }
  struct Question {
    std::string* answer;
    std::string text;
    std::string fallback;
    std::function<std::string(const std::string&)> check;
  };
  const std::vector<Question> questions = {
      {&request.name, "Name of the application (prefix of every resource)", defaults.name,
       name_problem},
      {&request.platform,
       "Where the containers run: " +
           [] {
             std::string list;
             for (const auto& p : init_platforms()) {
               list += (list.empty() ? "" : ", ") + p;
             }
             return list;
           }(),
       defaults.platform, one_of(init_platforms(), "a platform")},
      {&request.database, "Database engine (none, sqlite*, rds-*, aurora-*)", defaults.database,
       one_of(init_engines(), "an engine")},
      {&request.region, "AWS region", defaults.region,
       [](const std::string& answer) {
         return aws::is_region(answer) ? std::string()
                                       : "'" + answer + "' is not a region stackplan knows; " +
                                             suggestion_hint(answer, aws::regions(), "regions");
       }},
  };
  for (const auto& q : questions) {
    if (!q.answer->empty()) {
      if (std::string problem = q.check(*q.answer); !problem.empty()) {
        io.err << error_prefix(io) << problem << '\n';
        return Status::invalid;
      }
      continue;
    }
    if (!asking) {
      *q.answer = q.fallback;
      continue;
    }
    auto answer = ask(*in, io, q.text, q.fallback, q.check);
    if (!answer) {
      io.err << error_prefix(io) << "no answer to \"" << q.text << "\"; nothing written\n";
      return Status::invalid;
    }
    *q.answer = *answer;
  }

  const std::string text = starter_spec(request);
  if (request.out == "-") {
    io.out << text;
    return Status::ok;
  }
  const fs::path out(request.out);
  std::error_code ec;
  if (fs::exists(out, ec) && !request.force) {
    io.err << error_prefix(io) << request.out
           << " exists; nothing written (--force overwrites it, --out names another file)\n";
    return Status::invalid;
  }
  if (out.has_parent_path()) {
    fs::create_directories(out.parent_path(), ec);
  }
  const fs::path schema = out.parent_path() / k_schema_file;
  for (const auto& [path, bytes] :
       {std::pair{out, text}, std::pair{schema, spec::spec_json_schema().dump(2) + "\n"}}) {
    if (std::string why = write_whole(path, bytes); !why.empty()) {
      io.err << error_prefix(io) << why << '\n';
      return Status::environment;
    }
  }
  io.err << "Wrote " << request.out << " (" << request.name << ", " << request.platform << ", "
         << request.database << ", " << request.region << ") and " << schema.string()
         << ", the schema its first line points editors at.\n";
  if (request.no_plan) {
    return Status::ok;
  }
  io.err << "Its plan (stackplan plan " << request.out << "):\n\n";
  PlanRequest plan_request;
  plan_request.specs = {request.out};
  const Status planned = plan(plan_request, io);
  if (planned == Status::ok) {
    io.err << "\nNext: edit " << request.out << " (every field is in 'stackplan schema --format "
           << "markdown'), then 'stackplan render " << request.out
           << " --out infra' writes its Terraform.\n";
  }
  return planned;
}

}  // namespace stackplan::app
