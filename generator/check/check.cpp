#include "check/check.hpp"

#include <algorithm>
#include <bit>

#include "model/facts.hpp"
#include "model/text.hpp"

namespace protopub::check {

using namespace protopub::model;

namespace {

std::string show(const std::vector<int>& parts) { return join_number(parts); }

SourcePos number_place(const Clause& c) { return c.number_pos.known() ? c.number_pos : c.pos; }

// The first clause given each number, found by the number's own parts in an open-addressed
// table sized once: a map keyed by each number joined into a string, a node for every
// clause, cost more than the rest of the check.
class FirstByNumber {
public:
    explicit FirstByNumber(std::size_t clauses)
        : slots_(std::bit_ceil(std::max<std::size_t>(2 * clauses, 2))), shift_(64 - std::countr_zero(slots_.size())) {}
    // The clause first given c's number: c itself when it is the first.
    const Clause& first(const Clause& c) {
        for (std::size_t k = slot(c.number.parts);; k = (k + 1) & (slots_.size() - 1)) {
            if (!slots_[k]) return *(slots_[k] = &c);
            if (slots_[k]->number.parts == c.number.parts) return *slots_[k];
        }
    }

private:
    std::size_t slot(const std::vector<int>& parts) const {
        std::uint64_t h = 1469598103934665603ull;
        for (int part : parts) h = (h ^ static_cast<std::uint32_t>(part)) * 1099511628211ull;
        return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ull) >> shift_);
    }
    std::vector<const Clause*> slots_;
    int shift_;
};

// Checks `cur` against the number before it in document order. Numbering is a walk
// of a tree whose shape comes from the numbers: after 3.4.2 may come 3.4.3, 3.5, 4.1
// or 3.4.2.1; anything else is a gap or out of order.
void check_sequence(const std::vector<int>& prev, const Clause& cur, const std::string& file, Diagnostics& diags) {
    const auto& c = cur.number.parts;
    std::size_t k = 0;
    while (k < prev.size() && k < c.size() && prev[k] == c[k]) ++k;
    const SourcePos at = number_place(cur);

    if (k == c.size()) {
        // cur equals prev or is an ancestor of it: reported as a duplicate elsewhere,
        // or it comes after its own sub-clauses
        if (c.size() < prev.size()) diags.error(file, at, "clause " + show(c) + " comes after " + show(prev));
        return;
    }
    if (k == prev.size()) {
        // a sub-clause of prev: must start at prev.1
        if (c.size() > prev.size() + 1 || c[k] != 1) {
            std::vector<int> expected = prev;
            expected.push_back(1);
            diags.error(file, at,
                        "clause " + show(c) + " follows " + (prev.empty() ? std::string("the start") : show(prev)) +
                            ": " + show(expected) + " is missing");
        }
        return;
    }
    if (c[k] < prev[k]) {
        diags.error(file, at, "clause " + show(c) + " comes after " + show(prev));
        return;
    }
    // cur[k] == prev[k] + 1, with deeper parts starting at 1 (3.4.2 -> 3.5 or 3.5.1 is not
    // fine); the number expected is made only for the message
    if (c[k] > prev[k] + 1 || c.size() > k + 1) {
        std::vector<int> expected(c.begin(), c.begin() + static_cast<long>(k));
        expected.push_back(prev[k] + 1);
        diags.error(file, at, "clause " + show(c) + " follows " + show(prev) + ": " + show(expected) + " is missing");
    }
}

}  // namespace

void check_structure(const Protocol& p, Diagnostics& diags) {
    const std::string& file = p.source_path;
    std::vector<int> prev;          // the last number seen, in document order
    std::vector<int> prev_section;  // the last level-2 section number seen

    std::vector<int> current;  // number of the enclosing level-2 section
    const std::size_t opening = model::opening_run(p).size();
    std::size_t numbered_seen = 0;
    std::size_t clauses = 0;
    for (const auto& s : p.sections) clauses += s.clauses.size();
    FirstByNumber seen(clauses);
    for (auto section = p.sections.begin(); section != p.sections.end(); ++section) {
        const Section& s = *section;
        if (s.kind == SectionKind::preamble) continue;
        if (s.level <= 2) {
            // Only sections whose clauses are numbered N.x take part in the walk; with
            // single-level clauses (1., 2., 3.) the section has no number of its own. Its
            // first numbered clause may stand under a sub-heading ("IF THINGS GO WRONG" /
            // "Procedure for officers" / 10.1).
            current = section_number(s);
            bool multi_level = !s.number.empty();
            for (auto part = section; !multi_level && part != p.sections.end() && (part == section || part->level > 2);
                 ++part) {
                const auto numbered = std::find_if(part->clauses.begin(), part->clauses.end(),
                                                   [](const Clause& c) { return !c.number.empty(); });
                if (numbered == part->clauses.end()) continue;
                multi_level = numbered->number.parts.size() > 1;
                if (current.empty()) current = {numbered->number.parts.front()};
                break;
            }
            if (current.size() == 1 && multi_level) {
                const int n = current[0];
                if (!prev_section.empty()) {
                    const std::string what = "section " + std::to_string(n);
                    if (n == prev_section[0])
                        diags.error(file, s.pos, what + " is numbered twice");
                    else if (n < prev_section[0])
                        diags.error(file, s.pos, what + " comes after section " + show(prev_section));
                    else if (n > prev_section[0] + 1)
                        diags.error(file, s.pos,
                                    what + " follows section " + show(prev_section) + ": section " +
                                        std::to_string(prev_section[0] + 1) + " is missing");
                }
                prev_section = current;
                // The section stands for its number in the walk: N.1 may follow it.
                prev = current;
            }
        }
        for (const auto& c : s.clauses) {
            const SourcePos at = number_place(c);
            if (c.heading.empty() && c.blocks.empty())
                diags.error(file, at, "clause " + c.number.text + " has no text");
            if (c.number.empty()) continue;
            // a text that goes on from a series begun elsewhere opens where it does
            const bool opens = numbered_seen++ < opening;
            if (const Clause& first = seen.first(c); &first != &c) {
                diags.error(file, at,
                            "clause " + show(c.number.parts) + " is numbered twice (first at line " +
                                std::to_string(number_place(first).line) + ")");
                continue;
            }
            if (!current.empty() && c.number.parts.size() > 1 && c.number.parts.front() != current.front()) {
                diags.error(file, at, "clause " + show(c.number.parts) + " is inside section " + show(current));
                continue;
            }
            if (!opens) check_sequence(prev, c, file, diags);
            prev = c.number.parts;
        }
    }
}

}  // namespace protopub::check
