// The database connection a service gets, in both targets: the variables, their names from
// the spec, and a service's own variable winning over the database's (with a warning).

#include <catch2/catch.hpp>

#include "render/render.hpp"
#include "spec/load.hpp"

namespace {

struct Rendered {
  stackplan::Diagnostics diags;
  std::string terraform;       ///< services.tf
  std::string database;        ///< database.tf
  std::string cloudformation;  ///< the template
};

Rendered render(const std::string& rest, const std::string& service = "") {
  const std::string text =
      "version: 1\nname: shop-api\nregion: us-east-1\nnetwork: {vpc: existing}\n"
      "services:\n  - {name: web, image: 'x/web:1', port: 8000" +
      service + "}\n" + rest;
  Rendered out;
  auto loaded = stackplan::spec::load_spec_text("t.yaml", text, out.diags);
  REQUIRE(loaded);
  stackplan::render::TemplateSet templates;
  auto r = stackplan::render::render(loaded->variants.front().spec, {"t.yaml", ""}, templates,
                                     stackplan::render::Target::all);
  REQUIRE(r.errors.empty());
  for (const auto& f : r.files) {
    if (f.path == "terraform/services.tf") {
      out.terraform = f.content;
    } else if (f.path == "terraform/database.tf") {
      out.database = f.content;
    } else if (f.path.rfind("cloudformation/", 0) == 0) {
      out.cloudformation = f.content;
    }
  }
  return out;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("an RDS database gives every service its endpoint, name and managed credentials",
          "[connection]") {
  Rendered r = render("database: {engine: rds-postgres, instance_class: db.t4g.micro}\n");
  CHECK(r.diags.warning_count() == 0);
  // The service reads the locals the database's file defines.
  CHECK(has(r.terraform, "{ name = \"DB_HOST\", value = local.database_host }"));
  CHECK(has(r.terraform, "{ name = \"DB_PORT\", value = local.database_port }"));
  CHECK(has(r.terraform, "{ name = \"DB_NAME\", value = local.database_name }"));
  CHECK(has(r.database, "database_host       = aws_db_instance.main.address"));
  CHECK(has(r.database, "database_port       = tostring(aws_db_instance.main.port)"));
  CHECK(has(r.database, "database_name       = aws_db_instance.main.db_name"));
  CHECK(has(r.database,
            "database_secret_arn = aws_db_instance.main.master_user_secret[0].secret_arn"));
  CHECK(has(r.terraform,
            "{ name = \"DB_PASSWORD\", valueFrom = "
            "\"${local.database_secret_arn}:password::\" }"));
  // The execution role may read exactly that secret.
  CHECK(has(r.terraform, "Resource = [\n        local.database_secret_arn,"));
  CHECK(has(r.cloudformation,
            "- Name: \"DB_HOST\"\n              Value: !GetAtt Database.Endpoint.Address"));
  CHECK(has(r.cloudformation, "- Name: \"DB_NAME\"\n              Value: \"shop_api\""));
  CHECK(has(r.cloudformation,
            "- Name: \"DB_USER\"\n              ValueFrom: !Sub [\"${Arn}:username::\", {Arn: "
            "!GetAtt Database.MasterUserSecret.SecretArn}]"));
  CHECK(has(r.cloudformation, "DBName: \"shop_api\""));
  // Never in plain environment.
  CHECK_FALSE(has(r.terraform, "{ name = \"DB_PASSWORD\", value ="));
}

TEST_CASE("the variables' names and the database name come from the spec", "[connection]") {
  Rendered r = render(
      "database:\n  engine: aurora-mysql\n  instance_class: db.t4g.medium\n  name: orders\n"
      "  environment: {host: DATABASE_HOST, password: DATABASE_PASSWORD}\n");
  CHECK(has(r.terraform, "{ name = \"DATABASE_HOST\", value = local.database_host }"));
  CHECK(has(r.database, "database_host       = aws_rds_cluster.main.endpoint"));
  CHECK(has(r.terraform, "{ name = \"DB_NAME\", value = local.database_name }"));
  CHECK(has(r.database, "database_name       = aws_rds_cluster.main.database_name"));
  CHECK(has(r.terraform,
            "{ name = \"DATABASE_PASSWORD\", valueFrom = "
            "\"${local.database_secret_arn}:password::\" }"));
  CHECK(has(
      r.cloudformation,
      "- Name: \"DATABASE_HOST\"\n              Value: !GetAtt DatabaseCluster.Endpoint.Address"));
  CHECK(has(r.cloudformation, "DatabaseName: \"orders\""));
  CHECK_FALSE(has(r.terraform, "\"DB_HOST\""));
}

TEST_CASE("a service's own variable wins over the database's, with a warning", "[connection]") {
  Rendered r = render("database: {engine: rds-mysql, instance_class: db.t4g.micro}\n",
                      ", secrets: {DB_PASSWORD: "
                      "'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf'}");
  REQUIRE(r.diags.warning_count() == 1);
  const auto& w = r.diags.all().front();
  CHECK(w.code == "spec.connection-override");
  CHECK(w.message ==
        "service 'web' sets DB_PASSWORD itself, so it does not get the database's "
        "password");
  CHECK(has(r.terraform, "{ name = \"DB_USER\", valueFrom ="));
  CHECK_FALSE(has(r.terraform, "database_secret_arn}:password::"));
}

TEST_CASE("SQLite gives its owning service the path, and the bucket it replicates to",
          "[connection]") {
  Rendered r = render("database: {engine: sqlite-litestream, path: /data/app.db}\n");
  CHECK(has(r.terraform, "{ name = \"DB_PATH\", value = \"/data/app.db\" }"));
  CHECK(has(r.terraform, "{ name = \"DB_BUCKET\", value = \"shop-api-prod-litestream\" }"));
  CHECK_FALSE(has(r.terraform, "DB_HOST"));
}

TEST_CASE("connection variables that do not fit the engine, or share a name, are errors",
          "[connection]") {
  stackplan::Diagnostics diags;
  auto loaded = stackplan::spec::load_spec_text(
      "t.yaml",
      "version: 1\nname: t\nregion: us-east-1\nnetwork: {vpc: existing}\n"
      "services:\n  - {name: web, image: 'x/web:1'}\n"
      "database:\n  engine: sqlite-efs\n  environment: {host: H, path: P}\n",
      diags);
  CHECK_FALSE(loaded);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all().front().message ==
        "database.environment.host applies only when database.engine is rds-* or aurora-* (it is "
        "sqlite-efs)");

  stackplan::Diagnostics twice;
  CHECK_FALSE(stackplan::spec::load_spec_text(
      "t.yaml",
      "version: 1\nname: t\nregion: us-east-1\nnetwork: {vpc: existing}\n"
      "services:\n  - {name: web, image: 'x/web:1'}\n"
      "database:\n  engine: rds-postgres\n  instance_class: db.t4g.micro\n"
      "  environment: {host: DB, port: DB}\n",
      twice));
  REQUIRE(twice.error_count() == 1);
  CHECK(twice.all().front().message == "database.environment.port and host are both DB");
}
