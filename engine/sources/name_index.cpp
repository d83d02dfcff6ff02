#include "sources/name_index.hpp"

#include <algorithm>
#include <functional>
#include <string>
#include <utility>

// Why no filter drops a name within tolerance.
//
// edit_distance is the optimal string alignment distance: its value is the cost of cutting the
// two strings a and b into consecutive aligned blocks, each a match (one byte, equal in both), a
// substitution (one byte each), a deletion (one byte of a), an insertion (one byte of b) or a
// transposition (two adjacent bytes each, swapped), every block but a match costing one. So
// within k edits there is such an alignment with at most k blocks that are not matches. Read
// backwards, the same blocks align b with a: the distance is symmetric, and at least the
// difference of the lengths.
//
// Neighbourhoods (one edit). Let N(s) be s and every string one deletion from s. Within one
// edit, N(a) and N(b) share a string: a = b shares a; a deletion of a's byte i gives b, which is
// in N(a) and in N(b) (an insertion likewise); a substitution at i leaves a and b equal without
// their byte i; a transposition a = x p q y, b = x q p y leaves both x q y without a's p.
//
// Halves (two edits). Cut b after h = |b| / 2 bytes (rounded down) into b1 b2, and let s be
// a's suffix of |b2| bytes (all of a when shorter). Within two edits, b1 and a begin with the
// same h - 1 bytes (none when h = 0), or N(b2) and N(s) share a string.
//   First, b1 begins as a does, or b2 is within one edit of a suffix S of a of |b2| - 1, |b2| or
// |b2| + 1 bytes. If the cut falls between blocks, it cuts a too, into a part aligned with b1 at
// cost c1 and one with b2 at cost c2, c1 + c2 <= 2: when c1 = 0, b1 is a prefix of a; otherwise
// c2 <= 1, and b2 and its part differ in length by at most c2. Otherwise the cut falls inside a
// transposition, the only block of two bytes: b = u q p v against a = u' p q v', u aligned with
// u' and v with v' at costs c1 + c2 <= 1. When c1 = 0, u = u' is b1 without its last byte;
// otherwise c2 = 0, and b2 = p v is one substitution from the suffix q v'.
//   Then, from S to s: when |S| = |b2|, S = s and the neighbourhoods share a string as above.
// When |S| = |b2| + 1, S is b2 with a byte inserted and s is S without its first byte: s = b2
// if the byte was inserted first, else s without it is b2 without its first byte. When
// |S| = |b2| - 1, b2 is S with a byte inserted, so S is in N(b2); and s is S with a byte of a
// before it, or S itself, so S is in N(s).
//
// Bigram count (the q-gram lemma for q = 2). Count the bigrams (adjacent bytes) a and b share as
// multisets. A bigram of a whose two bytes are matches of adjacent blocks is a bigram of b at
// the aligned place, and distinct such bigrams of a take distinct places of b, so the count is
// at least the number of them. A block that is not a match spoils the bigrams of a touching it:
// a substitution or a deletion of byte i at most 2 (those starting at i - 1 and i), an insertion
// between bytes i and i + 1 at most 1 (the one starting at i), a transposition of bytes i, i + 1
// at most 3 (starting at i - 1, i, i + 1). Of the |a| - 1 bigrams of a at least |a| - 1 - 3k are
// left, and by symmetry at least |b| - 1 - 3k: within k edits a and b share at least
// max(|a|, |b|) - 1 - 3k bigrams. (Without transpositions the lemma's loss is k * q; a
// transposition spoils q + 1.) For the names it serves, over 64 bytes, the bound is above 57.

namespace heatgraph::detail {

namespace {

// One edit up to 8 bytes (typo_tolerance): every name a one-edit search reaches has at most 9.
constexpr std::size_t whole_limit = 9;
// Halves' neighbourhoods cost the square of their length; beyond it, bigrams.
constexpr std::size_t half_limit = 64;
// The halves' argument holds up to two edits; beyond, every name of a near length is a
// candidate.
constexpr int max_tolerance = 2;

enum class Of : std::uint64_t { whole, first_half, second_half };

std::uint64_t key_of(Of of, std::size_t length, std::string_view s) {
    const auto tag = (static_cast<std::uint64_t>(length) << 2 | static_cast<std::uint64_t>(of)) *
                     0x9E3779B97F4A7C15;
    return std::hash<std::string_view>{}(s) ^ tag;
}

// `s` and every string one deletion from it.
template <class Visit>
void for_each_neighbour(std::string_view s, Visit&& visit) {
    visit(s);
    std::string shorter;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && s[i] == s[i - 1]) continue;  // the same string as without s[i - 1]
        shorter.assign(s.substr(0, i));
        shorter.append(s.substr(i + 1));
        visit(std::string_view(shorter));
    }
}

using Bigram = std::uint16_t;

// The distinct bigrams of `s`, each with how often it occurs, in bigram order.
std::vector<std::pair<Bigram, std::uint32_t>> bigram_profile(std::string_view s) {
    std::vector<Bigram> all;
    for (std::size_t i = 0; i + 1 < s.size(); ++i)
        all.push_back(static_cast<Bigram>(static_cast<unsigned char>(s[i]) << 8 |
                                          static_cast<unsigned char>(s[i + 1])));
    std::ranges::sort(all);
    std::vector<std::pair<Bigram, std::uint32_t>> profile;
    for (const auto bigram : all)
        if (!profile.empty() && profile.back().first == bigram)
            ++profile.back().second;
        else
            profile.emplace_back(bigram, 1);
    return profile;
}

