#pragma once
/// Runs independent pieces of work on a few threads.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace boussole {

/// Calls `each(i)` for every i in [0, count), on `threads` threads (0 = one per core, never
/// more than there is work); each index is taken by exactly one thread. Returns when all are done.
template <class Fn>
void parallel_for(std::size_t count, unsigned threads, Fn each) {
    unsigned n = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
    n = static_cast<unsigned>(std::min<std::size_t>(n, count));
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < count; i = next++) each(i);
    };
    if (n <= 1) {
        worker();
        return;
    }
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < n; ++t) pool.emplace_back(worker);
}

}  // namespace boussole
