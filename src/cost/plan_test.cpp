// Each cost component's formula against hand-computed values, on a small catalog written
// here (the prices are the snapshot's, cited there; these tests check arithmetic, not prices).

#include "cost/plan.hpp"

#include <catch2/catch.hpp>

#include "spec/load.hpp"
#include "support/test_catalog.hpp"

using stackplan::Decimal;
using stackplan::cost::ScenarioPlan;
using stackplan::model::LineItem;
using stackplan::model::Warning;

namespace {

const char* k_prices =
    R"(us-east-1	ec2/instance/t4g.small	on-demand	0	Inf	Hrs	0.0168		t
us-east-1	ec2/instance/t4g.small	savings-plan/compute/1y/no-upfront	0	Inf	Hrs	0.0121		t
us-east-1	ec2/instance/t4g.small	savings-plan/compute/1y/all-upfront	0	Inf	Hrs	0.0115		t
us-east-1	ec2/instance/t4g.small	spot/use1-az1	0	Inf	Hrs	0.005		t
us-east-1	ec2/instance/t4g.small	spot/use1-az2	0	Inf	Hrs	0.007		t
us-east-1	ec2/instance/t4g.small	reserved/1y/standard/partial-upfront	0	Inf	Hrs	0.005	44	t
us-east-1	ec2/ebs/gp3	on-demand	0	Inf	GB-Mo	0.08		t
us-east-1	ec2/ebs/gp3/iops	on-demand	0	Inf	IOPS-Mo	0.005		t
us-east-1	vpc/public-ipv4	on-demand	0	Inf	Hrs	0.005		t
us-east-1	fargate/vcpu/x86_64	on-demand	0	Inf	hours	0.04048		t
us-east-1	fargate/memory/x86_64	on-demand	0	Inf	hours	0.004445		t
us-east-1	rds/instance/postgres/db.t4g.micro/single-az	on-demand	0	Inf	Hrs	0.016		t
us-east-1	rds/storage/gp3/single-az	on-demand	0	Inf	GB-Mo	0.115		t
us-east-1	rds/storage/gp2/multi-az	on-demand	0	Inf	GB-Mo	0.23		t
us-east-1	rds/storage/gp3/multi-az	on-demand	0	Inf	GB-Mo	0.23		t
us-east-1	rds/iops/gp3/single-az	on-demand	0	Inf	IOPS-Mo	0.02		t
us-east-1	rds/iops/gp3/multi-az	on-demand	0	Inf	IOPS-Mo	0.04		t
us-east-1	rds/throughput/gp3/multi-az	on-demand	0	Inf	MiBps-Mo	0.16		t
us-east-1	rds/backup	on-demand	0	Inf	GB-Mo	0.095		t
us-east-1	aurora/instance/postgres/db.r6g.large/standard	on-demand	0	Inf	Hrs	0.26		t
us-east-1	aurora/serverless-v2/postgres/io-optimized	on-demand	0	Inf	ACU-Hr	0.16		t
us-east-1	aurora/storage/postgres/standard	on-demand	0	Inf	GB-Mo	0.1		t
us-east-1	aurora/storage/postgres/io-optimized	on-demand	0	Inf	GB-Mo	0.225		t
us-east-1	aurora/io/postgres	on-demand	0	Inf	IOs	0.0000002		t
us-east-1	aurora/backup/postgres	on-demand	0	Inf	GB-Mo	0.021		t
us-east-1	s3/storage/standard	on-demand	0	51200	GB-Mo	0.023		t
us-east-1	s3/storage/standard	on-demand	51200	512000	GB-Mo	0.022		t
us-east-1	s3/storage/standard	on-demand	512000	Inf	GB-Mo	0.021		t
us-east-1	s3/requests/tier1	on-demand	0	Inf	Requests	0.000005		t
us-east-1	s3/requests/tier2	on-demand	0	Inf	Requests	0.0000004		t
us-east-1	s3/storage/standard-ia	on-demand	0	Inf	GB-Mo	0.0125		t
us-east-1	s3/requests/standard-ia/tier1	on-demand	0	Inf	Requests	0.00001		t
us-east-1	s3/requests/standard-ia/tier2	on-demand	0	Inf	Requests	0.000001		t
us-east-1	efs/storage/standard	on-demand	0	Inf	GB-Mo	0.3		t
us-east-1	efs/elastic/read	on-demand	0	Inf	GB	0.03		t
us-east-1	efs/elastic/write	on-demand	0	Inf	GB	0.06		t
us-east-1	s3/retrieval/standard-ia	on-demand	0	Inf	GB	0.01		t
us-east-1	s3/monitoring/intelligent-tiering	on-demand	0	Inf	Objects	0.0000025		t
us-east-1	transfer/out	on-demand	0	10240	GB	0.09		t
us-east-1	transfer/out	on-demand	10240	51200	GB	0.085		t
)";

