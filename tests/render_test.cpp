// Rendered Terraform of every example and scenario against golden files, and the render
// command end to end (determinism, --check, hand-edit protection, --force, --templates).

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include <yaml-cpp/yaml.h>

#include "golden.hpp"
#include "render/render.hpp"
#include "spec/load.hpp"

namespace fs = std::filesystem;
using stackplan::testing::check_golden;
using stackplan::testing::read_file;
using stackplan::testing::run_cli_parts;

namespace {

/// Golden name -> spec: every example, and fixtures for combinations the examples lack.
const std::vector<std::pair<std::string, std::string>> k_specs = {
    {"dynamiccloudarchitect", "examples/dynamiccloudarchitect/stack.yaml"},
    {"effect-app", "examples/effect-app/stack.yaml"},
    {"operationcode", "examples/operationcode/stack.yaml"},
    {"pantrypal", "examples/pantrypal/stack.yaml"},
    {"zooid-relay", "examples/zooid-relay/stack.yaml"},
    {"variety", "tests/fixtures/render/variety.yaml"},
};

fs::path temp_dir(const std::string& name) {
  fs::path p = stackplan::testing::temp_path("stackplan-render-test-" + name);
  fs::remove_all(p);
  return p;
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

namespace {

/// What every CloudFormation template must hold: it parses back, and no secret value is in it.
void check_cloudformation(const std::string& text) {
  YAML::Node template_ = YAML::Load(text);
  REQUIRE(template_["Resources"].IsMap());
  CHECK(template_["AWSTemplateFormatVersion"].as<std::string>() == "2010-09-09");
  for (const char* forbidden : {"MasterUserPassword:", "SecretString", "NoEcho", "Password:"}) {
    INFO(forbidden);
    CHECK(text.find(std::string("\n") + forbidden) == std::string::npos);
    CHECK(text.find(std::string(" ") + forbidden) == std::string::npos);
  }
  for (const auto& resource : template_["Resources"]) {
    const std::string type = resource.second["Type"].as<std::string>();
    INFO(resource.first.as<std::string>());
    if (type == "AWS::RDS::DBCluster" ||
        (type == "AWS::RDS::DBInstance" && !resource.second["Properties"]["DBClusterIdentifier"])) {
      CHECK(resource.second["Properties"]["ManageMasterUserPassword"].as<bool>());
      CHECK(resource.second["Properties"]["StorageEncrypted"].as<bool>());
      CHECK(resource.second["DeletionPolicy"].as<std::string>() == "Snapshot");
      CHECK(resource.second["UpdateReplacePolicy"].as<std::string>() == "Snapshot");
    }
    if (type == "AWS::S3::Bucket") {
      CHECK(resource.second["Properties"]["PublicAccessBlockConfiguration"]["BlockPublicAcls"]
                .as<bool>());
      CHECK(resource.second["Properties"]["BucketEncryption"]);
    }
  }
}

}  // namespace

TEST_CASE("every example renders to its golden Terraform and CloudFormation, scenario by scenario",
          "[render]") {
  stackplan::testing::enter_source_dir();
  for (const auto& [example, path] : k_specs) {
    stackplan::Diagnostics diags;
    auto loaded = stackplan::spec::load_spec(path, diags);
    REQUIRE(loaded);
    for (const auto& variant : loaded->variants) {
      INFO(example << " scenario " << variant.name);
      stackplan::render::TemplateSet templates;
      auto rendered = stackplan::render::render(variant.spec,
                                                {stackplan::render::spec_name(path), variant.name},
                                                templates, stackplan::render::Target::all);
      REQUIRE(rendered.errors.empty());
      const std::string dir = "tests/golden/render/" + example + "/" + variant.name + "/";
      std::set<std::string> produced;
      for (const auto& f : rendered.files) {
        produced.insert(f.path);
        CHECK(check_golden(dir + f.path, f.content) == "");
        if (f.path.rfind("cloudformation/", 0) == 0) {
          check_cloudformation(f.content);
        }
      }
      // No golden file the render no longer produces.
      if (fs::exists(dir)) {
        for (const auto& entry : fs::recursive_directory_iterator(dir)) {
          if (entry.is_regular_file()) {
            CHECK(produced.count(fs::relative(entry.path(), dir).generic_string()) == 1);
          }
        }
      }
    }
  }
}

TEST_CASE("render writes, is byte-for-byte repeatable, and --check sees edits", "[render]") {
  stackplan::testing::enter_source_dir();
  const fs::path out = temp_dir("check");
  const std::string spec = "examples/pantrypal/stack.yaml";
  auto first = run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "target"});
  REQUIRE(first.code == 0);
  CHECK(first.out.find("wrote 11 of 11 files") != std::string::npos);
  const std::string database = read_file((out / "terraform/database.tf").string());
  REQUIRE(!database.empty());

