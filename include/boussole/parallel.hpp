#pragma once
/// Runs independent pieces of work on a few threads.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace boussole {

/// issue 17: the threads parallel_for() uses when asked for 0 — one per core, unless the program
/// sets another number once, before any work (boussole: BOUSSOLE_THREADS, for every command and
/// every parallel part of it alike: the files of the tree and the versions read from git).
inline std::atomic<unsigned>& default_threads() {
    static std::atomic<unsigned> n{0};
    return n;
}

/// Calls `each(i)` for every i in [0, count), on `threads` threads (0 = default_threads(), else
/// one per core; never more than there is work); each index is taken by exactly one thread.
/// Returns when all are done.
template <class Fn>
void parallel_for(std::size_t count, unsigned threads, Fn each) {
    unsigned n = threads ? threads : default_threads().load();
    if (n == 0) n = std::max(1u, std::thread::hardware_concurrency());
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