const stackplan::pricing::Catalog& catalog() {
  static const auto c = stackplan::testing::test_catalog(k_prices);
  return c;
}

/// The same prices, with their source dated `date` (which decides the plan's date).
stackplan::pricing::Catalog catalog_dated(const std::string& date) {
  return stackplan::testing::test_catalog(k_prices, date);
}

Decimal dec(const char* text) {
  return *Decimal::parse(text);
}

struct Planned {
  ScenarioPlan plan;
  std::vector<Warning> warnings;

  const LineItem& item(const std::string& fragment) const {
    for (const auto& i : plan.items) {
      if (i.description.find(fragment) != std::string::npos) {
        return i;
      }
    }
    FAIL("no line item containing '" << fragment << "'");
    throw std::logic_error("unreachable");
  }
  bool has(const std::string& fragment) const {
    for (const auto& i : plan.items) {
      if (i.description.find(fragment) != std::string::npos) {
        return true;
      }
    }
    return false;
  }
  bool warned(const std::string& code) const {
    for (const auto& w : warnings) {
      if (w.code == code) {
        return true;
      }
    }
    return false;
  }
};

/// Plans the base of a spec whose body follows the common header.
Planned plan(const std::string& body, const stackplan::model::UsageOverrides& usage = {},
             const stackplan::pricing::Catalog& prices = catalog()) {
  std::string text = "version: 1\nname: t\nregion: us-east-1\nnetwork: {vpc: existing}\n" + body;
  stackplan::Diagnostics diags;
  auto loaded = stackplan::spec::load_spec_text("t.yaml", text, diags);
  for (const auto& d : diags.all()) {
    UNSCOPED_INFO(stackplan::format_diagnostic(d));
  }
  REQUIRE(loaded);
  Planned p;
  p.plan = stackplan::cost::plan_scenario("base", loaded->variants.front().spec, prices, usage,
                                          p.warnings);
  return p;
}

const char* k_ec2 =
    "compute: {platform: ec2, instance_type: t4g.small, min: 2, max: 2, desired: 2, "
    "root_volume: {size_gb: 30, type: gp3}, purchase: ";

}  // namespace

TEST_CASE("EC2 on-demand: instances x 730 h, root volumes, public IPv4", "[cost]") {
  auto p = plan(std::string(k_ec2) + "{model: on-demand}, public_ip: true}\n");
  CHECK(p.item("EC2 t4g.small x 2, on-demand").monthly == dec("24.528"));  // 2*730*0.0168
  CHECK(p.item("root volume").monthly == dec("4.8"));                      // 60 GB * 0.08
  CHECK(p.item("Public IPv4").monthly == dec("7.3"));                      // 1460 h * 0.005
  CHECK(p.plan.monthly == dec("36.63"));                                   // 36.628
  CHECK(p.plan.annual == dec("439.56"));
}

