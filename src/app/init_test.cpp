#include "app/init.hpp"

#include <sstream>

#include <catch2/catch.hpp>

#include "base/diagnostics.hpp"
#include "spec/load.hpp"

using namespace stackplan;

TEST_CASE("init's choices are the spec's own", "[init]") {
  CHECK(app::init_platforms() == std::vector<std::string>{"ec2", "fargate"});
  const auto& engines = app::init_engines();
  CHECK(engines.size() == 9);
  CHECK(std::find(engines.begin(), engines.end(), "aurora-postgres") != engines.end());
  CHECK(std::find(engines.begin(), engines.end(), "none") != engines.end());
}

TEST_CASE("every starter spec validates, with a warning only where the engine deserves one",
          "[init]") {
  for (const auto& platform : app::init_platforms()) {
    for (const auto& engine : app::init_engines()) {
      for (const char* region : {"us-east-1", "eu-west-1", "ap-southeast-2"}) {
        app::InitRequest r;
        r.platform = platform;
        r.database = engine;
        r.region = region;
        r.name = "demo";
        const std::string text = app::starter_spec(r);
        INFO(platform << " " << engine << " " << region << "\n" << text);
        CHECK(text.rfind("# yaml-language-server: $schema=spec-v1.schema.json\n", 0) == 0);
        Diagnostics diags;
        auto loaded = spec::load_spec_text("stack.yaml", text, diags);
        REQUIRE(loaded);
        CHECK(diags.error_count() == 0);
        // Plain sqlite keeps the data on the task's disk: the one starter the spec warns about.
        CHECK(diags.warning_count() == (engine == "sqlite" ? 1u : 0u));
        REQUIRE(!loaded->variants.empty());
        const auto& spec = loaded->variants.front().spec;
        CHECK(spec.name == "demo");
        CHECK(spec.region == region);
      }
    }
  }
}

TEST_CASE("init without a terminal takes the defaults; a bad flag writes nothing", "[init]") {
  std::ostringstream out, err;
  app::InitRequest r;
  r.out = "-";
  r.name = "shop";
  CHECK(app::init(r, app::Io{out, err}) == app::Status::ok);
  CHECK(out.str().find("platform: fargate") != std::string::npos);
  CHECK(out.str().find("engine: rds-postgres") != std::string::npos);
  CHECK(out.str().find("region: us-east-1") != std::string::npos);

  std::ostringstream out2, err2;
  r.name = "Shop";
  CHECK(app::init(r, app::Io{out2, err2}) == app::Status::invalid);
  CHECK(out2.str().empty());
  CHECK(err2.str().find("a name is lower-case letters") != std::string::npos);
}

TEST_CASE("init asks on a terminal, again after a wrong answer", "[init]") {
  std::istringstream in("Shop!\nshop\nec3\nec2\n\neu-wst-1\neu-west-1\n");
  std::ostringstream out, err;
  app::Io io{out, err};
  io.in = &in;
  app::InitRequest r;
  r.out = "-";
  CHECK(app::init(r, io) == app::Status::ok);
  CHECK(err.str().find("'ec3' is not a platform; did you mean 'ec2'?") != std::string::npos);
  CHECK(err.str().find("did you mean 'eu-west-1'?") != std::string::npos);
  CHECK(out.str().find("name: shop") != std::string::npos);
  CHECK(out.str().find("platform: ec2") != std::string::npos);
  CHECK(out.str().find("engine: rds-postgres") != std::string::npos);  // Enter: the default
  CHECK(out.str().find("region: eu-west-1") != std::string::npos);

  std::istringstream ended("shop\n");
  std::ostringstream out2, err2;
  app::Io io2{out2, err2};
  io2.in = &ended;
  app::InitRequest r2;
  r2.out = "-";
  CHECK(app::init(r2, io2) == app::Status::invalid);
  CHECK(out2.str().empty());
  CHECK(err2.str().find("nothing written") != std::string::npos);
}
