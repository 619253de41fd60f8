#pragma once
// Runs fn(0) ... fn(n - 1) on every core. Each call must touch only its own
// slot of any shared output; the calls' order is not the index order.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace acctool {

// `per_thread`: how many calls make a thread worth starting. An exception
// thrown by a call stops the others from starting and is thrown again here,
// on the caller's thread, as if the loop had run there.
template <class Fn>
void parallel_for(std::size_t n, Fn&& fn, std::size_t per_thread = 4) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_lock;
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) {
            try {
                fn(i);
            } catch (...) {
                std::lock_guard<std::mutex> held(failure_lock);
                if (!failure) failure = std::current_exception();
                next = n;
            }
        }
    };
    std::size_t threads = std::max(1u, std::thread::hardware_concurrency());
    threads = std::min(threads, n / per_thread + 1);
    {
        std::vector<std::jthread> pool;
        for (std::size_t t = 1; t < threads; ++t)
            pool.emplace_back(worker);
        worker();
    }
    if (failure) std::rethrow_exception(failure);
}

}  // namespace acctool
