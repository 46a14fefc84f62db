// Measures how long loading and validating a spec takes (read, parse, schema, scenarios,
// cross-field checks), per example and for a batch of 1,000 specs.
//
// usage: spec_load_bench [REPEATS]   (run from the source tree)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "spec/load.hpp"

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  int repeats = argc > 1 ? std::atoi(argv[1]) : 200;
  const char* examples[] = {"examples/operationcode/stack.yaml", "examples/pantrypal/stack.yaml",
                            "examples/dynamiccloudarchitect/stack.yaml",
                            "examples/effect-app/stack.yaml", "examples/zooid-relay/stack.yaml"};
  using clock = std::chrono::steady_clock;
  std::printf("%-45s %10s %10s\n", "spec (load + validate all scenarios)", "median us", "p90 us");
  for (const char* path : examples) {
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
      auto start = clock::now();
      stackplan::Diagnostics diags;
      auto loaded = stackplan::spec::load_spec(path, diags);
      times.push_back(std::chrono::duration<double, std::micro>(clock::now() - start).count());
      if (!loaded) {
        std::fprintf(stderr, "%s does not load\n", path);
        return 1;
      }
    }
    std::printf("%-45s %10.1f %10.1f\n", path, median(times), percentile(times, 0.9));
  }
  std::vector<double> batches;
  for (int b = 0; b < 5; ++b) {
    auto start = clock::now();
    for (int i = 0; i < 1000; ++i) {
      stackplan::Diagnostics diags;
      auto loaded = stackplan::spec::load_spec(examples[i % 5], diags);
      if (!loaded) {
        return 1;
      }
    }
    batches.push_back(std::chrono::duration<double, std::milli>(clock::now() - start).count());
  }
  std::printf("%-45s %10.1f ms (median of 5)\n", "1,000 specs", median(batches));
  return 0;
}
