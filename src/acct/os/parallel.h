#pragma once
// Runs fn(0) ... fn(n - 1) on every core. Each call must touch only its own
// slot of any shared output; the calls' order is not the index order.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace acctool {

// `per_thread`: how many calls make a thread worth starting.
template <class Fn>
void parallel_for(std::size_t n, Fn&& fn, std::size_t per_thread = 4) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;)
            fn(i);
    };
    std::size_t threads = std::max(1u, std::thread::hardware_concurrency());
    threads = std::min(threads, n / per_thread + 1);
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
}

}  // namespace acctool
