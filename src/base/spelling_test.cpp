#include "base/spelling.hpp"

#include <catch2/catch.hpp>

using namespace stackplan;

TEST_CASE("edit distance", "[spelling]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("region", "regoin") == 2);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("abc", "") == 3);
}

TEST_CASE("closest match suggests only likely typos", "[spelling]") {
  std::vector<std::string> keys = {"instance_type", "min", "max", "desired", "platform"};
  CHECK(closest_match("instnce_type", keys) == "instance_type");
  CHECK(closest_match("Platform", keys) == "platform");
  CHECK(closest_match("desird", keys) == "desired");
  CHECK(closest_match("kubernetes", keys).empty());
  CHECK(closest_match(std::string(100, 'x'), keys).empty());
}

TEST_CASE("suggestion hint lists the choices when nothing is close", "[spelling]") {
  CHECK(suggestion_hint("fargat", {"ec2", "fargate"}) == "did you mean 'fargate'?");
  CHECK(suggestion_hint("lambda", {"ec2", "fargate"}) == "allowed: ec2, fargate");
}