TEST_CASE("Spot: on-demand base and percentage, mean of the AZ observations", "[cost]") {
  auto p = plan(std::string(k_ec2) +
                "{model: spot, spot: {instance_types: [t4g.small], on_demand_base: 1, "
                "on_demand_percentage: 0}}}\n");
  CHECK(p.item("x 1, on-demand part").monthly == dec("12.264"));  // 730 * 0.0168
  const LineItem& spot = p.item("x 1, Spot");
  CHECK(spot.unit_price == dec("0.006"));  // (0.005 + 0.007) / 2
  CHECK(spot.monthly == dec("4.38"));

  auto override_price =
      plan(std::string(k_ec2) + "{model: spot, spot: {hourly_prices: {t4g.small: 0.0042}}}}\n");
  CHECK(override_price.item("x 2, Spot").monthly == dec("6.132"));  // 1460 * 0.0042
}

TEST_CASE("Savings Plan: commitment, uncovered usage, over-commitment", "[cost]") {
  SECTION("a commitment that covers the usage costs exactly the commitment") {
    // Usage at the plan's rate: 2 * 0.0121 = 0.0242/h; 0.0242 commitment covers it exactly.
    auto p = plan(std::string(k_ec2) +
                  "{model: savings-plan, savings_plan: {commitment_per_hour: 0.0242}}}\n");
    CHECK(p.item("$0.0242/h commitment").monthly == dec("17.666"));
    CHECK_FALSE(p.has("beyond the commitment"));
    CHECK_FALSE(p.warned("plan.savings-plan-overcommitted"));
  }
  SECTION("the default commitment is the steady usage at the plan's rates") {
    auto p = plan(std::string(k_ec2) + "{model: savings-plan}}\n");
    CHECK(p.item("commitment").unit_price == dec("0.0242"));
  }
  SECTION("a small commitment leaves the rest on-demand") {
    // Covers 0.0121 / 0.0242 = half; the other 730 instance-hours run at 0.0168.
    auto p = plan(std::string(k_ec2) +
                  "{model: savings-plan, savings_plan: {commitment_per_hour: 0.0121}}}\n");
    const LineItem& rest = p.item("share beyond the commitment");
    CHECK(rest.quantity == dec("730"));
    CHECK(rest.monthly == dec("12.264"));
    CHECK(p.item("commitment").monthly == dec("8.833"));
  }
  SECTION("too large a commitment is paid in full and warned about") {
    auto p = plan(std::string(k_ec2) +
                  "{model: savings-plan, savings_plan: {commitment_per_hour: 0.05}}}\n");
    CHECK(p.item("commitment").monthly == dec("36.5"));
    CHECK(p.warned("plan.savings-plan-overcommitted"));
  }
  SECTION("all upfront: the payment is amortised over the term and shown separately") {
    auto p = plan(std::string(k_ec2) +
                  "{model: savings-plan, savings_plan: {payment: all-upfront, "
                  "commitment_per_hour: 0.023}}}\n");
    const LineItem& upfront = p.item("upfront amortised over 12 months");
    CHECK(upfront.upfront == dec("201.48"));  // 0.023 * 8760
    CHECK(upfront.monthly == dec("16.79"));   // 0.023 * 730
    CHECK(p.plan.upfront == dec("201.48"));
  }
  SECTION("without the plan's rate the commitment is counted and the rest is missing") {
    auto p = plan(std::string(k_ec2) +
                  "{model: savings-plan, savings_plan: {payment: partial-upfront, "
                  "commitment_per_hour: 0.024}}}\n");
    CHECK(p.item("recurring part").monthly == dec("8.76"));     // 0.012 * 730
    CHECK(p.item("upfront amortised").monthly == dec("8.76"));  // 105.12 / 12
    const LineItem& rest = p.item("beyond the commitment");
    CHECK(rest.missing);
    // Bounded: 2 x 730 h x $0.0168 on-demand, less the $17.52 the commitment at least covers.
    REQUIRE(rest.assumption);
    CHECK(rest.assumption->find("at most $7.01 a month: $24.53 on-demand less the $17.52") == 0);
    CHECK(p.warned("plan.savings-plan-rate-missing"));
  }
}

