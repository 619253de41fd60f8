#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <vector>

#include "acct/os/parallel.h"

using namespace acctool;

TEST_CASE("parallel_for calls each index once") {
    std::vector<int> hits(1000, 0);
    parallel_for(hits.size(), [&](std::size_t i) { ++hits[i]; });
    CHECK(std::count(hits.begin(), hits.end(), 1) == 1000);
}

TEST_CASE("an exception in any call is thrown again on the caller's thread") {
    std::atomic<int> calls{0};
    CHECK_THROWS_WITH_AS(parallel_for(1000,
                                      [&](std::size_t i) {
                                          ++calls;
                                          if (i == 500) throw std::runtime_error("call 500");
                                      }),
                         "call 500", std::runtime_error);
    CHECK(calls.load() <= 1000);
}
