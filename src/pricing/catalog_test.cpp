#include "pricing/catalog.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "golden.hpp"

using namespace stackplan;
using namespace stackplan::pricing;

namespace {
/// The problem of a result that should have none ("" when it has a value).
template <class T>
std::string error_of(const stackplan::Result<T>& result) {
  return result ? std::string() : result.error();
}
}  // namespace

namespace {
const char* k_small =
    "# stackplan price catalog v1\n"
    "[sources]\n"
    "a\toffer\t2026-10-06\tAmazonRDS offer file\n"
    "[prices]\n"
    "us-east-1\ts3/storage/standard\ton-demand\t51200\t512000\tGB-Mo\t0.022\t\ta\n"
    "us-east-1\ts3/storage/standard\ton-demand\t0\t51200\tGB-Mo\t0.023\t\ta\n"
    "us-east-1\tec2/instance/m5.large\treserved/1y/standard/partial-upfront\t0\tInf\tHrs\t0.029\t"
    "252\ta\n";
}  // namespace

TEST_CASE("catalog text parses, sorts tiers and round-trips", "[catalog]") {
  auto c = Catalog::parse(k_small, "t.tsv");
  REQUIRE(c);
  auto tiers = c->find("us-east-1", "s3/storage/standard");
  REQUIRE(tiers.size() == 2);
  CHECK(tiers[0]->usd.to_string() == "0.023");
  CHECK(tiers[0]->end->to_string() == "51200");
  CHECK(tiers[1]->begin.to_string() == "51200");
  auto ri = c->find("us-east-1", "ec2/instance/m5.large", "reserved/1y/standard/partial-upfront");
  REQUIRE(ri.size() == 1);
  CHECK(ri[0]->upfront->to_string() == "252");
  CHECK(c->find("us-east-2", "s3/storage/standard").empty());
  auto again = Catalog::parse(c->to_tsv(), "again.tsv");
  REQUIRE(again);
  CHECK(again->to_tsv() == c->to_tsv());
}

TEST_CASE("catalog errors name the line", "[catalog]") {
  std::string error = error_of(Catalog::parse("hello\n", "x.tsv"));
  CHECK(error.rfind("x.tsv:1: not a stackplan price catalog", 0) == 0);
  error =
      error_of(Catalog::parse("# stackplan price catalog v1\n[prices]\n"
                              "us-east-1\tk\ton-demand\t0\tInf\tHrs\t0.1\t\tnope\n",
                              "x.tsv"));
  CHECK(error == "x.tsv:3: price cites source 'nope', which [sources] does not list");
  error =
      error_of(Catalog::parse("# stackplan price catalog v1\n[sources]\na\toffer\td\tr\n[prices]\n"
                              "us-east-1\tk\ton-demand\t0\tInf\tHrs\tabc\t\ta\n",
                              "x.tsv"));
  CHECK(error == "x.tsv:5: tier start and price must be decimal numbers");
}

TEST_CASE("a whole catalog ends with its row count; a cut or empty one is an error", "[catalog]") {
  auto c = Catalog::parse(k_small, "t.tsv");
  REQUIRE(c);
  const std::string whole = c->to_tsv();
  CHECK(whole.ends_with("\n[end]\t4 rows\n"));
  CHECK(Catalog::parse(whole, "w.tsv", nullptr, true));

  // Cut at a line boundary: the last price is gone, the end line with it.
  const std::string cut = whole.substr(0, whole.rfind("us-east-1"));
  std::string error = error_of(Catalog::parse(cut, "w.tsv", nullptr, true));
  CHECK(error.find("ends without the line '[end]<tab><rows> rows'") != std::string::npos);
  // A fragment for import needs no end line.
  CHECK(Catalog::parse(cut, "w.tsv"));

  // A row lost above the end line, or text after it.
  error = error_of(Catalog::parse(whole.substr(0, whole.find("us-east-1")) +
                                      whole.substr(whole.find('\n', whole.find("us-east-1")) + 1),
                                  "w.tsv"));
  CHECK(error.find("the end line says '[end]\t4 rows' but the file has 3 rows") !=
        std::string::npos);
  error =
      error_of(Catalog::parse(whole + "us-east-1\tk\ton-demand\t0\tInf\tHrs\t1\t\ta\n", "w.tsv"));
  CHECK(error.find("text after the [end] line") != std::string::npos);

  error = error_of(Catalog::parse("", "e.tsv"));
  CHECK(error ==
        "e.tsv:1: empty, not a stackplan price catalog (the first line must be '# "
        "stackplan price catalog v1')");
}