  auto again = run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "target"});
  CHECK(again.code == 0);
  CHECK(again.out.find("wrote 0 of 11 files") != std::string::npos);
  CHECK(read_file((out / "terraform/database.tf").string()) == database);

  auto check =
      run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "target", "--check"});
  CHECK(check.code == 0);

  // A scenario with other resources drifts.
  auto other =
      run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "current", "--check"});
  CHECK(other.code == 1);
  CHECK(other.err.find("terraform/database.tf: no longer rendered by the spec") !=
        std::string::npos);

  // Edit one generated file by hand.
  write(out / "terraform/database.tf", database + "# tuned by hand\n");
  auto drift =
      run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "target", "--check"});
  CHECK(drift.code == 1);
  CHECK(drift.err.find("terraform/database.tf: differs from what the spec renders") !=
        std::string::npos);

  // Not overwritten without --force; nothing else is written either.
  write(out / "terraform/outputs.tf", "stale\n");
  auto refused = run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "target"});
  CHECK(refused.code == 1);
  CHECK(refused.err.find("database.tf: edited since stackplan wrote it") != std::string::npos);
  CHECK(read_file((out / "terraform/database.tf").string()) == database + "# tuned by hand\n");

  auto forced =
      run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "target", "--force"});
  CHECK(forced.code == 0);
  CHECK(read_file((out / "terraform/database.tf").string()) == database);
  fs::remove_all(out);
}

TEST_CASE("a rendered file that is no longer produced is removed", "[render]") {
  stackplan::testing::enter_source_dir();
  const fs::path out = temp_dir("stale");
  const std::string spec = "examples/pantrypal/stack.yaml";
  REQUIRE(run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "target"}).code == 0);
  REQUIRE(fs::exists(out / "terraform/database.tf"));
  auto current = run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "current"});
  CHECK(current.code == 0);
  CHECK(!fs::exists(out / "terraform/database.tf"));
  CHECK(fs::exists(out / "terraform/versions.tf"));
  fs::remove_all(out);
}

TEST_CASE("render refuses to write through a symbolic link out of --out", "[render]") {
  stackplan::testing::enter_source_dir();
  const fs::path out = temp_dir("symlink");
  const fs::path elsewhere = temp_dir("symlink-target");
  fs::create_directories(out);
  fs::create_directories(elsewhere);
  fs::create_directory_symlink(elsewhere, out / "terraform");
  auto r = run_cli_parts(
      {"render", "examples/zooid-relay/stack.yaml", "--out", out.string(), "--scenario", "target"});
  CHECK(r.code == 2);
  CHECK(r.err.find("symbolic link") != std::string::npos);
  CHECK(fs::is_empty(elsewhere));
  fs::remove_all(out);
  fs::remove_all(elsewhere);
}

