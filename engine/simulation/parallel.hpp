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

namespace heatgraph::detail {

// The cores of this machine (at least 1).
inline int hardware_threads() {
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// The threads to use: `requested`, or one per core for 0; at least 1, at most the cores (more
// threads than cores only slow the work down) and at most `jobs`.
inline int thread_count(int requested, std::int64_t jobs) {
    const int cores = hardware_threads();
    const int wanted = requested > 0 ? std::min(requested, cores) : cores;
    return static_cast<int>(std::clamp<std::int64_t>(wanted, 1, std::max<std::int64_t>(jobs, 1)));
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