TEST_CASE("Reserved: hourly rate plus the amortised upfront fee", "[cost]") {
  auto p = plan(std::string(k_ec2) +
                "{model: reserved, reserved: {term: 1y, payment: partial-upfront}}}\n");
  CHECK(p.item("Reserved 1y standard partial-upfront").monthly == dec("7.3"));  // 1460 * 0.005
  const LineItem& fee = p.item("upfront amortised over 12 months");
  CHECK(fee.monthly == dec("7.3333333334"));  // 2 * 44 / 12
  CHECK(fee.upfront == dec("88"));
}

TEST_CASE("Fargate: vCPU-hours and GB-hours, autoscaling range", "[cost]") {
  auto p = plan(
      "compute: {platform: fargate}\n"
      "services:\n"
      "  - {name: api, image: nginx:1, cpu: 512, memory: 1024, count: 2,\n"
      "     autoscaling: {min: 2, max: 4, cpu_target: 70}}\n");
  const LineItem& cpu = p.item("vCPU, on-demand");
  CHECK(cpu.quantity == dec("730"));  // 2 tasks * 0.5 vCPU * 730
  CHECK(cpu.monthly == dec("29.5504"));
  CHECK(cpu.monthly_at_max == dec("59.1008"));
  CHECK(p.item("memory, on-demand").monthly == dec("6.4897"));  // 1460 GB-h * 0.004445
}

TEST_CASE("RDS: deployment rates, storage, backup, and the free tier only where it applies",
          "[cost]") {
  // Before 2026-07-15 an account created before 2025-07-15 could still have the free tier.
  const auto may_2026 = catalog_dated("2026-05-01");
  SECTION("eligible: Single-AZ micro with free_tier") {
    auto p = plan(
        "free_tier: true\n"
        "database: {engine: rds-postgres, rds: {version: '16', instance_class: db.t4g.micro,\n"
        "  storage: {type: gp3, size_gb: 30}}, usage: {backup_gb: 40}}\n",
        {}, may_2026);
    CHECK(p.item("RDS PostgreSQL db.t4g.micro, Single-AZ").monthly == dec("11.68"));
    CHECK(p.item("750 instance-hours").monthly == dec("-11.68"));
    CHECK(p.item("RDS storage gp3").monthly == dec("3.45"));
    CHECK(p.item("20 GB of General Purpose").monthly == dec("-2.3"));
    CHECK(p.item("backup storage").monthly == dec("0.95"));  // 40 GB, 30 of them free
    CHECK(p.plan.monthly == dec("2.1"));
  }
  SECTION("after 2026-07-14 no account has the 12-month free tier") {
    auto p = plan(
        "free_tier: true\n"
        "database: {engine: rds-postgres, rds: {version: '16', instance_class: db.t4g.micro,\n"
        "  storage: {type: gp3, size_gb: 30}}}\n");
    CHECK(p.warned("plan.free-tier-ended"));
    CHECK_FALSE(p.has("Free Tier"));
    CHECK(p.item("RDS PostgreSQL db.t4g.micro, Single-AZ").monthly == dec("11.68"));
  }
  SECTION("Multi-AZ gets no free tier, and a warning") {
    auto p = plan(
        "free_tier: true\n"
        "database: {engine: rds-postgres, rds: {version: '13.20', instance_class: db.t4g.micro,\n"
        "  multi_az: true, storage: {type: gp2, size_gb: 20}}}\n",
        {}, may_2026);
    CHECK(p.warned("plan.free-tier-not-eligible"));
    CHECK_FALSE(p.has("Free Tier"));
    CHECK(p.item("RDS storage gp2, Multi-AZ").monthly == dec("4.6"));  // not seed 000's $1.63
    const LineItem& instance = p.item("Multi-AZ, on-demand");
    CHECK(instance.missing);
    CHECK_FALSE(instance.unit_price);
    CHECK(p.warned("plan.price-missing"));
    CHECK(p.plan.missing == 1);
  }
}

