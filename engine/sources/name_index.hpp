// Private: the folded names (identity.hpp) of the skaters already met, indexed so that a typo
// search edit-compares a new name with the few earlier names that could be within tolerance of
// it, instead of with every one (a field of thousands made matching quadratic: issue 11).
//
// The index only narrows; it decides nothing. `candidates` returns a superset of the names
// within the tolerance, so match_name over the candidates gives what it gives over all names.
// Each filter is a proven consequence of being within the tolerance of edit_distance (the
// proofs are in name_index.cpp):
//   - one edit (a name of up to 8 bytes): the names that share with it a string of at most one
//     deletion (its deletion neighbourhood, as SymSpell's);
//   - two edits: the names of a length within two that begin as it does up to nearly half
//     their length, or whose second half shares a neighbourhood string with the suffix of it of
//     that half's length;
//   - names too long for neighbourhoods (over 64 bytes): by the count of shared bigrams;
//   - beyond two edits (typo_tolerance allows none): every name of a length within tolerance.
// Equal strings are looked up by hash: a collision adds a candidate, never loses one.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "heatgraph/event.hpp"

namespace heatgraph::detail {

class NameIndex {
  public:
    // Adds a skater under their folded name; a skater is added once.
    void add(AthleteId id, std::string_view folded);

    // Every skater whose folded name may be within `tolerance` edits (edit_distance) of
    // `folded`: all those that are, and a few that are not; in the order they were added.
    [[nodiscard]] std::vector<AthleteId> candidates(std::string_view folded, int tolerance);

  private:
    using Entry = std::uint32_t;  // a skater by the order of adding
    using Key = std::uint64_t;    // a string's hash with what it is of
    struct Posting {
        Entry entry;
        std::uint32_t count;  // how often the bigram occurs in the entry's name
    };

    void add_key(Key key, Entry entry);
    void look_up(Key key, std::vector<Entry>& found) const;
    void near_whole(std::string_view folded, std::vector<Entry>& found) const;
    void near_halves(std::string_view folded, std::size_t shortest, std::size_t longest,
                     std::vector<Entry>& found) const;
    void sharing_bigrams(std::string_view folded, std::size_t length, int tolerance,
                         std::vector<Entry>& found);

    std::vector<AthleteId> ids_;        // by entry
    std::vector<std::size_t> lengths_;  // by entry: of the folded name
    // Short names whole and the second halves of names up to half_limit, each under itself and
    // every string one deletion from it; and those names' beginnings.
    std::unordered_map<Key, std::vector<Entry>> by_neighbour_;
    // Names beyond a neighbourhood's length, under their length and each distinct bigram.
    std::unordered_map<Key, std::vector<Posting>> by_bigram_;
    std::unordered_map<std::size_t, std::vector<Entry>> by_length_;  // every name
    // Scratch of sharing_bigrams: shared bigrams per entry, and the entries counted.
    std::vector<std::uint32_t> shared_;
    std::vector<Entry> counted_;
};

}  // namespace heatgraph::detail
