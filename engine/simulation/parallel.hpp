// Private: fanning replicates out over threads, for the what-if and the simulator. The caller's
// thread is worker 0; an exception in any worker is rethrown on the caller's thread once all
// have finished.
#pragma once

#include <algorithm>
#include <cstdint>
#include <exception>
#include <thread>
#include <vector>

namespace heatgraph::detail {

// The threads to use: `requested`, or one per core for 0; at least 1, at most `jobs`.
inline int thread_count(int requested, std::int64_t jobs) {
    const int wanted =
        requested > 0 ? requested : static_cast<int>(std::thread::hardware_concurrency());
    return static_cast<int>(std::clamp<std::int64_t>(wanted, 1, std::max<std::int64_t>(jobs, 1)));
}

// Runs work(t) for t = 0 .. threads - 1, each on its own thread.
template <class Work>
void run_on_threads(int threads, Work work) {
    std::vector<std::exception_ptr> failures(static_cast<std::size_t>(threads));
    const auto guarded = [&](int t) {
        try {
            work(t);
        } catch (...) {
            failures[t] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(guarded, t);
    guarded(0);
    for (auto& thread : pool)
        thread.join();
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

}  // namespace heatgraph::detail