TEST_CASE("render errors: scenario, target and templates", "[render]") {
  stackplan::testing::enter_source_dir();
  const fs::path out = temp_dir("errors");
  const fs::path overrides = temp_dir("templates");

  auto unknown = run_cli_parts(
      {"render", "examples/pantrypal/stack.yaml", "--out", out.string(), "--scenario", "nope"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err ==
        "stackplan: error: examples/pantrypal/stack.yaml has no scenario 'nope'; it has: "
        "current, target\n");

  auto target = run_cli_parts(
      {"render", "examples/pantrypal/stack.yaml", "--out", out.string(), "--target", "pulumi"});
  CHECK(target.code == 2);
  CHECK(target.err.find("--target") != std::string::npos);

  write(overrides / "terraform/log_group.tf.mustache",
        "resource \"aws_cloudwatch_log_group\" \"{{id}}\" {\n"
        "  retention_in_days = {{retention_dayz}}\n}\n");
  auto misspelt = run_cli_parts({"render", "examples/zooid-relay/stack.yaml", "--out", out.string(),
                                 "--templates", overrides.string()});
  CHECK(misspelt.code == 2);
  CHECK(misspelt.err == (overrides / "terraform/log_group.tf.mustache").generic_string() +
                            ":2:23: error: unknown name 'retention_dayz'; did you mean "
                            "'retention_days'? [render.template]\n"
                            " 2 |   retention_in_days = {{retention_dayz}}\n"
                            "   |                       ^\n");

  write(overrides / "terraform/log_group.tf.mustache",
        "resource \"aws_cloudwatch_log_group\" \"{{id}}\" {\n"
        "  {{#retention_days}}\n  retention_in_days = 1\n}\n");
  auto unclosed = run_cli_parts({"render", "examples/zooid-relay/stack.yaml", "--out", out.string(),
                                 "--templates", overrides.string()});
  CHECK(unclosed.code == 2);
  CHECK(unclosed.err == (overrides / "terraform/log_group.tf.mustache").generic_string() +
                            ":2:3: error: unclosed section 'retention_days' [render.template]\n"
                            " 2 |   {{#retention_days}}\n"
                            "   |   ^\n");

  write(overrides / "terraform/log_groups.tf.mustache", "x\n");
  auto stray = run_cli_parts({"render", "examples/zooid-relay/stack.yaml", "--out", out.string(),
                              "--templates", overrides.string()});
  CHECK(stray.code == 2);
  CHECK(stray.err.find("log_groups.tf.mustache: error: matches no stackplan template") !=
        std::string::npos);
  CHECK(!fs::exists(out));
  fs::remove_all(overrides);
}

TEST_CASE("an override template replaces the shipped one", "[render]") {
  stackplan::testing::enter_source_dir();
  const fs::path out = temp_dir("override");
  const fs::path overrides = temp_dir("override-templates");
  write(overrides / "terraform/log_group.tf.mustache",
        "resource \"aws_cloudwatch_log_group\" \"{{id}}\" {\n"
        "  name = \"{{log_group_name}}\"\n"
        "  retention_in_days = 365\n"
        "  kms_key_id = var.logs_kms_key_arn\n}\n");
  auto r = run_cli_parts({"render", "examples/zooid-relay/stack.yaml", "--out", out.string(),
                          "--scenario", "target", "--templates", overrides.string()});
  REQUIRE(r.code == 0);
  std::string services = read_file((out / "terraform/services.tf").string());
  CHECK(services.find("  name              = \"/ecs/sphere-zooid-relay/zooid-relay\"\n"
                      "  retention_in_days = 365\n"
                      "  kms_key_id        = var.logs_kms_key_arn\n") != std::string::npos);
  fs::remove_all(out);
  fs::remove_all(overrides);
}

TEST_CASE("spec values are escaped for HCL, never interpreted", "[render]") {
  stackplan::testing::enter_source_dir();
  stackplan::Diagnostics diags;
  auto loaded = stackplan::spec::load_spec_text(
      "inline.yaml",
      "version: 1\nname: esc\nregion: us-east-1\nnetwork: {vpc: existing}\n"
      "compute: {platform: fargate}\n"
      "services:\n  - name: web\n    image: nginx\n    port: 80\n"
      "    environment: {GREETING: 'say \"hi\" ${USER} %{x} \\ done'}\n",
      diags);
  REQUIRE(loaded);
  stackplan::render::TemplateSet templates;
  auto r = stackplan::render::render(loaded->variants[0].spec, {"inline.yaml", ""}, templates,
                                     stackplan::render::Target::terraform);
  REQUIRE(r.errors.empty());
  std::string services;
  for (const auto& f : r.files) {
    if (f.path == "terraform/services.tf") {
      services = f.content;
    }
  }
  CHECK(services.find(R"({ name = "GREETING", value = "say \"hi\" $${USER} %%{x} \\ done" },)") !=
        std::string::npos);
}

TEST_CASE("spec values reach CloudFormation as the same strings", "[render]") {
  stackplan::testing::enter_source_dir();
  stackplan::Diagnostics diags;
  const std::string value = "say \"hi\" ${USER} %{x} \\ done: #not a comment";
  auto loaded = stackplan::spec::load_spec_text(
      "inline.yaml",
      "version: 1\nname: esc\nregion: us-east-1\nnetwork: {vpc: existing}\n"
      "compute: {platform: fargate}\n"
      "services:\n  - name: web\n    image: nginx\n    port: 80\n"
      "    environment: {GREETING: 'say \"hi\" ${USER} %{x} \\ done: #not a comment'}\n",
      diags);
  REQUIRE(loaded);
  stackplan::render::TemplateSet templates;
  auto r = stackplan::render::render(loaded->variants[0].spec, {"inline.yaml", ""}, templates,
                                     stackplan::render::Target::cloudformation);
  REQUIRE(r.errors.empty());
  REQUIRE(r.files.size() == 1);
  CHECK(r.files[0].path == "cloudformation/esc.yaml");
  YAML::Node t = YAML::Load(r.files[0].content);
  YAML::Node env = t["Resources"]["WebTaskDefinition"]["Properties"]["ContainerDefinitions"][0]
                    ["Environment"][0];
  CHECK(env["Name"].as<std::string>() == "GREETING");
  CHECK(env["Value"].as<std::string>() == value);
  // An existing VPC becomes parameters of AWS's own types.
  CHECK(t["Parameters"]["VpcId"]["Type"].as<std::string>() == "AWS::EC2::VPC::Id");
  CHECK(t["Parameters"]["PrivateSubnetIds"]["Type"].as<std::string>() ==
        "List<AWS::EC2::Subnet::Id>");
}