TEST_CASE("loading a catalog directory checks the file is whole", "[catalog]") {
  const auto dir = std::filesystem::temp_directory_path() / "stackplan-catalog-whole";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "catalog.tsv");
  std::string error = error_of(Catalog::load(dir.string()));
  CHECK(error.find("catalog.tsv: not a file") != std::string::npos);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "catalog.tsv") << "";
  error = error_of(Catalog::load(dir.string()));
  CHECK(error.find("catalog.tsv:1: empty") != std::string::npos);
  std::ofstream(dir / "catalog.tsv") << k_small;
  error = error_of(Catalog::load(dir.string()));
  CHECK(error.find("ends without the line") != std::string::npos);
  std::filesystem::remove_all(dir);
}

namespace {
Price price(const char* key, const char* begin, std::optional<const char*> end, const char* usd,
            const char* source) {
  return {"us-east-1",
          key,
          "on-demand",
          *Decimal::parse(begin),
          end ? Decimal::parse(*end) : std::nullopt,
          "GB-Mo",
          *Decimal::parse(usd),
          std::nullopt,
          source};
}
}  // namespace

TEST_CASE("merging: the newer source wins with all its tiers, the other is superseded",
          "[catalog]") {
  auto base = Catalog::parse(k_small, "t.tsv");
  REQUIRE(base);
  Catalog update;
  update.add_source({"b", "offer", "newer offer", "2026-11-01"});
  update.add_price(price("s3/storage/standard", "0", {}, "0.021", "b"));
  REQUIRE(base->merge(update).empty());
  auto tiers = base->find("us-east-1", "s3/storage/standard");
  REQUIRE(tiers.size() == 1);  // the older source's two tiers do not mix with the newer one
  CHECK(tiers[0]->usd.to_string() == "0.021");
  CHECK(tiers[0]->source == "b");
  REQUIRE(base->superseded().size() == 2);
  CHECK(base->superseded()[0].price.source == "a");
  CHECK(base->superseded()[0].by == "b");
  // The untouched reservation keeps source a; both sources stay listed.
  CHECK(base->find("us-east-1", "ec2/instance/m5.large", "reserved/1y/standard/partial-upfront")
            .size() == 1);
  CHECK(base->sources().size() == 2);
  auto again = Catalog::parse(base->to_tsv(), "again.tsv");
  REQUIRE(again);
  CHECK(again->to_tsv() == base->to_tsv());
  CHECK(again->superseded().size() == 2);
}

TEST_CASE("merging: an older source loses, and a source replaces itself", "[catalog]") {
  auto base = Catalog::parse(k_small, "t.tsv");
  REQUIRE(base);
  Catalog older;
  older.add_source({"old", "citation", "an old table", "2024-01-01"});
  older.add_price(price("s3/storage/standard", "0", {}, "0.03", "old"));
  REQUIRE(base->merge(older).empty());
  CHECK(base->find("us-east-1", "s3/storage/standard")[0]->usd.to_string() == "0.023");
  REQUIRE(base->superseded().size() == 1);
  CHECK(base->superseded()[0].price.usd.to_string() == "0.03");
  CHECK(base->superseded()[0].by == "a");

  Catalog same;
  same.add_source({"a", "offer", "AmazonRDS offer file", "2026-10-06"});
  same.add_price(price("s3/storage/standard", "0", {}, "0.0225", "a"));
  REQUIRE(base->merge(same).empty());
  CHECK(base->find("us-east-1", "s3/storage/standard").size() == 1);
  CHECK(base->find("us-east-1", "s3/storage/standard")[0]->usd.to_string() == "0.0225");
  CHECK(base->superseded().size() == 1);
}

