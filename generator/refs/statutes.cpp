#include "refs/statutes.hpp"

#include <cctype>

namespace protopub::refs {

namespace {

// Chapter numbers checked against legislation.gov.uk. Keep in order of year, then title.
const std::vector<Statute> table = {
    {"Local Government Act", 1972, "ukpga", 70, "LGA"},
    {"Health and Safety at Work etc. Act", 1974, "ukpga", 37, ""},
    {"Local Government Act", 1974, "ukpga", 7, ""},
    {"Local Government (Miscellaneous Provisions) Act", 1976, "ukpga", 57, ""},
    {"Local Government, Planning and Land Act", 1980, "ukpga", 65, ""},
    {"Local Government (Miscellaneous Provisions) Act", 1982, "ukpga", 30, ""},
    {"Representation of the People Act", 1983, "ukpga", 2, ""},
    {"Local Government (Access to Information) Act", 1985, "ukpga", 43, ""},
    {"Local Government Act", 1986, "ukpga", 10, ""},
    {"Local Government Act", 1988, "ukpga", 9, ""},
    {"Local Government Finance Act", 1988, "ukpga", 41, "LGFA"},
    {"Local Government and Housing Act", 1989, "ukpga", 42, "LGHA"},
    {"Town and Country Planning Act", 1990, "ukpga", 8, "TCPA"},
    {"Local Government Finance Act", 1992, "ukpga", 14, ""},
    {"Employment Rights Act", 1996, "ukpga", 18, ""},
    {"Local Government (Contracts) Act", 1997, "ukpga", 65, ""},
    {"Protection from Harassment Act", 1997, "ukpga", 40, ""},
    {"Crime and Disorder Act", 1998, "ukpga", 37, ""},
    {"Data Protection Act", 1998, "ukpga", 29, "DPA"},
    {"Human Rights Act", 1998, "ukpga", 42, "HRA"},
    {"Public Interest Disclosure Act", 1998, "ukpga", 23, ""},
    {"Local Government Act", 1999, "ukpga", 27, ""},
    {"Freedom of Information Act", 2000, "ukpga", 36, "FOIA"},
    {"Local Government Act", 2000, "ukpga", 22, "LGA"},
    {"Regulation of Investigatory Powers Act", 2000, "ukpga", 23, "RIPA"},
    {"Local Authorities (Standing Orders) (England) Regulations", 2001, "uksi", 3384, ""},
    {"Local Government Act", 2003, "ukpga", 26, ""},
    {"Local Authorities (Members' Allowances) (England) Regulations", 2003, "uksi", 1021, ""},
    {"Environmental Information Regulations", 2004, "uksi", 3391, "EIR"},
    {"Local Government and Public Involvement in Health Act", 2007, "ukpga", 28, ""},
    {"Local Democracy, Economic Development and Construction Act", 2009, "ukpga", 20, ""},
    {"Bribery Act", 2010, "ukpga", 23, ""},
    {"Equality Act", 2010, "ukpga", 15, ""},
    {"Localism Act", 2011, "ukpga", 20, ""},
    {"Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England) Regulations", 2012,
     "uksi", 2089, ""},
    {"Relevant Authorities (Disclosable Pecuniary Interests) Regulations", 2012, "uksi", 1464, ""},
    {"Local Audit and Accountability Act", 2014, "ukpga", 2, ""},
    {"Openness of Local Government Bodies Regulations", 2014, "uksi", 2095, ""},
    {"Accounts and Audit Regulations", 2015, "uksi", 234, ""},
    {"Modern Slavery Act", 2015, "ukpga", 30, ""},
    {"Public Contracts Regulations", 2015, "uksi", 102, ""},
    {"Cities and Local Government Devolution Act", 2016, "ukpga", 1, ""},
    // Regulation (EU) 2016/679, retained as the UK GDPR; legislation.gov.uk keeps it under eur.
    {"General Data Protection Regulation", 2016, "eur", 679, "GDPR"},
    {"Data Protection Act", 2018, "ukpga", 12, "DPA"},
    {"Levelling-up and Regeneration Act", 2023, "ukpga", 55, ""},
    {"Procurement Act", 2023, "ukpga", 54, ""},
};

// Lower case, one space between words, straight apostrophes, no leading "the ".
std::string normalise_title(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(s[i + 2]) == 0x98 || static_cast<unsigned char>(s[i + 2]) == 0x99)) {
            out += '\'';
            i += 2;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);  // ASCII: no locale call per byte
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.rfind("the ", 0) == 0) out.erase(0, 4);
    return out;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

// The one statute matching `matches` (and `year`, unless 0); nullptr if none or several.
template <class Match>
const Statute* find_unique(int year, Match matches) {
    const Statute* found = nullptr;
    for (const auto& s : table) {
        if (!matches(s) || (year != 0 && s.year != year)) continue;
        if (found) return nullptr;
        found = &s;
    }
    return found;
}

}  // namespace

std::string Statute::citation() const {
    std::string out(title);
    if (type != "eur") out += ' ' + std::to_string(year);
    return out;
}

const std::vector<Statute>& statutes() { return table; }

const Statute* find_statute(std::string_view title, int year) {
    // the table's titles, normalised once
    static const std::vector<std::string> titles = [] {
        std::vector<std::string> out;
        for (const auto& s : table) out.push_back(normalise_title(s.title));
        return out;
    }();
    const std::string wanted = normalise_title(title);
    return find_unique(year,
                       [&](const Statute& s) { return titles[static_cast<std::size_t>(&s - table.data())] == wanted; });
}

const Statute* find_statute_by_abbreviation(std::string_view abbreviation, int year) {
    if (abbreviation.empty()) return nullptr;
    return find_unique(year, [&](const Statute& s) { return equal_ignoring_case(s.abbreviation, abbreviation); });
}

std::string legislation_url(const Statute& s, const PinPoint& pin) {
    std::string url = "https://www.legislation.gov.uk/" + std::string(s.type) + "/" + std::to_string(s.year) + "/" +
                      std::to_string(s.number);
    if (!pin.kind.empty() && !pin.number.empty()) url += "/" + pin.kind + "/" + pin.number;
    return url;
}

}  // namespace protopub::refs