TEST_CASE("render --target cloudformation and all: one template, owned folders kept apart",
          "[render]") {
  stackplan::testing::enter_source_dir();
  const fs::path out = temp_dir("cfn");
  const std::string spec = "examples/operationcode/stack.yaml";
  auto cfn = run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "target",
                            "--target", "cloudformation"});
  REQUIRE(cfn.code == 0);
  CHECK(cfn.out.find("wrote 3 of 3 files") != std::string::npos);  // template + 2 app files
  CHECK(fs::exists(out / "cloudformation/operationcode.yaml"));
  CHECK(fs::exists(out / "app/litestream.yml"));
  CHECK(!fs::exists(out / "terraform"));

  // Both targets into the same folder; each target's --check looks at its own files only.
  auto all = run_cli_parts(
      {"render", spec, "--out", out.string(), "--scenario", "target", "--target", "all"});
  REQUIRE(all.code == 0);
  CHECK(fs::exists(out / "terraform/versions.tf"));
  auto tf_check = run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "target",
                                 "--target", "terraform", "--check"});
  CHECK(tf_check.code == 0);
  auto tf_only = run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "target"});
  CHECK(tf_only.code == 0);
  CHECK(fs::exists(out / "cloudformation/operationcode.yaml"));

  // A hand edit to the template is drift, and is not overwritten without --force.
  const std::string original = read_file((out / "cloudformation/operationcode.yaml").string());
  write(out / "cloudformation/operationcode.yaml", original + "# edited\n");
  auto drift = run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "target",
                              "--target", "cloudformation", "--check"});
  CHECK(drift.code == 1);
  CHECK(drift.err.find("cloudformation/operationcode.yaml: differs from what the spec renders") !=
        std::string::npos);
  auto refused = run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "target",
                                "--target", "cloudformation"});
  CHECK(refused.code == 1);
  auto forced = run_cli_parts({"render", spec, "--out", out.string(), "--scenario", "target",
                               "--target", "cloudformation", "--force"});
  CHECK(forced.code == 0);
  CHECK(read_file((out / "cloudformation/operationcode.yaml").string()) == original);

  // A variant with nothing for CloudFormation to create says so and writes no template; the
  // previous one is removed as no longer rendered.
  auto nothing =
      run_cli_parts({"render", "examples/pantrypal/stack.yaml", "--out", (out / "vps").string(),
                     "--scenario", "current", "--target", "cloudformation"});
  CHECK(nothing.code == 0);
  CHECK(nothing.err ==
        "stackplan: note: CloudFormation: nothing to create for scenario current (no AWS "
        "resources besides an existing VPC), so no template is written\n");
  CHECK(!fs::exists(out / "vps/cloudformation"));
  fs::remove_all(out);
}

TEST_CASE("CloudFormation template errors: duplicate logical ids and broken YAML", "[render]") {
  stackplan::testing::enter_source_dir();
  const fs::path out = temp_dir("cfn-errors");
  const fs::path overrides = temp_dir("cfn-templates");
  // A log group template that reuses the ECS cluster's logical id.
  write(overrides / "cloudformation/log_group.yaml.mustache",
        "Cluster:\n  Type: AWS::Logs::LogGroup\n  Properties:\n"
        "    LogGroupName: \"{{log_group_name}}\"\n");
  auto duplicate =
      run_cli_parts({"render", "examples/zooid-relay/stack.yaml", "--out", out.string(), "--target",
                     "cloudformation", "--templates", overrides.string()});
  CHECK(duplicate.code == 2);
  CHECK(duplicate.err == (overrides / "cloudformation/log_group.yaml.mustache").generic_string() +
                             ": error: resource Cluster is also defined by "
                             "templates/cloudformation/ecs_cluster.yaml.mustache; logical ids "
                             "must be unique [render.template]\n");

  write(overrides / "cloudformation/log_group.yaml.mustache",
        "{{logical}}LogGroup:\n  Type: AWS::Logs::LogGroup\n    Properties: [\n");
  auto broken = run_cli_parts({"render", "examples/zooid-relay/stack.yaml", "--out", out.string(),
                               "--target", "cloudformation", "--templates", overrides.string()});
  CHECK(broken.code == 2);
  CHECK(broken.err.find("cloudformation/sphere-zooid-relay.yaml:") == 0);
  CHECK(broken.err.find("error: the rendered template is not valid YAML") != std::string::npos);
  CHECK(!fs::exists(out));
  fs::remove_all(overrides);
}
