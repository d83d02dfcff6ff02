// Matching names across stages (issue 11): a first stage of n skaters, then a second of n rows,
// two in three a typo of a first-stage skater and one in three a new skater, so that every row
// of the second stage is a typo search among the n earlier names. The names are made of common
// syllables, so that many begin or end alike and some are a few edits apart, as real fields do.
//
// `signature` hashes who each row is and what was reported: a change of method keeps it.
// `compared` counts the earlier names the typo searches edit-compared.
//
//   make bench      (release build; median of 5 repetitions)
#include <benchmark/benchmark.h>

#include <array>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>

#include "heatgraph/event.hpp"
#include "sources/athlete_registry.hpp"

namespace {

constexpr std::array<std::string_view, 40> syllables{
    "an", "ber", "chen", "da",  "el",  "fan", "gu", "han",  "in", "jo", "ka",  "li",  "mar", "na",
    "ov", "pe",  "ri",   "sa",  "to",  "u",   "va", "wang", "xi", "ya", "zhu", "ko",  "le",  "mi",
    "no", "ra",  "se",   "tin", "vic", "lu",  "ge", "ho",   "is", "ro", "yu",  "son",
};

std::string word(std::mt19937& random, int parts) {
    std::string w;
    for (int i = 0; i < parts; ++i)
        w += syllables[random() % syllables.size()];
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
}

// n distinct names, "Given Family".
std::vector<std::string> names(std::mt19937& random, std::size_t n,
                               std::unordered_set<std::string>& taken) {
    std::vector<std::string> out;
    while (out.size() < n) {
        auto name = word(random, 2) + " " + word(random, 2 + static_cast<int>(random() % 2));
        if (taken.insert(name).second) out.push_back(std::move(name));
    }
    return out;
}

heatgraph::Event two_stages(std::size_t n) {
    std::mt19937 random(11);
    std::unordered_set<std::string> taken;
    const auto first = names(random, n, taken);
    const auto fresh = names(random, n, taken);
    std::vector<std::string> second;
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 3 == 0) {
            second.push_back(fresh[i]);
            continue;
        }
        auto typo = first[i];  // one of the last two letters changed
        auto& letter = typo[typo.size() - 1 - i % 2];
        letter = letter == 'e' ? 'a' : 'e';
        second.push_back(typo);
    }
    heatgraph::Event event;
    int line = 1;
    for (const auto& stage : {first, second}) {
        heatgraph::Round round;
        for (std::size_t i = 0; i < stage.size(); ++i) {
            if (i % 8 == 0) round.races.emplace_back().name = "Race " + std::to_string(i / 8 + 1);
            heatgraph::Row row;
            row.printed_name = stage[i];
            row.line = line++;
            round.races.back().results.push_back(std::move(row));
        }
        event.rounds.push_back(std::move(round));
    }
    return event;
}

// Who each row is and what was reported, hashed.
std::size_t signature_of(const heatgraph::Event& event) {
    std::size_t hash = 0;
    const auto mix = [&](std::size_t value) { hash = hash * 1000003 ^ value; };
    for (const auto& round : event.rounds)
        for (const auto& race : round.races)
            for (const auto id : race.field)
                mix(static_cast<std::size_t>(id));
    for (const auto& d : event.diagnostics)
        mix(std::hash<std::string>{}(d.message));
    return hash % 1'000'000'000;
}

void BM_MatchTwoStages(benchmark::State& state) {
    const auto pristine = two_stages(static_cast<std::size_t>(state.range(0)));
    std::size_t athletes = 0;
    std::size_t signature = 0;
    heatgraph::detail::RegistryStats stats;
    for (auto _ : state) {
        state.PauseTiming();
        auto event = pristine;
        state.ResumeTiming();
        stats = heatgraph::detail::assign_athletes(event);
        athletes = event.athletes.size();
        signature = signature_of(event);
        benchmark::DoNotOptimize(event);
    }
    state.counters["athletes"] = static_cast<double>(athletes);
    state.counters["signature"] = static_cast<double>(signature);
    state.counters["compared"] = static_cast<double>(stats.names_compared);
}
BENCHMARK(BM_MatchTwoStages)->Arg(1000)->Arg(8000)->Unit(benchmark::kMillisecond);

}  // namespace
