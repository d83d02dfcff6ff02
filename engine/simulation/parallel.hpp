// Private: fanning replicates out over threads, for the what-if and the simulator. The caller's
// thread is worker 0; an exception in any worker is rethrown on the caller's thread once all
// have finished.
#pragma once

#include <algorithm>
#include <cstdint>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

#include "heatgraph/simulate.hpp"

namespace heatgraph::detail {

// The threads to use for `jobs` independent jobs: usable_threads(requested), at most `jobs`.
inline int thread_count(int requested, std::int64_t jobs) {
    return static_cast<int>(
        std::clamp<std::int64_t>(usable_threads(requested), 1, std::max<std::int64_t>(jobs, 1)));
}

// Runs work(t) for t = 0 .. threads - 1, each on its own thread. Should the system refuse a
// thread, its share runs on the caller's thread: the answer does not depend on the threads.
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
    int started = 1;
    try {
        for (; started < threads; ++started)
            pool.emplace_back(guarded, started);
    } catch (const std::system_error&) {  // no more threads to be had
    }
    guarded(0);
    for (int t = started; t < threads; ++t)
        guarded(t);
    for (auto& thread : pool)
        thread.join();
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

}  // namespace heatgraph::detail