TEST_CASE("Aurora: I/O for Standard only; Serverless v2 from min ACU by default", "[cost]") {
  SECTION("provisioned Standard") {
    auto p = plan(
        "database: {engine: aurora-postgres, aurora: {version: '15.4', instance_class: "
        "db.r6g.large, instances: 2}, usage: {size_gb: 50, io_requests_per_month: 5000000}}\n");
    CHECK(p.item("db.r6g.large x 2").monthly == dec("379.6"));  // 1460 * 0.26
    CHECK(p.item("storage, Standard").monthly == dec("5"));
    const LineItem& io = p.item("I/O requests");
    CHECK(io.quantity == dec("5"));
    CHECK(io.unit_price == dec("0.2"));
    CHECK(io.monthly == dec("1"));
  }
  SECTION("Serverless v2 I/O-Optimized") {
    auto p = plan(
        "database: {engine: aurora-postgres, aurora: {version: '15.4', instance_class: "
        "db.serverless, serverless_v2: {min_acu: 0.5, max_acu: 4}, io_optimized: true}}\n");
    CHECK(p.item("Serverless v2").quantity == dec("365"));  // 0.5 ACU * 730
    CHECK(p.item("Serverless v2").monthly == dec("58.4"));
    CHECK_FALSE(p.has("I/O requests"));
    CHECK(p.item("storage, I/O-Optimized").monthly == dec("2.25"));  // 10 GB default
  }
  SECTION("a cluster that may pause is priced running at 0.5 ACU, not free") {
    auto p = plan(
        "database: {engine: aurora-postgres, aurora: {version: '16.4', instance_class: "
        "db.serverless, serverless_v2: {min_acu: 0, max_acu: 4}}}\n");
    CHECK(p.item("Serverless v2").quantity == dec("365"));  // 0.5 ACU * 730
    CHECK(p.item("Serverless v2").assumption->find("average_acu = 0.5 (default)") == 0);
  }
  SECTION("backup storage is free up to 100% of the cluster volume") {
    auto within = plan(
        "database: {engine: aurora-postgres, aurora: {instance_class: db.r6g.large}, "
        "usage: {size_gb: 50, backup_gb: 50}}\n");
    CHECK(within.item("backup storage beyond 100% of the cluster volume").quantity == dec("0"));
    auto beyond = plan(
        "database: {engine: aurora-postgres, aurora: {instance_class: db.r6g.large}, "
        "usage: {size_gb: 50, backup_gb: 80}}\n");
    const LineItem& billed = beyond.item("backup storage beyond 100% of the cluster volume");
    CHECK(billed.quantity == dec("30"));
    CHECK(billed.monthly == dec("0.63"));  // 30 GB-months * 0.021
  }
}

TEST_CASE("Litestream on S3: storage, requests and noncurrent versions", "[cost]") {
  auto p = plan(
      "compute: {platform: ec2, instance_type: t4g.small, purchase: {model: on-demand}}\n"
      "services: [{name: app, image: app:1, cpu: 256, memory: 256}]\n"
      "database:\n"
      "  engine: sqlite-litestream\n"
      "  replica_bucket: app-replica\n"
      "  litestream: {sync_interval: 10s, snapshot_interval: 24h, retention: 72h}\n"
      "  usage: {size_gb: 2, writes_per_second: 0.01, restores_per_month: 2}\n"
      "buckets: [{name: app-replica, versioning: true, lifecycle: {noncurrent_expire_days: 2}}]\n");
  // 4 snapshots of 2 GB within 72 h, plus 0.01 * 4096 B * 259,200 s of WAL.
  const LineItem& storage = p.item("Litestream replica storage");
  CHECK(storage.quantity.to_string() == "8.0098876953");
  // WAL PUTs: min(2,628,000 / 10, 0.01 * 2,628,000) = 26,280; snapshots 30.4166...; 730 LISTs.
  const LineItem& puts = p.item("PUT/LIST");
  CHECK(puts.quantity == (dec("26280") + dec("2628000") / dec("86400") + dec("730")) / dec("1000"));
  // GETs: 2 restores * (1 snapshot + the WAL since it: on average half of min(8,640, 864)
  // segments, as a restore comes at any time between snapshots).
  CHECK(p.item("GET requests").quantity == dec("0.866"));
  // Deleted per day: one 2 GB snapshot plus a day of WAL; kept 2 days.
  // 2 GB + 0.01 * 4096 B * 86,400 s = 2.0032958984 GB a day, 2 days held at any time.
  CHECK(p.item("Noncurrent versions of pruned replica files, kept 2 days").quantity ==
        dec("4.0065917968"));
  CHECK_FALSE(p.has("S3 standard storage, app-replica"));  // not counted twice
}

