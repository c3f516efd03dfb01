#include "refs/renumber.hpp"

#include <algorithm>

#include "model/facts.hpp"
#include "model/ids.hpp"
#include "model/text.hpp"

namespace protopub::refs {

using namespace protopub::model;

namespace {

// The number as written without a trailing dot or sub-item label: "1.1." -> "1.1",
// "4.2(a)" -> "4.2".
std::string bare_number(std::string_view written) {
    return model::number_without_dots(written.substr(0, written.find('(')));
}

// Sections numbered N with clauses N.x take part in the numbering walk (as in check).
bool numbers_its_clauses(const Section& s) {
    if (!s.number.empty()) return true;
    for (const auto& c : s.clauses)
        if (!c.number.empty()) return c.number.parts.size() > 1;
    return false;
}

// The next number after `prev` for a clause `depth` parts deep.
std::vector<int> next_number(const std::vector<int>& prev, const std::vector<int>& written) {
    const std::size_t depth = written.size();
    if (prev.empty()) {
        std::vector<int> first(depth, 1);
        first[0] = written[0];
        return first;
    }
    std::vector<int> next(prev.begin(), prev.begin() + static_cast<long>(std::min(prev.size(), depth)));
    if (prev.size() >= depth) ++next.back();
    next.resize(depth, 1);
    return next;
}

using ascii::is_digit;

// `number` written at `at` as a whole number, not part of a longer one ("13", "3.14").
bool number_at(std::string_view text, std::size_t at, std::string_view number) {
    if (text.substr(at, number.size()) != number) return false;
    if (at > 0 && (is_digit(text[at - 1]) || (text[at - 1] == '.' && at > 1 && is_digit(text[at - 2])))) return false;
    const std::size_t end = at + number.size();
    if (end < text.size() && is_digit(text[end])) return false;
    if (end + 1 < text.size() && text[end] == '.' && is_digit(text[end + 1])) return false;
    return true;
}

struct Line {
    std::size_t begin;
    std::size_t end;  // before the line break
};

// Lines as the reader counts them: LF, CRLF and a lone CR each end one.
std::vector<Line> split_lines(std::string_view text, std::size_t from) {
    std::vector<Line> lines;
    std::size_t begin = from;
    for (std::size_t i = from; i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r') continue;
        lines.push_back({begin, i});
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        begin = i + 1;
    }
    lines.push_back({begin, text.size()});
    return lines;
}

// Where `edit` applies: at its column, else the nearest occurrence on its line
// (the first one after the column, else the last one before it).
std::optional<std::size_t> locate(std::string_view text, const std::vector<Line>& lines, const NumberEdit& edit) {
    if (edit.pos.line == 0 || edit.pos.line > lines.size()) return std::nullopt;
    const Line& line = lines[edit.pos.line - 1];
    const std::size_t expected = line.begin + (edit.pos.column ? edit.pos.column - 1 : 0);
    if (expected < line.end && number_at(text, expected, edit.old_number)) return expected;
    std::optional<std::size_t> before;
    for (std::size_t at = line.begin; at + edit.old_number.size() <= line.end; ++at) {
        if (!number_at(text, at, edit.old_number)) continue;
        if (at >= expected) return at;
        before = at;
    }
    return before;
}

}  // namespace

std::unordered_map<std::string, std::string> recompute_numbers(const Protocol& p) {
    std::unordered_map<std::string, std::string> numbers;
    std::vector<int> prev;
    for (const auto& s : p.sections) {
        if (s.kind == SectionKind::preamble) continue;
        const bool top = s.level <= 2;
        const std::vector<int> written = top ? model::section_number(s) : std::vector<int>{};
        if (!written.empty() && numbers_its_clauses(s)) {
            prev = {prev.empty() ? written[0] : prev[0] + 1};
            numbers[s.id] = std::to_string(prev[0]);
        }
        for (const auto& c : s.clauses) {
            if (c.number.empty()) continue;
            prev = next_number(prev, c.number.parts);
            numbers[c.id] = join_number(prev);
            // a section of single-level clauses is numbered by its first clause
            if (!written.empty() && !numbers.count(s.id)) numbers[s.id] = std::to_string(prev[0]);
        }
    }
    return numbers;
}

std::vector<NumberEdit> plan_renumber(const Protocol& p, Diagnostics& diags) {
    const auto numbers = recompute_numbers(p);
    std::vector<NumberEdit> edits;
    auto rewrite = [&](SourcePos pos, const std::string& written, const std::string& id) {
        auto it = numbers.find(id);
        const std::string old_number = bare_number(written);
        if (it != numbers.end() && it->second != old_number) edits.push_back({pos, old_number, it->second});
    };
    for (const auto& s : p.sections) {
        if (!s.number.empty()) rewrite(s.pos, s.number.text, s.id);
        for (const auto& c : s.clauses)
            if (!c.number.empty()) rewrite(c.number_pos.known() ? c.number_pos : c.pos, c.number.text, c.id);
    }
    for (const auto& r : p.references) {
        if (r.kind != ReferenceKind::internal) continue;
        const std::string what = "reference '" + r.text + "' left as written: ";
        if (r.ambiguous) {
            // After an insertion numbered by hand ("## 10." before the old section 10) two
            // clauses carry the number; renumbering would silently pick one of them.
            for (const auto& t : r.targets) {
                if (!t.clause_id.empty()) continue;
                std::string candidates;
                int found = 0;
                const std::string number = bare_number(t.number);
                for (const auto& s : p.sections) {
                    if (!s.number.empty() && join_number(s.number.parts) == number)
                        candidates += std::string(found++ ? " and " : "") + "section {#" + s.id + "} at line " +
                                      std::to_string(s.pos.line);
                    for (const auto& c : s.clauses)
                        if (join_number(c.number.parts) == number)
                            candidates += std::string(found++ ? " and " : "") + "{#" + c.id + "} at line " +
                                          std::to_string(c.pos.line);
                }
                diags.error(
                    p.source_path, t.pos.known() ? t.pos : r.pos,
                    "reference '" + r.text + "' is ambiguous: " + t.number + " numbers " + candidates +
                        "; renumbering would change what it points to, so nothing is renumbered: make the numbers "
                        "unique (or write the reference to the clause you mean) first");
            }
            continue;
        }
        for (const auto& t : r.targets) {
            if (t.clause_id.empty())
                diags.warning(p.source_path, t.pos, what + t.number + " points nowhere");
            else
                rewrite(t.pos, t.number, t.clause_id);
        }
    }
    return edits;
}

std::optional<std::string> apply_edits(std::string_view source, const std::vector<NumberEdit>& edits,
                                       const std::string& path, Diagnostics& diags) {
    // The reader counts columns after a UTF-8 byte order mark.
    const std::size_t start = source.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    const std::vector<Line> lines = split_lines(source, start);
    struct Placed {
        std::size_t at;
        const NumberEdit* edit;
    };
    std::vector<Placed> placed;
    for (const auto& e : edits) {
        auto at = locate(source, lines, e);
        if (!at) {
            diags.error(path, e.pos, "renumber: cannot find " + e.old_number + " here; the file is left unchanged");
            return std::nullopt;
        }
        placed.push_back({*at, &e});
    }
    std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.at < b.at; });
    std::string out;
    out.reserve(source.size() + edits.size() * 2);
    std::size_t copied = 0;
    for (const auto& pl : placed) {
        if (pl.at < copied) {
            diags.error(path, pl.edit->pos, "renumber: two numbers overlap here; the file is left unchanged");
            return std::nullopt;
        }
        out.append(source, copied, pl.at - copied);
        out += pl.edit->new_number;
        copied = pl.at + pl.edit->old_number.size();
    }
    out.append(source, copied, std::string_view::npos);
    return out;
}

}  // namespace protopub::refs
