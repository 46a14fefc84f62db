#include "spec/spec_schema.hpp"

#include <algorithm>

#include "aws/facts.hpp"
#include "aws/regions.hpp"
#include "spec/section.hpp"
#include "spec/spec.hpp"

namespace stackplan::spec {

namespace {

const char* const k_duration = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";
const char* const k_duration_help = "is a duration such as 1s, 5m, 1h30m or 168h";
const char* const k_env_key = "^[A-Za-z_][A-Za-z0-9_]*$";

Type instance_type() {
  return text(aws::k_instance_type_pattern,
              "is an EC2 instance type such as t4g.small or m7i.large", 32);
}

Type duration() {
  return text(k_duration, k_duration_help, 32);
}

Type version() {
  // Aurora MySQL 3 names its versions "8.0.mysql_aurora.3.05.2".
  Type t = text("^[0-9]+(\\.[0-9]+){0,2}(\\.mysql_aurora\\.[0-9]+(\\.[0-9]+){0,2})?$",
                "is an engine version such as \"16\", \"15.4\" or \"8.0.mysql_aurora.3.05.2\"", 32);
  t.accepts_number = true;
  return t;
}

/// "Engine version. Default: 16 for PostgreSQL, 8.4 for MySQL".
std::string versions_doc(Engine postgres, Engine mysql) {
  return "Engine version. Default: " + std::string(default_version(postgres)) +
         " for PostgreSQL, " + std::string(default_version(mysql)) + " for MySQL";
}

Type db_class() {
  return text(aws::k_db_class_pattern,
              "is a DB instance class such as db.t4g.micro or db.serverless", 40);
}

Type acu() {
  Type t = number(0, 256);
  t.multiple_of = 0.5;
  return t;
}

std::vector<Field> rds_fields() {
  static const Rds k_rds;
  static const Storage k_storage;
  return {
      Field{"version", version(), versions_doc(Engine::rds_postgres, Engine::rds_mysql)}.ex(
          "\"16\""),
      Field{"instance_class", db_class(), "DB instance class"}.ex("db.t4g.micro"),
      Field{"multi_az", flag(), "Run a standby in a second Availability Zone"}.def_value(
          k_rds.multi_az),
      Field{"storage",
            object("storage",
                   {
                       Field{"type", one_of({"gp2", "gp3", "io1", "io2"}), "EBS volume type"}
                           .def_value(k_storage.type),
                       Field{"size_gb", whole(20, 65536), "Allocated storage in GiB"}.def_value(
                           k_storage.size_gb),
                       Field{"iops", whole(1000, 256000),
                             "Provisioned IOPS (io1, io2; gp3 from 400 GiB)"},
                       Field{"throughput_mbps", whole(125, 4000),
                             "Provisioned throughput in MiB/s (gp3 from 400 GiB)"},
                   }),
            "Storage of the DB instance"}
          .ex("{type: gp3, size_gb: 20}"),
      Field{"backup_retention_days", whole(0, 35), "Days of automated backups (0 disables them)"}
          .def_value(k_rds.backup_retention_days),
      Field{"deletion_protection", flag(), "Refuse to delete the database"}.def_value(
          k_rds.deletion_protection),
  };
}

std::vector<Field> aurora_fields() {
  static const Aurora k_aurora;
  return {
      Field{"version", version(), versions_doc(Engine::aurora_postgres, Engine::aurora_mysql)}.ex(
          "\"15.4\""),
      Field{"instance_class", db_class(),
            "Instance class, or db.serverless for Serverless v2 (default when serverless_v2 is "
            "given)"}
          .ex("db.t4g.medium"),
      Field{"instances", whole(1, 16), "Number of instances: one writer plus readers"}.def_value(
          k_aurora.instances),
      Field{"serverless_v2",
            object(
                "serverless_v2",
                {
                    Field{"min_acu", acu(), "Minimum capacity in ACUs (0 pauses when idle)"}
                        .def_value(k_aurora.min_acu),
                    Field{"max_acu", acu(), "Maximum capacity in ACUs"}.def_value(k_aurora.max_acu),
                }),
            "Aurora Serverless v2 capacity range"}
          .ex("{min_acu: 0.5, max_acu: 1}"),
      Field{"io_optimized", flag(),
            "Use the I/O-Optimized storage configuration (no per-request I/O charges)"}
          .def_value(k_aurora.io_optimized),
      Field{"backup_retention_days", whole(1, 35), "Days of continuous backups"}.def_value(
          k_aurora.backup_retention_days),
      Field{"deletion_protection", flag(), "Refuse to delete the cluster"}.def_value(
          k_aurora.deletion_protection),
  };
}

Type network_type() {
  static const Network k_network;
  return object(
      "network",
      {
          Field{"vpc", one_of({"existing", "create"}),
                "Use an existing VPC or create one with public and private subnets"}
              .def_value(std::string(k_network.create_vpc ? "create" : "existing")),
          Field{"vpc_id", text("^vpc-[0-9a-z]+$", "is a VPC id such as vpc-0abc1234", 21),
                "Id of the existing VPC; when absent it becomes a Terraform variable"}
              .only("vpc: existing")
              .ex("vpc-0abc1234"),
          Field{"cidr",
                text("^([0-9]{1,3}\\.){3}[0-9]{1,3}/(1[6-9]|2[0-4])$",
                     "is an IPv4 CIDR block from /16 to /24", 18),
                "Address range of the new VPC"}
              .only("vpc: create")
              .def_value(k_network.cidr),
          Field{"public_subnets", whole(1, 6), "Public subnets, one per Availability Zone"}
              .only("vpc: create")
              .def_value(k_network.public_subnets),
          Field{"private_subnets", whole(0, 6), "Private subnets, one per Availability Zone"}
              .only("vpc: create")
              .def_value(k_network.private_subnets),
          Field{"nat_gateways", whole(0, 6),
                "NAT gateways for outbound traffic from private subnets"}
              .only("vpc: create")
              .def_value(k_network.nat_gateways),
          Field{"usage",
                object("network usage",
                       {
                           Field{"data_transfer_out_gb", number(0, 1e9),
                                 "GB a month sent from AWS to the internet"},
                           Field{"nat_processed_gb", number(0, 1e9),
                                 "GB a month processed by the NAT gateways"},
                       }),
                "Usage assumptions for data transfer"},
      });
}

Type savings_plan_type() {
  static const SavingsPlan k_savings_plan;
  return object(
      "savings_plan",
      {
          Field{"type", one_of({"compute", "ec2-instance"}), "Savings Plan type"}.def_value(
              k_savings_plan.type),
          Field{"term", one_of({"1y", "3y"}), "Commitment term"}.def_value(k_savings_plan.term),
          Field{"payment", one_of({"no-upfront", "partial-upfront", "all-upfront"}),
                "Payment option"}
              .def_value(k_savings_plan.payment),
          Field{"commitment_per_hour", money(0.001, 1e6),
                "Hourly commitment in USD; default: the amount that covers steady usage"}
              .ex("0.024"),
      });
}

Type spot_type() {
  static const SpotOptions k_spot_options;
  return object(
      "spot",
      {
          Field{"instance_types", list(instance_type(), 20),
                "Instance types of the mixed-instances policy; default: compute.instance_type"}
              .ex("[t4g.small, t4g.medium]"),
          Field{"on_demand_base", whole(0, 1000), "Instances always run on demand"}.def_value(
              k_spot_options.on_demand_base),
          Field{"on_demand_percentage", whole(0, 100),
                "Percentage of instances above the base that run on demand"}
              .def_value(k_spot_options.on_demand_percentage),
          Field{"allocation",
                one_of({"price-capacity-optimized", "capacity-optimized", "lowest-price",
                        "capacity-optimized-prioritized"}),
                "Spot allocation strategy"}
              .def_value(k_spot_options.allocation),
          Field{"hourly_prices",
                map_of(money(0, 1000), aws::k_instance_type_pattern, "are instance types"),
                "Spot prices in USD per hour that override the catalog's dated observations"}
              .ex("{t4g.small: 0.0067}"),
      });
}

Type reserved_type() {
  static const Reserved k_reserved;
  return object(
      "reserved",
      {
          Field{"term", one_of({"1y", "3y"}), "Reservation term"}.def_value(k_reserved.term),
          Field{"payment", one_of({"no-upfront", "partial-upfront", "all-upfront"}),
                "Payment option"}
              .def_value(k_reserved.payment),
          Field{"offering_class", one_of({"standard", "convertible"}), "Offering class"}.def_value(
              k_reserved.offering_class),
      });
}

Type compute_type() {
  static const Compute k_compute;
  static const Purchase k_purchase;
  static const Volume k_volume;
  return object(
      "compute",
      {
          Field{"platform", one_of({"ec2", "fargate"}),
                "ec2: ECS on an Auto Scaling Group; fargate: serverless tasks"}
              .def_value(std::string(k_compute.platform == Platform::ec2 ? "ec2" : "fargate")),
          Field{"instance_type", instance_type(), "EC2 instance type of the Auto Scaling Group"}
              .only("platform: ec2")
              .ex("t4g.small"),
          Field{"architecture", one_of({"x86_64", "arm64"}),
                "CPU architecture; default: from the instance type on ec2 (t4g, m7g, ... are "
                "arm64), x86_64 on fargate"},
          Field{"min", whole(0, 1000), "Minimum instances"}
              .only("platform: ec2")
              .def_value(k_compute.min),
          Field{"max", whole(1, 1000), "Maximum instances"}
              .only("platform: ec2")
              .def_value(k_compute.max),
          Field{"desired", whole(0, 1000), "Desired instances; the plan prices this many"}
              .only("platform: ec2")
              .def_value(k_compute.desired),
          Field{"root_volume",
                object("root_volume",
                       {
                           Field{"size_gb", whole(30, 16384),
                                 "Size in GiB (the ECS-optimized AMI needs 30)"}
                               .def_value(k_volume.size_gb),
                           Field{"type", one_of({"gp2", "gp3", "io1", "io2"}), "EBS volume type"}
                               .def_value(k_volume.type),
                           Field{"iops", whole(3000, 256000), "Provisioned IOPS (gp3, io1, io2)"},
                           Field{"throughput_mbps", whole(125, 2000), "Throughput in MiB/s (gp3)"},
                       }),
                "Root EBS volume of each instance"}
              .only("platform: ec2"),
          Field{"public_ip", flag(),
                "Give instances or tasks public IPv4 addresses and run them in public subnets"}
              .def_value(k_compute.public_ip),
          Field{"purchase",
                object("purchase",
                       {
                           Field{"model", one_of({"on-demand", "spot", "savings-plan", "reserved"}),
                                 "How compute is bought (spot on fargate is Fargate Spot)"}
                               .def_value(std::string(to_string(k_purchase.model))),
                           Field{"savings_plan", savings_plan_type(), "Savings Plan terms"}.only(
                               "model: savings-plan"),
                           Field{"spot", spot_type(), "Spot options"}.only("model: spot"),
                           Field{"reserved", reserved_type(), "Reserved Instance terms"}.only(
                               "model: reserved, platform: ec2"),
                       }),
                "Purchase option of the compute capacity"},
      });
}

Type service_type() {
  static const HealthCheck k_health_check;
  static const LoadBalanced k_load_balanced;
  static const Service k_service;
  return object(
      "service",
      {
          Field{"name",
                text("^[a-z][a-z0-9-]*$", "starts with a letter and has only a-z, 0-9, '-'", 32),
                "Service name"}
              .require()
              .ex("api"),
          Field{"image", text("^[^\\s]+$", "is a container image reference without spaces", 512),
                "Container image"}
              .require()
              .ex("123456789012.dkr.ecr.us-east-1.amazonaws.com/api:latest"),
          Field{"cpu", whole(128, 16384), "CPU units (1024 = 1 vCPU)"}.def_value(k_service.cpu),
          Field{"memory", whole(128, 122880), "Memory in MiB"}.def_value(k_service.memory),
          Field{"count", whole(0, 1000), "Tasks to run; the plan prices this many"}.def_value(
              k_service.count),
          Field{"port", whole(1, 65535), "Container port"},
          Field{"command", list(text({}, {}, 1024), 64), "Overrides the image's command"},
          Field{
              "health_check",
              object("health_check",
                     {
                         Field{"command", text({}, {}, 1024), "Shell command run in the container"}
                             .require()
                             .ex("\"curl -f http://localhost:8000/health\""),
                         Field{"interval", whole(5, 300), "Seconds between checks"}.def_value(
                             k_health_check.interval),
                         Field{"timeout", whole(2, 120), "Seconds before a check fails"}.def_value(
                             k_health_check.timeout),
                         Field{"retries", whole(1, 10), "Failures before unhealthy"}.def_value(
                             k_health_check.retries),
                         Field{"start_period", whole(0, 300), "Grace period in seconds"}.def_value(
                             k_health_check.start_period),
                     }),
              "Container health check"},
          Field{"environment", map_of(scalar(), k_env_key, "are environment variable names"),
                "Plain environment variables (never secrets)"}
              .ex("{NODE_ENV: production}"),
          Field{"secrets",
                map_of(text("^(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:)?"
                            "[A-Za-z0-9/_+=.@-]+(:[A-Za-z0-9_.-]+)?$",
                            "is a Secrets Manager reference: NAME, NAME:JSON_KEY or a secret ARN",
                            2048),
                       k_env_key, "are environment variable names"),
                "Environment variables filled from Secrets Manager, by reference"}
              .ex("{JWT_SECRET: \"app/prod/jwt:JWT_SECRET\"}"),
          Field{
              "load_balanced",
              object("load_balanced",
                     {
                         Field{"path", text("^/[^\\s]*$", "is a URL path pattern such as /*", 128),
                               "Path pattern routed to the service"}
                             .def_value(k_load_balanced.path),
                         Field{"health_check_path",
                               text("^/[^\\s]*$", "is a URL path such as /health", 128),
                               "Target group health check path"}
                             .def_value(k_load_balanced.health_check_path),
                         Field{"priority", whole(1, 50000), "Listener rule priority"},
                     }),
              "Route load balancer traffic to this service (needs load_balancer)"},
          Field{"autoscaling",
                object("autoscaling",
                       {
                           Field{"min", whole(0, 1000), "Minimum tasks"}.def("count"),
                           Field{"max", whole(1, 1000), "Maximum tasks"}.require().ex("4"),
                           Field{"cpu_target", whole(1, 100), "Target average CPU %"},
                           Field{"memory_target", whole(1, 100), "Target average memory %"},
                       }),
                "Target-tracking scaling of the task count"},
          Field{"logs",
                object("logs",
                       {Field{"retention_days",
                              int_one_of({1,    3,    5,    7,    14,   30,  60,  90,
                                          120,  150,  180,  365,  400,  545, 731, 1096,
                                          1827, 2192, 2557, 2922, 3288, 3653}),
                              "CloudWatch Logs retention"}
                            .def_value(k_service.log_retention_days),
                        Field{"ingested_gb", number(0, 1e7), "Usage: GB of logs written a month"}}),
                "CloudWatch Logs settings"},
      });
}

Type database_type() {
  static const Database k_database;
  static const DatabasePurchase k_database_purchase;
  static const Litestream k_litestream;
  static const S3Sync k_s3_sync;
  std::vector<std::string> engines;
  for (const auto& [engine, name] : engine_names()) {
    engines.emplace_back(name);
  }
  std::vector<Field> database_fields = {
      Field{"engine", one_of(engines), "Where the application's data lives"}.def_value(
          std::string(to_string(k_database.engine))),
      Field{"service", text("^[a-z][a-z0-9-]*$", "names a service", 32),
            "Service that owns the database; default: the first service"},
      Field{"path", text("^/[^\\s]*$", "is an absolute path in the container", 256),
            "Path of the SQLite file in the container"}
          .only("engine: sqlite*")
          .def_value(k_database.path),
      Field{"replica_bucket", bucket_name(),
            "Bucket that holds Litestream replicas; default: NAME-ENVIRONMENT-litestream. When it "
            "names a bucket under buckets:, that bucket's settings are used"}
          .only("engine: sqlite-litestream"),
      Field{"litestream",
            object(
                "litestream",
                {
                    Field{"sync_interval", duration(), "How often the WAL is shipped to S3"}
                        .def_value(k_litestream.sync_interval.text),
                    Field{"snapshot_interval", duration(), "How often a full snapshot is taken"}
                        .def_value(k_litestream.snapshot_interval.text),
                    Field{"retention", duration(), "How long snapshots and WAL are kept"}.def_value(
                        k_litestream.retention.text),
                    Field{"validation_interval", duration(),
                          "How often a replica is restored and checked; off when absent"},
                }),
            "Litestream replication settings"}
          .only("engine: sqlite-litestream"),
      Field{"bucket", bucket_name(),
            "Bucket the database file is synced to; default: NAME-ENVIRONMENT-db. When it names a "
            "bucket under buckets:, that bucket's settings are used"}
          .only("engine: sqlite-s3-sync"),
      Field{
          "s3_sync",
          object("s3_sync",
                 {
                     Field{"periodic", flag(),
                           "Upload on an interval while the task runs; false syncs only when "
                           "the task starts and stops"}
                         .def_value(k_s3_sync.periodic),
                     Field{"interval", duration(),
                           "Periodic upload interval while the task runs (besides start and stop)"}
                         .def_value(k_s3_sync.interval.text),
                     Field{"backup_retention_days", whole(1, 36500),
                           "Days timestamped backups are kept; kept forever when absent"},
                 }),
          "Periodic S3 sync settings"}
          .only("engine: sqlite-s3-sync"),
      Field{"efs",
            object("efs",
                   {Field{"throughput_mode", one_of({"bursting", "elastic"}), "EFS throughput mode"}
                        .def_value(k_database.efs_throughput_mode)}),
            "EFS file system settings"}
          .only("engine: sqlite-efs"),
  };
  // RDS and Aurora settings may be given flat under `database:` (as scenario patches often do)
  // or nested under `rds:` / `aurora:`.
  for (auto fields : {rds_fields(), aurora_fields()}) {
    for (auto& f : fields) {
      bool present = false;
      for (const auto& existing : database_fields) {
        present = present || existing.name == f.name;
      }
      if (!present) {
        f.applies = "engine: rds-* or aurora-*, same as under rds: or aurora:";
        f.default_text.clear();
        database_fields.push_back(f);
      }
    }
  }
  database_fields.push_back(Field{
      "purchase",
      object("database purchase",
             {
                 Field{"model", one_of({"on-demand", "database-savings-plan"}),
                       "How instance hours and Serverless v2 capacity are bought"}
                     .def_value(std::string(
                         k_database_purchase.savings_plan ? "database-savings-plan" : "on-demand")),
                 Field{"term", one_of({"1y"}),
                       "Commitment term (AWS sells Database Savings Plans for one year)"}
                     .def_value(k_database_purchase.term)
                     .only("model: database-savings-plan"),
                 Field{"payment", one_of({"no-upfront"}), "Payment option"}
                     .def_value(k_database_purchase.payment)
                     .only("model: database-savings-plan"),
                 Field{"commitment_per_hour", money(0.001, 1e6),
                       "Hourly commitment in USD; default: the amount that covers steady "
                       "usage"}
                     .only("model: database-savings-plan")
                     .ex("0.2"),
             }),
      "Purchase option of the database's instances or capacity"}
                                .only("engine: rds-* or aurora-*")
                                .ex("{model: database-savings-plan, term: 1y}"));
  database_fields.push_back(
      Field{"rds", object("rds", rds_fields()), "RDS instance settings"}.only("engine: rds-*"));
  database_fields.push_back(
      Field{"aurora", object("aurora", aurora_fields()), "Aurora cluster settings"}.only(
          "engine: aurora-*"));
  database_fields.push_back(Field{
      "usage",
      object(
          "database usage",
          {
              Field{"size_gb", number(0, 1e6), "Size of the data in GB"},
              Field{"writes_per_second", number(0, 1e6), "Average write transactions a second"},
              Field{"reads_per_second", number(0, 1e6), "Average reads a second"},
              Field{"backup_gb", number(0, 1e7),
                    "Backup storage in GB (backups and snapshots); AWS bills what exceeds the "
                    "provisioned storage (RDS) or the cluster volume (Aurora)"},
              Field{"io_requests_per_month", number(0, 1e15), "Aurora I/O requests a month"},
              Field{"average_acu", number(0, 256), "Average Serverless v2 capacity in ACUs"},
              Field{"restores_per_month", number(0, 1e6), "Task starts that restore the database"},
          }),
      "Usage assumptions for the database; documented defaults apply when absent"});
  return object("database", database_fields);
}

Type build() {
  static const Spec k_spec;
  Type spec = object(
      "spec",
      {
          Field{"version", int_one_of({1}), "Spec format version"}.require().ex("1"),
          Field{"name",
                text("^[a-z]([a-z0-9-]*[a-z0-9])?$",
                     "starts with a letter, has only a-z, 0-9 and '-', and does not end with '-'",
                     24),
                "Stack name; the prefix of every resource name"}
              .require()
              .ex("myapp"),
          Field{"region", one_of(aws::regions()), "AWS region"}.require().ex("us-east-1"),
          Field{"environment", text("^[a-z][a-z0-9-]*$", "has only a-z, 0-9 and '-'", 16),
                "Environment name"}
              .def_value(k_spec.environment),
          Field{"tags",
                map_of(text("^[A-Za-z0-9 _.:/=+@-]*$",
                            "has only letters, digits, spaces and _.:/=+@- (AWS's tag characters)",
                            256),
                       "^(?!aws:)[A-Za-z0-9 _.:/=+@-]+$",
                       "are 1 to 128 characters of letters, digits, spaces and _.:/=+@- and do not "
                       "start with aws:",
                       128),
                "Tags applied to every resource"}
              .ex("{Project: myapp}"),
          Field{"network", network_type(), "VPC to run in"},
          Field{"compute", compute_type(), "Where containers run and how capacity is bought"},
          Field{"services", list(service_type(), 50), "Containers to run as ECS services"},
          Field{"database", database_type(), "Database"},
          Field{"free_tier", flag(), "Apply the AWS 12-month free tier where it is eligible"}
              .def_value(k_spec.free_tier),
          Field{"scenarios",
                map_of(any_object(), "^[a-z][a-z0-9_-]*$",
                       "start with a letter and have only a-z, 0-9, '_' and '-' (32 at most)", 32),
                "Named variants; each is a JSON Merge Patch (RFC 7386) over the rest of the spec"}
              .ex("{current: {...}, target: {}}"),
      });
  // The sections kinds define in their own folders come before free_tier.
  auto at = std::find_if(spec.fields.begin(), spec.fields.end(),
                         [](const Field& f) { return f.name == "free_tier"; });
  for (const Section* section : kind_sections()) {
    at = std::next(spec.fields.insert(
        at, Field{std::string(section->key), section->type(), std::string(section->doc)}));
  }
  return spec;
}

}  // namespace

Type bucket_name() {
  Type t = text("^[a-z0-9][a-z0-9.-]*[a-z0-9]$",
                "is 3 to 63 characters of lowercase letters, digits, '.' and '-', beginning and "
                "ending with a letter or digit",
                63);
  t.min_length = 3;
  return t;
}

const Type& spec_v1() {
  static const Type schema = build();
  return schema;
}

}  // namespace stackplan::spec