TEST_CASE("S3 sync without expiry warns about growth", "[cost]") {
  auto p = plan(
      "compute: {platform: ec2, instance_type: t4g.small, purchase: {model: on-demand}}\n"
      "services: [{name: app, image: app:1, cpu: 256, memory: 256}]\n"
      "database: {engine: sqlite-s3-sync, bucket: app-sync, s3_sync: {interval: 1h},\n"
      "  usage: {size_gb: 0.5}}\n");
  CHECK(p.item("S3 sync uploads").quantity == dec("0.73"));  // 730 uploads
  CHECK(p.warned("plan.unbounded-growth"));
}

TEST_CASE("usage overrides win over the spec and the defaults", "[cost]") {
  stackplan::model::UsageOverrides usage;
  usage["aws_s3_bucket.logs"]["storage_gb"] = 60000;
  auto p = plan("buckets: [{name: logs, usage: {storage_gb: 5}}]\n", usage);
  // 51,200 GB at 0.023, then 8,800 GB at 0.022.
  CHECK(p.item("(tier from 0)").monthly == dec("1177.6"));
  CHECK(p.item("(tier from 51,200)").monthly == dec("193.6"));
  CHECK(p.item("(tier from 0)").assumption == "storage_gb = 60,000 (usage file)");
}

TEST_CASE("a quantity beyond the catalog's last tier is a missing price, never dropped", "[cost]") {
  // This catalog knows the first 50 TB only: 20,000 GB is priced, 60,000 GB is not all priced.
  const char* service = "services: [{name: api, image: nginx, cpu: 256, memory: 512}]\n";
  Planned within = plan(service, {{"data_transfer.internet", {{"out_gb", 20000}}}});
  CHECK(within.item("tier from 0").monthly == dec("921.6"));
  CHECK(within.item("tier from 10,240").monthly == dec("829.6"));
  CHECK_FALSE(within.has("(beyond"));
  Planned beyond = plan(service, {{"data_transfer.internet", {{"out_gb", 60000}}}});
  const LineItem& rest = beyond.item("(beyond 51,200)");
  CHECK(rest.missing);
  CHECK(rest.quantity == dec("8800"));
  CHECK(rest.monthly.is_zero());
  CHECK(beyond.warned("plan.price-missing"));
}

TEST_CASE("Serverless v2 bills every instance; Fargate tasks with public IPs bill IPv4", "[cost]") {
  Planned two = plan(
      "database: {engine: aurora-postgres, aurora: {serverless_v2: {min_acu: 2, max_acu: 4}, "
      "instances: 2, io_optimized: true}}\n");
  // 2 instances x 2 ACU x 730 h at $0.16.
  const LineItem& acu = two.item("Serverless v2");
  CHECK(acu.quantity == dec("2920"));
  CHECK(acu.monthly == dec("467.2"));
  CHECK(acu.description.find("x 2 instances") != std::string::npos);

  Planned tasks = plan(
      "compute: {platform: fargate, public_ip: true}\n"
      "services: [{name: api, image: nginx, cpu: 256, memory: 512, count: 3}]\n");
  const LineItem& ip = tasks.item("Public IPv4 address per task, api x 3");
  CHECK(ip.quantity == dec("2190"));
  CHECK(ip.monthly == dec("10.95"));
  Planned private_tasks =
      plan("services: [{name: api, image: nginx, cpu: 256, memory: 512, count: 3}]\n");
  CHECK_FALSE(private_tasks.has("Public IPv4"));
}

