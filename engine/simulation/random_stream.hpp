// Private: counter-based random streams. Every replicate (a what-if sample, a simulated event)
// draws from its own stream keyed by (seed, replicate), so a replicate's draws do not depend on
// which thread runs it or on what ran before: any thread count gives identical results.
//
// The generator is Philox4x64-10 from Random123 (Debian librandom123-dev): a keyed bijection of
// a 256-bit counter, crush-resistant, and the reference counter-based generator.
#pragma once

#include <Random123/philox.h>

#include <Random123/uniform.hpp>
#include <array>
#include <cmath>
#include <cstdint>

namespace heatgraph::detail {

class RandomStream {
  public:
    RandomStream(std::uint64_t seed, std::uint64_t replicate) : key_{{seed, replicate}} {}
    // Another stream of the same replicate: draws for one purpose (a what-if's strengths) that
    // leave the replicate's other draws as they are. Substream 0 is the stream above.
    RandomStream(std::uint64_t seed, std::uint64_t replicate, std::uint64_t substream)
        : key_{{seed, replicate}}, counter_{{0, 0, 0, substream}} {}

    // A uniform random bit generator, so that Boost.Random's distributions draw from it.
    using result_type = std::uint64_t;
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return ~result_type{0}; }
    result_type operator()() { return next(); }

    std::uint64_t next() {
        if (used_ == 4) refill();
        return block_[used_++];
    }

    // Uniform on (0, 1), 53 bits: never 0, so its logarithm is finite. (r123::u01 is four
    // times slower for the same bits.)
    double uniform() { return unit(next()); }
    static double unit(std::uint64_t bits) {
        return (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53;
    }

    // The four words at counter (a, b, c, d) of this replicate's key, whatever was drawn: a draw
    // addressed by what it is for (a skater's k-th race), the same in every format run on the
    // replicate. Counters with d = 0 .. 2 are the streams'; keep d above them.
    [[nodiscard]] std::array<std::uint64_t, 4> at(std::uint64_t a, std::uint64_t b, std::uint64_t c,
                                                  std::uint64_t d) const {
        const auto block = philox_(Philox::ctr_type{{a, b, c, d}}, key_);
        return {block[0], block[1], block[2], block[3]};
    }

    // Exponential with the given rate.
    double exponential(double rate) { return -std::log(uniform()) / rate; }

    // Uniform integer in [0, n) (n is small: the bias of the modulo is below 2^-50).
    std::uint64_t below(std::uint64_t n) { return next() % n; }

  private:
    // Kept out of line, so that next() inlines into the draws.
    [[gnu::noinline]] void refill() {
        block_ = philox_(counter_, key_);
        counter_.incr();
        used_ = 0;
    }

    using Philox = r123::Philox4x64;
    Philox philox_;
    Philox::key_type key_;
    Philox::ctr_type counter_{{0, 0, 0, 0}};
    Philox::ctr_type block_{{0, 0, 0, 0}};
    int used_ = 4;
};

}  // namespace heatgraph::detail
