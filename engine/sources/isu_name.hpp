// Private: the ISU's way of printing names in its result tables, and the readable name behind it.
//
// The ISU prints the family name in capitals and removes the spaces: "MarianneST-GELAIS",
// "vanKERKHOFYara", "SannevanKERKHOF", "FANKexin", "LEESoYoun". Which part comes first varies
// from table to table even for one member, so the printed order says nothing about the skater;
// the member's naming custom does. Parsing is a lossless split of the printed text (no case is
// changed, the two parts concatenate back to it); all the guessing about particles, title case
// and order lives in readable_isu_name, which a reader calls once per row.
//
// What cannot be recovered is said where it is guessed: the ISU also removes a space inside the
// family name ("MAU ASAM" is printed "MAUASAM"), and a lower-case particle printed after the
// given name ("Sannevan", "Maureende") is told from the given name only by a list of particles.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace heatgraph::detail {

struct IsuName {
    std::string given;  // as printed: "Marianne", "SoYoun", "Yara"; empty when none was printed
    // As printed, with the Mc/Mac prefix and the lower-case particles the ISU printed next to
    // the capitals: "ST-GELAIS", "vanKERKHOF", "McDONALD", "van'tWOUT".
    std::string family;
    bool family_first = false;  // printed "FAMILYGiven" rather than "GivenFAMILY"
};

// The printed name split into its given and family parts; nullopt when the text is not in the
// ISU form, so that the caller keeps it as written: no run of two or more capitals ("Marianne
// St-Gelais", "marianne"), a space, a digit or other punctuation than a hyphen or an apostrophe,
// two capital runs, lower case before the capitals that is no particle, invalid UTF-8. A run of
// capitals followed by lower case gives its last capital to the given name ("KERKHOFYara" is
// "KERKHOF" + "Yara"). Capitals alone ("JAN", "vanKERKHOF") are a family name without a given.
[[nodiscard]] std::optional<IsuName> parse_isu_name(std::string_view printed);

// The name as an encyclopedia prints it, for a skater of ISU member (NOC code) `member`: the
// family name in title case with its particles in lower case, the given name split where the
// ISU removed spaces, and the order of the member's custom. Chinese, Korean, Taiwanese and
// Vietnamese names put the family name first ("FANKexin" CHN -> "Fan Kexin", "LEESoYoun" KOR ->
// "Lee So-youn"); members whose skaters' names follow more than one custom (HKG, MAC, MAS, MGL,
// SGP) and unknown or empty codes keep the printed order; every other member puts the given
// name first ("vanKERKHOFYara" NED -> "Yara van Kerkhof"), Japan included, as the ISU's own
// tables and encyclopedias in English do. Returns `printed` unchanged when it is not in the ISU
// form.
[[nodiscard]] std::string readable_isu_name(std::string_view printed, std::string_view member);

}  // namespace heatgraph::detail