TEST_CASE("a delta with missing prices is a bound, or unknown", "[cost]") {
  using stackplan::cost::Bound;
  auto scenario = [](const char* name, const char* monthly, std::size_t missing) {
    ScenarioPlan s;
    s.name = name;
    s.monthly = dec(monthly);
    s.missing = missing;
    return s;
  };
  auto deltas = stackplan::cost::deltas_against(
      {scenario("base", "100", 0), scenario("cheaper", "80", 1), scenario("dearer", "120", 0)},
      "base");
  REQUIRE(deltas.size() == 2);
  CHECK(deltas[0].bound == Bound::at_least);  // the scenario's missing prices can only add
  CHECK(deltas[0].percent == dec("-20"));
  CHECK(deltas[1].bound == Bound::exact);
  auto from_incomplete = stackplan::cost::deltas_against(
      {scenario("base", "100", 2), scenario("a", "80", 0), scenario("b", "90", 1)}, "base");
  CHECK(from_incomplete[0].bound == Bound::at_most);
  CHECK(from_incomplete[1].bound == Bound::unknown);
  CHECK_FALSE(from_incomplete[1].percent.has_value());
}

TEST_CASE("RDS gp3 IOPS and throughput above the included baseline are lines", "[cost]") {
  auto single = plan(
      "database: {engine: rds-postgres, rds: {instance_class: db.t4g.micro,\n"
      "  storage: {type: gp3, size_gb: 400, iops: 15000}}}\n");
  const LineItem& iops = single.item("RDS gp3 IOPS above the 12000 included, Single-AZ");
  CHECK(iops.quantity == dec("3000"));
  CHECK(iops.monthly == dec("60"));
  auto multi = plan(
      "database: {engine: rds-postgres, rds: {instance_class: db.t4g.micro, multi_az: true,\n"
      "  storage: {type: gp3, size_gb: 500, iops: 13000, throughput_mbps: 600}}}\n");
  CHECK(multi.item("IOPS above the 12000 included, Multi-AZ").monthly == dec("40"));
  CHECK(multi.item("throughput above the 500 MiB/s included, Multi-AZ").monthly == dec("16"));
  auto baseline = plan(
      "database: {engine: rds-postgres, rds: {instance_class: db.t4g.micro,\n"
      "  storage: {type: gp3, size_gb: 400, iops: 12000}}}\n");
  CHECK_FALSE(baseline.has("above the"));
}

TEST_CASE("S3 requests are priced by the bucket's storage class", "[cost]") {
  auto ia = plan(
      "buckets: [{name: cold-files, storage_class: standard-ia,\n"
      "  usage: {storage_gb: 100, put_requests_per_month: 10000, get_requests_per_month: 100000}}]"
      "\n");
  CHECK(ia.item("S3 standard-ia storage").monthly == dec("1.25"));
  // Standard-IA: $0.01 per 1,000 PUTs and $0.001 per 1,000 GETs (Standard: $0.005, $0.0004).
  CHECK(ia.item("PUT, COPY, POST, LIST requests (standard-ia)").monthly == dec("0.1"));
  CHECK(ia.item("GET and other requests (standard-ia)").monthly == dec("0.1"));
  auto standard = plan("buckets: [{name: files, usage: {put_requests_per_month: 10000}}]\n");
  CHECK(standard.item("S3 PUT, COPY, POST, LIST requests").monthly == dec("0.05"));
  CHECK_FALSE(standard.has("(standard)"));
}

