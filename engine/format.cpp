#include "heatgraph/format.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <sstream>

#include "text.hpp"
#include "toml_reader.hpp"

namespace heatgraph {

namespace {

using detail::Names;

constexpr Names<3> time_pool_names{"none", "next-place", "all-others"};
constexpr Names<2> referee_names{"on-top", "take-time-slots"};
constexpr Names<3> tie_names{"all-advance", "none-advance", "lots"};
constexpr Names<3> final_b_names{"none", "places", "rest"};
constexpr Names<3> era_names{"A", "B", "world-skate"};
constexpr Names<3> unplaced_order_names{"equal", "sanction-first", "no-start-first"};
constexpr Names<2> unplaced_finalists_names{"a-before-b", "b-before-a"};
constexpr std::array<std::string_view, 3> from_names{"heats", "quarterfinals", "semifinals"};
constexpr Names<3> first_round_names{"snake", "ffa", "pairs"};
constexpr Names<3> reseed_names{"snake", "ffa", "bracket"};

// Reads one table of a format file, turning every unexpected key or type into an Error.
class FormatReader : detail::TomlReader {
  public:
    using TomlReader::TomlReader;

    Result<Format> read(const toml::table& root) {
        Format format;
        format.source = source_;
        allow(root, {"name", "description", "transition", "finals", "classification", "draw"});
        format.name = text(root, "name").value_or("");
        format.description = text(root, "description").value_or("");
        if (const auto* transitions = root["transition"].as_array()) {
            for (const auto& node : *transitions) {
                const auto* table = node.as_table();
                if (!table) {
                    fail(node, "each [[transition]] must be a table");
                    continue;
                }
                format.transitions.push_back(read_transition(*table));
            }
        }
        if (const auto* finals = root["finals"].as_table()) format.finals = read_finals(*finals);
        if (const auto* c = root["classification"].as_table())
            format.classification = read_classification(*c);
        if (const auto* d = root["draw"].as_table()) format.draw = read_draw(*d);
        check_order(format);
        if (error_) return *error_;
        return format;
    }

  private:
    Transition read_transition(const toml::table& t) {
        allow(t, {"from", "races", "place_quota", "capacity", "time_pool", "referee", "ties"});
        Transition tr;
        tr.from = choice<RoundKind>(t, "from", from_names).value_or(RoundKind::heats);
        if (!t.contains("from"))
            fail(t,
                 "a [[transition]] needs 'from' (heats, quarterfinals, "
                 "semifinals)");
        tr.races = count(t, "races", 1);
        tr.place_quota = count(t, "place_quota", 0).value_or(tr.place_quota);
        tr.capacity = count(t, "capacity", 0);
        tr.time_pool = choice<TimePool>(t, "time_pool", time_pool_names).value_or(tr.time_pool);
        tr.referee = choice<RefereePolicy>(t, "referee", referee_names).value_or(tr.referee);
        tr.ties = choice<TiePolicy>(t, "ties", tie_names).value_or(tr.ties);
        if (tr.time_pool != TimePool::none && !tr.capacity)
            fail(t, "a time pool needs a 'capacity' (the size of the next round)");
        return tr;
    }

    FinalsRule read_finals(const toml::table& t) {
        allow(t, {"final_b", "final_b_places", "final_b_min_field"});
        FinalsRule rule;
        rule.final_b = choice<FinalBRouting>(t, "final_b", final_b_names).value_or(rule.final_b);
        if (const auto* places = t["final_b_places"].as_array()) {
            if (places->size() != 2 || !places->get(0)->is_integer() ||
                !places->get(1)->is_integer()) {
                fail(*places, "'final_b_places' is [first, last], e.g. [3, 4]");
            } else {
                rule.final_b_first_place = static_cast<int>(**places->get(0)->as_integer());
                rule.final_b_last_place = static_cast<int>(**places->get(1)->as_integer());
            }
        }
        rule.final_b_min_field = count(t, "final_b_min_field", 1).value_or(rule.final_b_min_field);
        return rule;
    }

    ClassificationRule read_classification(const toml::table& t) {
        allow(t, {"era", "points", "unplaced_order", "unplaced_finalists"});
        ClassificationRule rule;
        rule.era = choice<Era>(t, "era", era_names).value_or(rule.era);
        if (const auto* points = t["points"].as_array()) {
            rule.points.clear();
            for (const auto& p : *points) {
                if (const auto v = p.value<double>())
                    rule.points.push_back(*v);
                else
                    fail(p, "'points' holds numbers, one per race place");
            }
        }
        rule.unplaced_order = choice<UnplacedOrder>(t, "unplaced_order", unplaced_order_names)
                                  .value_or(rule.unplaced_order);
        rule.unplaced_finalists =
            choice<UnplacedFinalists>(t, "unplaced_finalists", unplaced_finalists_names)
                .value_or(rule.unplaced_finalists);
        return rule;
    }

