#include "spec/load.hpp"

#include <catch2/catch.hpp>

using namespace stackplan;
using namespace stackplan::spec;

namespace {
std::optional<LoadedSpec> load(const std::string& text, Diagnostics& diags) {
  return load_spec_text("t.yaml", text, diags);
}

const std::string k_base =
    "version: 1\nname: shop\nregion: us-east-2\n"
    "compute:\n  platform: ec2\n  instance_type: t4g.small\n  desired: 2\n"
    "  purchase:\n    model: savings-plan\n"
    "    savings_plan: {commitment_per_hour: 0.024}\n"
    "services:\n  - {name: web, image: 'nginx:1', port: 80}\n"
    "database:\n  engine: sqlite-litestream\n  litestream: {retention: 168h}\n";
}  // namespace

TEST_CASE("a spec without scenarios has one variant with documented defaults", "[load]") {
  Diagnostics diags;
  auto spec = load(k_base, diags);
  REQUIRE(spec);
  REQUIRE(spec->variants.size() == 1);
  const Spec& s = spec->variants[0].spec;
  CHECK(spec->variants[0].name == "base");
  CHECK(s.environment == "prod");
  CHECK(s.compute.platform == Platform::ec2);
  CHECK(s.compute.architecture == Architecture::arm64);
  CHECK(s.compute.min == 2);
  CHECK(s.compute.max == 2);
  CHECK(s.compute.purchase.model == PurchaseModel::savings_plan);
  CHECK(s.compute.purchase.savings_plan.commitment_per_hour->to_string() == "0.024");
  CHECK(s.compute.purchase.savings_plan.term == "1y");
  CHECK(s.services.at(0).cpu == 256);
  CHECK(s.database.engine == Engine::sqlite_litestream);
  CHECK(s.database.service == "web");
  CHECK(s.database.replica_bucket == "shop-prod-litestream");
  CHECK(s.database.litestream.retention.millis == 168LL * 3600 * 1000);
  CHECK(s.database.litestream.sync_interval.text == "1s");
}

TEST_CASE("scenarios are merge patches, kept in the order written", "[load]") {
  Diagnostics diags;
  auto spec = load(k_base +
                       "scenarios:\n"
                       "  zeta:\n"
                       "    compute: {purchase: {model: spot}}\n"
                       "    database: {engine: rds-postgres, version: '13.20', "
                       "instance_class: db.t4g.micro, multi_az: true, "
                       "storage: {type: gp2, size_gb: 20}}\n"
                       "  alpha: {}\n",
                   diags);
  INFO((diags.all().empty() ? std::string() : diags.all()[0].message));
  REQUIRE(spec);
  REQUIRE(spec->variants.size() == 2);
  const Spec& zeta = spec->variants[0].spec;
  CHECK(spec->variants[0].name == "zeta");
  CHECK(spec->variants[1].name == "alpha");
  CHECK(zeta.compute.purchase.model == PurchaseModel::spot);
  CHECK(zeta.compute.purchase.spot.instance_types == std::vector<std::string>{"t4g.small"});
  CHECK(zeta.database.engine == Engine::rds_postgres);
  CHECK(zeta.database.rds.version == "13.20");  // as written, not 13.2
  CHECK(zeta.database.rds.multi_az);
  CHECK(zeta.database.rds.storage.type == "gp2");
  CHECK(spec->variants[1].spec.database.engine == Engine::sqlite_litestream);
  CHECK(diags.warning_count() == 0);
}

TEST_CASE("a key written beside a selector in a scenario still conflicts", "[load]") {
  Diagnostics diags;
  auto spec = load(k_base +
                       "scenarios:\n  a:\n    database: {engine: rds-postgres, "
                       "instance_class: db.t4g.micro, instances: 2}\n",
                   diags);
  CHECK_FALSE(spec);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].code == "spec.conflict");
  CHECK(diags.all()[0].loc.line == 18);
}

TEST_CASE("an error in one scenario names the scenario", "[load]") {
  Diagnostics diags;
  auto spec = load(k_base + "scenarios:\n  a: {compute: {desired: 5, max: 3}}\n  b: {}\n", diags);
  CHECK_FALSE(spec);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].notes == std::vector<std::string>{"in scenario 'a'"});
  CHECK(diags.all()[0].loc.line == 17);
}

TEST_CASE("RDS settings may be nested or flat, not both", "[load]") {
  Diagnostics ok;
  auto nested = load(
      "version: 1\nname: shop\nregion: us-east-1\ndatabase:\n  engine: rds-mysql\n"
      "  rds: {instance_class: db.t4g.micro, storage: {type: io1, size_gb: 100, iops: 3000}}\n",
      ok);
  REQUIRE(nested);
  CHECK(nested->variants[0].spec.database.rds.version == "8.4");
  CHECK(nested->variants[0].spec.database.rds.storage.iops == 3000);

  Diagnostics twice;
  CHECK_FALSE(
      load("version: 1\nname: shop\nregion: us-east-1\ndatabase:\n  engine: rds-mysql\n"
           "  instance_class: db.t4g.micro\n  rds: {instance_class: db.t4g.small}\n",
           twice));
  CHECK(twice.all().at(0).code == "spec.duplicate");
}