TEST_CASE("S3 retrieval fees and Intelligent-Tiering monitoring", "[cost]") {
  // Standard-IA: $0.01 per GB read back; by default the stored volume is read once a month.
  auto by_default =
      plan("buckets: [{name: cold-files, storage_class: standard-ia, usage: {storage_gb: 100}}]\n");
  const LineItem& all = by_default.item("S3 data retrieval (standard-ia)");
  CHECK(all.quantity == dec("100"));
  CHECK(all.monthly == dec("1"));
  auto given = plan(
      "buckets: [{name: cold-files, storage_class: standard-ia,\n"
      "  usage: {storage_gb: 100, retrieved_gb: 5}}]\n");
  CHECK(given.item("S3 data retrieval (standard-ia)").monthly == dec("0.05"));
  // Intelligent-Tiering: $0.0025 per 1,000 monitored objects, no retrieval fee.
  auto tiered = plan(
      "buckets: [{name: tiered, storage_class: intelligent-tiering,\n"
      "  usage: {monitored_objects: 2000000}}]\n");
  CHECK(tiered.item("Intelligent-Tiering monitoring").monthly == dec("5"));
  CHECK_FALSE(tiered.has("retrieval"));
  // Standard has neither.
  auto standard = plan("buckets: [{name: files}]\n");
  CHECK_FALSE(standard.has("retrieval"));
  CHECK_FALSE(standard.has("monitoring"));
}

TEST_CASE("a quadrillion requests a month are priced exactly", "[cost]") {
  // 10^15 PUTs at $0.005 per 1,000 and 10^15 GETs at $0.0004 per 1,000: amounts beyond the
  // 64-bit range of ten-digit fixed point, exact in Decimal's 128 bits.
  auto p = plan(
      "buckets: [{name: files, usage: {put_requests_per_month: 1000000000000000, "
      "get_requests_per_month: 1000000000000000}}]\n");
  const LineItem& puts = p.item("S3 PUT, COPY, POST, LIST requests");
  CHECK(puts.quantity == dec("1000000000000"));  // in thousands
  CHECK(puts.monthly == dec("5000000000"));
  CHECK(p.item("S3 GET and other requests").monthly == dec("400000000"));
}

TEST_CASE("at maximum scale, every instance brings its volume, IOPS and public IPv4", "[cost]") {
  auto p = plan(
      "compute: {platform: ec2, instance_type: t4g.small, min: 1, max: 3, desired: 1, "
      "public_ip: true, root_volume: {size_gb: 30, type: gp3, iops: 4000}, "
      "purchase: {model: on-demand}}\n");
  CHECK(p.item("EC2 t4g.small x 1").monthly_at_max == dec("36.792"));  // 3 x 730 x 0.0168
  CHECK(p.item("root volume").monthly_at_max == dec("7.2"));           // 3 x 30 GB x 0.08
  CHECK(p.item("Public IPv4 address per instance").monthly_at_max ==
        dec("10.95"));  // 3 x 730 h x 0.005
  CHECK(p.item("EBS gp3 IOPS above the 3,000 included").monthly_at_max ==
        dec("15"));  // 3 x 1,000 IOPS x 0.005
  // The plan's maximum is the sum of every line at its maximum.
  Decimal sum;
  for (const auto& i : p.plan.items) {
    sum += i.monthly_at_max.value_or(i.monthly);
  }
  REQUIRE(p.plan.monthly_at_max);
  CHECK(*p.plan.monthly_at_max == sum.rounded(2));
}

TEST_CASE("SQLite on EFS: elastic throughput bills data read and written", "[cost]") {
  const std::string base =
      "compute: {platform: ec2, instance_type: t4g.small, purchase: {model: on-demand}}\n"
      "services: [{name: app, image: app:1, cpu: 256, memory: 256}]\n";
  stackplan::model::UsageOverrides usage;
  usage["aws_efs_file_system.data"]["read_gb"] = 20;
  usage["aws_efs_file_system.data"]["written_gb"] = 5;
  auto elastic =
      plan(base + "database: {engine: sqlite-efs, efs: {throughput_mode: elastic}}\n", usage);
  CHECK(elastic.item("EFS elastic throughput: data read").monthly == dec("0.6"));     // 20 x 0.03
  CHECK(elastic.item("EFS elastic throughput: data written").monthly == dec("0.3"));  // 5 x 0.06
  auto bursting = plan(base + "database: {engine: sqlite-efs}\n", usage);
  CHECK_FALSE(bursting.has("elastic throughput"));
}
