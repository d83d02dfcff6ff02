#include "heatgraph/load.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "heatgraph/article.hpp"
#include "heatgraph/event_json.hpp"
#include "heatgraph/identity.hpp"
#include "heatgraph/table.hpp"
#include "sources/text.hpp"

namespace heatgraph {

namespace {

// The folded words an event is known by: its title's and its infobox values'.
std::vector<std::string> words_of(const Event& event) {
    auto words = folded_words(event.info.title);
    for (const auto& [key, value] : event.info.infobox) {
        auto more = folded_words(value);
        words.insert(words.end(), more.begin(), more.end());
    }
    return words;
}

}  // namespace

bool names_event(std::string_view filter, const Event& event) {
    const auto words = words_of(event);
    for (const auto& wanted : folded_words(filter)) {
        const bool found = std::any_of(words.begin(), words.end(),
                                       [&](const std::string& w) { return w.starts_with(wanted); });
        if (!found) return false;
    }
    return true;
}

namespace {

std::string listing(const std::vector<const Event*>& events) {
    std::string text;
    for (const auto* e : events)
        text += fmt::format("\n  {}", e->info.title);
    return text;
}

std::string sources_of(const std::vector<Event>& events) {
    std::vector<std::string> sources;
    for (const auto& e : events)
        if (std::find(sources.begin(), sources.end(), e.source) == sources.end())
            sources.push_back(e.source);
    return fmt::format("{}", fmt::join(sources, ", "));
}

}  // namespace

Result<std::vector<Event>> load_events(const std::vector<std::string>& paths) {
    std::vector<Event> events;
    std::vector<TableText> tables;
    for (std::size_t k = 0; k < paths.size(); ++k) {
        const auto& path = paths[k];
        if (std::find(paths.begin(), paths.begin() + static_cast<std::ptrdiff_t>(k), path) !=
            paths.begin() + static_cast<std::ptrdiff_t>(k))
            return Error{path, 0, "given twice"};
        std::error_code unreadable;  // reported by read_input below
        if (std::filesystem::is_directory(path, unreadable))
            return Error{path, 0, "a directory, not a file (give the files in it: dir/*.csv)"};
        auto file = detail::read_input(path, "the file");
        if (!file) return file.error();
        if (is_table(path, *file)) {
            tables.push_back({path, std::move(*file)});
            continue;
        }
        const auto start = file->find_first_not_of(" \t\r\n");
        auto event = start != std::string::npos && (*file)[start] == '{'
                         ? parse_event_json(*file, path)
                         : parse_article(*file, path);
        if (!event) return event.error();
        events.push_back(std::move(*event));
    }
    if (!tables.empty()) {
        auto more = parse_tables(tables);
        if (!more) return more.error();
        for (auto& e : *more)
            events.push_back(std::move(e));
    }
    return events;
}

Result<Event> select_event(std::vector<Event> events, std::string_view filter) {
    if (events.empty()) return Error{{}, 0, "no event given"};
    std::vector<const Event*> all, chosen;
    for (const auto& e : events) {
        all.push_back(&e);
        if (names_event(filter, e)) chosen.push_back(&e);
    }
    const auto source = sources_of(events);
    if (chosen.size() == 1) return std::move(events[chosen.front() - events.data()]);
    if (filter.empty())
        return Error{
            source, 0,
            fmt::format("holds {} events; name one with --event:{}", events.size(), listing(all))};
    if (chosen.empty())
        return Error{source, 0,
                     fmt::format("no event matches '{}'; the events are:{}", filter, listing(all))};
    return Error{source, 0,
                 fmt::format("'{}' matches {} events; name one more closely:{}", filter,
                             chosen.size(), listing(chosen))};
}

Result<std::vector<Event>> select_events(std::vector<Event> events, std::string_view filter) {
    std::vector<Event> chosen;
    for (const auto& e : events)
        if (names_event(filter, e)) chosen.push_back(e);
    if (chosen.empty() && !events.empty()) return select_event(std::move(events), filter).error();
    return chosen;
}

Result<Event> load_event(const std::vector<std::string>& paths, std::string_view filter) {
    auto events = load_events(paths);
    if (!events) return events.error();
    return select_event(std::move(*events), filter);
}

Result<Event> load_event(const std::string& path) {
    return load_event(std::vector<std::string>{path});
}

}  // namespace heatgraph
