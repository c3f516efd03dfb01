#include "model/facts.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <vector>

#include "model/text.hpp"

namespace protopub::model {

namespace {

bool read_int(std::string_view s, int& out) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

const std::array<const char*, 12> months = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::string date_in_words(std::string_view iso) {
    int year = 0, month = 0, day = 0;
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !read_int(iso.substr(0, 4), year) ||
        !read_int(iso.substr(5, 2), month) || !read_int(iso.substr(8, 2), day) || month < 1 || month > 12 || day < 1 ||
        day > 31)
        return std::string(iso);
    return std::to_string(day) + " " + months[static_cast<std::size_t>(month - 1)] + " " + std::to_string(year);
}

std::string date_from_words(std::string_view words) {
    int year = 0, month = 0, day = 0;
    if (words.size() == 10 && words[4] == '-' && words[7] == '-' && read_int(words.substr(0, 4), year) &&
        read_int(words.substr(5, 2), month) && read_int(words.substr(8, 2), day))
        return std::string(words);
    std::vector<std::string> parts = split_words(words);
    // "19th January 2015": the day's ordinal ending is no part of its number
    if (!parts.empty() && parts[0].size() > 2) {
        std::string ending = parts[0].substr(parts[0].size() - 2);
        for (char& c : ending) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (ending == "st" || ending == "nd" || ending == "rd" || ending == "th") parts[0].resize(parts[0].size() - 2);
    }
    if (parts.size() != 3 || parts[2].size() != 4 || !read_int(parts[0], day) || !read_int(parts[2], year) || day < 1 ||
        day > 31)
        return "";
    // (the month in full only, as before: "1 Oct 2015" is read as no date)
    month = month_number(parts[1]);
    if (month == 0 || parts[1].size() != std::string_view(months[static_cast<std::size_t>(month - 1)]).size())
        return "";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

int month_number(std::string_view word) {
    const auto same = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
               });
    };
    for (std::size_t m = 0; m < months.size(); ++m) {
        const std::string_view name = months[m];
        if (same(word, name) || same(word, name.substr(0, 3)) || (m == 8 && same(word, "Sept")))
            return static_cast<int>(m) + 1;
    }
    return 0;
}

std::string_view status_notice(Status s) {
    switch (s) {
        case Status::draft: return "This is a draft. It has not been adopted.";
        case Status::superseded: return "This version has been superseded and is no longer in force.";
        case Status::adopted: return "";
    }
    return "";
}

std::string status_in_words(Status s) {
    switch (s) {
        case Status::draft: return "Draft";
        case Status::adopted: return "Adopted";
        case Status::superseded: return "Superseded";
    }
    return "";
}

std::vector<TitleFact> title_facts(const Metadata& m) {
    std::vector<TitleFact> facts;
    auto add = [&](const char* label, const std::string& value) {
        if (!value.empty()) facts.push_back({label, value});
    };
    // Every protocol has a version (the reader requires one); a document made from
    // protocols (a comparison) has none, and no status either.
    add("Version", m.version);
    if (!m.version.empty()) add("Status", status_in_words(m.status));
    add("Adopted", m.adopted.empty() ? "" : date_in_words(m.adopted));
    add("Adopted by", m.adopted_by);
    add("Minute", m.minute);
    add("Supersedes", m.supersedes);
    if (m.constitution) add("Constitution", constitution_place(*m.constitution));
    return facts;
}

std::string constitution_place(const ConstitutionPlace& place) {
    std::string words = place.part.empty() ? "" : "Part " + place.part;
    if (!place.section.empty()) words += (words.empty() ? "" : ", ") + std::string("Section ") + place.section;
    return words;
}

std::vector<TitleLine> title_lines(const Metadata& m) {
    if (!m.marked_facts.empty()) return m.marked_facts;
    std::vector<TitleLine> lines;
    for (auto& [label, value] : title_facts(m))
        lines.push_back({std::move(label), {Inline{InlineKind::text, std::move(value), {}, {}, -1, {}}}});
    return lines;
}

std::vector<int> section_number(const Section& s) {
    if (s.kind == SectionKind::preamble) return {};
    if (!s.number.empty()) return s.number.parts;
    for (const auto& c : s.clauses)
        if (!c.number.empty()) return {c.number.parts.front()};
    return {};
}

std::vector<std::vector<int>> opening_run(const Protocol& p) {
    std::vector<std::vector<int>> run;
    for (const auto& s : p.sections) {
        if (s.kind == SectionKind::preamble) continue;
        for (const auto& c : s.clauses) {
            if (c.number.empty()) continue;
            const auto& n = c.number.parts;
            if (run.empty()) {
                if (std::none_of(n.begin(), n.end(), [](int part) { return part > 1; })) return run;
            } else if (n.size() <= run.back().size() || !std::equal(run.back().begin(), run.back().end(), n.begin())) {
                return run;
            }
            run.push_back(n);
        }
    }
    return run;
}

bool before_the_text(const std::vector<int>& number, const std::vector<std::vector<int>>& opening_run) {
    if (opening_run.empty()) return false;
    if (number < opening_run.front()) return true;
    for (std::size_t k = 0; k + 1 < opening_run.size(); ++k) {
        const auto& here = opening_run[k];
        if (number.size() > here.size() && std::equal(here.begin(), here.end(), number.begin()) &&
            number < opening_run[k + 1])
            return true;
    }
    return false;
}

namespace {

// Words as they read once a redline's changes are accepted: deleted words dropped.
void append_accepted(const Inlines& inlines, Inlines& out) {
    for (const auto& in : inlines) {
        if (in.kind == InlineKind::deleted) continue;
        out.push_back({in.kind, in.text, in.target, {}, in.reference, in.pos});
        append_accepted(in.children, out.back().children);
    }
}

}  // namespace

std::string section_name(const Section& s) {
    std::string words;
    if (s.change.kind == ChangeKind::deleted || s.change.moved_from) {
        words = plain_text(s.heading);
    } else {
        Inlines accepted;
        append_accepted(s.heading, accepted);
        words = plain_text(accepted);
    }
    if (!words.empty()) return words;
    if (s.kind == SectionKind::preamble) return "Covering report";
    return s.number.empty() ? std::string() : "Section " + join_number(s.number.parts);
}

LinkTarget link_target(const Reference& r) {
    for (const auto& t : r.targets)
        if (!t.clause_id.empty()) return {LinkTarget::Kind::clause, t.clause_id};
    if (!r.url.empty()) return {LinkTarget::Kind::web, r.url};
    return {};
}

LinkTarget link_target(const Protocol& p, const Inline& reference) {
    if (reference.kind != InlineKind::reference || reference.reference < 0 ||
        static_cast<std::size_t>(reference.reference) >= p.references.size())
        return {};
    return link_target(p.references[static_cast<std::size_t>(reference.reference)]);
}

}  // namespace protopub::model
