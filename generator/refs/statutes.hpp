// The built-in table of the statutes local government cites, and their addresses on
// legislation.gov.uk. A citation resolves when its short title and year are in the table;
// others are kept as unresolved statute references (listed by `refs`, never linked).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace protopub::refs {

struct Statute {
    std::string_view title;  // short title without the year: "Local Government Act"
    int year = 0;
    std::string_view type;          // legislation.gov.uk type: ukpga, uksi, eur
    int number = 0;                 // chapter (ukpga), SI number (uksi), regulation number (eur)
    std::string_view abbreviation;  // "LGA", "FOIA", "" when none is in common use

    // "Local Government Act 1972"
    std::string citation() const;
};

const std::vector<Statute>& statutes();

// The statute with this short title (any case, curly or straight apostrophes, any
// spacing; "the" in front ignored) and year; year 0 finds the one statute of that title
// when there is only one. nullptr when unknown.
const Statute* find_statute(std::string_view title, int year);
// "LGA" + 1972, "FOIA" + 0 -> the statute; nullptr when unknown or ambiguous.
const Statute* find_statute_by_abbreviation(std::string_view abbreviation, int year);

// A pin-point inside a statute: {"section", "114"}, {"schedule", "12A"}, {"part", "3"},
// {"article", "6"}, {"regulation", "5"}; a paragraph of a schedule is {"schedule",
// "12A/paragraph/3"}.
struct PinPoint {
    std::string kind;
    std::string number;
};

// https://www.legislation.gov.uk/ukpga/1989/42 and, with a pin-point, .../section/5,
// .../schedule/12A.
std::string legislation_url(const Statute& s, const PinPoint& pin = {});

}  // namespace protopub::refs