std::uint64_t bigram_key(std::size_t length, Bigram bigram) {
    return static_cast<std::uint64_t>(length) << 16 | bigram;
}

}  // namespace

void NameIndex::add(AthleteId id, std::string_view folded) {
    const auto entry = static_cast<Entry>(ids_.size());
    ids_.push_back(id);
    shared_.push_back(0);
    const auto length = folded.size();
    lengths_.push_back(length);
    by_length_[length].push_back(entry);
    if (length <= whole_limit)
        for_each_neighbour(folded, [&](auto s) { add_key(key_of(Of::whole, 0, s), entry); });
    if (length <= half_limit) {
        const auto first = length / 2;
        add_key(key_of(Of::first_half, first, folded.substr(0, first > 0 ? first - 1 : 0)), entry);
        for_each_neighbour(folded.substr(first), [&](auto s) {
            add_key(key_of(Of::second_half, length - first, s), entry);
        });
    } else {
        for (const auto& [bigram, count] : bigram_profile(folded))
            by_bigram_[bigram_key(length, bigram)].push_back({entry, count});
    }
}

void NameIndex::add_key(Key key, Entry entry) {
    auto& entries = by_neighbour_[key];
    if (entries.empty() || entries.back() != entry) entries.push_back(entry);
}

void NameIndex::look_up(Key key, std::vector<Entry>& found) const {
    if (const auto it = by_neighbour_.find(key); it != by_neighbour_.end())
        found.insert(found.end(), it->second.begin(), it->second.end());
}

std::vector<AthleteId> NameIndex::candidates(std::string_view folded, int tolerance) {
    if (tolerance < 0) return {};
    const auto edits = static_cast<std::size_t>(tolerance);
    const auto shortest = folded.size() > edits ? folded.size() - edits : 0;
    const auto longest = folded.size() + edits;
    std::vector<Entry> found;
    if (tolerance > max_tolerance) {
        for (auto length = shortest; length <= longest; ++length)
            if (const auto it = by_length_.find(length); it != by_length_.end())
                found.insert(found.end(), it->second.begin(), it->second.end());
    } else if (tolerance <= 1 && longest <= whole_limit) {
        near_whole(folded, found);
    } else {
        if (shortest <= half_limit)
            near_halves(folded, shortest, std::min(longest, half_limit), found);
        for (auto length = std::max(shortest, half_limit + 1); length <= longest; ++length)
            sharing_bigrams(folded, length, tolerance, found);
    }
    std::ranges::sort(found);
    found.erase(std::unique(found.begin(), found.end()), found.end());
    std::vector<AthleteId> ids;
    ids.reserve(found.size());
    for (const auto entry : found)
        ids.push_back(ids_[entry]);
    return ids;
}

void NameIndex::near_whole(std::string_view folded, std::vector<Entry>& found) const {
    for_each_neighbour(folded, [&](auto s) { look_up(key_of(Of::whole, 0, s), found); });
}

// A name of n bytes is under its first n / 2 - 1 bytes and under the neighbourhood strings of
// its second half (of h bytes: strings of h and h - 1 bytes), each tagged with its half's
// length; the query gives its own beginning and the neighbourhood of its suffix of h bytes, for
// the halves of every length within tolerance.
void NameIndex::near_halves(std::string_view folded, std::size_t shortest, std::size_t longest,
                            std::vector<Entry>& found) const {
    std::vector<Key> keys;
    for (auto length = shortest; length <= longest; ++length) {
        const auto first = length / 2;
        if (const auto begins = first > 0 ? first - 1 : 0; begins <= folded.size())
            keys.push_back(key_of(Of::first_half, first, folded.substr(0, begins)));
        const auto second = length - first;
        const auto suffix = folded.substr(folded.size() - std::min(second, folded.size()));
        for_each_neighbour(suffix, [&](auto s) {
            if (s.size() + 1 >= second) keys.push_back(key_of(Of::second_half, second, s));
        });
    }
    std::ranges::sort(keys);  // names of two lengths share a half's length
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::vector<Entry> near;
    for (const auto key : keys)
        look_up(key, near);
    for (const auto entry : near)
        if (lengths_[entry] >= shortest && lengths_[entry] <= longest) found.push_back(entry);
}

// The names of one length, over half_limit bytes, that share enough bigrams with `folded`.
void NameIndex::sharing_bigrams(std::string_view folded, std::size_t length, int tolerance,
                                std::vector<Entry>& found) {
    // Bigrams lost at most: the one a string of n bytes lacks, and 3 an edit; fewer than n here.
    const auto spoilt = 1 + 3 * static_cast<std::size_t>(tolerance);
    const auto needed = std::max(length, folded.size()) - spoilt;
    for (const auto& [bigram, count] : bigram_profile(folded)) {
        const auto it = by_bigram_.find(bigram_key(length, bigram));
        if (it == by_bigram_.end()) continue;
        for (const auto& posting : it->second) {
            if (shared_[posting.entry] == 0) counted_.push_back(posting.entry);
            shared_[posting.entry] += std::min(count, posting.count);
        }
    }
    for (const auto entry : counted_) {
        if (shared_[entry] >= needed) found.push_back(entry);
        shared_[entry] = 0;
    }
    counted_.clear();
}

}  // namespace heatgraph::detail
