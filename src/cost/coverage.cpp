#include "cost/coverage.hpp"

#include "base/diagnostics.hpp"
#include "cost/plan.hpp"
#include "kinds/kinds.hpp"
#include "spec/load.hpp"

namespace stackplan::cost {

namespace {

// One spec whose scenarios between them use every engine and configuration, both platforms
// and architectures, and every purchase model, with a load balancer, NAT gateway, bucket,
// secret and DNS zone; the kinds add scenarios of their own (Kind::coverage_scenarios). REGION
// is replaced by each region in turn.
constexpr const char* k_probe = R"(version: 1
name: coverage
region: REGION
network: {vpc: create, cidr: 10.0.0.0/16, public_subnets: 2, private_subnets: 2, nat_gateways: 1}
compute:
  platform: fargate
  purchase: {model: on-demand}
services:
  - name: api
    image: public.ecr.aws/nginx/nginx:latest
    cpu: 512
    memory: 1024
    port: 8080
    load_balanced: {path: "/*"}
database:
  engine: sqlite-litestream
buckets:
  - {name: coverage-files, storage_class: standard-ia}
  - {name: coverage-assets}
  - {name: coverage-archive, storage_class: glacier-ir}
  - {name: coverage-tiered, storage_class: intelligent-tiering}
  - {name: coverage-one-zone, storage_class: one-zone-ia}
load_balancer: {type: application}
secrets:
  - {name: coverage/app}
dns: {zone: example.com, records: [api]}
scenarios:
  fargate: {}
  fargate-arm64: {compute: {architecture: arm64}}
  fargate-spot: {compute: {purchase: {model: spot}}}
  fargate-savings-plan: {compute: {purchase: {model: savings-plan}}}
  ec2: {compute: {platform: ec2, instance_type: t4g.small, root_volume: {type: gp3, size_gb: 30}}}
  ec2-x86: {compute: {platform: ec2, instance_type: t3.micro}}
  ec2-spot: {compute: {platform: ec2, instance_type: t4g.small, purchase: {model: spot}}}
  ec2-savings-plan: {compute: {platform: ec2, instance_type: t4g.small,
                               purchase: {model: savings-plan}}}
  ec2-reserved: {compute: {platform: ec2, instance_type: t4g.small, purchase: {model: reserved}}}
  rds-postgres: {database: {engine: rds-postgres, rds: {instance_class: db.t4g.micro,
                                                        storage: {type: gp3, size_gb: 20}}}}
  rds-postgres-multi-az: {database: {engine: rds-postgres,
                                     rds: {instance_class: db.t4g.micro, multi_az: true,
                                           storage: {type: gp2, size_gb: 20}}}}
  rds-mysql: {database: {engine: rds-mysql, rds: {instance_class: db.t4g.small,
                                                  storage: {type: gp3, size_gb: 20}}}}
  rds-mysql-multi-az: {database: {engine: rds-mysql,
                                  rds: {instance_class: db.t4g.small, multi_az: true,
                                        storage: {type: io1, size_gb: 100, iops: 1000}}}}
  aurora-postgres: {database: {engine: aurora-postgres, aurora: {instance_class: db.r6g.large}}}
  aurora-postgres-io: {database: {engine: aurora-postgres,
                                  aurora: {instance_class: db.r6g.large, io_optimized: true}}}
  aurora-postgres-serverless: {database: {engine: aurora-postgres,
                                          aurora: {serverless_v2: {min_acu: 0.5, max_acu: 2}}}}
  aurora-mysql: {database: {engine: aurora-mysql, aurora: {instance_class: db.t4g.medium}}}
  aurora-mysql-serverless-io: {database: {engine: aurora-mysql,
                                          aurora: {serverless_v2: {min_acu: 0.5, max_acu: 2},
                                                   io_optimized: true}}}
  rds-extended-support: {database: {engine: rds-postgres,
                                    rds: {version: "12", instance_class: db.t4g.small}}}
  rds-extended-support-13: {database: {engine: rds-postgres,
                                       rds: {version: "13.20", instance_class: db.t4g.small}}}
  rds-extended-support-year-3: {database: {engine: rds-mysql,
                                           rds: {version: "5.7", instance_class: db.t4g.small}}}
  aurora-database-savings-plan: {database: {engine: aurora-postgres,
                                           aurora: {instance_class: db.r7g.large},
                                           purchase: {model: database-savings-plan}}}
  rds-database-savings-plan: {database: {engine: rds-mysql, rds: {instance_class: db.m7g.large},
                                         purchase: {model: database-savings-plan}}}
  sqlite-efs: {database: {engine: sqlite-efs}}
  sqlite-efs-elastic: {database: {engine: sqlite-efs, efs: {throughput_mode: elastic}}}
  sqlite-s3-sync: {database: {engine: sqlite-s3-sync, s3_sync: {backup_retention_days: 7}}}
)";

/// The probe, with the scenarios every kind adds.
std::string probe_text() {
  std::string text = k_probe;
  for (const model::Kind* kind : kinds::all()) {
    std::string_view lines = kind->coverage_scenarios;
    while (!lines.empty()) {
      std::size_t end = lines.find('\n');
      text += "  " + std::string(lines.substr(0, end)) + "\n";
      lines = end == std::string_view::npos ? std::string_view{} : lines.substr(end + 1);
    }
  }
  return text;
}

}  // namespace

std::size_t Coverage::unexplained() const {
  std::size_t n = 0;
  for (const auto& row : rows) {
    for (const auto& [region, cell] : row.cells) {
      n += cell.price == nullptr && cell.gap == nullptr ? 1 : 0;
    }
  }
  return n;
}

Coverage coverage(const pricing::Catalog& catalog, const std::vector<std::string>& regions) {
  Coverage out;
  out.regions = regions;
  std::map<std::pair<std::string, std::string>, CoverageRow> rows;
  const std::string probe = probe_text();
  for (const auto& region : regions) {
    std::string text = probe;
    text.replace(text.find("REGION"), 6, region);
    Diagnostics diags;
    auto loaded = spec::load_spec_text("coverage.yaml", text, diags);
    if (!loaded) {
      continue;  // not a region the spec accepts: nothing to ask for
    }
    for (const auto& variant : loaded->variants) {
      std::vector<model::Warning> warnings;
      ScenarioPlan plan = plan_scenario(variant.name, variant.spec, catalog, {}, warnings);
      for (const auto& lookup : plan.lookups) {
        CoverageRow& row = rows[{lookup.key, lookup.term}];
        row.key = lookup.key;
        row.term = lookup.term;
        CoverageCell& cell = row.cells[region];
        if (lookup.found != nullptr) {
          cell.price = lookup.found;
          cell.gap = nullptr;
        } else if (cell.price == nullptr) {
          cell.gap = pricing::known_gap(lookup.region, lookup.key, lookup.term);
        }
      }
    }
  }
  for (auto& [id, row] : rows) {
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace stackplan::cost
