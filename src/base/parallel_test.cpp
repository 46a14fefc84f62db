#include "base/parallel.hpp"

#include <atomic>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

using stackplan::for_each_ordered;

TEST_CASE("for_each_ordered emits every result once, in order, from several threads",
          "[parallel]") {
  for (unsigned threads : {1U, 2U, 4U}) {
    std::vector<std::size_t> seen;
    for_each_ordered(
        1000, [](std::size_t i) { return std::to_string(i * 3); },
        [&](std::size_t i, std::string s) {
          CHECK(s == std::to_string(i * 3));
          seen.push_back(i);
        },
        threads, 8);
    REQUIRE(seen.size() == 1000);
    for (std::size_t i = 0; i < seen.size(); ++i) {
      CHECK(seen[i] == i);
    }
  }
}

TEST_CASE("for_each_ordered holds at most a window of results", "[parallel]") {
  std::atomic<int> alive{0};
  int most = 0;
  struct Tracked {
    std::atomic<int>* alive;
    explicit Tracked(std::atomic<int>* a) : alive(a) { ++*alive; }
    Tracked(Tracked&& o) noexcept : alive(o.alive) { o.alive = nullptr; }
    Tracked(const Tracked&) = delete;
    Tracked& operator=(const Tracked&) = delete;
    Tracked& operator=(Tracked&& o) noexcept {
      if (this != &o) {
        if (alive != nullptr) {
          --*alive;
        }
        alive = o.alive;
        o.alive = nullptr;
      }
      return *this;
    }
    ~Tracked() {
      if (alive != nullptr) {
        --*alive;
      }
    }
  };
  for_each_ordered(
      500, [&](std::size_t) { return Tracked(&alive); },
      [&](std::size_t, Tracked) { most = std::max(most, alive.load()); }, 4, 5);
  CHECK(most >= 1);
  CHECK(most <= 5 + 4);  // the window, plus one result per thread being made
  CHECK(alive.load() == 0);
}

TEST_CASE("for_each_ordered rethrows what work or emit throws, after the threads stop",
          "[parallel]") {
  std::size_t emitted = 0;
  CHECK_THROWS_WITH(for_each_ordered(
                        100,
                        [](std::size_t i) {
                          if (i == 40) {
                            throw std::runtime_error("bad 40");
                          }
                          return i;
                        },
                        [&](std::size_t, std::size_t) { ++emitted; }, 2, 4),
                    "bad 40");
  CHECK(emitted == 40);
  CHECK_THROWS_WITH(for_each_ordered(
                        10, [](std::size_t i) { return i; },
                        [](std::size_t i, std::size_t) {
                          if (i == 3) {
                            throw std::runtime_error("emit 3");
                          }
                        },
                        2, 4),
                    "emit 3");
}