TEST_CASE("Aurora Serverless v2 defaults its class", "[load]") {
  Diagnostics diags;
  auto spec = load(
      "version: 1\nname: shop\nregion: us-east-1\ndatabase:\n  engine: aurora-postgres\n"
      "  serverless_v2: {min_acu: 0, max_acu: 4}\n",
      diags);
  REQUIRE(spec);
  const Aurora& a = spec->variants[0].spec.database.aurora;
  CHECK(a.serverless);
  CHECK(a.instance_class == "db.serverless");
  CHECK(a.min_acu == 0);
  CHECK(a.max_acu == 4);
  CHECK(a.version == "16.4");
}

TEST_CASE("external costs keep exact decimals", "[load]") {
  Diagnostics diags;
  auto spec = load(
      "version: 1\nname: shop\nregion: us-east-1\n"
      "external_costs: [{name: VPS, monthly: 10.10}]\n",
      diags);
  REQUIRE(spec);
  CHECK(spec->variants[0].spec.external_costs[0].monthly.units() == 101'000'000'000);
}

TEST_CASE("sqlite warnings: one writer, ephemeral disk", "[load]") {
  Diagnostics diags;
  auto spec = load(
      "version: 1\nname: shop\nregion: us-east-1\n"
      "services: [{name: web, image: x, count: 2}]\ndatabase: {engine: sqlite}\n",
      diags);
  REQUIRE(spec);
  REQUIRE(diags.warning_count() == 2);
  CHECK(diags.all()[0].code == "spec.sqlite-single-writer");
  CHECK(diags.all()[1].code == "spec.ephemeral-data");
}

TEST_CASE("JSON specs load like YAML ones", "[load]") {
  Diagnostics diags;
  auto spec = load(R"({"version": 1, "name": "shop", "region": "eu-west-1",
                       "services": [{"name": "web", "image": "nginx:1", "cpu": 512,
                                     "memory": 1024}],
                       "scenarios": {"big": {"services": [{"name": "web", "image": "nginx:1",
                                                           "cpu": 1024, "memory": 2048}]}}})",
                   diags);
  REQUIRE(spec);
  REQUIRE(spec->variants.size() == 1);
  CHECK(spec->variants[0].name == "big");
  CHECK(spec->variants[0].spec.services.at(0).memory == 2048);
}

TEST_CASE("the base spec becomes scenario 'base' when it is complete and no scenario is it",
          "[load]") {
  auto names = [](const LoadedSpec& s) {
    std::string out;
    for (const auto& v : s.variants) {
      out += (out.empty() ? "" : " ") + v.name;
    }
    return out;
  };
  const std::string rds =
      "  rds: {database: {engine: rds-postgres, rds: {instance_class: db.t4g.micro}}}\n";
  Diagnostics diags;

  auto distinct = load(k_base + "scenarios:\n" + rds, diags);
  REQUIRE(distinct);
  CHECK(add_base_variant(*distinct));
  CHECK(names(*distinct) == "base rds");  // first: the default baseline
  CHECK(distinct->variants[0].spec.database.engine == Engine::sqlite_litestream);
  CHECK_FALSE(add_base_variant(*distinct));  // once

  auto empty_patch = load(k_base + "scenarios:\n  current: {}\n" + rds, diags);
  REQUIRE(empty_patch);
  CHECK_FALSE(add_base_variant(*empty_patch));  // 'current' is the base
  CHECK(names(*empty_patch) == "current rds");

  auto named_base = load(k_base + "scenarios:\n  base: {environment: dev}\n" + rds, diags);
  REQUIRE(named_base);
  CHECK_FALSE(add_base_variant(*named_base));

  // An RDS base without its instance class is incomplete; its scenarios complete it.
  auto incomplete = load(
      "version: 1\nname: shop\nregion: us-east-2\ndatabase: {engine: rds-postgres}\n"
      "scenarios:\n  small: {database: {rds: {instance_class: db.t4g.micro}}}\n",
      diags);
  REQUIRE(incomplete);
  CHECK_FALSE(add_base_variant(*incomplete));
  CHECK(names(*incomplete) == "small");

  auto plain = load(k_base, diags);
  REQUIRE(plain);
  CHECK_FALSE(add_base_variant(*plain));
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("scenario name base selects the base spec that plan shows as scenario base", "[load]") {
  Diagnostics diags;
  auto loaded = load(k_base +
                         "scenarios:\n  rds: {database: {engine: rds-postgres, rds: "
                         "{instance_class: db.t4g.micro}}}\n",
                     diags);
  REQUIRE(loaded);
  auto base = select_variant(*loaded, "base");
  REQUIRE(base);
  CHECK(base->spec.database.engine == Engine::sqlite_litestream);
  CHECK(base->scenario.empty());  // rendered as the base spec

  auto incomplete =
      load_spec_text("t.yaml",
                     "version: 1\nname: shop\nregion: us-east-2\ndatabase: {engine: rds-postgres}\n"
                     "scenarios:\n  small: {database: {rds: {instance_class: db.t4g.micro}}}\n",
                     diags);
  REQUIRE(incomplete);
  auto none = select_variant(*incomplete, "base");
  CHECK_FALSE(none);
  CHECK(none.error() ==
        "has no scenario 'base', and its base spec is not complete without a scenario; it has: "
        "small");
}