TEST_CASE("merging: two sources of the same date that disagree are an error", "[catalog]") {
  auto base = Catalog::parse(k_small, "t.tsv");
  REQUIRE(base);
  std::string before = base->to_tsv();
  Catalog rival;
  rival.add_source({"c", "page", "a page of the same day", "2026-10-06"});
  rival.add_price(price("s3/storage/standard", "0", "51200", "0.025", "c"));
  rival.add_price(price("s3/storage/standard", "51200", "512000", "0.022", "c"));
  CHECK(base->merge(rival) ==
        "us-east-1 s3/storage/standard on-demand: a and c, both dated 2026-10-06, disagree "
        "(0.023 against 0.025 GB-Mo); nothing was merged");
  CHECK(base->to_tsv() == before);
  // The same figures from another source of that date are no conflict: the import is cited.
  Catalog twin;
  twin.add_source({"d", "page", "a twin", "2026-10-06"});
  twin.add_price(price("s3/storage/standard", "0", "51200", "0.023", "d"));
  twin.add_price(price("s3/storage/standard", "51200", "512000", "0.022", "d"));
  REQUIRE(base->merge(twin).empty());
  CHECK(base->find("us-east-1", "s3/storage/standard")[0]->source == "d");
  CHECK(base->superseded().empty());
}

TEST_CASE("the snapshot is complete, cited and canonical", "[catalog]") {
  const Catalog& s = Catalog::snapshot();
  CHECK(s.prices().size() > 200);
  for (const auto& p : s.prices()) {
    INFO(p.region << " " << p.key << " " << p.term);
    const Source* source = s.source(p.source);
    REQUIRE(source != nullptr);
    CHECK_FALSE(source->reference.empty());
    CHECK(source->date.size() >= 7);
    CHECK(p.usd >= Decimal());
  }
  for (const char* region : {"us-east-1", "us-east-2", "us-west-2", "eu-west-1", "me-central-1"}) {
    INFO(region);
    CHECK(s.find(region, "ec2/instance/t4g.small").size() == 1);
  }
  // The pricing-page data: operationcode's current database in us-east-2.
  auto micro = s.find("us-east-2", "rds/instance/postgres/db.t4g.micro/multi-az");
  REQUIRE(micro.size() == 1);
  CHECK(micro[0]->usd.to_string() == "0.032");
  CHECK(s.source(micro[0]->source)->date == "2025-10-15");
  auto gp2 = s.find("us-east-2", "rds/storage/gp2/multi-az");
  REQUIRE(gp2.size() == 1);
  CHECK(gp2[0]->usd.to_string() == "0.23");
  CHECK(gp2[0]->sku == "MJWWWDHFW7W5NJBS");
  CHECK(s.find("us-east-1", "rds/instance/postgres/db.t4g.micro/single-az")[0]->usd.to_string() ==
        "0.016");
  // The file in the source tree is exactly what the code writes, so diffs stay meaningful.
  std::ifstream in(std::string(STACKPLAN_SOURCE_DIR) + "/pricing/catalog.tsv", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  CHECK(text.str() == s.to_tsv());
}

TEST_CASE("writing a catalog is atomic and leaves no temporary files", "[catalog]") {
  namespace fs = std::filesystem;
  fs::path dir = stackplan::testing::temp_path("stackplan-catalog-write-test");
  fs::remove_all(dir);
  auto c = Catalog::parse(k_small, "t.tsv");
  REQUIRE(c);
  CHECK(c->write(dir.string()).empty());
  auto back = Catalog::load(dir.string());
  REQUIRE(back);
  CHECK(back->to_tsv() == c->to_tsv());
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) {
    ++files;
  }
  CHECK(files == 1);
  fs::remove_all(dir);
}

TEST_CASE("the snapshot of some regions holds exactly their prices, and the support dates",
          "[catalog]") {
  const Catalog& all = Catalog::snapshot();
  for (const auto& region : all.regions()) {
    INFO(region);
    Catalog some = Catalog::snapshot(Catalog::Regions{region});
    std::vector<std::string> expected, got;
    for (const auto& p : all.prices()) {
      if (p.region == region || p.region == "global") {
        expected.push_back(p.region + " " + p.key + " " + p.term + " " + p.begin.to_string() + " " +
                           p.usd.to_string() + " " + p.source);
      }
    }
    for (const auto& p : some.prices()) {
      got.push_back(p.region + " " + p.key + " " + p.term + " " + p.begin.to_string() + " " +
                    p.usd.to_string() + " " + p.source);
    }
    CHECK(got == expected);
    CHECK(some.support().size() == all.support().size());
    CHECK(some.sources().size() == all.sources().size());
  }
  CHECK(Catalog::snapshot(Catalog::Regions{"eu-south-2"}).prices().size() ==
        all.find_terms("global", "route53/zone", "").size());
}
