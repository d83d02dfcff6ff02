#include "sources/event_info.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "sources/text.hpp"

namespace heatgraph::detail {

std::optional<int> first_year(std::string_view text) {
    const auto digit = [&](std::size_t i) {
        return std::isdigit(static_cast<unsigned char>(text[i])) != 0;
    };
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        const bool alone = (i == 0 || !digit(i - 1)) && (i + 4 == text.size() || !digit(i + 4));
        const auto year = parse_int(text.substr(i, 4));
        if (alone && year && *year >= 1900 && *year <= 2100) return year;
    }
    return std::nullopt;
}

int infobox_line(const EventInfo& info, const std::vector<int>& lines, std::string_view key) {
    for (std::size_t i = 0; i < info.infobox.size() && i < lines.size(); ++i)
        if (info.infobox[i].first == key) return lines[i];
    return 0;
}

void settle_event_info(EventInfo& info, const std::vector<int>& lines) {
    if (const auto games = info.field("Games"); games && !info.year) info.year = first_year(*games);
    if (!info.year) info.year = first_year(info.title);
    if (const auto n = info.field("Competitors")) info.competitors = parse_int(*n);
    info.medalists.clear();
    static constexpr std::array<std::string_view, 3> medals{"Gold", "Silver", "Bronze"};
    for (int m = 0; m < 3; ++m) {
        const auto value = info.field(medals[m]);
        if (!value || value->empty()) continue;
        Medalist medalist{m + 1, *value, info.field(std::string(medals[m]) + "noc").value_or(""),
                          infobox_line(info, lines, medals[m])};
        // "ITA Duccio Marsili": a country code printed before the name.
        const auto& name = medalist.name;
        if (name.size() > 4 && name[3] == ' ' &&
            std::all_of(name.begin(), name.begin() + 3,
                        [](unsigned char c) { return std::isupper(c) != 0; })) {
            if (medalist.noc.empty()) medalist.noc = name.substr(0, 3);
            medalist.name = name.substr(4);
        }
        info.medalists.push_back(std::move(medalist));
    }
}

}  // namespace heatgraph::detail