    DrawRule read_draw(const toml::table& t) {
        allow(t, {"first_round", "pairs", "reseed"});
        DrawRule rule;
        rule.first_round =
            choice<FirstRound>(t, "first_round", first_round_names).value_or(rule.first_round);
        rule.reseed = choice<Reseed>(t, "reseed", reseed_names).value_or(rule.reseed);
        if (const auto* pairs = t["pairs"].as_array()) {
            for (const auto& race : *pairs) {
                auto& seeds = rule.pairs.emplace_back();
                const auto* list = race.as_array();
                if (!list)
                    fail(race, "'pairs' lists races as arrays of seed numbers: [[1, 16], ...]");
                if (!list) continue;
                for (const auto& seed : *list) {
                    const auto v = seed.value<std::int64_t>();
                    if (!v || *v < 1 || *v > 100000)
                        fail(seed, "a seed number is a whole number of at least 1");
                    else
                        seeds.push_back(static_cast<int>(*v));
                }
            }
        }
        if (rule.first_round == FirstRound::pairs && rule.pairs.empty())
            fail(t, "first_round = \"pairs\" needs 'pairs'");
        return rule;
    }

    void check_order(const Format& format) {
        for (std::size_t i = 1; i < format.transitions.size(); ++i)
            if (format.transitions[i].from <= format.transitions[i - 1].from && !error_)
                error_ = Error{source_, 0,
                               "transitions must be listed in running order, each "
                               "round once (heats, quarterfinals, semifinals)"};
    }
};

}  // namespace

std::string_view to_string(TimePool v) {
    return time_pool_names.at(static_cast<int>(v));
}
std::string_view to_string(RefereePolicy v) {
    return referee_names.at(static_cast<int>(v));
}
std::string_view to_string(TiePolicy v) {
    return tie_names.at(static_cast<int>(v));
}
std::string_view to_string(FinalBRouting v) {
    return final_b_names.at(static_cast<int>(v));
}
std::string_view to_string(Era v) {
    return era_names.at(static_cast<int>(v));
}
std::string_view to_string(UnplacedOrder v) {
    return unplaced_order_names.at(static_cast<int>(v));
}
std::string_view to_string(UnplacedFinalists v) {
    return unplaced_finalists_names.at(static_cast<int>(v));
}
std::string_view to_string(FirstRound v) {
    return first_round_names.at(static_cast<int>(v));
}
std::string_view to_string(Reseed v) {
    return reseed_names.at(static_cast<int>(v));
}

Result<Format> parse_format(std::string_view toml_text, std::string source) {
    return detail::read_toml<FormatReader>(toml_text, std::move(source));
}

Result<Format> load_format(const std::string& path) {
    const auto text = detail::read_file(path);
    if (!text) return Error{path, 0, "cannot open the format file"};
    return parse_format(*text, path);
}

std::string format_to_toml(const Format& format) {
    const auto quoted = [](const std::string& s) {
        std::string out = "\"";
        for (const char c : s) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        return out + "\"";
    };
    std::ostringstream out;
    out << "name = " << quoted(format.name) << "\n";
    out << "description = " << quoted(format.description) << "\n";
    for (const auto& t : format.transitions) {
        out << fmt::format("\n[[transition]]\nfrom = \"{}\"\n",
                           from_names.at(static_cast<int>(t.from)));
        if (t.races) out << fmt::format("races = {}\n", *t.races);
        out << fmt::format("place_quota = {}\n", t.place_quota);
        if (t.capacity) out << fmt::format("capacity = {}\n", *t.capacity);
        out << fmt::format("time_pool = \"{}\"\nreferee = \"{}\"\nties = \"{}\"\n",
                           to_string(t.time_pool), to_string(t.referee), to_string(t.ties));
    }
    const auto& f = format.finals;
    out << fmt::format(
        "\n[finals]\nfinal_b = \"{}\"\nfinal_b_places = [{}, {}]\n"
        "final_b_min_field = {}\n",
        to_string(f.final_b), f.final_b_first_place, f.final_b_last_place, f.final_b_min_field);
    const auto& c = format.classification;
    out << fmt::format(
        "\n[classification]\nera = \"{}\"\npoints = [{}]\nunplaced_order = \"{}\"\n"
        "unplaced_finalists = \"{}\"\n",
        to_string(c.era), fmt::join(c.points, ", "), to_string(c.unplaced_order),
        to_string(c.unplaced_finalists));
    const auto& d = format.draw;
    if (d.first_round != FirstRound::snake || d.reseed != Reseed::snake) {
        out << fmt::format("\n[draw]\nfirst_round = \"{}\"\n", to_string(d.first_round));
        if (!d.pairs.empty()) {
            std::vector<std::string> races;
            for (const auto& race : d.pairs)
                races.push_back(fmt::format("[{}]", fmt::join(race, ", ")));
            out << fmt::format("pairs = [{}]\n", fmt::join(races, ", "));
        }
        out << fmt::format("reseed = \"{}\"\n", to_string(d.reseed));
    }
    return out.str();
}

}  // namespace heatgraph
